// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// C++ lock methods that lock only where a setting asks for it: the call of
// std::mutex::lock may throw, and its exception edge is no return, so the
// lock still passes to the caller. A function that takes the mutex only on
// a path that ends the process is no lock function.

#include <cstdlib>
#include <mutex>
#include <thread>

struct Log {
  bool Threaded = true;
  std::mutex M;
  int Lines = 0;
  int Errors = 0;
  void lock() {
    if (Threaded)
      M.lock();
  }
  void unlock() {
    if (Threaded)
      M.unlock();
  }
  void dieLocked(bool Bad) {
    if (Bad) {
      M.lock();
      std::abort();
    }
  }
};

Log TheLog;

void worker() {
  TheLog.lock();
  TheLog.Lines = TheLog.Lines + 1;
  TheLog.unlock();
  TheLog.dieLocked(false);
  TheLog.Errors = TheLog.Errors + 1;
  // (The read on this line pairs with the same lines: one finding for both.)
  // CHECK: conditional-lock-method.cpp:[[@LINE-2]]:10: warning: 'Log::Errors' is written by thread 'worker' without a lock and written by another thread 'worker' without a lock
}

int main() {
  std::thread A(worker), B(worker);
  A.join();
  B.join();
}
// CHECK: concur: 1 file analysed
