// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Threads started in a loop, each given the loop's counter: no two have
// the same index, so a branch that one index takes (`if (id == 0)`) runs in
// one thread only, and what it does meets no copy of itself. Branches for
// different indexes still run in different threads at once, and a start
// whose counter repeats (a loop around the loop, a counter the body moves,
// the loop's function called again before a join) gives no such promise.

#include <pthread.h>

#define N 4

int by_first, by_second, either, shared_last, outer_rounds, moved;
int twice_started;
pthread_barrier_t bar;

// Only the thread with index 1 writes by_first, and only the one with
// index 0 writes by_second after the barrier, which orders it after index
// 1's write of either.
void *ordered_by_index(void *arg) {
  long id = (long)arg;
  if (id == 1) {
    by_first++;
    either++;
  }
  pthread_barrier_wait(&bar);
  if (id == 0) {
    by_second++;
    either++;
  }
  return 0;
}

// Index 1 and index 2 write shared_last with nothing between: two threads.
void *two_indexes(void *arg) {
  long id = (long)arg;
  if (id == 1)
    shared_last = 1;
  if (id == 2)
    shared_last = 2;
  // CHECK-DAG: distinct-thread-indexes.c:[[@LINE-3]]:5: warning: 'shared_last' is written by thread 'two_indexes' without a lock and written by another thread 'two_indexes' without a lock
  return 0;
}

// Started in a loop within a loop: each round hands out index 0 again.
void *rounds(void *arg) {
  long id = (long)arg;
  if (id == 0)
    outer_rounds++;
  // CHECK-DAG: distinct-thread-indexes.c:[[@LINE-1]]:5: warning: 'outer_rounds' is written by thread 'rounds' without a lock, and 'rounds' runs in more than one thread at once
  return 0;
}

// The body moves the counter back: two starts may hand out one value.
void *moved_counter(void *arg) {
  long id = (long)arg;
  if (id == 0)
    moved++;
  // CHECK-DAG: distinct-thread-indexes.c:[[@LINE-1]]:5: warning: 'moved' is written by thread 'moved_counter' without a lock, and 'moved_counter' runs in more than one thread at once
  return 0;
}

// Its loop runs twice, nothing joined between: index 0 twice at once.
void *twice(void *arg) {
  long id = (long)arg;
  if (id == 0)
    twice_started++;
  // CHECK-DAG: distinct-thread-indexes.c:[[@LINE-1]]:5: warning: 'twice_started' is written by thread 'twice' without a lock
  return 0;
}

void start_twice(pthread_t *t) {
  for (long i = 0; i < N; i++)
    pthread_create(&t[i], 0, twice, (void *)i);
}

int main(void) {
  pthread_t t[N];
  pthread_barrier_init(&bar, 0, N);
  for (long i = 0; i < N; i++)
    pthread_create(&t[i], 0, ordered_by_index, (void *)i);
  for (long i = 0; i < N; i++)
    pthread_join(t[i], 0);
  for (long i = 0; i < N; i++)
    pthread_create(&t[i], 0, two_indexes, (void *)i);
  for (long i = 0; i < N; i++)
    pthread_join(t[i], 0);
  for (int r = 0; r < 2; r++)
    for (long i = 0; i < N; i++)
      pthread_create(&t[i], 0, rounds, (void *)i);
  for (long i = 0; i < N; i++) {
    pthread_create(&t[i], 0, moved_counter, (void *)i);
    if (i == 2)
      i = 0;
  }
  pthread_t u[2 * N];
  start_twice(u);
  start_twice(u + N);
  return 0;
}
// CHECK: concur: 1 file analysed, 0 failed to parse; 4 concur-unsynchronized-shared-state