// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c11 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Where a start function's result says nothing certain about its threads,
// the caller's branch still races with them (start-function-results.c has
// the cases where it does). Each case here was a review's hole: a null
// the function stores by a route the CFG walk does not see, a local
// changed through its address, a result tested again in a loop, a call cut
// short by recursion, a call with several targets, a call made in a loop,
// a retry that starts the thread again.

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct server {
  pthread_t t;
};

// The returned local is set to null through its address.
int ViaPointer;
pthread_t ViaPointerThread;
void *via_pointer_worker(void *a) { return (void *)(long)ViaPointer; }
static void drop(struct server **pp) {
  free(*pp);
  *pp = NULL;
}
struct server *start_via_pointer(int bad) {
  struct server *s = calloc(1, sizeof *s);
  if (!s)
    return NULL;
  pthread_create(&ViaPointerThread, NULL, via_pointer_worker, NULL);
  if (bad)
    drop(&s);
  return s;
}
void via_pointer(int bad) {
  if (start_via_pointer(bad) == NULL)
    ViaPointer = 1;
  // CHECK-DAG: start-function-results-holes.c:[[@LINE-1]]:5: warning: 'ViaPointer' is written by thread 'main'
}

// The returned local comes from a lookup that may find nothing.
int Lookup;
pthread_t LookupThread;
static struct server Servers[2];
void *lookup_worker(void *a) { return (void *)(long)Lookup; }
struct server *find_server(const char *name) {
  if (strcmp(name, "a") == 0)
    return &Servers[0];
  return NULL;
}
struct server *start_named(const char *name) {
  pthread_create(&LookupThread, NULL, lookup_worker, NULL);
  struct server *s = find_server(name);
  return s;
}
void lookup(const char *name) {
  if (start_named(name) == NULL)
    Lookup = 1;
  // CHECK-DAG: start-function-results-holes.c:[[@LINE-1]]:5: warning: 'Lookup' is written by thread 'main'
}

// The caller's local is changed through its address before the test.
int Status;
pthread_t StatusThread;
void *status_worker(void *a) { return (void *)(long)Status; }
int start_status(void) {
  if (pthread_create(&StatusThread, NULL, status_worker, NULL) != 0)
    return -1;
  return 0;
}
static void check_more(int *status, int bad) {
  if (bad)
    *status = -2;
}
void status(int bad) {
  int r = start_status();
  check_more(&r, bad);
  if (r != 0)
    Status = 1;
  // CHECK-DAG: start-function-results-holes.c:[[@LINE-1]]:5: warning: 'Status' is written by thread 'main'
}

// The result tested again in a loop after the local was cleared.
int Again;
void *again_worker(void *a) { return (void *)(long)Again; }
struct server *start_server(void) {
  struct server *s = calloc(1, sizeof *s);
  if (!s)
    return NULL;
  if (pthread_create(&s->t, NULL, again_worker, NULL) != 0) {
    free(s);
    return NULL;
  }
  return s;
}
void again(int n) {
  struct server *s = start_server();
  for (int i = 0; i < n; i++) {
    if (s == NULL)
      Again = i;
    // CHECK-DAG: start-function-results-holes.c:[[@LINE-1]]:7: warning: 'Again' is written by thread 'main'
    s = NULL;
  }
}

// A recursive start: the inner calls' workers run where an outer start
// failed.
int Nested;
pthread_t NestedThreads[8];
void *nested_worker(void *a) { return (void *)(long)Nested; }
int start_nested(int n) {
  if (n > 0 && !start_nested(n - 1))
    return 0;
  if (pthread_create(&NestedThreads[n], NULL, nested_worker, NULL) != 0)
    return 0;
  return 1;
}
void nested(void) {
  if (!start_nested(3))
    Nested = 1;
  // CHECK-DAG: start-function-results-holes.c:[[@LINE-1]]:5: warning: 'Nested' is written by thread 'main'
}

// A call with two targets, one of which starts the thread.
int Targets;
pthread_t TargetsThread;
void *targets_worker(void *a) { return (void *)(long)Targets; }
static void a_init(void) {
  pthread_create(&TargetsThread, NULL, targets_worker, NULL);
}
static void z_init(void) {}
struct ops {
  void (*init)(void);
};
static struct server Srv;
struct server *start_ops(struct ops *o, int bad) {
  o->init();
  if (bad)
    return NULL;
  return &Srv;
}
void targets(int argc) {
  struct ops *o = malloc(sizeof *o);
  if (argc > 3)
    o->init = z_init;
  else
    o->init = a_init;
  if (start_ops(o, argc > 1) == NULL)
    Targets = 1;
  // CHECK-DAG: start-function-results-holes.c:[[@LINE-1]]:5: warning: 'Targets' is written by thread 'main'
}

// Started until one start fails: the earlier passes' workers run.
int Loop;
pthread_t LoopThreads[64];
int Started;
void *loop_worker(void *a) { return (void *)(long)Loop; }
static int start_worker(void) {
  if (Started == 64)
    return -1;
  return pthread_create(&LoopThreads[Started++], NULL, loop_worker, NULL);
}
void loop(void) {
  while (start_worker() == 0)
    ;
  Loop = 1;
  // CHECK-DAG: start-function-results-holes.c:[[@LINE-1]]:3: warning: 'Loop' is written by thread 'main'
}

// A retry: the second start's worker runs in the first one's failure
// branch.
int Retry;
pthread_t RetryThread;
void *retry_worker(void *a) { return (void *)(long)Retry; }
bool start_retry(void) {
  if (pthread_create(&RetryThread, NULL, retry_worker, NULL) != 0)
    return false;
  return true;
}
void retry(void) {
  if (!start_retry()) {
    if (!start_retry())
      return;
    Retry = 1;
    // CHECK-DAG: start-function-results-holes.c:[[@LINE-1]]:5: warning: 'Retry' is written by thread 'main'
  }
}

int main(int argc, char **argv) {
  via_pointer(argc > 1);
  lookup(argv[0]);
  status(argc > 2);
  again(argc);
  nested();
  targets(argc);
  loop();
  retry();
  return 0;
}

// Every finding above, and no other (the implicit check covers the output
// up to the summary).
// CHECK: concur: 1 file analysed, 0 failed to parse; 8 concur-unsynchronized-shared-state