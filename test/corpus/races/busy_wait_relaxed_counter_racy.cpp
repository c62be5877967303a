// corpus: racy
// pattern: shard workers report partial sums, coordinator spins on a relaxed
//          "finished" counter before merging
// race: g_shard_sums
//
// Racy: twin of latch_handoff_safe; relaxed fetch_add/load only make the
// counter itself race-free, they do not order the g_shard_sums writes
// before main's reads.
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

long g_shard_sums[4];
std::atomic<int> g_shards_done{0};

int main() {
  std::vector<std::thread> Shards;
  for (int S = 0; S < 4; ++S)
    Shards.emplace_back([S] {
      long Sum = 0;
      for (int I = S; I < 40000; I += 4)
        Sum += I % 97;
      g_shard_sums[S] = Sum; // RACE
      g_shards_done.fetch_add(1, std::memory_order_relaxed);
    });
  while (g_shards_done.load(std::memory_order_relaxed) < 4)
    std::this_thread::yield();
  long Total = 0;
  for (long Part : g_shard_sums) // RACE
    Total += Part;
  std::printf("total=%ld\n", Total);
  for (std::thread &T : Shards)
    T.join();
}
