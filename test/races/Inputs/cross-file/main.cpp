#include "stats.h"
#include <thread>
void worker() {
  record_hit();
  record_safe_hit();
}
int main() {
  std::thread T(worker);
  long Seen = g_hits; // read while the worker runs
  std::lock_guard<std::mutex> Guard(g_mu);
  long Safe = g_safe_hits;
  T.join();
  return static_cast<int>(Seen + Safe);
}
