// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A lock given back through wrappers of wrappers is given back to the
// caller of the outermost one, as a lock taken through them is taken: a
// platform layer over a portable mutex over pthreads. What the caller does
// after the outer unlock holds no lock; what it did between the two calls
// does.

#include <pthread.h>

struct pm_mtx {
  pthread_mutex_t mtx;
};
struct plat_mtx {
  struct pm_mtx mtx;
};

static void pm_lock(struct pm_mtx *M) { pthread_mutex_lock(&M->mtx); }
static void pm_unlock(struct pm_mtx *M) { pthread_mutex_unlock(&M->mtx); }
static void plat_lock(struct plat_mtx *M) { pm_lock(&M->mtx); }
static void plat_unlock(struct plat_mtx *M) { pm_unlock(&M->mtx); }

// Gives the lock back and takes it again: held after it.
static void plat_relock(struct plat_mtx *M) {
  plat_unlock(M);
  plat_lock(M);
}

static struct plat_mtx Lock;
static int Locked;
static int Unlocked;
static int Relocked;
static int Between;

static void *worker(void *Arg) {
  (void)Arg;
  plat_lock(&Lock);
  ++Locked;
  ++Unlocked;
  ++Relocked;
  ++Between;
  plat_unlock(&Lock);
  return NULL;
}

// Unlocks inside a function of its own, then goes on without the lock.
static void unlocked_tail(void) {
  plat_unlock(&Lock);
  Between = 3;
  // CHECK-DAG: wrapped-unlocks.c:[[@LINE-1]]:3: warning: 'Between' is written by thread 'main' without a lock and written by thread 'worker' holding 'pm_mtx::mtx'
}

int main(void) {
  pthread_t T;
  pthread_create(&T, NULL, worker, NULL);
  plat_lock(&Lock);
  Locked = 1;
  plat_relock(&Lock);
  Relocked = 1;
  plat_unlock(&Lock);
  Unlocked = 1;
  // CHECK-DAG: wrapped-unlocks.c:[[@LINE-1]]:3: warning: 'Unlocked' is written by thread 'main' without a lock and written by thread 'worker' holding 'pm_mtx::mtx'
  plat_lock(&Lock);
  unlocked_tail();
  pthread_join(T, NULL);
  return 0;
}

// Every finding above, and no other (the implicit check covers the output
// up to the summary).
// CHECK: concur: 1 file analysed, 0 failed to parse; 2 concur-unsynchronized-shared-state