// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A release orders what came before it only on the ways that pass it. The
// consumer below reads AllDone in its loop and, when it is set, returns
// without the signal that ends each pass: on that way its last read of
// AllDone is followed by no release, and nothing orders it with the
// producer's unlocked write (pbzip2 0.9.4's consumer is built so). Its
// write of Taken is followed by the signal on every way on: ordered before
// the producer's read after waiting for that signal, as before.

#include <pthread.h>

static pthread_mutex_t Mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t NotEmpty = PTHREAD_COND_INITIALIZER;
static pthread_cond_t NotFull = PTHREAD_COND_INITIALIZER;
static int Empty = 1;
static int AllDone;
static int Job;
static int Taken;

static void *consumer(void *Arg) {
  for (;;) {
    pthread_mutex_lock(&Mu);
    while (Empty) {
      if (AllDone == 1) {
        pthread_mutex_unlock(&Mu);
        return 0;
      }
      pthread_cond_wait(&NotEmpty, &Mu);
    }
    Empty = 1;
    int Got = Job;
    pthread_mutex_unlock(&Mu);
    Taken = Got;
    pthread_cond_signal(&NotFull);
  }
}

int main(void) {
  pthread_t T;
  int Sum = 0;
  pthread_create(&T, 0, consumer, 0);
  for (int I = 0; I < 4; ++I) {
    pthread_mutex_lock(&Mu);
    while (!Empty)
      pthread_cond_wait(&NotFull, &Mu);
    Sum += Taken;
    Job = I;
    Empty = 0;
    pthread_cond_signal(&NotEmpty);
    pthread_mutex_unlock(&Mu);
  }
  // CHECK: escaping-accesses.c:[[@LINE+2]]:{{[0-9]+}}: warning: 'AllDone' is written by thread 'main' without a lock and read by thread 'consumer' holding 'Mu' ({{.*}}escaping-accesses.c:24:11)
  // CHECK: note: the other access: read by thread 'consumer' holding 'Mu'
  AllDone = 1;
  pthread_join(T, 0);
  return Sum;
}
