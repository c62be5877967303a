// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c11 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A thread function declared with its own argument type and cast to the
// type the start API takes (C-Thread-Pool's `(void * (*)(void *))
// thread_do`) is still the thread's entry: what it does races with its
// starter as any thread's does.

#include <pthread.h>
#include <stddef.h>

struct thread {
  int id;
  pthread_t pthread;
};

int Busy;
int Done;

static void *thread_do(struct thread *t) {
  Busy = t->id;
  // CHECK: cast-thread-functions.c:[[@LINE-1]]:3: warning: 'Busy' is written by thread 'thread_do' without a lock and read by thread 'main' without a lock ({{.*}}cast-thread-functions.c:[[#@LINE+18]]:14)
  return NULL;
}

// Cast through a typedef, joined before the starter's write: no race.
typedef void *(*entry_fn)(void *);

static void *finish(struct thread *t) {
  Done = t->id;
  return NULL;
}

int main(void) {
  struct thread a = {1, 0}, b = {2, 0};
  pthread_create(&b.pthread, NULL, (entry_fn)finish, &b);
  pthread_join(b.pthread, NULL);
  Done = 0;
  pthread_create(&a.pthread, NULL, (void *(*)(void *))thread_do, &a);
  int seen = Busy;
  pthread_join(a.pthread, NULL);
  return seen + Done;
}
