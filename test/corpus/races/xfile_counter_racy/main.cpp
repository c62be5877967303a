// corpus: racy
// pattern: request counter defined in another translation unit, bumped by
//          handler threads
// race: g_requests
//
// Racy: recordRequest() (metrics.cpp) increments g_requests with no lock,
// and it is called from two handler threads started here.
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
