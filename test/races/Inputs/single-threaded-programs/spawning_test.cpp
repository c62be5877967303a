#include "loop.h"

#include <mutex>

// This program's main starts no thread itself, but the library it calls
// does: its callback runs on the loop's thread and on main's at once.
int Seen;
std::mutex SeenLock;

void reset() {
  std::lock_guard<std::mutex> Lock(SeenLock);
  Seen = 0;
}

int main() {
  Loop L([] { ++Seen; });
  reset();
  L.post();
  L.post();
  L.runInBackground();
  L.runCallbacks();
  L.wait();
  return Seen;
}
