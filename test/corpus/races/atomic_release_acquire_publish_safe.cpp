// corpus: safe
// pattern: atomic bool used as a "data ready" flag between threads
//
// Safe: twin of volatile_flag_racy; the release store of g_ready pairs with
// the acquire load, so the payload write happens before the payload read.
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
    g_payload = computeChecksum();
    g_ready.store(true, std::memory_order_release);
  });
  while (!g_ready.load(std::memory_order_acquire))
    sched_yield();
  std::printf("payload=%ld\n", g_payload);
  Producer.join();
}
