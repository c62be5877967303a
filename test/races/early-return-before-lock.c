// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A function that returns early before it takes a lock through a wrapper,
// and gives it back on every way on from there, returns holding nothing:
// the early return skips the unlock, but it skips the lock too. Only a way from the lock to
// a return that passes no unlock leaves it held (a lookup that keeps the
// item it found locked).

#include <pthread.h>

struct thr {
  pthread_mutex_t mtx;
  int init;
  int done;
};

static struct thr Thr;
static int Shared;

static void mtx_lock(pthread_mutex_t *M) { pthread_mutex_lock(M); }
static void mtx_unlock(pthread_mutex_t *M) { pthread_mutex_unlock(M); }

static void thr_fini(struct thr *T) {
  if (!T->init)
    return;
  mtx_lock(&T->mtx);
  T->done = 1;
  mtx_unlock(&T->mtx);
}

// Keeps the lock where it found the thread running.
static int thr_lock_running(struct thr *T) {
  mtx_lock(&T->mtx);
  if (T->done) {
    mtx_unlock(&T->mtx);
    return 0;
  }
  return 1;
}

static void thr_unlock(struct thr *T) { mtx_unlock(&T->mtx); }

static void *worker(void *Arg) {
  pthread_mutex_lock(&Thr.mtx);
  ++Shared;
  pthread_mutex_unlock(&Thr.mtx);
  return Arg;
}

int main(void) {
  pthread_t T;
  pthread_create(&T, NULL, worker, NULL);
  thr_fini(&Thr);
  // Nothing held: thr_fini gave back what it took.
  Shared = 1;
  // CHECK-DAG: early-return-before-lock.c:[[@LINE-1]]:3: warning: 'Shared' is written by thread 'main' without a lock and written by thread 'worker' holding 'thr::mtx'
  if (thr_lock_running(&Thr)) {
    // Held: thr_lock_running returned holding it.
    Shared = 2;
    thr_unlock(&Thr);
  }
  pthread_join(T, NULL);
  return 0;
}

// Every finding above, and no other (the implicit check covers the output
// up to the summary).
// CHECK: concur: 1 file analysed, 0 failed to parse; 1 concur-unsynchronized-shared-state