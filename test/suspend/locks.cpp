// concur-lock-across-suspend, side by side with clang-tidy's two checks for
// the same mistake (misc-coroutine-hostile-raii and
// cppcoreguidelines-no-suspend-with-lock): what they catch, what they miss
// (a manual lock(), a lock a callee takes, a co_await in an initialiser),
// and what they report wrongly (a guard unlock()ed before the co_await, or
// moved into an awaiter that releases it).
// RUN: %concur check %s --checks=-*,concur-lock-across-suspend -- -std=c++20 -pthread -I %S/../Inputs 2>&1 | FileCheck %s --implicit-check-not="warning:"
// RUN: %clang_tidy %s --checks=-*,misc-coroutine-hostile-raii,cppcoreguidelines-no-suspend-with-lock --quiet -- -std=c++20 -pthread -I %S/../Inputs 2>/dev/null | FileCheck %s --check-prefix=TIDY --implicit-check-not="warning:"

#include "coro.h"
#include <mutex>
#include <pthread.h>

std::mutex Mu;
schedule_operation other();

// A guard held across a co_await: everyone catches it.
task guard_across() {
  std::lock_guard<std::mutex> G(Mu);
  co_await other();
  // CHECK: locks.cpp:[[@LINE-1]]:3: warning: coroutine 'guard_across' suspends at co_await while it holds 'Mu', a lock that blocks threads [concur-lock-across-suspend]
  // CHECK-NEXT: locks.cpp:[[@LINE-3]]:31: note: 'Mu' is locked here
  // TIDY: locks.cpp:[[@LINE-4]]:31: warning: 'G' persists across a suspension point of coroutine [misc-coroutine-hostile-raii]
  // TIDY: locks.cpp:[[@LINE-4]]:3: warning: coroutine suspended with lock 'G' held [cppcoreguidelines-no-suspend-with-lock]
  co_return;
}

// co_yield too.
generator yield_across() {
  std::unique_lock<std::mutex> L(Mu);
  co_yield 1;
  // CHECK: locks.cpp:[[@LINE-1]]:3: warning: coroutine 'yield_across' suspends at co_yield while it holds 'Mu'
  // TIDY: locks.cpp:[[@LINE-2]]:3: warning: coroutine suspended with lock 'L' held [cppcoreguidelines-no-suspend-with-lock]
}

// A manual lock(): clang-tidy sees no guard.
task manual_lock() {
  Mu.lock();
  co_await other();
  // CHECK: locks.cpp:[[@LINE-1]]:3: warning: coroutine 'manual_lock' suspends at co_await while it holds 'Mu'
  // CHECK-NEXT: locks.cpp:[[@LINE-3]]:3: note: 'Mu' is locked here
  Mu.unlock();
  co_return;
}

pthread_mutex_t PMu = PTHREAD_MUTEX_INITIALIZER;
task pthread_lock() {
  pthread_mutex_lock(&PMu);
  co_await other();
  // CHECK: locks.cpp:[[@LINE-1]]:3: warning: coroutine 'pthread_lock' suspends at co_await while it holds 'PMu'
  pthread_mutex_unlock(&PMu);
  co_return;
}

// A lock a callee takes and leaves held.
struct Table {
  std::mutex M;
  void lock_all() { M.lock(); }
  void unlock_all() { M.unlock(); }
};
task callee_locks(Table &T) {
  T.lock_all();
  co_await other();
  // CHECK: locks.cpp:[[@LINE-1]]:3: warning: coroutine 'callee_locks' suspends at co_await while it holds 'Table::M'
  // CHECK-NEXT: locks.cpp:[[@LINE-3]]:5: note: 'Table::M' is locked by 'Table::lock_all', called here
  T.unlock_all();
  co_return;
}

// Negative: the callee's lock is given back before the suspension.
task callee_unlocks(Table &T) {
  T.lock_all();
  T.unlock_all();
  co_await other();
  co_return;
}

// A guard a function returns holds what it locked.
std::unique_lock<std::mutex> acquire() { return std::unique_lock<std::mutex>(Mu); }
task returned_guard() {
  std::unique_lock<std::mutex> L = acquire();
  co_await other();
  // CHECK: locks.cpp:[[@LINE-1]]:3: warning: coroutine 'returned_guard' suspends at co_await while it holds 'the lock acquire() returned'
  // TIDY: locks.cpp:[[@LINE-2]]:3: warning: coroutine suspended with lock 'L' held
  co_return;
}

