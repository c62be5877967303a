// corpus: safe
// pattern: cache class implemented in another file, shared by render threads
//
// Safe: twin of xfile_class_field_racy; Cache::lookup (cache.cpp) bumps
// hits_ inside the same critical section as the map lookup.
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
