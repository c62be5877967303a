// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state --dump-facts=%t.json -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// RUN: %python %S/Inputs/access-ownership.py %t.json | FileCheck %s --check-prefix=FACTS
// A function that makes an object holds the only pointer to it until it
// hands the pointer on (RacerD's ownership). What it does to the object
// before, no other thread sees, though other threads hold earlier objects
// of the same allocation site: a pool made twice sets up its second context
// while the first one's workers run. A hand-on in a loop reaches the next
// iteration, unless the local is declared anew in between; a call of the
// program's own code, a store or a thread start hands the pointer on; a
// library call given no function to call does not (memset,
// pthread_mutex_init).

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct ctx {
  pthread_mutex_t Mu;
  int Busy;
  int Queued;
  int Limit;
};

static void *worker(void *Arg) {
  struct ctx *C = Arg;
  pthread_mutex_lock(&C->Mu);
  C->Busy++;
  C->Queued = 1;
  C->Limit++;
  pthread_mutex_unlock(&C->Mu);
  return 0;
}

// Set up before the threads start, for each context anew: quiet.
static struct ctx *create(int N) {
  struct ctx *C = calloc(1, sizeof *C);
  if (!C)
    return 0;
  memset(C, 0, sizeof *C);
  // FACTS: [[@LINE-1]]: unpublished
  pthread_mutex_init(&C->Mu, 0);
  C->Busy = 0;
  // FACTS: [[@LINE-1]]: unpublished
  C->Queued = 0;
  pthread_t T;
  for (int I = 0; I < N; ++I)
    pthread_create(&T, 0, worker, C);
  // After the start: the workers have it.
  C->Limit = N;
  // CHECK: unpublished-objects.c:[[@LINE-1]]:6: warning: 'ctx::Limit' is written by thread 'main' without a lock and written by thread 'worker' holding 'ctx::Mu'
  // FACTS: [[@LINE-2]]: reachable
  return C;
}

// Started in the loop that writes it: from the second iteration on, the
// write follows a start. (The finding is one the check does not make: it
// orders the write before the start by program order.)
static void startEach(int N) {
  struct ctx *C = calloc(1, sizeof *C);
  pthread_mutex_init(&C->Mu, 0);
  for (int I = 0; I < N; ++I) {
    C->Queued = I;
    // FACTS: [[@LINE-1]]: reachable
    pthread_t T;
    pthread_create(&T, 0, worker, C);
  }
}

// Declared anew in each iteration: each start has its own context.
static void startFresh(int N) {
  for (int I = 0; I < N; ++I) {
    struct ctx *C = calloc(1, sizeof *C);
    pthread_mutex_init(&C->Mu, 0);
    C->Busy = I;
    // FACTS: [[@LINE-1]]: unpublished
    pthread_t T;
    pthread_create(&T, 0, worker, C);
  }
}

// Handed to the program's own code first: it may keep the pointer.
static struct ctx *Registered;
static void keep(struct ctx *C) { Registered = C; }
static void registerThenSet(void) {
  struct ctx *C = malloc(sizeof *C);
  C->Limit = 0;
  // FACTS: [[@LINE-1]]: unpublished
  keep(C);
  C->Busy = 1;
  // FACTS: [[@LINE-1]]: reachable
}

// Copied into another pointer, or stored: handed on.
static void copyThenSet(struct ctx **Out) {
  struct ctx *C = malloc(sizeof *C);
  *Out = C;
  C->Busy = 1;
  // FACTS: [[@LINE-1]]: reachable
}

// Not new: a pointer the program keeps elsewhere. The facts see a local
// nothing has handed on; the whole program sees the object is not new.
static struct ctx Shared;
static struct ctx *sharedContext(void) { return &Shared; }
static void *sharedReader(void *Arg) {
  (void)Arg;
  pthread_mutex_lock(&Shared.Mu);
  int Q = Shared.Queued;
  pthread_mutex_unlock(&Shared.Mu);
  return (void *)(long)Q;
}
static void setShared(void) {
  struct ctx *C = sharedContext();
  C->Queued = 2;
  // CHECK: unpublished-objects.c:[[@LINE-1]]:6: warning: 'ctx::Queued' is written by thread 'main' without a lock and read by thread 'sharedReader' holding 'ctx::Mu'
  // FACTS: [[@LINE-2]]: unpublished
}

int main(void) {
  pthread_t S;
  struct ctx *Kept;
  pthread_create(&S, 0, sharedReader, 0);
  create(2);
  create(2);
  startEach(2);
  startFresh(2);
  registerThenSet();
  copyThenSet(&Kept);
  setShared();
  return 0;
}
