// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c11 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A lock that is a field of an object the accessed place is reached
// through (`pool->queue[t].fn` written under `pool->lock`) guards that
// place on every side that holds the same field of the object at the same
// step: where the two places are one, so are the objects and their locks,
// even when one side names the pool pools[0] and the other pools[k].

#include <pthread.h>
#include <stddef.h>

struct task {
  void (*fn)(void *);
  pthread_mutex_t lock;
};

struct pool {
  pthread_mutex_t lock;
  struct task *queue;
  int tail;
  int other;
};

struct pool *pools[4];
pthread_mutex_t global_lock;
int next_pool;

void noop(void *arg) {}

static void add(struct pool *p, void (*fn)(void *)) {
  pthread_mutex_lock(&p->lock);
  p->queue[p->tail].fn = fn;
  pthread_mutex_unlock(&p->lock);
}

// The wrong lock: the global one, or the element's own where the other
// side holds the pool's.
static void add_unguarded(struct pool *p, void (*fn)(void *)) {
  pthread_mutex_lock(&global_lock);
  p->other = 1;
  // CHECK-DAG: lock-of-object-on-the-path.c:[[@LINE-1]]:6: warning: 'pool::other' is written by thread 'worker' holding 'global_lock' and written by thread 'main' holding 'pool::lock'
  pthread_mutex_unlock(&global_lock);
  pthread_mutex_lock(&p->queue[p->tail].lock);
  p->queue[p->tail].fn = fn;
  // CHECK-DAG: lock-of-object-on-the-path.c:[[#@LINE-13]]:21: warning: 'task::fn' is written by thread 'main' holding 'pool::lock' and written by thread 'worker' holding 'task::lock' ({{.*}}lock-of-object-on-the-path.c:[[@LINE-1]]:21)
  pthread_mutex_unlock(&p->queue[p->tail].lock);
}

void *worker(void *arg) {
  int k = next_pool;
  add(pools[k], noop);
  add_unguarded(pools[k], noop);
  return NULL;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, worker, NULL);
  add(pools[0], noop);
  pthread_mutex_lock(&pools[0]->lock);
  pools[0]->other = 2;
  pthread_mutex_unlock(&pools[0]->lock);
  pthread_join(t, NULL);
  return 0;
}

// Every finding above, and no other (the implicit check covers the output
// up to the summary).
// CHECK: concur: 1 file analysed, 0 failed to parse; 2 concur-unsynchronized-shared-state