// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -DUNLOCKED 2>&1 | FileCheck %s --check-prefix=UNLOCKED --implicit-check-not="{{warning|remark}}:"
// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -DSHIFTED 2>&1 | FileCheck %s --check-prefix=SHIFTED --implicit-check-not="{{warning|remark}}:"
// Workers take the next element's index from a shared counter holding a
// lock (`lock(&m); i = next++; unlock(&m);`): no two takes return the same
// value, so no two workers fill the same element, as with an atomic
// fetch_add. With -DUNLOCKED the take holds no lock: two workers may take
// one index (and the counter itself races). With -DSHIFTED the worker
// writes the element after its own, which the next take hands to another.

#include <pthread.h>
#include <stdlib.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static unsigned next;
static int results[64];

static void *worker(void *arg) {
  for (;;) {
#ifndef UNLOCKED
    pthread_mutex_lock(&m);
#endif
    unsigned i = next++;
    // UNLOCKED: locked-takes.c:[[@LINE-1]]:18: warning: 'next' is written by thread 'worker' without a lock, and 'worker' runs in more than one thread at once
#ifndef UNLOCKED
    pthread_mutex_unlock(&m);
#endif
    if (i >= 63)
      break;
#ifdef SHIFTED
    results[i + 1] = 1;
    // SHIFTED: locked-takes.c:[[@LINE-1]]:5: warning: 'results' is written by thread 'worker' without a lock, and 'worker' runs in more than one thread at once
#else
    results[i] = 1;
    // UNLOCKED: locked-takes.c:[[@LINE-1]]:5: warning: 'results' is written by thread 'worker' without a lock, and 'worker' runs in more than one thread at once
#endif
  }
  return arg;
}

int main(void) {
  pthread_t t[4];
  for (int k = 0; k < 4; k++)
    pthread_create(&t[k], NULL, worker, NULL);
  for (int k = 0; k < 4; k++)
    pthread_join(t[k], NULL);
  return results[0];
}
// CHECK: concur: 1 file analysed
