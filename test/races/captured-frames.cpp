// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="warning:"
// A lambda that captures locals by reference runs only while their frame is
// live: on the stack of the thread that calls it, or in a thread its
// creator started. Stored callables are resolved without flow, so a call
// through a std::function may be given a lambda of another activation.

#include <functional>
#include <thread>
#include <vector>

struct Receiver {
  std::function<void(int)> OnData;
};

// Each call makes its own Total and calls its own lambda on the calling
// thread. The workers' deliver() reaches no frame of collect(): the lambda
// over Total is not theirs to call, though its type says it could be.
int collect(Receiver &R) {
  int Total = 0;
  R.OnData = [&Total](int N) { Total += N; };
  R.OnData(1);
  return Total;
}

void deliver(Receiver &R) {
  if (R.OnData)
    R.OnData(2);
}

int Counted = 0;

int main() {
  std::vector<std::thread> Workers;
  for (int I = 0; I < 2; ++I)
    Workers.emplace_back([] {
      Receiver R;
      deliver(R);
    });
  // main collects too, while the workers run: its Total is its own.
  Receiver Mine;
  collect(Mine);
  for (auto &W : Workers)
    W.join();

  // A lambda over main's local, called through a std::function by a thread
  // main started while the local lives: shared.
  int Local = 0;
  std::function<void()> Bump = [&Local] {
    // CHECK: captured-frames.cpp:[[@LINE+1]]:7: warning: 'main::Local' is written by thread
    ++Local;
  };
  std::thread T([&Bump] { Bump(); });
  Bump();
  T.join();
  return Local + Counted;
}
