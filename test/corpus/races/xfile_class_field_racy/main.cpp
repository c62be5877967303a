// corpus: racy
// pattern: cache class implemented in another file; the hit counter is
//          bumped after the lock scope ends
// race: Cache::hits_
//
// Racy: Cache::lookup (cache.cpp) increments hits_ outside its lock_guard
// scope, and two render threads call lookup() on the same Cache.
#include "cache.h"
#include <cstdio>
#include <functional>
#include <string>
#include <thread>

static void render(Cache &C, int Seed) {
  std::string Thumb;
  for (int I = 0; I < 2000; ++I) {
    int Key = (I * 7 + Seed) % 64;
    if (!C.lookup(Key, Thumb))
      C.store(Key, "thumb-" + std::to_string(Key));
  }
}

int main() {
  Cache C;
  std::thread A(render, std::ref(C), 0), B(render, std::ref(C), 3);
  A.join();
  B.join();
  std::printf("hits=%ld\n", C.hits());
}
