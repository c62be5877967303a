// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -DJOINED 2>&1 | FileCheck %s --check-prefix=JOINED --implicit-check-not="{{warning|remark}}:"
// A thread handed a struct of pointers (`struct arg a = {&count, &g};
// pthread_create(..., &a)`) reaches what they point at: `*a->count` in the
// thread is main's `count`. The struct may be main's local, initialised
// field by field or by a brace list, or a block main allocated; each
// finding names the variable itself.
// With -DJOINED main's writes come after the join: no race.

#include <pthread.h>
#include <stdlib.h>

struct arg {
  int *count;
  int *total;
};

static int total_listed, total_assigned, total_allocated;

static void *work(void *v) {
  struct arg *a = v;
  // CHECK-DAG: argument-struct-pointers.c:[[@LINE+3]]:3: warning: 'main::listed' is written by thread 'work' without a lock and written by thread 'main' without a lock
  // CHECK-DAG: argument-struct-pointers.c:[[@LINE+2]]:3: warning: 'main::assigned' is written by thread 'work' without a lock and written by thread 'main' without a lock
  // CHECK-DAG: argument-struct-pointers.c:[[@LINE+1]]:3: warning: 'main::allocated' is written by thread 'work' without a lock and written by thread 'main' without a lock
  *a->count += 1;
  // CHECK-DAG: argument-struct-pointers.c:[[@LINE+3]]:3: warning: 'total_listed' is written by thread 'work' without a lock and written by thread 'main' without a lock
  // CHECK-DAG: argument-struct-pointers.c:[[@LINE+2]]:3: warning: 'total_assigned' is written by thread 'work' without a lock and written by thread 'main' without a lock
  // CHECK-DAG: argument-struct-pointers.c:[[@LINE+1]]:3: warning: 'total_allocated' is written by thread 'work' without a lock and written by thread 'main' without a lock
  *a->total += 1;
  return NULL;
}

int main(void) {
  pthread_t t[3];
  int listed = 0, assigned = 0, allocated = 0;
  struct arg by_list = {&listed, &total_listed};
  struct arg by_fields;
  by_fields.count = &assigned;
  by_fields.total = &total_assigned;
  struct arg *in_block = malloc(sizeof *in_block);
  in_block->count = &allocated;
  in_block->total = &total_allocated;
  pthread_create(&t[0], NULL, work, &by_list);
  pthread_create(&t[1], NULL, work, &by_fields);
  pthread_create(&t[2], NULL, work, in_block);
#ifdef JOINED
  for (int i = 0; i < 3; i++)
    pthread_join(t[i], NULL);
#endif
  // JOINED-NOT: warning:
  listed = 1;
  total_listed = 1;
  assigned = 1;
  total_assigned = 1;
  allocated = 1;
  total_allocated = 1;
#ifndef JOINED
  for (int i = 0; i < 3; i++)
    pthread_join(t[i], NULL);
#endif
  free(in_block);
  return listed + assigned + allocated;
}

