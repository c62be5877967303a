// corpus: safe
// pattern: global request counter bumped by several worker threads
//
// Safe: the twin of counter_global_racy; every access to g_hits holds
// g_hits_mutex, and main reads it only after joining all workers.
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

long g_hits = 0;
std::mutex g_hits_mutex;

static void handleRequests(int N) {
  for (int I = 0; I < N; ++I) {
    std::lock_guard<std::mutex> Lock(g_hits_mutex);
    ++g_hits;
  }
}

int main() {
  std::vector<std::thread> Workers;
  for (int W = 0; W < 4; ++W)
    Workers.emplace_back(handleRequests, 5000);
  for (std::thread &T : Workers)
    T.join();
  std::printf("hits=%ld\n", g_hits);
}
