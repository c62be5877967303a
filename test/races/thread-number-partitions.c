// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Workers split one array by their own number, given to each: a stride
// loop from it (`for (i = w->start; i < n; i += nthreads)`, with i
// declared before the loop) or a filter on the residue (`if (i % nthreads
// != tid) continue;`, the element's address taken before the filter). The
// elements of one worker are no other worker's. A filter on a number every
// worker shares, or a loop stepping by one from its own start, splits
// nothing: both still race.

#include <pthread.h>
#include <stdlib.h>

struct item {
  int len;
  int score;
  int hits;
  int seen;
};

struct worker {
  pthread_t id;
  int tid, start, n, nthreads, shared_slot;
  struct item *items;
};

static void *strided(void *arg) {
  struct worker *w = arg;
  int i;
  for (i = w->start; i < w->n; i += w->nthreads)
    w->items[i].len++;
  return NULL;
}

static void *filtered(void *arg) {
  struct worker *w = arg;
  int i;
  for (i = 0; i != w->n; ++i) {
    struct item *p = w->items + i;
    if (i % w->nthreads != w->tid)
      continue;
    p->score++;
  }
  return NULL;
}

static void *filtered_on_shared(void *arg) {
  struct worker *w = arg;
  for (int i = 0; i != w->n; ++i) {
    struct item *p = w->items + i;
    if (i % w->nthreads != 0)
      continue;
    p->hits++;
    // CHECK: thread-number-partitions.c:[[@LINE-1]]:8: warning: 'item::hits' is written by thread 'filtered_on_shared' without a lock, and 'filtered_on_shared' runs in more than one thread at once
  }
  return NULL;
}

static void *stepped_by_one(void *arg) {
  struct worker *w = arg;
  int i;
  for (i = w->start; i < w->n; i += 1)
    w->items[i].seen++;
  // CHECK: thread-number-partitions.c:[[@LINE-1]]:17: warning: 'item::seen' is written by thread 'stepped_by_one' without a lock, and 'stepped_by_one' runs in more than one thread at once
  return NULL;
}

static void run(void *(*fn)(void *), struct item *items) {
  struct worker *w = calloc(4, sizeof *w);
  for (int j = 0; j < 4; j++) {
    w[j].tid = w[j].start = j;
    w[j].n = 64;
    w[j].nthreads = 4;
    w[j].items = items;
    pthread_create(&w[j].id, NULL, fn, &w[j]);
  }
  for (int j = 0; j < 4; j++)
    pthread_join(w[j].id, NULL);
  free(w);
}

int main(void) {
  struct item *items = calloc(64, sizeof *items);
  run(strided, items);
  run(filtered, items);
  run(filtered_on_shared, items);
  run(stepped_by_one, items);
  free(items);
  return 0;
}
// CHECK: concur: 1 file analysed
