// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c11 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A local index that is given only constants of k or more and is otherwise
// only stepped up names no element below k; `*p` is p[0]. lbzip2's
// schedule() keeps the primary thread's handle in element 0 while the
// primary thread starts and joins elements 1 to n - 1.

#include <pthread.h>
#include <stdlib.h>

enum { N = 4 };

static pthread_t *Workers;
static int Slots[N];
static int *Cells;
static int *Counts;
static int *Marks;
static int *Tail;

static void *work(void *arg) { return arg; }

static pthread_t start(void *(*fn)(void *)) {
  pthread_t t;
  pthread_create(&t, NULL, fn, NULL);
  return t;
}

// Elements 1 to N - 1 only: apart from main's element 0.
static void *primary(void *arg) {
  unsigned i;
  for (i = 1u; i < N; ++i)
    Workers[i] = start(work);
  for (i = 1u; i < N; ++i)
    pthread_join(Workers[i], NULL);
  for (int j = 1; j < N; j += 2)
    Slots[j] = j;
  // i + 1 with i from 1: element 2 and up; apart from Slots[1].
  for (int k = 1; k + 1 < N; k++)
    Cells[k + 1] = k;
  return arg;
}

// From 0: element 0 too. A race with main's *Counts.
static void *from_zero(void *arg) {
  for (int i = 0; i < N; ++i)
    Counts[i] = i;
  // CHECK-DAG: index-lower-bounds.c:[[@LINE-1]]:5: warning: 'Counts' is written by thread 'from_zero' without a lock and written by thread 'main' without a lock
  return arg;
}

// Stepped down, or given a value that is no constant: no bound.
static void *stepped_down(void *arg) {
  for (int i = N - 1; i >= 1; --i)
    Marks[i] = i;
  // CHECK-DAG: index-lower-bounds.c:[[@LINE-1]]:5: warning: 'Marks' is written by thread 'stepped_down' without a lock and written by thread 'main' without a lock
  int n = *(int *)arg;
  for (int i = n; i < N; ++i)
    Tail[i] = i;
  // CHECK-DAG: index-lower-bounds.c:[[@LINE-1]]:5: warning: 'Tail' is written by thread 'stepped_down' without a lock and written by thread 'main' without a lock
  return arg;
}

// Its address handed on: what it holds is anyone's to change.
static void bump(int *i) { *i = 0; }

static int *Shared;
static void *escaped(void *arg) {
  for (int i = 1; i < N; ++i) {
    bump(&i);
    Shared[i] = i;
  }
  // CHECK-DAG: index-lower-bounds.c:[[@LINE-2]]:5: warning: 'Shared' is written by thread 'escaped' without a lock and written by thread 'main' without a lock
  return arg;
}

// A lock of an array taken in a loop from 1 is the array's one lock, as
// main's at an index it does not know is: only data is told apart by the
// bound. Each element is written under the lock: no race.
static pthread_mutex_t Locks[N];
static int Guarded[N];
static void *locker(void *arg) {
  for (int i = 1; i < N; ++i) {
    pthread_mutex_lock(&Locks[i]);
    Guarded[i] = i;
    pthread_mutex_unlock(&Locks[i]);
  }
  return arg;
}

int main(void) {
  int first = 0;
  pthread_t t[4];
  int seen;
  Workers = malloc(N * sizeof *Workers);
  Cells = malloc(N * sizeof *Cells);
  Counts = malloc(N * sizeof *Counts);
  Marks = malloc(N * sizeof *Marks);
  Tail = malloc(N * sizeof *Tail);
  Shared = malloc(N * sizeof *Shared);
  pthread_create(&t[0], NULL, from_zero, NULL);
  pthread_create(&t[1], NULL, stepped_down, &first);
  pthread_create(&t[2], NULL, escaped, NULL);
  pthread_create(&t[3], NULL, locker, NULL);
  pthread_mutex_lock(&Locks[first]);
  seen = Guarded[first];
  pthread_mutex_unlock(&Locks[first]);
  *Workers = start(primary);
  Slots[0] = 1;
  Cells[1] = 1;
  *Counts = 1;
  *Marks = 1;
  *Tail = 1;
  *Shared = 1;
  pthread_join(*Workers, NULL);
  for (int i = 0; i < 4; ++i)
    pthread_join(t[i], NULL);
  return seen;
}

// Every finding above, and no other (the implicit check covers the output
// up to the summary).
// CHECK: concur: 1 file analysed, 0 failed to parse; 4 concur-unsynchronized-shared-state