// RUN: %concur check %s -- -std=c++20 -I %S/../Inputs 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Blocking calls made directly in a coroutine body, one per category.

#include "coro.h"
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <future>
#include <mutex>
#include <thread>
#include <unistd.h>

std::mutex Mu;

task sleeper() {
  std::this_thread::sleep_for(std::chrono::seconds(1));
  // CHECK: direct.cpp:[[@LINE-1]]:3: warning: coroutine 'sleeper' blocks: it calls 'std::this_thread::sleep_for' (sleep) [concur-blocking-in-coroutine]
  // CHECK-NEXT: note: while it blocks, the thread it runs on runs nothing else (on an event loop, none of the loop's other tasks); use asio::steady_timer::async_wait{{.*}}
  usleep(10);
  // CHECK: direct.cpp:[[@LINE-1]]:3: warning: coroutine 'sleeper' blocks: it calls 'usleep' (sleep)
  co_return;
}

task reader(int Fd, char *Buf) {
  ::read(Fd, Buf, 16);
  // CHECK: direct.cpp:[[@LINE-1]]:3: warning: coroutine 'reader' blocks: it calls 'read' (file-io)
  FILE *F = std::fopen("/tmp/x", "r");
  // CHECK: direct.cpp:[[@LINE-1]]:13: warning: coroutine 'reader' blocks: it calls 'fopen' (file-io)
  co_return;
}

task waiter(std::future<int> Fut, std::thread &T, std::condition_variable &CV,
            std::unique_lock<std::mutex> &Lock) {
  Fut.get();
  // CHECK: direct.cpp:[[@LINE-1]]:7: warning: coroutine 'waiter' blocks: it calls 'std::future::get' (wait)
  T.join();
  // CHECK: direct.cpp:[[@LINE-1]]:5: warning: coroutine 'waiter' blocks: it calls 'std::thread::join' (wait)
  CV.wait(Lock);
  // CHECK: direct.cpp:[[@LINE-1]]:6: warning: coroutine 'waiter' blocks: it calls 'std::condition_variable::wait' (wait)
  co_return;
}

// A mutex is a short wait: reported below warnings, as a remark.
task locker() {
  std::lock_guard<std::mutex> Guard(Mu);
  // CHECK: direct.cpp:[[@LINE-1]]:31: remark: coroutine 'locker' blocks: it calls 'std::lock_guard::lock_guard' (lock)
  // CHECK-NEXT: note: while it waits for the lock, the thread it runs on runs nothing else
  std::unique_lock<std::mutex> Deferred(Mu, std::defer_lock);
  co_return;
}

// CHECK: concur: 1 file analysed, 0 failed to parse; 8 concur-blocking-in-coroutine