// A co_await inside an initialiser and an assignment.
task await_in_initialiser() {
  std::lock_guard<std::mutex> G(Mu);
  int Value = co_await other_value();
  // CHECK: locks.cpp:[[@LINE-1]]:15: warning: coroutine 'await_in_initialiser' suspends at co_await while it holds 'Mu'
  // TIDY: locks.cpp:[[@LINE-3]]:31: warning: 'G' persists across a suspension point of coroutine
  // TIDY: locks.cpp:[[@LINE-3]]:15: warning: coroutine suspended with lock 'G' held
  Value = co_await other_value();
  // CHECK: locks.cpp:[[@LINE-1]]:11: warning: coroutine 'await_in_initialiser' suspends at co_await while it holds 'Mu'
  // TIDY: locks.cpp:[[@LINE-2]]:11: warning: coroutine suspended with lock 'G' held
  co_return;
}

// Negative: unlock()ed before the co_await (clang-tidy still reports it).
task unlocked_first() {
  std::unique_lock<std::mutex> L(Mu);
  L.unlock();
  co_await other();
  // TIDY: locks.cpp:[[@LINE-1]]:3: warning: coroutine suspended with lock 'L' held
  co_return;
}

// Negative: the guard's scope ends before the co_await.
task scoped_first() {
  {
    std::lock_guard<std::mutex> G(Mu);
  }
  co_await other();
  co_return;
}

// Negative: unlocked on every path before the co_await.
task unlocked_on_both_paths(bool Fast) {
  std::unique_lock<std::mutex> L(Mu);
  if (Fast)
    L.unlock();
  else
    L.unlock();
  co_await other();
  // TIDY: locks.cpp:[[@LINE-1]]:3: warning: coroutine suspended with lock 'L' held
  co_return;
}

// Tricky: unlocked on one path only: it may still be held.
task unlocked_on_one_path(bool Fast) {
  std::unique_lock<std::mutex> L(Mu);
  if (Fast)
    L.unlock();
  co_await other();
  // CHECK: locks.cpp:[[@LINE-1]]:3: warning: coroutine 'unlocked_on_one_path' suspends at co_await while it may hold 'Mu'
  // TIDY: locks.cpp:[[@LINE-2]]:3: warning: coroutine suspended with lock 'L' held
  co_return;
}

// Negative: ownership moved into the awaiter, which unlocks it in
// await_suspend (how a condition variable for coroutines waits).
struct unlock_and_wait {
  std::unique_lock<std::mutex> Held;
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<>) { Held.unlock(); }
  void await_resume() {}
};
task moved_into_awaiter() {
  std::unique_lock<std::mutex> L(Mu);
  co_await unlock_and_wait{std::move(L)};
  // TIDY: locks.cpp:[[@LINE-1]]:3: warning: coroutine suspended with lock 'L' held
  co_return;
}

// Negative: an asynchronous mutex whose lock is awaited (whatever it is
// called): no thread blocks on it.
struct __attribute__((capability("mutex"))) AsyncMutex {
  schedule_operation lock() __attribute__((acquire_capability()));
  void unlock() __attribute__((release_capability()));
};
AsyncMutex AMu;
task async_mutex() {
  co_await AMu.lock();
  co_await other();
  AMu.unlock();
  co_return;
}

// Negative: the lock is handed to the awaited operation, which releases it
// while the coroutine waits (an asynchronous condition variable).
struct async_condition {
  schedule_operation wait(std::mutex &M);
  schedule_operation wait(std::unique_lock<std::mutex> &L);
};
async_condition Ready;
task wait_on_condition() {
  std::unique_lock<std::mutex> L(Mu);
  co_await Ready.wait(Mu);
  co_await Ready.wait(L);
  // TIDY: locks.cpp:[[@LINE-2]]:3: warning: coroutine suspended with lock 'L' held
  // TIDY: locks.cpp:[[@LINE-2]]:3: warning: coroutine suspended with lock 'L' held
  co_return;
}

