#include "metrics.h"
#include <mutex>

long g_requests = 0;
static std::mutex g_requests_mutex;

// Called from every handler thread.
void recordRequest() {
  std::lock_guard<std::mutex> Lock(g_requests_mutex);
  ++g_requests;
}

long requestCount() {
  std::lock_guard<std::mutex> Lock(g_requests_mutex);
  return g_requests;
}
