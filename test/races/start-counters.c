// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -DSIGNED 2>&1 | FileCheck %s --check-prefixes=RACE --implicit-check-not="{{warning|remark}}:"
// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -DRESET 2>&1 | FileCheck %s --check-prefixes=RESET,RACE --implicit-check-not="{{warning|remark}}:"
// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -DDOWN 2>&1 | FileCheck %s --check-prefixes=RACE --implicit-check-not="{{warning|remark}}:"
// A server starts its workers in a loop through a helper that counts the
// starts that succeeded (civetweb's mg_start_worker_thread). When a start
// fails and the count is still 0, no worker runs: tearing the context
// down there races with nothing, though earlier passes of the loop may
// have started workers on other paths (nor does the free). A count that
// only grows says so;
// -DSIGNED compares a signed count with 0 (`> 0` is no test against 0
// there), -DRESET lets the workers set it back to 0, and -DDOWN counts it
// down before any start: all keep the race.

#include <pthread.h>
#include <stdlib.h>

#ifdef SIGNED
typedef int count_t;
#else
typedef unsigned count_t;
#endif

struct ctx {
  pthread_mutex_t lock;
  pthread_t ids[8];
  count_t spawned;
  int requests;
  int stopping;
};

static void *worker(void *arg) {
  struct ctx *c = arg;
  pthread_mutex_lock(&c->lock);
  c->requests++;
  pthread_mutex_unlock(&c->lock);
#ifdef RESET
  c->spawned = 0;
  // RESET: start-counters.c:[[@LINE-1]]:6: warning: '(calloc())' is written by thread 'worker' without a lock and written by thread 'main' without a lock
  // RESET: start-counters.c:[[@LINE-2]]:6: warning: 'ctx::spawned' is written by thread 'worker' without a lock and read by thread 'main' without a lock
  // RESET: start-counters.c:[[@LINE-3]]:6: warning: 'ctx::spawned' is written by thread 'worker' without a lock and written by thread 'main' without a lock
#endif
  return NULL;
}

static int start_worker(struct ctx *c) {
  int ret = pthread_create(&c->ids[c->spawned], NULL, worker, c);
  if (ret == 0)
    c->spawned++;
  return ret;
}

static void teardown(struct ctx *c) {
  c->requests = 0;
  // RACE: start-counters.c:[[@LINE-1]]:6: warning: 'ctx::requests' is written by thread 'main' without a lock and written by thread 'worker' holding 'ctx::lock'
  free(c);
  // The free also ends the mutex the worker locks.
  // RACE: start-counters.c:[[@LINE-2]]:8: warning: '(calloc())' is written by thread 'main' without a lock and read by thread 'worker' without a lock ({{.*}}start-counters.c:34:22)
  // RACE: start-counters.c:[[@LINE-3]]:8: warning: '(calloc())' is written by thread 'main' without a lock and written by thread 'worker' holding 'ctx::lock'
}

static void forget(struct ctx *c) { c->spawned--; }

static struct ctx *start(int n) {
  struct ctx *c = calloc(1, sizeof *c);
  pthread_mutex_init(&c->lock, NULL);
#ifdef DOWN
  forget(c);
#endif
  for (int i = 0; i < n; i++) {
    if (start_worker(c) != 0) {
      if (c->spawned > 0)
        break;
      teardown(c);
      return NULL;
    }
  }
  return c;
}

int main(void) {
  struct ctx *c = start(4);
  if (!c)
    return 1;
  pthread_mutex_lock(&c->lock);
  c->stopping = 1;
  pthread_mutex_unlock(&c->lock);
  return 0;
}
// CHECK: concur: 1 file analysed
