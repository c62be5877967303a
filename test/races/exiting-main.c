// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -DRETURNS 2>&1 | FileCheck %s --check-prefix=RETURNS --implicit-check-not="{{warning|remark}}:"
// A daemon's main that never returns (set up, run the loop, exit(1) on
// every path, twemproxy's) runs its whole life on a path that ends the
// process: that says nothing of which of its races matter, and they stay
// warnings. A crash report on an error path that exits, in a main that
// also returns, is still on the way out: a remark. With -DRETURNS main
// returns after its loop, and the same races are warnings as before.

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static long served;
static long errors;

static void *stats(void *arg) {
  for (;;) {
    printf("%ld %ld\n", served, errors);
  }
  return arg;
}

static void serve(int n) {
  for (int i = 0; i < n; i++)
    served++;
  // CHECK: exiting-main.c:[[@LINE-1]]:5: warning: 'served' is written by thread 'main' without a lock and read by thread 'stats' without a lock
  // RETURNS: exiting-main.c:[[@LINE-2]]:5: warning: 'served' is written by thread 'main' without a lock and read by thread 'stats' without a lock
}

static void crash_report(void) {
  errors = 1;
  // RETURNS: exiting-main.c:[[@LINE-1]]:3: remark: 'errors' is written by thread 'main' without a lock and read by thread 'stats' without a lock
}

int main(int argc, char **argv) {
  (void)argv;
  pthread_t t;
  pthread_create(&t, NULL, stats, NULL);
#ifdef RETURNS
  if (argc > 3) {
    crash_report();
    exit(2);
  }
  serve(argc);
  return 0;
#else
  serve(argc);
  exit(1);
#endif
}
// CHECK: concur: 1 file analysed
