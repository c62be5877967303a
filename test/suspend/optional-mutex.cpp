// RUN: %concur check %s --checks=-*,concur-lock-across-suspend -- -std=c++20 -pthread -I %S/../Inputs 2>&1 | FileCheck %s --implicit-check-not="warning:"
// The null branch of `if (mutex_)` holds no lock: the race check marks it
// (an object made without its mutex is not shared), but nothing waits there,
// so suspending in it is fine. Suspending with the mutex locked is not.

#include "coro.h"
#include <memory>
#include <mutex>

schedule_operation other();

struct Sink {
  std::unique_ptr<std::mutex> Mutex;
  int Written = 0;

  task write(int N) {
    if (Mutex) {
      std::lock_guard<std::mutex> Lock(*Mutex);
      Written += N;
      co_await other();
      // CHECK: optional-mutex.cpp:[[@LINE-1]]:7: warning: coroutine 'Sink::write' suspends at co_await while it holds
    } else {
      Written += N;
      co_await other();
    }
  }
};
