// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A start API returning a status (pthread_create) reports success as zero.
// Where its status says it failed, its thread does not run: the cleanup
// there races with nothing, and a join there joins no thread, so the
// thread still runs on the path where the start succeeded.

#include <pthread.h>

int Shared;
pthread_t T;

void *work(void *) {
  Shared = 2;
  // CHECK: start-failures.cpp:[[@LINE-1]]:3: warning: 'Shared' is written by thread 'work' without a lock and written by thread 'main' without a lock ({{.*}}start-failures.cpp:[[#@LINE+62]]:3)
  return nullptr;
}

// The status kept in a local and tested later.
namespace kept {
int Count;
pthread_t T;

void *work(void *) {
  Count = Count + 1;
  // CHECK: start-failures.cpp:[[@LINE-1]]:3: warning: 'kept::Count' is written by thread 'kept::work' without a lock and written by thread 'main' without a lock ({{.*}}start-failures.cpp:[[#@LINE+11]]:3)
  return nullptr;
}

int start() {
  int Rc = pthread_create(&T, nullptr, work, nullptr);
  if (Rc) {
    // Not started: nothing runs beside this.
    Count = -1;
    return Rc;
  }
  Count = 0;
  // (The read on this line pairs with the same lines: one finding for both.)
  return 0;
}
} // namespace kept

// A join made right in the failure branch joins nothing either.
namespace direct {
int Value;
pthread_t T;

void *work(void *) {
  Value = 1;
  // CHECK: start-failures.cpp:[[@LINE-1]]:3: warning: 'direct::Value' is written by thread 'direct::work' without a lock and written by thread 'main' without a lock ({{.*}}start-failures.cpp:[[#@LINE+9]]:3)
  return nullptr;
}

int run() {
  if (pthread_create(&T, nullptr, work, nullptr)) {
    pthread_join(T, nullptr);
    return 1;
  }
  Value = 2;
  pthread_join(T, nullptr);
  return 0;
}
} // namespace direct

void cleanup() {
  Shared = 0;
  pthread_join(T, nullptr);
}

int main() {
  kept::start();
  direct::run();
  if (pthread_create(&T, nullptr, work, nullptr) != 0) {
    cleanup();
    return 1;
  }
  Shared = 5;
  pthread_join(T, nullptr);
  return Shared;
}

// CHECK: concur: 1 file analysed
