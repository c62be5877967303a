// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A flag published under a lock orders what its writer did before it with
// what a thread does after a test, made under that lock, found it at a
// value only that write stores (a pool's destroy() sets `shutdown` under
// the pool's lock; a worker that finds it set leaves its loop after
// everything destroy()'s caller did before). Not when the test or the
// store holds no lock, when another store of an admitted value comes
// first, or when the write may come round again after the store in a loop
// both are in.

#include <pthread.h>
#include <sched.h>
#include <stdlib.h>

struct pool {
  pthread_mutex_t lock;
  int shutdown;
  long result;
};

// Left when the test finds 1 or 2 (two tests joined after the loop).
static long waitShutdown(struct pool *P) {
  pthread_mutex_lock(&P->lock);
  for (;;) {
    if (P->shutdown == 1)
      break;
    if (P->shutdown == 2)
      break;
    pthread_mutex_unlock(&P->lock);
    sched_yield();
    pthread_mutex_lock(&P->lock);
  }
  pthread_mutex_unlock(&P->lock);
  return P->result;
}

// Each thread reaches its pool through a global, as main does.
static struct pool *PoolA, *PoolB, *PoolC, *PoolD, *PoolE;

static void *published(void *Arg) { return (void *)waitShutdown(PoolA); }

// The flag stored without the lock: nothing orders the result.
static void *unlockedStore(void *Arg) {
  struct pool *P = PoolB;
  pthread_mutex_lock(&P->lock);
  while (P->shutdown != 1) {
    pthread_mutex_unlock(&P->lock);
    sched_yield();
    pthread_mutex_lock(&P->lock);
  }
  pthread_mutex_unlock(&P->lock);
  return (void *)P->result;
}

// Published again and again in the loop that writes the result.
static void *inLoop(void *Arg) { return (void *)waitShutdown(PoolC); }

// Found at 0, the value the pool starts with: no store was seen.
static void *initialValue(void *Arg) {
  struct pool *P = PoolD;
  pthread_mutex_lock(&P->lock);
  if (P->shutdown == 0) {
    pthread_mutex_unlock(&P->lock);
    return (void *)P->result;
  }
  pthread_mutex_unlock(&P->lock);
  return NULL;
}

// Each pool is made at a site of its own (a macro), so that each is an
// object of its own to the analysis.
#define MAKE(P)                                                                \
  P = malloc(sizeof *P);                                                       \
  pthread_mutex_init(&P->lock, NULL);                                          \
  P->shutdown = 0;                                                             \
  P->result = 0

static void publish(struct pool *P, int How) {
  pthread_mutex_lock(&P->lock);
  P->shutdown = How;
  pthread_mutex_unlock(&P->lock);
}

static void *publishedLast(void *Arg) { return (void *)waitShutdown(PoolE); }

// The last pass publishes and returns: no pass comes after it.
static void produceThenLeave(struct pool *P, int N) {
  for (int I = 0; I < N; ++I) {
    P->result += I;
    if (I == N - 1) {
      publish(P, 2);
      return;
    }
  }
}

// Published in a pass the loop comes round from.
static void produceAndPublish(struct pool *P, int N) {
  for (int I = 0; I < N; ++I) {
    P->result += I;
    // CHECK-DAG: flag-published-under-lock.c:[[@LINE-1]]:8: warning: 'pool::result' is written by thread 'main' without a lock and read by thread 'inLoop' without a lock
    if (I == 3)
      publish(P, 1);
  }
}

int main(void) {
  pthread_t T[5];
  MAKE(PoolA);
  pthread_create(&T[0], NULL, published, NULL);
  PoolA->result = 42;
  publish(PoolA, 1);

  MAKE(PoolB);
  pthread_create(&T[1], NULL, unlockedStore, NULL);
  PoolB->result = 42;
  // CHECK-DAG: flag-published-under-lock.c:[[@LINE-1]]:10: warning: 'pool::result' is written by thread 'main' without a lock and read by thread 'unlockedStore' without a lock
  PoolB->shutdown = 1;
  // CHECK-DAG: flag-published-under-lock.c:[[@LINE-1]]:10: warning: 'pool::shutdown' is written by thread 'main' without a lock and read by thread 'unlockedStore' holding 'pool::lock'

  MAKE(PoolC);
  pthread_create(&T[2], NULL, inLoop, NULL);
  produceAndPublish(PoolC, 8);

  MAKE(PoolD);
  pthread_create(&T[3], NULL, initialValue, NULL);
  PoolD->result = 42;
  // CHECK-DAG: flag-published-under-lock.c:[[@LINE-1]]:10: warning: 'pool::result' is written by thread 'main' without a lock and read by thread 'initialValue' without a lock
  publish(PoolD, 1);

  MAKE(PoolE);
  pthread_create(&T[4], NULL, publishedLast, NULL);
  produceThenLeave(PoolE, 8);

  for (int I = 0; I < 5; ++I)
    pthread_join(T[I], NULL);
  return 0;
}

// Every finding above, and no other (the implicit check covers the output
// up to the summary).
// CHECK: concur: 1 file analysed, 0 failed to parse; 4 concur-unsynchronized-shared-state