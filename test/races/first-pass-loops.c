// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A loop whose condition holds when first tested leaves only after a pass:
// the scoped-lock macro that takes the mutex in a for's init and gives it
// back in its increment holds it in the body and not after the loop. A
// walk that ignored the back edge took the way out of the first test, with
// the mutex held, as a path, and everything after such a block looked
// locked.

#include <pthread.h>

#define scoped_lock(m)                                                         \
  for (unsigned int once_ = (pthread_mutex_lock(&(m)), 0); once_ == 0;         \
       pthread_mutex_unlock(&(m)), ++once_)

static pthread_mutex_t Mu = PTHREAD_MUTEX_INITIALIZER;
static int Jobs;       // always under Mu
static int Done;       // after the block: unlocked
static int Spins;      // a loop that may not run: nothing known
static int Remaining;  // a counted loop: under Mu in the body only

static void *worker(void *Arg) {
  scoped_lock(Mu) { ++Jobs; }
  ++Done;
  // A loop that may not run at all (its bound is not known) may leave at
  // its first test, as before.
  int N = *(int *)Arg;
  for (int I = 0; I < N; ++I)
    ++Spins;
  for (int I = 0; I < 3; pthread_mutex_unlock(&Mu), ++I) {
    pthread_mutex_lock(&Mu);
    --Remaining;
  }
  Remaining = 0;
  return 0;
}

int main(void) {
  pthread_t A, B;
  int N = 2;
  pthread_create(&A, 0, worker, &N);
  pthread_create(&B, 0, worker, &N);
  scoped_lock(Mu) { Jobs = 0; }
  Done = 1;
  pthread_join(A, 0);
  pthread_join(B, 0);
  return Jobs + Done;
}
// Before the back edge was heeded, none of these was reported: everything
// after the first scoped_lock looked locked.
// CHECK-DAG: first-pass-loops.c:23:5: warning: 'Done' is written by thread 'worker' without a lock and written by another thread 'worker' without a lock
// CHECK-DAG: first-pass-loops.c:23:5: warning: 'Done' is written by thread 'worker' without a lock and written by thread 'main' without a lock ({{.*}}first-pass-loops.c:43:3)
// CHECK-DAG: first-pass-loops.c:28:7: warning: 'Spins' is written by thread 'worker' without a lock and written by another thread 'worker' without a lock
// CHECK-DAG: first-pass-loops.c:33:3: warning: 'Remaining' is written by thread 'worker' without a lock and written by another thread 'worker' holding 'Mu' ({{.*}}first-pass-loops.c:31:7)
// CHECK-DAG: first-pass-loops.c:33:3: warning: 'Remaining' is written by thread 'worker' without a lock and written by another thread 'worker' without a lock
// CHECK: 5 concur-unsynchronized-shared-state
