// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A once that a thread came back from before it started another thread is
// done for that thread too: its pthread_once returns without running the
// function (muduo's Singleton::instance(), called by main before it starts
// the workers). A once first reached in a thread started before anyone ran
// it may run there.

#include <pthread.h>
#include <stdlib.h>

static pthread_once_t Once = PTHREAD_ONCE_INIT;
static int *Value;
static void init(void) { Value = malloc(sizeof *Value); }
static int *instance(void) {
  pthread_once(&Once, init);
  return Value;
}

static pthread_once_t LateOnce = PTHREAD_ONCE_INIT;
static int *Late;
static void initLate(void) { Late = malloc(sizeof *Late); }
// CHECK-DAG: once-before-start.c:[[@LINE-1]]:30: warning: 'Late' is written by thread 'lateWorker' holding 'call_once' and read by thread 'main' without a lock

static void *worker(void *Arg) { return instance() ? Arg : NULL; }

static void *lateWorker(void *Arg) {
  pthread_once(&LateOnce, initLate);
  return Late ? Arg : NULL;
}

int main(void) {
  pthread_t T[2];
  int *V = instance();
  pthread_create(&T[0], NULL, worker, NULL);
  pthread_create(&T[1], NULL, lateWorker, NULL);
  int Seen = Late != NULL;
  V = instance();
  pthread_join(T[0], NULL);
  pthread_join(T[1], NULL);
  return V != NULL && Seen;
}

// Every finding above, and no other (the implicit check covers the output
// up to the summary).
// CHECK: concur: 1 file analysed, 0 failed to parse; 1 concur-unsynchronized-shared-state