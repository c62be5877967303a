// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 -pthread 2>&1 | FileCheck %s --implicit-check-not="warning:"
// Lock forms that are easy to read backwards: pthread trylock returns 0 on
// success, a guard in an if's init-statement ends with the if, a unique_lock
// unlocked early does not unlock again at its scope's end, and the branch
// if constexpr discards never runs.

#include <mutex>
#include <pthread.h>
#include <thread>

pthread_mutex_t g_pmu = PTHREAD_MUTEX_INITIALIZER;
std::mutex g_mu;

int g_try_eq;
void try_eq() {
  if (pthread_mutex_trylock(&g_pmu) == 0) {
    g_try_eq++;
    pthread_mutex_unlock(&g_pmu);
  }
}

int g_try_ne;
void try_ne() {
  if (pthread_mutex_trylock(&g_pmu) != 0)
    return;
  g_try_ne++;
  pthread_mutex_unlock(&g_pmu);
}

int g_try_fail;
void try_fail() {
  if (pthread_mutex_trylock(&g_pmu)) {
    g_try_fail++;
    // CHECK: tricky-locks.cpp:[[@LINE-1]]:5: warning: 'g_try_fail' is written by thread 'try_fail' without a lock and written by another thread 'try_fail'
    return;
  }
  pthread_mutex_unlock(&g_pmu);
}

int g_if_init;
void if_init() {
  if (std::lock_guard<std::mutex> Guard(g_mu); g_if_init < 10)
    g_if_init++;
  g_if_init = 0;
  // CHECK: tricky-locks.cpp:[[@LINE-1]]:3: warning: 'g_if_init' is written by thread 'if_init' without a lock and read by another thread 'if_init' holding 'g_mu'
  // CHECK: tricky-locks.cpp:[[@LINE-2]]:3: warning: 'g_if_init' is written by thread 'if_init' without a lock and written by another thread 'if_init' holding 'g_mu'
  // CHECK: tricky-locks.cpp:[[@LINE-3]]:3: warning: 'g_if_init' is written by thread 'if_init' without a lock and written by another thread 'if_init' without a lock
}

int g_early;
void unlocks_early() {
  std::unique_lock<std::mutex> Lock(g_mu);
  g_early++;
  Lock.unlock();
}
void locks_again() {
  std::lock_guard<std::mutex> Guard(g_mu);
  g_early++;
}

constexpr bool kDebug = false;
int g_debug_only;
void constexpr_branch() {
  if constexpr (kDebug)
    g_debug_only++;
}

int main() {
  std::thread A(try_eq), B(try_eq), C(try_ne), D(try_ne), E(try_fail),
      F(try_fail), G(if_init), H(if_init), I(unlocks_early), J(locks_again),
      K(constexpr_branch), L(constexpr_branch);
  A.join(); B.join(); C.join(); D.join(); E.join(); F.join();
  G.join(); H.join(); I.join(); J.join(); K.join(); L.join();
}
