// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c11 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A local another thread reaches through the address of a part of it (an
// element: `&slots[i]`, a field: `&ctx.count`) or through the array itself
// used as a pointer (`start(worker, ids)`) is shared from there on: what
// its function does to it after the start races with the thread. What the
// starter wrote into the slot before the start (set up for the thread) is
// before what it does after, in its own order: no pair of the two.

#include <pthread.h>

struct slot {
  int job;
};

static void *worker(void *Arg) {
  struct slot *S = Arg;
  return (void *)(long)S->job;
}

static void *counter(void *Arg) {
  int *N = Arg;
  return (void *)(long)*N;
}

static void *summer(void *Arg) {
  int *Ids = Arg;
  return (void *)(long)(Ids[0] + Ids[1]);
}

struct context {
  int count;
  int flags;
};

int main(void) {
  struct slot Slots[2];
  pthread_t T[2];
  for (int I = 0; I < 2; I++) {
    Slots[I].job = I;
    pthread_create(&T[I], NULL, worker, &Slots[I]);
    Slots[I].job = 0;
    // CHECK-DAG: escaping-parts.c:[[@LINE-1]]:14: warning: 'slot::job' is written by thread 'main' without a lock and read by thread 'worker' without a lock
  }
  for (int I = 0; I < 2; I++)
    pthread_join(T[I], NULL);

  struct context Ctx = {0, 0};
  pthread_create(&T[0], NULL, counter, &Ctx.count);
  Ctx.count = 1;
  // CHECK-DAG: escaping-parts.c:[[@LINE-1]]:7: warning: 'context::count' is written by thread 'main' without a lock and read by thread 'counter' without a lock
  Ctx.flags = 1; // Another field: the thread does not reach it.
  pthread_join(T[0], NULL);
  Ctx.count = 2; // After the join: ordered.

  int Ids[2] = {1, 2};
  pthread_create(&T[1], NULL, summer, Ids);
  Ids[1] = 3;
  // CHECK-DAG: escaping-parts.c:[[@LINE-1]]:3: warning: 'main::Ids' is written by thread 'main' without a lock and read by thread 'summer' without a lock
  pthread_join(T[1], NULL);
  return Ctx.count + Ids[0];
}

// Every finding above, and no other (the implicit check covers the output
// up to the summary).
// CHECK: concur: 1 file analysed, 0 failed to parse; 3 concur-unsynchronized-shared-state