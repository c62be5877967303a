// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A function that calls the callable it is given runs, at each call, what
// that call gave it, not every callable any caller hands it: the helper
// called with `locked` on two threads does not run `unlocked` there.

#include <functional>
#include <mutex>
#include <thread>

int Unguarded, Guarded, Shared;
std::mutex M;

void runTask(const std::function<void()> &Task) { Task(); }

void unlocked() { ++Unguarded; }
void locked() {
  std::lock_guard<std::mutex> Lock(M);
  ++Guarded;
}

int main() {
  std::thread T([] { runTask(locked); });
  runTask(locked);
  T.join();
  // Alone: T has been joined.
  runTask(unlocked);

  // Two threads given the same racy task race.
  std::thread U([] { runTask([] { ++Shared; }); });
  // CHECK: parameter-callables.cpp:[[@LINE-1]]:37: warning: 'Shared' is written by thread 'lambda at {{.*}}' without a lock and written by thread 'main' without a lock
  runTask([] { ++Shared; });
  U.join();
}
