// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// realloc returns a new object or the one it was given. A field given
// realloc of its own value (`b->data = realloc(b->data, n)`) keeps pointing
// at an object of its own, as a field filled by allocations does. A field
// given realloc of some other pointer may point at that one's object: a
// buffer every copy of the thread shares (and reallocates at once: realloc
// writes what it is given, as free does).

#include <pthread.h>
#include <stdlib.h>

struct buf {
  char *data;
  size_t len;
};

struct view {
  char *ptr;
};

struct job {
  pthread_t id;
  struct buf b;
  struct view v;
};

static char *shared_block;

static void grow(struct buf *b, size_t n) {
  b->data = realloc(b->data, n);
  b->len = n;
}

static void *work(void *arg) {
  struct job *j = arg;
  grow(&j->b, 128);
  j->b.data[0] = 1;
  j->v.ptr = realloc(shared_block, 64);
  // CHECK: realloc-in-place.c:[[@LINE-1]]:22: warning: 'shared_block' is written by thread 'work' without a lock, and 'work' runs in more than one thread at once
  j->v.ptr[0] = 1;
  // CHECK: realloc-in-place.c:[[@LINE-1]]:3: warning: 'view::ptr' is written by thread 'work' without a lock, and 'work' runs in more than one thread at once
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
