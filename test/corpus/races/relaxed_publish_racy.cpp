// corpus: racy
// pattern: atomic "data ready" flag published with memory_order_relaxed
// race: g_payload
//
// Racy: the flag itself is atomic, but relaxed ordering gives no
// happens-before, so the plain g_payload accesses still race.
#include <atomic>
#include <cstdio>
#include <sched.h>
#include <thread>

std::atomic<bool> g_ready{false};
long g_payload = 0;

static long computeChecksum() {
  long Sum = 0;
  for (int I = 0; I < 10000; ++I)
    Sum += I ^ (I >> 3);
  return Sum;
}

int main() {
  std::thread Producer([] {
    g_payload = computeChecksum(); // RACE
    g_ready.store(true, std::memory_order_relaxed);
  });
  while (!g_ready.load(std::memory_order_relaxed))
    sched_yield();
  std::printf("payload=%ld\n", g_payload); // RACE
  Producer.join();
}
