// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A growable vector (kvec's kv_push) reallocates through a wrapper that
// exits on failure, and a function builds one in a local and returns it by
// value. realloc's result is the object it was given, moved or grown: a
// field given back what it held keeps pointing at an object of its own,
// through the wrapper too. A struct a call filled in its own local and
// returned holds the pointers the callee stored there, which concur saw
// stored; one the call copied from a global holds the global's, which
// every thread shares.

#include <pthread.h>
#include <stdlib.h>

static void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n);
  if (!q)
    abort();
  return q;
}

struct vec {
  int *a;
  size_t n, m;
};

static void push(struct vec *v, int x) {
  if (v->n == v->m) {
    v->m = v->m ? v->m * 2 : 4;
    v->a = xrealloc(v->a, v->m * sizeof *v->a);
  }
  v->a[v->n++] = x;
}

static struct vec build(int n) {
  struct vec v = {0};
  for (int i = 0; i < n; i++)
    push(&v, i);
  return v;
}

struct buf {
  char *data;
  size_t len;
};

static void grow(struct buf *b, size_t len) {
  b->data = xrealloc(b->data, len);
  b->len = len;
}

struct view {
  int *cells;
};

static int table[16];
static struct view global_view = {table};

static struct view shared_view(void) { return global_view; }

struct job {
  pthread_t id;
  struct vec built;
  struct buf grown;
  struct view seen;
};

static void *work(void *arg) {
  struct job *j = arg;
  j->built = build(8);
  j->built.a[0]++;
  grow(&j->grown, 64);
  j->grown.data[0]++;
  j->seen = shared_view();
  j->seen.cells[0]++;
  // CHECK: realloc-wrappers-returned-structs.c:[[@LINE-1]]:3: warning: 'view::cells' is written by thread 'work' without a lock, and 'work' runs in more than one thread at once
  return NULL;
}

int main(void) {
  struct job *jobs = calloc(4, sizeof *jobs);
  for (int i = 0; i < 4; i++)
    pthread_create(&jobs[i].id, NULL, work, &jobs[i]);
  for (int i = 0; i < 4; i++)
    pthread_join(jobs[i].id, NULL);
  return 0;
}
// CHECK: concur: 1 file analysed
