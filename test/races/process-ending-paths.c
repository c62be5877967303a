// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A call from which every path ends the process (a panic that prints a
// crash report, then aborts) reads what other threads still change: a race,
// but one that matters only to what that report prints. Its pairs are
// remarks; the same read on a path that goes on is a warning.

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t Mu = PTHREAD_MUTEX_INITIALIZER;
static long Served;
static long Failed;

static void crashReport(void) {
  fprintf(stderr, "served %ld\n", Served);
}

static void panic(const char *Why) {
  fprintf(stderr, "panic: %s\n", Why);
  crashReport();
  abort();
}

static void *server(void *Arg) {
  (void)Arg;
  for (int I = 0; I < 100; ++I) {
    pthread_mutex_lock(&Mu);
    Served++;
    // CHECK-DAG: process-ending-paths.c:[[@LINE-1]]:5: remark: 'Served' is written by thread 'server' holding 'Mu' and read by thread 'checker' without a lock ({{.*}}process-ending-paths.c:16:35); one access runs only on a path that ends the process
    Failed++;
    // CHECK-DAG: process-ending-paths.c:[[@LINE-1]]:5: warning: 'Failed' is written by thread 'server' holding 'Mu' and read by thread 'checker' without a lock ({{.*}}process-ending-paths.c:40:7)
    pthread_mutex_unlock(&Mu);
  }
  return 0;
}

static void *checker(void *Arg) {
  (void)Arg;
  if (Failed > 10)
    panic("too many failures");
  return 0;
}

int main(void) {
  pthread_t S, C;
  pthread_create(&S, 0, server, 0);
  pthread_create(&C, 0, checker, 0);
  pthread_join(S, 0);
  pthread_join(C, 0);
  return 0;
}
// Nothing else is reported: the summary counts every diagnostic.
// CHECK: concur: 1 file analysed, 0 failed to parse; 2 concur-unsynchronized-shared-state
