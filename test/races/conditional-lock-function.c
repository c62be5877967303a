// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c11 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A lock function that locks only where a setting asks for it (a server
// context locks, a client context does not) leaves its caller no result to
// test: where it matters, it locked. A function that gives the mutex back
// on some path leaks it on another: no lock function.

#include <pthread.h>

struct Context {
  int Threaded;
  pthread_mutex_t Mutex;
  int Count;
  int Leaked;
};

struct Context Ctx;

void lockContext(struct Context *C) {
  if (C->Threaded)
    pthread_mutex_lock(&C->Mutex);
}

void unlockContext(struct Context *C) {
  if (C->Threaded)
    pthread_mutex_unlock(&C->Mutex);
}

// Locks and gives back on one path, keeps it on the other: a leak, not a
// lock function.
void lockLeaky(struct Context *C, int Fast) {
  pthread_mutex_lock(&C->Mutex);
  if (Fast)
    pthread_mutex_unlock(&C->Mutex);
}

void *worker(void *Arg) {
  lockContext(&Ctx);
  Ctx.Count = Ctx.Count + 1;
  unlockContext(&Ctx);
  lockLeaky(&Ctx, 1);
  Ctx.Leaked = Ctx.Leaked + 1;
  // (The read on this line pairs with the same lines: one finding for both.)
  // CHECK: conditional-lock-function.c:[[@LINE-2]]:7: warning: 'Context::Leaked' is written by thread 'worker' without a lock and written by another thread 'worker' without a lock
  unlockContext(&Ctx);
  return 0;
}

int main(void) {
  pthread_t A, B;
  Ctx.Threaded = 1;
  pthread_create(&A, 0, worker, 0);
  pthread_create(&B, 0, worker, 0);
  pthread_join(A, 0);
  pthread_join(B, 0);
  return 0;
}
// CHECK: concur: 1 file analysed
