// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A start wrapper that packs its function-pointer parameter into a block
// it hands to a starter thread of its own (`param->start_routine =
// start_routine; pthread_create(..., starter, param)`, the starter calling
// `param->start_routine(param->arg)`, libmicrohttpd's named threads). Each
// start runs the function its own call passed, not every function any
// caller of the wrapper passes: the poller and the acceptor, started once
// each, write their own counters alone. The logger, started twice, still
// races with itself; the reader it races with is another start's.
// (The blocks are not freed here: a block handed to one thread and freed
// by it is not yet known to be that start's own.)

#include <pthread.h>
#include <stdlib.h>

typedef void *(*routine_t)(void *);

struct helper_param {
  routine_t start_routine;
  void *arg;
};

static void *starter(void *data) {
  struct helper_param *param = data;
  routine_t fn = param->start_routine;
  return fn(param->arg);
}

static int create_thread(pthread_t *t, routine_t fn, void *arg) {
  return pthread_create(t, NULL, fn, arg);
}

static int create_named_thread(pthread_t *t, routine_t start_routine,
                               void *arg) {
  struct helper_param *param = malloc(sizeof *param);
  if (!param)
    return 0;
  param->start_routine = start_routine;
  param->arg = arg;
  return create_thread(t, starter, param);
}

static int polls;
static int accepted;
static int logged;

static void *poller(void *arg) {
  polls++;
  return arg;
}
static void *acceptor(void *arg) {
  accepted++;
  return arg;
}
static void *logger(void *arg) {
  logged++;
  // CHECK-DAG: start-parameter-blocks.c:[[@LINE-1]]:3: warning: 'logged' is written by thread 'starter' without a lock and written by another thread 'starter' without a lock
  return arg;
}
static void *reader(void *arg) { return logged ? arg : NULL; }
// CHECK-DAG: start-parameter-blocks.c:[[@LINE-5]]:3: warning: 'logged' is written by thread 'starter' without a lock and read by another thread 'starter' without a lock

int main(void) {
  pthread_t t[5];
  create_named_thread(&t[0], poller, NULL);
  create_named_thread(&t[1], acceptor, NULL);
  create_named_thread(&t[2], logger, NULL);
  create_named_thread(&t[3], logger, NULL);
  create_named_thread(&t[4], reader, NULL);
  for (int i = 0; i < 5; i++)
    pthread_join(t[i], NULL);
  return polls + accepted;
}
// CHECK: concur: 1 file analysed, 0 failed to parse; 2 concur-unsynchronized-shared-state
