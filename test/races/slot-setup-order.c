// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A starter deals work into the slots of the threads it is about to start
// (`p = data[i % n].part; p->vals[p->n++] = i;`, bwa's bwasw), then starts
// them. Each of those writes sets up the slot of the thread it is handed
// to, and all of them are the starter's, one after another: two of them
// never run at once, though the thread they set up runs in several
// copies. A write the threads make to one shared total still races.
//
// Known limitation kept visible here: concur tells pointer fields apart by
// name only, so another struct's `vals` aimed at a shared table makes it
// take the slots' buffers as possibly shared: the threads' doubling is
// reported against itself and against the dealing (a false alarm), but the
// dealing is not reported against itself.

#include <pthread.h>
#include <stdlib.h>

struct part {
  int n;
  int *vals;
};

struct aux {
  pthread_t id;
  struct part *part;
};

static long total;
static int table[16];

struct view {
  int *vals;
};
static struct view shared_view;

static void *work(void *arg) {
  struct aux *a = arg;
  for (int k = 0; k < a->part->n; k++)
    a->part->vals[k] *= 2;
  // CHECK: slot-setup-order.c:[[@LINE-1]]:5: warning: 'part::vals' is written by thread 'work' without a lock and written by another thread 'work' without a lock (
  // CHECK: slot-setup-order.c:[[@LINE-2]]:5: warning: 'part::vals' is written by thread 'work' without a lock, and 'work' runs in more than one thread at once
  total += a->part->n;
  // CHECK: slot-setup-order.c:[[@LINE-1]]:3: warning: 'total' is written by thread 'work' without a lock, and 'work' runs in more than one thread at once
  return NULL;
}

int main(void) {
  struct aux *data = calloc(4, sizeof *data);
  shared_view.vals = table;
  for (int j = 0; j < 4; j++) {
    data[j].part = calloc(1, sizeof(struct part));
    data[j].part->vals = calloc(16, sizeof(int));
  }
  for (int i = 0; i < 64; i++) {
    struct part *p = data[i % 4].part;
    p->vals[p->n++] = i;
  }
  for (int j = 0; j < 4; j++)
    pthread_create(&data[j].id, NULL, work, &data[j]);
  for (int j = 0; j < 4; j++)
    pthread_join(data[j].id, NULL);
  return 0;
}
// CHECK: concur: 1 file analysed
