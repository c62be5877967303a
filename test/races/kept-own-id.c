// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Code guarded by a test of the current thread's id against one a thread
// kept of itself (`main_thread = pthread_self()` in main, then
// `if (pthread_equal(pthread_self(), main_thread))` in a helper any thread
// calls) runs only on that thread: it does not race with that thread's
// other code, and never runs on a thread that never kept its id there.
// Kept by a thread that runs several times at once, the id names none of
// them in particular.

#include <pthread.h>
#include <stdlib.h>

static pthread_t main_thread;
static const char *OutputPath; // main's, also cleaned up on main's exit path
static pthread_t worker_thread;
static int WorkerState; // a worker's, cleaned up on the worker's own path
static pthread_t pool_thread;
static int PoolState;

static void bail_out(void) {
  if (pthread_equal(pthread_self(), main_thread))
    OutputPath = NULL;
  if (pthread_equal(pthread_self(), worker_thread))
    WorkerState = 0;
  if (pthread_equal(pthread_self(), pool_thread))
    PoolState = 0;
}

static void *worker(void *Arg) {
  worker_thread = pthread_self();
  // The kept ids themselves race with the tests that read them:
  // CHECK-DAG: kept-own-id.c:[[@LINE-2]]:3: warning: 'worker_thread' is written by thread 'worker' without a lock and read by thread 'main' without a lock
  if (Arg)
    bail_out();
  return NULL;
}

static void *pool_worker(void *Arg) {
  pool_thread = pthread_self();
  // CHECK-DAG: kept-own-id.c:[[@LINE-1]]:3: warning: 'pool_thread' is written by thread 'pool_worker' without a lock and read by thread 'main' without a lock
  // CHECK-DAG: kept-own-id.c:[[@LINE-2]]:3: warning: 'pool_thread' is written by thread 'pool_worker' without a lock, and 'pool_worker' runs in more than one thread at once
  PoolState = 1;
  // CHECK-DAG: kept-own-id.c:[[@LINE-1]]:3: warning: 'PoolState' is written by thread 'pool_worker' without a lock, and 'pool_worker' runs in more than one thread at once
  // CHECK-DAG: kept-own-id.c:[[@LINE-2]]:3: warning: 'PoolState' is written by thread 'pool_worker' without a lock and written by another thread 'pool_worker' without a lock, on the thread whose id is in 'pool_thread'
  if (Arg)
    bail_out();
  return NULL;
}

int main(int argc, char **argv) {
  main_thread = pthread_self();
  OutputPath = argv[0];
  pthread_t T, P[2];
  pthread_create(&T, NULL, worker, argv);
  for (int I = 0; I < 2; ++I)
    pthread_create(&P[I], NULL, pool_worker, argv);
  if (argc > 3)
    bail_out();
  WorkerState = 2;
  // CHECK-DAG: kept-own-id.c:[[@LINE-1]]:3: warning: 'WorkerState' is written by thread 'main' without a lock and written by thread 'worker' without a lock, on the thread whose id is in 'worker_thread'
  OutputPath = "done";
  pthread_join(T, NULL);
  for (int I = 0; I < 2; ++I)
    pthread_join(P[I], NULL);
  return 0;
}

// Every finding above, and no other (the implicit check covers the output
// up to the summary).
// CHECK: concur: 1 file analysed, 0 failed to parse; 6 concur-unsynchronized-shared-state