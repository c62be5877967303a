// RUN: %concur check %s -- -std=c++20 -I %S/../Inputs 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Work handed to another thread is not the coroutine's business.

#include "coro.h"
#include <future>
#include <thread>
#include <unistd.h>

void slow() { sleep(1); }
struct Job { void operator()() const { slow(); } };

namespace BS {
class thread_pool {
public:
  template <class F> void detach_task(F &&Task) {}
};
} // namespace BS

task offloads(BS::thread_pool &Pool) {
  std::thread T([] { slow(); });
  T.detach();
  std::jthread J(slow);
  J.detach();
  std::thread W{Job{}};
  W.detach();
  auto F = std::async(std::launch::async, [] { slow(); });
  Pool.detach_task([] { slow(); });
  co_return;
}

// A deferred std::async runs in the get() that asks for it, on this thread.
task deferred() {
  auto F = std::async(std::launch::deferred, [] { slow(); });
  // CHECK: offloaded.cpp:[[@LINE-1]]:{{[0-9]+}}: warning: coroutine 'deferred' blocks: it calls 'lambda at
  F.get();
  // CHECK: offloaded.cpp:[[@LINE-1]]:5: warning: coroutine 'deferred' blocks: it calls 'std::future::get' (wait)
  co_return;
}

// Library algorithms call the callable right here.
#include <algorithm>
#include <vector>
task algorithm(std::vector<int> &V) {
  std::for_each(V.begin(), V.end(), [](int) { slow(); });
  // CHECK: offloaded.cpp:[[@LINE-1]]:37: warning: coroutine 'algorithm' blocks: it calls 'lambda at offloaded.cpp:[[@LINE-1]]:37', which calls 'sleep' (sleep) via 'slow'
  co_return;
}
