// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Start wrappers that tell their caller whether the thread runs, through a
// status negated or tested against zero (`return !res;`, `return
// pthread_create(...) == 0;`), or through a local given the status of
// several calls, the start's last (libmicrohttpd's MHD_create_thread_:
// pthread_attr_init, pthread_attr_setstacksize, then one of two starts).
// On the caller's failure edge (`if (!start(...)) { free(job); ... }`) the
// thread does not run: freeing the job there races with nothing.
// Tricky: a wrapper that gives the local another status after a start that
// worked (pthread_setname_np's) may report failure while its thread runs;
// the free on that edge races with the worker.

#define _GNU_SOURCE
#include <pthread.h>
#include <stdlib.h>

struct job {
  int done;
};

static void *worker(void *arg) {
  struct job *j = arg;
  // CHECK: start-status-wrappers.c:[[@LINE+1]]:6: warning: '(malloc())' is written by thread 'worker' without a lock and written by thread 'main' without a lock ({{.*}}start-status-wrappers.c:[[@LINE+66]]:10)
  j->done = 1;
  return NULL;
}

static int start_negated(pthread_t *t, void *arg) {
  return !pthread_create(t, NULL, worker, arg);
}

static int start_compared(pthread_t *t, void *arg) {
  return pthread_create(t, NULL, worker, arg) == 0;
}

static int start_kept(pthread_t *t, void *arg) {
  int rc = pthread_create(t, NULL, worker, arg);
  return rc == 0;
}

static int start_sized(pthread_t *t, size_t stack, void *arg) {
  int res;
  if (stack != 0) {
    pthread_attr_t attr;
    res = pthread_attr_init(&attr);
    if (res == 0) {
      res = pthread_attr_setstacksize(&attr, stack);
      if (res == 0)
        res = pthread_create(t, &attr, worker, arg);
      pthread_attr_destroy(&attr);
    }
  } else {
    res = pthread_create(t, NULL, worker, arg);
  }
  return !res;
}

static int start_named(pthread_t *t, void *arg) {
  int rc = pthread_create(t, NULL, worker, arg);
  if (rc == 0)
    rc = pthread_setname_np(*t, "worker");
  return rc == 0;
}

static size_t stack_size;

int main(void) {
  pthread_t t[5];
  struct job *a = malloc(sizeof *a), *b = malloc(sizeof *b),
             *c = malloc(sizeof *c), *d = malloc(sizeof *d),
             *e = malloc(sizeof *e);
  if (!start_negated(&t[0], a)) {
    free(a);
    return 1;
  }
  if (!start_compared(&t[1], b)) {
    free(b);
    return 1;
  }
  if (!start_kept(&t[2], c)) {
    free(c);
    return 1;
  }
  if (!start_sized(&t[3], stack_size, d)) {
    free(d);
    return 1;
  }
  if (!start_named(&t[4], e)) {
    free(e);
    return 1;
  }
  for (int i = 0; i < 5; i++)
    pthread_join(t[i], NULL);
  free(a);
  free(b);
  free(c);
  free(d);
  free(e);
  return 0;
}
