// corpus: safe
// pattern: request counter defined in another translation unit, bumped by
//          handler threads
//
// Safe: twin of xfile_counter_racy; metrics.cpp guards g_requests with a
// mutex in both accessors.
#include "metrics.h"
#include <cstdio>
#include <thread>

static void handle(int N) {
  for (int I = 0; I < N; ++I)
    recordRequest();
}

int main() {
  std::thread A(handle, 3000), B(handle, 3000);
  A.join();
  B.join();
  std::printf("requests=%ld\n", requestCount());
}
