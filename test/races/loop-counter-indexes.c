// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// An index made of what a thread was given (its id, its range) picks the
// thread's own elements; a loop counter that starts from a constant steps
// every copy of the thread's code through the same elements. The starter's
// counter names the slot each start hands out: that slot stays the
// thread's own, however the loop that hands it out counts.

#include <pthread.h>

#define N 64

struct job {
  int id;
  int start, end;
  long result;
  pthread_t tid;
};

static long totals[N];
static long partial[N];
static long histogram[N];
static struct job jobs[4];

static void bump(long *cell) { *cell += 1; }
// CHECK: loop-counter-indexes.c:[[@LINE-1]]:32: warning: 'histogram' is written by thread 'worker' without a lock, and 'worker' runs in more than one thread at once

static void *worker(void *arg) {
  struct job *j = arg;
  // Every copy adds into every element: a race between the copies.
  for (int i = 0; i < N; i++)
    totals[i] += i;
  // CHECK: loop-counter-indexes.c:[[@LINE-1]]:5: warning: 'totals' is written by thread 'worker' without a lock, and 'worker' runs in more than one thread at once
  // Each copy's own range, from what it was given: no race.
  for (int i = j->start; i < j->end; i++)
    partial[i] = i;
  // Through a helper handed each element in turn: the same race.
  for (int i = 0; i < N; i++)
    bump(&histogram[i]);
  // Its own slot, handed out by the starter's loop counter: no race.
  j->result = j->end - j->start;
  return NULL;
}

int main(void) {
  for (int k = 0; k < 4; k++) {
    jobs[k].id = k;
    jobs[k].start = k * (N / 4);
    jobs[k].end = (k + 1) * (N / 4);
    pthread_create(&jobs[k].tid, NULL, worker, &jobs[k]);
  }
  long sum = 0;
  for (int k = 0; k < 4; k++) {
    pthread_join(jobs[k].tid, NULL);
    sum += jobs[k].result;
  }
  return (int)sum;
}
// CHECK: concur: 1 file analysed
