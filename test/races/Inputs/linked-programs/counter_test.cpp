#include "worker.h"

// This program's task writes its own global; one worker runs it, joined
// before main reads it.
int Count;

int main() {
  Worker W;
  W.start([] { ++Count; });
  W.join();
  return Count;
}
