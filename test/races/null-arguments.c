// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Warnings interleaved with the expected ones escape a DAG group; count them.
// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | grep -c "warning:" | FileCheck %s --check-prefix=COUNT
// COUNT: {{^}}8{{$}}
// A load or store through a null pointer ends the process. A thread
// started with a NULL argument, or a function called with one, does
// nothing that follows a read or write through that parameter on every
// path. Taking the address of a field reads nothing; a dereference on one
// branch only, a parameter the function changes first, and a test of the
// pointer decide nothing.

#include <pthread.h>
#include <stddef.h>

struct queue {
  pthread_mutex_t mut;
  int empty;
};

int all_done;        // read by the workers after their first dereference
int before_deref;    // touched before it: the worker still gets there
int address_only;    // after `&q->mut` only: no memory was read
int one_branch;      // after a dereference on one branch only
int changed_param;   // after a dereference of a parameter made non-null
int helper_count;    // a helper called with NULL, then with a real queue
int tested_first;    // after `if (!q) return;` alone
int aliased;         // after a read through a local that may hold another

static struct queue real_queue;

static void *consumer(void *arg) {
  struct queue *fifo = (struct queue *)arg;
  before_deref = 1;
  // CHECK-DAG: null-arguments.c:[[@LINE-1]]:3: warning: 'before_deref' is written by thread 'consumer' without a lock and written by thread 'main' without a lock
  pthread_mutex_lock(&fifo->mut);
  address_only = 1;
  // CHECK-DAG: null-arguments.c:[[@LINE-1]]:3: warning: 'address_only' is written by thread 'consumer' without a lock and written by thread 'main' without a lock
  while (fifo->empty) {
    if (all_done)
      break;
  }
  pthread_mutex_unlock(&fifo->mut);
  return NULL;
}

static void *maybe_consumer(void *arg) {
  struct queue *fifo = arg;
  if (all_done)
    fifo->empty = 0;
  one_branch = 1;
  // CHECK-DAG: null-arguments.c:[[@LINE-1]]:3: warning: 'one_branch' is written by thread 'maybe_consumer' without a lock and written by thread 'main' without a lock
  return NULL;
}

static void *changing_consumer(void *arg) {
  struct queue local = {0};
  if (!arg)
    arg = &local;
  ((struct queue *)arg)->empty = 1;
  changed_param = 1;
  // CHECK-DAG: null-arguments.c:[[@LINE-1]]:3: warning: 'changed_param' is written by thread 'changing_consumer' without a lock and written by thread 'main' without a lock
  return NULL;
}

static void *testing_consumer(void *arg) {
  struct queue *fifo = arg;
  if (!fifo)
    return NULL;
  tested_first = 1;
  // CHECK-DAG: null-arguments.c:[[@LINE-1]]:3: warning: 'tested_first' is written by thread 'testing_consumer' without a lock and written by thread 'main' without a lock
  return NULL;
}

// The local holds the argument on one path only: reading through it says
// nothing of the argument.
static void *aliasing_consumer(void *arg) {
  struct queue *fifo;
  if (arg == NULL)
    fifo = &real_queue;
  else
    fifo = arg;
  fifo->empty = 0;
  aliased = 1;
  // CHECK-DAG: null-arguments.c:[[@LINE-1]]:3: warning: 'aliased' is written by thread 'aliasing_consumer' without a lock and written by thread 'main' without a lock
  return NULL;
}

static void count(struct queue *q) {
  if (q->empty)
    helper_count++;
  // CHECK-DAG: null-arguments.c:[[@LINE-1]]:5: warning: 'helper_count' is written by thread 'helper_thread' without a lock and written by thread 'main' without a lock
}

// Calls count with NULL, whose increment never runs, and with a queue.
static void *helper_thread(void *arg) {
  count(NULL);
  count(&real_queue);
  return NULL;
}

static void *null_helper_thread(void *arg) {
  count(NULL);
  return NULL;
}

int main(void) {
  pthread_t t[7];
  pthread_create(&t[0], NULL, consumer, NULL);
  pthread_create(&t[1], NULL, maybe_consumer, NULL);
  pthread_create(&t[2], NULL, changing_consumer, NULL);
  pthread_create(&t[3], NULL, testing_consumer, NULL);
  pthread_create(&t[4], NULL, helper_thread, NULL);
  pthread_create(&t[5], NULL, null_helper_thread, NULL);
  pthread_create(&t[6], NULL, aliasing_consumer, NULL);
  all_done = 1;
  // CHECK-DAG: null-arguments.c:[[@LINE-1]]:3: warning: 'all_done' is written by thread 'main' without a lock and read by thread 'maybe_consumer' without a lock
  before_deref = 2;
  address_only = 2;
  one_branch = 2;
  changed_param = 2;
  tested_first = 2;
  helper_count++;
  aliased = 2;
  for (int i = 0; i < 7; ++i)
    pthread_join(t[i], NULL);
  return 0;
}

// Every finding above, and no other (the implicit check covers the output
// up to the summary).
// CHECK: concur: 1 file analysed, 0 failed to parse; 8 concur-unsynchronized-shared-state