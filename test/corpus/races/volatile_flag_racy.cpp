// corpus: racy
// pattern: volatile bool used as a "data ready" flag between threads
// race: g_ready
// race: g_payload
//
// Racy: volatile only stops the compiler caching the value; it is not atomic
// and creates no happens-before, so both the flag and the payload race.
#include <cstdio>
#include <sched.h>
#include <thread>

volatile bool g_ready = false;
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
    g_ready = true;                // RACE
  });
  while (!g_ready) // RACE
    sched_yield();
  std::printf("payload=%ld\n", g_payload); // RACE
  Producer.join();
}
