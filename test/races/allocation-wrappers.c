// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A function that returns an object it allocated, and let nothing else
// reach before it returns, makes a new object at each call, named by the
// call: an allocation wrapper that keeps the size in a header before the
// block it returns (redis's and wrk's zmalloc), and a constructor function
// that fills the object through helpers that keep no pointer to it. Each
// thread given its own element, whose loop main made with such a call,
// works on a loop of its own. A constructor that registers the object in
// a global list lets it escape: its objects are one to the model.

#include <pthread.h>
#include <stdlib.h>

static long used;

static void *zmalloc(size_t n) {
  void *p = malloc(n + sizeof(size_t));
  *((size_t *)p) = n;
  __atomic_add_fetch(&used, n, __ATOMIC_RELAXED);
  return (char *)p + sizeof(size_t);
}

struct loop {
  int *events;
  int stop;
  struct loop *next;
};

static void init_events(struct loop *l, int n) {
  l->events = zmalloc(n * sizeof(int));
  l->stop = 0;
}

static struct loop *make_loop(int n) {
  struct loop *l = zmalloc(sizeof *l);
  init_events(l, n);
  return l;
}

struct loop *registry;
static void enrol(struct loop *l) {
  l->next = registry;
  registry = l;
}

static struct loop *make_registered_loop(void) {
  struct loop *l = zmalloc(sizeof *l);
  enrol(l);
  return l;
}

struct worker {
  pthread_t thread;
  struct loop *loop;
  struct loop *shared;
};

static void *run(void *arg) {
  struct worker *w = arg;
  w->loop->stop = 1;
  w->shared->stop = 1;
  // CHECK: allocation-wrappers.c:[[@LINE-1]]:14: warning: 'loop::stop' is written by thread 'run' without a lock, and 'run' runs in more than one thread at once
  return NULL;
}

int main(void) {
  struct worker *workers = zmalloc(4 * sizeof(struct worker));
  for (int i = 0; i < 4; i++) {
    struct worker *w = &workers[i];
    w->loop = make_loop(16);
    w->shared = make_registered_loop();
    pthread_create(&w->thread, NULL, run, w);
  }
  for (int i = 0; i < 4; i++)
    pthread_join(workers[i].thread, NULL);
  return 0;
}
// CHECK: concur: 1 file analysed
