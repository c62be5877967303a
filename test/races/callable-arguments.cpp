// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="warning:"
// Calling a std::function hands its arguments to the callable it holds:
// what happens to them is what that callable does, not a write of the
// whole object by the call.

#include <functional>
#include <thread>

struct Socket {
  int State = 0;
};

int main() {
  std::function<void(Socket &)> Reader = [](Socket &S) {
    int V = S.State;
    (void)V;
  };
  // CHECK: :[[@LINE+1]]:60: warning: 'Socket::State' is written by thread 'main' without a lock and read by thread
  std::function<void(Socket &)> Writer = [](Socket &S) { S.State = 1; };

  Socket Shared;
  std::thread T([&] { Reader(Shared); });
  Writer(Shared);
  T.join();

  // Two readers through non-const references: nothing is written.
  Socket ReadOnly;
  std::thread U([&] { Reader(ReadOnly); });
  Reader(ReadOnly);
  U.join();
}
