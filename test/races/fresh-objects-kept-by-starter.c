// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A start that hands its thread an object it has just made gives each
// thread an object of its own, apart from other starts' objects. The
// starter still holds its pointer: what it does to the object after the
// start, while the thread runs, races with the thread; what it did before
// the start, or does after joining the thread, does not.

#include <pthread.h>
#include <stdlib.h>

struct job {
  int input;
  int output;
  int stop;
};

static void *work(void *Arg) {
  struct job *J = Arg;
  J->output = J->input * 2;
  return NULL;
}

static void *poll(void *Arg) {
  struct job *J = Arg;
  while (!J->stop)
    ;
  return NULL;
}

static void *count(void *Arg) {
  struct job *J = Arg;
  ++J->output;
  // CHECK-DAG: fresh-objects-kept-by-starter.c:[[@LINE-1]]:8: warning: 'job::output' is written by thread 'count' without a lock and read by thread 'main' without a lock
  return NULL;
}

int main(int argc, char **argv) {
  (void)argv;
  pthread_t T, U, W[4];

  // Set up before the start, read after the join: ordered.
  struct job *J = malloc(sizeof *J);
  J->input = argc;
  pthread_create(&T, NULL, work, J);
  pthread_join(T, NULL);
  int Out = J->output;

  // Stopped while it polls: a race.
  struct job *K = malloc(sizeof *K);
  K->stop = 0;
  pthread_create(&U, NULL, poll, K);
  K->stop = 1;
  // CHECK-DAG: fresh-objects-kept-by-starter.c:[[@LINE-1]]:6: warning: 'job::stop' is written by thread 'main' without a lock and read by thread 'poll' without a lock

  // One object per pass, each pass's thread its own; read in the same
  // pass while that thread runs: a race.
  for (int I = 0; I < 4; ++I) {
    struct job *C = malloc(sizeof *C);
    C->output = 0;
    pthread_create(&W[I], NULL, count, C);
    Out += C->output;
  }

  pthread_join(U, NULL);
  for (int I = 0; I < 4; ++I)
    pthread_join(W[I], NULL);
  free(J);
  free(K);
  return Out;
}

// Every finding above, and no other (the implicit check covers the output
// up to the summary).
// CHECK: concur: 1 file analysed, 0 failed to parse; 2 concur-unsynchronized-shared-state