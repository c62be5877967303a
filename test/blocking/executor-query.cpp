// RUN: %concur check %s --checks=-*,concur-blocking-in-coroutine -- -std=c++20 -I %S/../Inputs 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A coroutine that asks for its executor and finds none runs on the thread
// that started it, which waits for it: blocking there holds up nothing else.

#include "coro.h"
#include <unistd.h>

namespace async_simple {
struct Executor;
struct CurrentExecutor {};
} // namespace async_simple

struct executor_awaiter {
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  async_simple::Executor *await_resume();
};
executor_awaiter operator co_await(async_simple::CurrentExecutor);

task nap_if_alone() {
  async_simple::Executor *Ex = co_await async_simple::CurrentExecutor{};
  if (!Ex) {
    sleep(1);
    co_return;
  }
  sleep(2);
  // CHECK: executor-query.cpp:[[@LINE-1]]:3: warning: coroutine 'nap_if_alone' blocks: it calls 'sleep' (sleep)
  co_return;
}

task nap_if_alone_compared() {
  auto *Ex = co_await async_simple::CurrentExecutor{};
  if (Ex == nullptr)
    sleep(3);
  else
    sleep(4);
  // CHECK: executor-query.cpp:[[@LINE-1]]:5: warning: coroutine 'nap_if_alone_compared' blocks: it calls 'sleep' (sleep)
  co_return;
}
