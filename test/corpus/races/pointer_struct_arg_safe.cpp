// corpus: safe
// pattern: stats struct on main's stack passed by pointer to cache workers
//
// Safe: twin of pointer_struct_arg_racy; the struct carries its own mutex and
// every update of hits/misses holds it.
#include <cstdio>
#include <mutex>
#include <thread>

struct Stats {
  std::mutex M;
  long hits = 0;
  int misses = 0;
};

static void lookupKeys(Stats *S, int Seed) {
  for (int I = 0; I < 4000; ++I) {
    std::lock_guard<std::mutex> Lock(S->M);
    if ((I * 31 + Seed) % 5 != 0)
      ++S->hits;
    else
      ++S->misses;
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
