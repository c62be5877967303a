// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="warning:"
// What orders accesses without a lock: thread start and join, call_once, a
// jthread's scope, release/acquire on an atomic.

#include <atomic>
#include <mutex>
#include <thread>

// Written before the thread starts, read after it is joined: ordered.
int g_config;
void reads_config() { int Copy = g_config; (void)Copy; }
void before_and_after() {
  g_config = 1;
  std::thread T(reads_config);
  T.join();
  g_config = 2;
}

// Read between start and join: concurrent with the thread.
int g_progress;
void makes_progress() { g_progress++; }
// CHECK: happens-before.cpp:[[@LINE-1]]:25: warning: 'g_progress' is written by thread 'makes_progress' without a lock and read by thread 'main' without a lock ({{.*}}happens-before.cpp:[[@LINE+3]]:14)
void reads_while_running() {
  std::thread T(makes_progress);
  int Seen = g_progress;
  (void)Seen;
  T.join();
}

// A detached thread is never joined: everything after it is concurrent.
int g_detached;
void detached_worker() { g_detached = 1; }
// CHECK: happens-before.cpp:[[@LINE-1]]:26: warning: 'g_detached' is written by thread 'detached_worker' without a lock and read by thread 'main' without a lock
void detaches() {
  std::thread T(detached_worker);
  T.detach();
  int Seen = g_detached;
  (void)Seen;
}

// call_once: initialised once, seen by everyone who calls it.
int g_table;
std::once_flag g_once;
void init_table() { g_table = 42; }
void uses_table() {
  std::call_once(g_once, init_table);
  int Value = g_table;
  (void)Value;
}
// The same initialisation without call_once races with the readers.
int g_lazy;
bool g_lazy_ready;
void uses_lazy() {
  if (!g_lazy_ready) {
    g_lazy = 42;
    // CHECK: happens-before.cpp:[[@LINE-1]]:5: warning: 'g_lazy' is written by thread 'uses_lazy' without a lock and written by another thread 'uses_lazy' without a lock
    g_lazy_ready = true;
    // CHECK: happens-before.cpp:[[@LINE-1]]:5: warning: 'g_lazy_ready' is written by thread 'uses_lazy' without a lock and read by another thread 'uses_lazy' without a lock
    // CHECK: happens-before.cpp:[[@LINE-2]]:5: warning: 'g_lazy_ready' is written by thread 'uses_lazy' without a lock and written by another thread 'uses_lazy' without a lock
  }
}

// A jthread joins when its scope ends.
int g_scoped;
void scoped_worker() { g_scoped++; }
void jthread_scope() {
  {
    std::jthread T(scoped_worker);
  }
  g_scoped = 0;
}

// Release/acquire publication through an atomic flag.
int g_payload;
std::atomic<bool> g_ready;
void publisher() {
  g_payload = 7;
  g_ready.store(true, std::memory_order_release);
}
void consumer() {
  while (!g_ready.load(std::memory_order_acquire)) {
  }
  int Value = g_payload;
  (void)Value;
}
// The same with relaxed operations orders nothing.
int g_relaxed_payload;
std::atomic<bool> g_relaxed_ready;
void relaxed_publisher() {
  g_relaxed_payload = 7;
  // CHECK: happens-before.cpp:[[@LINE-1]]:3: warning: 'g_relaxed_payload' is written by thread 'relaxed_publisher' without a lock and read by thread 'relaxed_consumer' without a lock
  g_relaxed_ready.store(true, std::memory_order_relaxed);
}
void relaxed_consumer() {
  while (!g_relaxed_ready.load(std::memory_order_relaxed)) {
  }
  int Value = g_relaxed_payload;
  (void)Value;
}

int main() {
  before_and_after();
  reads_while_running();
  detaches();
  std::thread A(uses_table), B(uses_table);
  A.join(); B.join();
  std::thread C(uses_lazy), D(uses_lazy);
  C.join(); D.join();
  jthread_scope();
  std::thread P(publisher), Q(consumer);
  P.join(); Q.join();
  std::thread R(relaxed_publisher), S(relaxed_consumer);
  R.join(); S.join();
}
