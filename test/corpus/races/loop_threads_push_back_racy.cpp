// corpus: racy
// pattern: threads started in a loop append results to a global vector
// race: g_results
//
// Racy: std::vector::push_back is not thread-safe; the workers started in the
// loop all append to g_results concurrently.
#include <cstdio>
#include <thread>
#include <vector>

std::vector<int> g_results;

static int checksum(int Chunk) {
  int C = 0;
  for (int I = 0; I < 1000; ++I)
    C = C * 31 + Chunk + I;
  return C;
}

int main() {
  g_results.reserve(1024);
  std::vector<std::thread> Workers;
  for (int W = 0; W < 4; ++W)
    Workers.emplace_back([W] {
      for (int Chunk = W; Chunk < 400; Chunk += 4)
        g_results.push_back(checksum(Chunk)); // RACE
    });
  for (std::thread &T : Workers)
    T.join();
  std::printf("results=%zu\n", g_results.size());
}
