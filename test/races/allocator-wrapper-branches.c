// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// An allocation wrapper that calls a custom allocator where one is set
// (`if (mem.alloc) return mem.alloc(n); return calloc(1, n);`) returns a
// new object in a program that sets no allocator: the branch that returns
// the custom allocator's result is never taken there. So a pool made twice
// sets up its second context, unpublished, while the first one's worker
// runs. Where some code does set an allocator, the wrapper's result is
// whatever that allocator returns: the set-up is compared with the worker.

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct mem {
  void *(*alloc)(void *opaque, size_t n);
  void *opaque;
};

static void *mem_calloc(size_t n, struct mem m) {
  if (m.alloc) {
    void *p = m.alloc(m.opaque, n);
    memset(p, 0, n);
    return p;
  }
  return calloc(1, n);
}

struct pool {
  pthread_mutex_t mu;
  int busy;
  pthread_t thread;
};

static void *pool_worker(void *arg) {
  struct pool *p = arg;
  pthread_mutex_lock(&p->mu);
  p->busy++;
  pthread_mutex_unlock(&p->mu);
  return 0;
}

static struct pool *pool_create(struct mem m) {
  struct pool *p = mem_calloc(sizeof *p, m);
  p->busy = 0;
  pthread_mutex_init(&p->mu, 0);
  pthread_create(&p->thread, 0, pool_worker, p);
  return p;
}

// The same with an allocator some code sets.
struct arena {
  pthread_mutex_t mu;
  int used;
  pthread_t thread;
};

struct set_mem {
  void *(*alloc)(void *opaque, size_t n);
  void *opaque;
};

static void *arena_alloc(void *opaque, size_t n) {
  (void)opaque;
  return malloc(n);
}

static void *mem_calloc_set(size_t n, struct set_mem m) {
  if (m.alloc) {
    void *p = m.alloc(m.opaque, n);
    memset(p, 0, n);
    // It fills the mutex that the first arena's worker locks, too.
    // CHECK: allocator-wrapper-branches.c:[[@LINE-2]]:12: warning: 'mem_calloc_set::p' is written by thread 'main' without a lock and read by thread 'arena_worker' without a lock
    // CHECK: allocator-wrapper-branches.c:[[@LINE-3]]:12: warning: 'mem_calloc_set::p' is written by thread 'main' without a lock and written by thread 'arena_worker' holding 'arena::mu'
    return p;
  }
  return calloc(1, n);
}

static void *arena_worker(void *arg) {
  struct arena *a = arg;
  pthread_mutex_lock(&a->mu);
  a->used++;
  pthread_mutex_unlock(&a->mu);
  return 0;
}

static struct arena *arena_create(struct set_mem m) {
  struct arena *a = mem_calloc_set(sizeof *a, m);
  a->used = 0;
  // CHECK: allocator-wrapper-branches.c:[[@LINE-1]]:6: warning: 'arena::used' is written by thread 'main' without a lock and written by thread 'arena_worker' holding 'arena::mu'
  pthread_mutex_init(&a->mu, 0);
  pthread_create(&a->thread, 0, arena_worker, a);
  return a;
}

int main(void) {
  struct mem none = {0, 0};
  struct pool *first = pool_create(none);
  struct pool *second = pool_create(none);
  pthread_join(first->thread, 0);
  pthread_join(second->thread, 0);
  struct set_mem custom = {0, 0};
  custom.alloc = arena_alloc;
  struct arena *a = arena_create(custom);
  struct arena *b = arena_create(custom);
  pthread_join(a->thread, 0);
  pthread_join(b->thread, 0);
  return 0;
}
