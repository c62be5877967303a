// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A starter deals work into the slots of the threads it is about to start
// (`p = data[i % n].part; p->vals[p->n++] = i;`, bwa's bwasw), then starts
// them. Each of those writes sets up the slot of the thread it is handed
// to, and all of them are the starter's, one after another, made before
// any of the starts: two of them never run at once, nor one of them with
// what a copy of the thread does, though the thread runs in several
// copies. Fields are told apart by their struct: another struct's `vals`
// aimed at a shared table leaves the slots' own buffers their own. A
// write the threads make to one shared total still races, and so does a
// setup made in the loop of the starts, into one part every slot shares:
// the copies started before it run by then.

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
  total += a->part->n;
  // CHECK: slot-setup-order.c:[[@LINE-1]]:3: warning: 'total' is written by thread 'work' without a lock, and 'work' runs in more than one thread at once
  return NULL;
}

struct tally {
  int n;
};

struct counted {
  pthread_t id;
  struct tally *tally;
};

static void *count(void *arg) {
  struct counted *c = arg;
  return (void *)(long)c->tally->n;
}

static void start_counting(void) {
  static struct tally one;
  struct counted *data = calloc(4, sizeof *data);
  for (int j = 0; j < 4; j++) {
    data[j].tally = &one;
    data[j].tally->n++;
    // CHECK: slot-setup-order.c:[[@LINE-1]]:20: warning: 'tally::n' is written by thread 'count' without a lock and read by another thread 'count' without a lock
    pthread_create(&data[j].id, NULL, count, &data[j]);
  }
  for (int j = 0; j < 4; j++)
    pthread_join(data[j].id, NULL);
}

int main(void) {
  start_counting();
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
