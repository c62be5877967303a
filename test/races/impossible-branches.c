// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A call the catalog lists with its results (known-results: pthread_sigmask
// returns 0 given a valid `how`, pthread_cancel 0 or ESRCH) never takes the
// branch its status test takes on any other value: an error code stored
// there is stored by no thread, and a join there joins nothing. A test that
// depends on anything else, or on a local some other path may have set,
// keeps its branch.

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stddef.h>

int last_error; // iperf's i_errno: a plain global every thread may set
int cleanup_state;
int worker_flag;
pthread_t worker_thread;

static int send_block(void);

static void *worker(void *arg) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  // Never fails with SIG_BLOCK: the store is made by no thread.
  if (pthread_sigmask(SIG_BLOCK, &set, NULL) != 0) {
    last_error = 1;
    return NULL;
  }
  // A real failure: the worker's store races with main's.
  if (send_block() < 0)
    last_error = 2;
  // CHECK-DAG: impossible-branches.c:[[@LINE-1]]:5: warning: 'last_error' is written by thread 'worker' without a lock and written by thread 'main' without a lock ({{.*}}impossible-branches.c:[[@LINE+31]]:5)
  // CHECK-DAG: impossible-branches.c:[[@LINE-2]]:5: warning: 'last_error' is written by thread 'worker' without a lock and written by thread 'main' without a lock ({{.*}}impossible-branches.c:[[@LINE+35]]:5)
  worker_flag = 1;
  // CHECK-DAG: impossible-branches.c:[[@LINE-1]]:3: warning: 'worker_flag' is written by thread 'worker' without a lock and read by thread 'main' without a lock ({{.*}}impossible-branches.c:[[@LINE+7]]:19)
  return NULL;
}

// Called by main while the worker runs, on its error path and at the end.
static void cleanup(void) {
  // Before the join: races with the worker.
  cleanup_state = worker_flag;
  pthread_join(worker_thread, NULL);
}

int main(int argc, char **argv) {
  pthread_attr_t attr;
  if (pthread_attr_init(&attr) != 0)
    last_error = 3;
  pthread_create(&worker_thread, &attr, worker, NULL);
  // The join in cleanup() on this branch would have ended the worker before
  // the cleanup() below; no thread takes the branch, so it joins nothing.
  if (pthread_attr_destroy(&attr)) {
    last_error = 4;
    cleanup();
  }
  int rc = pthread_cancel(worker_thread);
  if (rc != 0 && rc != ESRCH)
    last_error = 5;
  // The same test, another call's result in rc: this branch is taken.
  rc = argc > 1 ? pthread_cancel(worker_thread) : send_block();
  if (rc != 0 && rc != ESRCH)
    last_error = 6;
  // Set on one path only: what rc holds here is not known.
  if (argc > 2)
    rc = pthread_kill(worker_thread, SIGINT);
  if (rc != 0 && rc != ESRCH)
    last_error = 7;
  cleanup();
  return 0;
}

// Every finding above, and no other (the implicit check covers the output
// up to the summary).
// CHECK: concur: 1 file analysed, 0 failed to parse; 3 concur-unsynchronized-shared-state