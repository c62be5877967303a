#include "loop.h"

#include <mutex>

// This program starts no thread: its callback runs on main's thread, however
// often the loop's methods are assumed to be called at once elsewhere. (It
// still takes a lock to reset the counter, as code written for reuse does.)
int Current;
std::mutex CurrentLock;

void reset() {
  std::lock_guard<std::mutex> Lock(CurrentLock);
  Current = 0;
}

int main() {
  Loop L([] { ++Current; });
  reset();
  L.post();
  L.runCallbacks();
  L.post();
  L.runCallbacks();
  return Current;
}
