// corpus: racy
// pattern: global request counter bumped by several worker threads
// race: g_hits
//
// Racy: every worker does a read-modify-write of g_hits with no lock and no
// atomic, so increments from different threads are unordered.
#include <cstdio>
#include <thread>
#include <vector>

long g_hits = 0;

static void handleRequests(int N) {
  for (int I = 0; I < N; ++I)
    ++g_hits; // RACE
}

int main() {
  std::vector<std::thread> Workers;
  for (int W = 0; W < 4; ++W)
    Workers.emplace_back(handleRequests, 5000);
  for (std::thread &T : Workers)
    T.join();
  std::printf("hits=%ld\n", g_hits);
}
