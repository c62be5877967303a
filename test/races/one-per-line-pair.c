// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// One finding per pair of lines: a line that reads and writes the variable
// (`N = N + 1;`, `if (P) free(P);`) is one place to the reader, and two
// findings for it would carry one fingerprint.

#include <pthread.h>

static int N;

static void *worker(void *Arg) {
  // CHECK: one-per-line-pair.c:[[@LINE+1]]:{{[0-9]+}}: warning: 'N' is written by thread 'worker' without a lock
  N = N + 1;
  return 0;
}

int main(void) {
  pthread_t A;
  pthread_create(&A, 0, worker, 0);
  N = N + 2;
  pthread_join(A, 0);
  return 0;
}
