// corpus: racy
// pattern: request-id generator with a function-local static counter
// race: nextRequestId::counter
//
// Racy: the static is initialised safely, but every call then increments it
// without synchronisation from several threads.
#include <cstdio>
#include <thread>

static int nextRequestId() {
  static int counter = 0;
  return ++counter; // RACE
}

int main() {
  long Sums[2] = {0, 0};
  auto Handle = [&Sums](int Slot) {
    for (int I = 0; I < 3000; ++I)
      Sums[Slot] += nextRequestId();
  };
  std::thread A(Handle, 0), B(Handle, 1);
  A.join();
  B.join();
  std::printf("id sum=%ld\n", Sums[0] + Sums[1]);
}
