// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="warning:"
// A future used at once (`std::async(...).get()`) joins the work it was
// returned for: the spawn and the join name the same temporary.

#include <future>
#include <thread>

int Joined = 0, JoinedByWait = 0, Detached = 0;

int main() {
  std::async(std::launch::async, [] { Joined = 1; }).get();
  std::async(std::launch::async, [] { JoinedByWait = 1; }).wait();
  // CHECK: :[[@LINE+1]]:20: warning: 'Detached' is written by thread
  std::thread([] { Detached = 1; }).detach();
  return Joined + JoinedByWait + Detached;
}
