// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// An awaiter (a class with await_suspend) is made for one co_await, lives
// in the frame of the coroutine that awaits it, and is driven by that
// co_await alone: await_ready, await_suspend and await_resume one after
// another. A mutex it holds (taken to queue its waiter) does not make its
// methods run at once with each other or with themselves. A class with the
// same members that is no awaiter is still assumed concurrent.

#include <coroutine>
#include <mutex>

class QueueAwaiter {
public:
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> H) noexcept {
    std::lock_guard<std::mutex> Lock(M);
    Waiter = H;
    Waits = Waits + 1;
  }
  int await_resume() noexcept {
    Waits = Waits + 1;
    return Waits;
  }

private:
  std::mutex M;
  std::coroutine_handle<> Waiter;
  int Waits = 0;
};

class QueueCounter {
public:
  void enqueue() {
    std::lock_guard<std::mutex> Lock(M);
    Waits = Waits + 1;
  }
  int count() {
    Waits = Waits + 1;
    // CHECK-DAG: awaiter-classes.cpp:[[@LINE-1]]:5: warning: 'QueueCounter::Waits' is written in 'QueueCounter::count' without a lock and read by another thread 'QueueCounter::count' without a lock
    // CHECK-DAG: awaiter-classes.cpp:[[@LINE-2]]:13: warning: 'QueueCounter::Waits' is read in 'QueueCounter::count' without a lock and written in 'QueueCounter::enqueue' holding 'QueueCounter::M'
    return Waits;
    // CHECK-DAG: awaiter-classes.cpp:[[@LINE-1]]:12: warning: 'QueueCounter::Waits' is read in 'QueueCounter::count' without a lock and written in 'QueueCounter::enqueue' holding 'QueueCounter::M'
  }

private:
  std::mutex M;
  int Waits = 0;
};

int use() {
  QueueAwaiter A;
  QueueCounter C;
  C.enqueue();
  return A.await_resume() + C.count();
}
// CHECK: concur: 1 file analysed, 0 failed to parse; 3 concur-unsynchronized-shared-state
