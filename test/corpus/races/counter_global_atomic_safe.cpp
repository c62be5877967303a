// corpus: safe
// pattern: global request counter bumped by several worker threads
//
// Safe: the twin of counter_global_racy with g_hits an std::atomic; relaxed
// fetch_add is enough for a pure statistic and is never a data race.
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

std::atomic<long> g_hits{0};

static void handleRequests(int N) {
  for (int I = 0; I < N; ++I)
    g_hits.fetch_add(1, std::memory_order_relaxed);
}

int main() {
  std::vector<std::thread> Workers;
  for (int W = 0; W < 4; ++W)
    Workers.emplace_back(handleRequests, 5000);
  for (std::thread &T : Workers)
    T.join();
  std::printf("hits=%ld\n", g_hits.load());
}
