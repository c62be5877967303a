// RUN: %concur check %s --checks=-*,concur-blocking-in-coroutine --config=%S/Inputs/ready/concur.json -- -std=c++20 -I %S/../Inputs 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Waiting on a result cannot block once the coroutine has awaited it, awaited
// it together with others (when_all), received it from a co_await, or tested
// it ready; a wait with a zero timeout returns at once. The library's types
// come from the config, as a user would describe them.

#include "coro.h"
#include <chrono>
#include <future>
#include <vector>

namespace demo {
struct result {
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  int await_resume();
  int get();
  bool is_ready() const;
};
struct all_results {
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  std::vector<result> await_resume();
};
all_results when_all(result &A, result &B);
result start(int);
} // namespace demo

task awaited_first(demo::result R) {
  co_await R;
  R.get();
  co_return;
}

task awaited_together() {
  demo::result A = demo::start(1), B = demo::start(2);
  std::vector<demo::result> All = co_await demo::when_all(A, B);
  All[0].get();
  A.get();
  B.get();
  co_return;
}

task tested_ready(demo::result R) {
  if (R.is_ready())
    R.get();
  else
    R.get();
  // CHECK: ready.cpp:[[@LINE-1]]:7: warning: coroutine 'tested_ready' blocks: it calls 'demo::result::get' (wait)
  if (!R.is_ready())
    co_return;
  R.get();
  co_return;
}

// Awaited on one path only: it may still be pending.
task awaited_on_one_path(demo::result R, bool Fast) {
  if (Fast)
    co_await R;
  R.get();
  // CHECK: ready.cpp:[[@LINE-1]]:5: warning: coroutine 'awaited_on_one_path' blocks: it calls 'demo::result::get' (wait)
  co_return;
}

// Another result than the one awaited.
task other_result(demo::result R, demo::result S) {
  co_await R;
  S.get();
  // CHECK: ready.cpp:[[@LINE-1]]:5: warning: coroutine 'other_result' blocks: it calls 'demo::result::get' (wait)
  co_return;
}

task zero_timeout(std::future<int> F) {
  using namespace std::chrono_literals;
  F.wait_for(0s);
  F.wait_for(std::chrono::milliseconds(0));
  F.wait_for(5ms);
  // CHECK: ready.cpp:[[@LINE-1]]:5: warning: coroutine 'zero_timeout' blocks: it calls 'std::future::wait_for' (wait)
  co_return;
}
