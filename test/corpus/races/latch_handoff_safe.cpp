// corpus: safe
// pattern: shard workers report partial sums, coordinator waits on a
//          std::latch before merging
//
// Safe: count_down() happens before wait() returns, so every shard's write
// to g_shard_sums is ordered before main reads it (joins come later).
#include <cstdio>
#include <latch>
#include <thread>
#include <vector>

long g_shard_sums[4];

int main() {
  std::latch ShardsDone(4);
  std::vector<std::thread> Shards;
  for (int S = 0; S < 4; ++S)
    Shards.emplace_back([S, &ShardsDone] {
      long Sum = 0;
      for (int I = S; I < 40000; I += 4)
        Sum += I % 97;
      g_shard_sums[S] = Sum;
      ShardsDone.count_down();
    });
  ShardsDone.wait();
  long Total = 0;
  for (long Part : g_shard_sums)
    Total += Part;
  std::printf("total=%ld\n", Total);
  for (std::thread &T : Shards)
    T.join();
}
