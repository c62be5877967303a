// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A function that tests its own integer parameter for equality with
// constants (`if (dir == DIR_OUT) ... else ...`) takes, in a call that
// passes a constant there, or passes its own parameter on from such a
// call, only the branch that constant takes. A parameter the function
// changes, a relational test and a switch decide nothing here.

#include <pthread.h>
#include <stddef.h>

enum direction { DIR_IN, DIR_OUT };

struct queues {
  int in_len;  // only the network thread queues incoming messages
  int out_len; // only main queues outgoing ones
  int changed_len;
  int ranged_len;
  int switched_len;
  int wrapped_len;
  int looped_len;
};
static struct queues q;

static void queue(enum direction dir) {
  if (dir == DIR_OUT)
    q.out_len++;
  else
    q.in_len++;
}

// Passes its parameter on unchanged: the callee sees the caller's value.
static void queue_message(enum direction dir) { queue(dir); }

// Changes its parameter before the test: the test decides nothing.
static void queue_changed(int dir) {
  dir = dir + 1;
  if (dir == 1)
    q.changed_len++;
  // CHECK-DAG: constant-arguments.c:[[@LINE-1]]:7: warning: 'queues::changed_len' is written by thread 'main' without a lock and written by thread 'network_thread' without a lock
}

// A relational test: both branches may run.
static void queue_ranged(int level) {
  if (level > 1)
    q.ranged_len++;
  // CHECK-DAG: constant-arguments.c:[[@LINE-1]]:7: warning: 'queues::ranged_len' is written by thread 'main' without a lock and written by thread 'network_thread' without a lock
}

static void queue_switched(int kind) {
  switch (kind) {
  case 0:
    break;
  case 1:
    q.switched_len++;
    // CHECK-DAG: constant-arguments.c:[[@LINE-1]]:7: warning: 'queues::switched_len' is written by thread 'main' without a lock and written by thread 'network_thread' without a lock
    break;
  }
}

// The value as the parameter holds it: 300 passed to an unsigned char is
// 44, so both threads take this branch.
static void queue_wrapped(unsigned char level) {
  if (level == 44)
    q.wrapped_len++;
  // CHECK-DAG: constant-arguments.c:[[@LINE-1]]:7: warning: 'queues::wrapped_len' is written by thread 'main' without a lock and written by thread 'network_thread' without a lock
}

// A do-while's condition block is where both operands of `&&` meet: the
// loop's exit says nothing of `mode` alone, so both threads get past it.
static void queue_looped(int mode, int rounds) {
  int i = 0;
  do
    i++;
  while (i < rounds && mode == 1);
  q.looped_len++;
  // CHECK-DAG: constant-arguments.c:[[@LINE-1]]:5: warning: 'queues::looped_len' is written by thread 'main' without a lock and written by thread 'network_thread' without a lock
}

static void *network_thread(void *arg) {
  queue_message(DIR_IN);
  queue_changed(0);
  queue_ranged(2);
  queue_switched(1);
  queue_wrapped(300);
  queue_looped(1, 10);
  return NULL;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, network_thread, NULL);
  queue_message(DIR_OUT);
  queue_changed(0);
  queue_ranged(2);
  queue_switched(1);
  queue_wrapped(300);
  queue_looped(1, 10);
  pthread_join(t, NULL);
  return 0;
}

// Every finding above, and no other (the implicit check covers the output
// up to the summary).
// CHECK: concur: 1 file analysed, 0 failed to parse; 5 concur-unsynchronized-shared-state