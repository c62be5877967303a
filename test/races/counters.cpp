// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="warning:"
// Counters bumped from two threads: racy, and twins that differ only in the
// synchronisation.

#include <atomic>
#include <mutex>
#include <thread>

long g_racy;
void bump_racy() { g_racy++; }
// CHECK: counters.cpp:[[@LINE-1]]:20: warning: 'g_racy' is written by thread 'bump_racy' without a lock and written by another thread 'bump_racy' without a lock ({{.*}}counters.cpp:[[@LINE-1]]:20) [concur-unsynchronized-shared-state]

// Same counter, lock_guard on one mutex: silent.
long g_locked;
std::mutex g_mu;
void bump_locked() {
  std::lock_guard<std::mutex> Guard(g_mu);
  g_locked++;
}

// std::atomic: silent.
std::atomic<long> g_atomic;
void bump_atomic() { g_atomic++; }

// A lock on a different mutex in each thread protects nothing.
long g_two_mutexes;
std::mutex g_mu_a, g_mu_b;
void bump_under_a() {
  std::lock_guard<std::mutex> Guard(g_mu_a);
  g_two_mutexes++;
  // CHECK: counters.cpp:[[@LINE-1]]:3: warning: 'g_two_mutexes' is written by thread 'bump_under_a' holding 'g_mu_a' and written by thread 'bump_under_b' holding 'g_mu_b' ({{.*}}counters.cpp:[[@LINE+7]]:3)
  // CHECK-NEXT: counters.cpp:{{[0-9]+}}:15: note: thread 'bump_under_a' starts here
  // CHECK-NEXT: counters.cpp:{{[0-9]+}}:{{[0-9]+}}: note: thread 'bump_under_b' starts here
  // CHECK-NEXT: counters.cpp:[[@LINE-4]]:3: note: locks held here: 'g_mu_a'; at {{.*}}counters.cpp:[[@LINE+4]]:3: 'g_mu_b'
}
void bump_under_b() {
  std::lock_guard<std::mutex> Guard(g_mu_b);
  g_two_mutexes++;
}

// volatile is not synchronisation; the message says so.
volatile bool g_stop;
void stopper() { g_stop = true; }
// CHECK: counters.cpp:[[@LINE-1]]:18: warning: 'g_stop' is written by thread 'stopper' without a lock and read by thread 'poller' without a lock ({{.*}}counters.cpp:[[@LINE+1]]:25); volatile does not synchronize threads
void poller() { while (!g_stop) {} }

// The standard streams may be used from several threads (output may
// interleave, but it is no data race).
#include <iostream>
void log_line() { std::cout << "tick\n"; }

// thread_local: every thread has its own.
thread_local long t_count;
void bump_local() { t_count++; }

int main() {
  std::thread A(bump_racy), B(bump_racy);
  A.join(); B.join();
  std::thread C(bump_locked), D(bump_locked);
  C.join(); D.join();
  std::thread E(bump_atomic), F(bump_atomic);
  E.join(); F.join();
  std::thread G(bump_under_a), H(bump_under_b);
  G.join(); H.join();
  std::thread I(stopper), J(poller);
  I.join(); J.join();
  std::thread K(bump_local), L(bump_local);
  K.join(); L.join();
  std::thread M(log_line), N(log_line);
  M.join(); N.join();
}
