#include "loop.h"

#include <thread>

// This program runs its loop's callbacks on two threads at once.
int Hits;

int main() {
  Loop L([] { ++Hits; });
  L.post();
  L.post();
  std::thread T([&L] { L.runCallbacks(); });
  L.runCallbacks();
  T.join();
  return Hits;
}
