// corpus: safe
// pattern: threads started in a loop write results to a global vector
//
// Safe: twin of loop_threads_push_back_racy; g_results is sized before the
// threads start and each worker writes only the elements of its own stride,
// so no two threads touch the same element.
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
  g_results.resize(400);
  std::vector<std::thread> Workers;
  for (int W = 0; W < 4; ++W)
    Workers.emplace_back([W] {
      for (int Chunk = W; Chunk < 400; Chunk += 4)
        g_results[Chunk] = checksum(Chunk);
    });
  for (std::thread &T : Workers)
    T.join();
  long Sum = 0;
  for (int R : g_results)
    Sum += R;
  std::printf("results=%zu sum=%ld\n", g_results.size(), Sum);
}
