// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -DJOINED 2>&1 | FileCheck %s --check-prefix=JOINED --implicit-check-not="{{warning|remark}}:"
// A global pointer that every store aims at one variable (a global, a
// thread_local, a local of main's) is that variable to whoever reads or
// writes through it: `*shared` in the reader is main's `counter`.
// Tricky: an array the pointer was aimed at by decay (`cursor = table`) is
// only its first element to `*cursor`, apart from `table[5]`; a pointer
// aimed at one field of a struct is that field, apart from its sibling.
// With -DJOINED every write of main's comes after the join: no race.

#include <pthread.h>

static int counter;
static _Thread_local int mine;
static int table[8];
static struct {
  int head;
  int tail;
} ring;

static int *shared;
static int *escaped;
static int *on_stack;
static int *cursor;
static int *tail_of_ring;

static void *reader(void *arg) {
  (void)arg;
  long sum = *shared + *escaped + *on_stack;
  *cursor = 1;
  // CHECK-DAG: global-pointer-to-variable.c:[[@LINE+1]]:3: warning: 'ring.tail' is written by thread 'reader' without a lock and written by thread 'main' without a lock ({{.*}}global-pointer-to-variable.c:[[@LINE+26]]:8)
  *tail_of_ring = 2;
  return (void *)sum;
}

int main(void) {
  int local = 0;
  pthread_t t;
  shared = &counter;
  escaped = &mine;
  on_stack = &local;
  cursor = table;
  tail_of_ring = &ring.tail;
  pthread_create(&t, 0, reader, 0);
#ifdef JOINED
  pthread_join(t, 0);
#endif
  // CHECK-DAG: global-pointer-to-variable.c:[[@LINE+2]]:3: warning: 'counter' is written by thread 'main' without a lock and read by thread 'reader' without a lock
  // JOINED-NOT: warning:
  counter = 1;
  // CHECK-DAG: global-pointer-to-variable.c:[[@LINE+1]]:3: warning: 'mine' is written by thread 'main' without a lock and read by thread 'reader' without a lock
  mine = 2;
  // CHECK-DAG: global-pointer-to-variable.c:[[@LINE+1]]:3: warning: 'main::local' is written by thread 'main' without a lock and read by thread 'reader' without a lock
  local = 3;
  table[5] = 4;
  ring.head = 5;
  ring.tail = 6;
#ifndef JOINED
  pthread_join(t, 0);
#endif
  return 0;
}
