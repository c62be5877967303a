// corpus: racy
// pattern: stats struct on main's stack passed by pointer to cache workers
// race: Stats::hits
// race: Stats::misses
//
// Racy: both workers receive the same Stats* and update its fields with no
// lock.
#include <cstdio>
#include <thread>

struct Stats {
  long hits = 0;
  int misses = 0;
};

static void lookupKeys(Stats *S, int Seed) {
  for (int I = 0; I < 4000; ++I) {
    if ((I * 31 + Seed) % 5 != 0)
      ++S->hits; // RACE
    else
      ++S->misses; // RACE
  }
}

int main() {
  Stats S;
  std::thread A(lookupKeys, &S, 1);
  std::thread B(lookupKeys, &S, 2);
  A.join();
  B.join();
  std::printf("hits=%ld misses=%d\n", S.hits, S.misses);
}
