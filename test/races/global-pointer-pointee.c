// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -DRETARGETED 2>&1 | FileCheck %s --check-prefix=RETARGETED --implicit-check-not="{{warning|remark}}:"
// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -DLOOPED 2>&1 | FileCheck %s --check-prefix=RETARGETED --implicit-check-not="{{warning|remark}}:"
// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -DCOPIED 2>&1 | FileCheck %s --check-prefix=RETARGETED --implicit-check-not="{{warning|remark}}:"
// A pool made by a function and kept in a global pointer (a test program's
// `pool = threadpool_create(...)`): the pointer's target is the object
// the pool's threads were handed, whatever name each side uses. A write
// through the global races with the workers' writes through their
// argument; the join through the global joins the workers it started, so
// what main does after the destroy is ordered.
// With -DRETARGETED the global is aimed at a second object before main
// writes through it: that write is to the other object, no race.
// With -DLOOPED the global is aimed anew on each pass of a loop, and with
// -DCOPIED its value is also kept in another pointer (as a
// list head's is, `th->next = threads; threads = th;`): the global is then
// taken to name no one object, and main's write is not matched with the
// workers' reads (a race concur misses, for the list heads' sake: aimed
// anew per launch, each link would name another object).

#include <pthread.h>
#include <stdlib.h>

struct pool {
  pthread_mutex_t lock;
  pthread_t *threads;
  int count;
  long served;
  long limit;
};

static void *worker(void *arg) {
  struct pool *p = arg;
  long limit = p->limit;
  pthread_mutex_lock(&p->lock);
  if (p->served < limit)
    p->served++;
  p->count--;
  pthread_mutex_unlock(&p->lock);
  return NULL;
}

static struct pool *pool_create(int n) {
  struct pool *p = calloc(1, sizeof *p);
  pthread_mutex_init(&p->lock, NULL);
  p->threads = calloc(n, sizeof(pthread_t));
  p->count = n;
  for (int i = 0; i < n; i++)
    pthread_create(&p->threads[i], NULL, worker, p);
  return p;
}

static void pool_destroy(struct pool *p, int n) {
  for (int i = 0; i < n; i++)
    pthread_join(p->threads[i], NULL);
  free(p->threads);
  p->count = 0;
}

struct pool *pool;
struct pool spare;
struct {
  struct pool *last;
} kept;

int main(void) {
#ifdef LOOPED
  for (int round = 0; round < 2; round++)
#endif
    pool = pool_create(4);
#ifdef RETARGETED
  pool = &spare;
#endif
#ifdef COPIED
  kept.last = pool;
#endif
  // CHECK: :[[@LINE+2]]:9: warning: 'pool::limit' is written by thread 'main' without a lock and read by thread 'worker' without a lock
  // RETARGETED-NOT: warning: 'pool::limit'
  pool->limit = 10;
#ifndef RETARGETED
  pool_destroy(pool, 4);
#endif
  pool->served = 0;
  pool->count = 0;
  return 0;
}
