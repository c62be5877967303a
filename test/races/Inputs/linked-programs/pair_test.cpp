#include "worker.h"

int Total;

// Two workers at once: their tasks race on Total. The other program's task
// (++Count) never runs here: it is not linked into this program.
int main() {
  Worker A, B;
  A.start([] { ++Total; });
  B.start([] { ++Total; });
  A.join();
  B.join();
  return 0;
}
