// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A thread that runs several times at once only because its parent does
// (each handler run starts one pinger, on the handler's own connection)
// shares nothing of that parent's run with its other runs: the connection
// is one per handler run. What it shares with them, a global, races.

#include <pthread.h>

struct Conn {
  int Bytes;
};

static int Pings;

static void *pinger(void *Arg) {
  struct Conn *C = Arg;
  // CHECK: parent-locals.c:[[@LINE+2]]:{{[0-9]+}}: warning: 'Conn::Bytes' is written by thread 'pinger' without a lock, and 'pinger' runs in more than one thread at once
  // CHECK-NEXT: parent-locals.c:[[@LINE+21]]:{{[0-9]+}}: note: thread 'pinger' starts here, more than once
  C->Bytes += 1;
  // CHECK: parent-locals.c:[[@LINE+1]]:{{[0-9]+}}: warning: 'Pings' is written by thread 'pinger' without a lock, and 'pinger' runs in more than one thread at once
  ++Pings;
  return 0;
}

static void *handler(void *Arg) {
  struct Conn C = {0};
  pthread_t P;
  pthread_create(&P, 0, pinger, &C);
  pthread_join(P, 0);
  return 0;
}

// A pinger started twice by one handler run, on one connection, while the
// first still runs: those two share it.
static void *twice(void *Arg) {
  struct Conn C = {0};
  pthread_t P[2];
  for (int I = 0; I < 2; ++I)
    pthread_create(&P[I], 0, pinger, &C); // the start in the note

  for (int I = 0; I < 2; ++I)
    pthread_join(P[I], 0);
  return 0;
}

int main(void) {
  pthread_t T[4];
  for (int I = 0; I < 4; ++I)
    pthread_create(&T[I], 0, handler, 0);
  for (int I = 0; I < 4; ++I)
    pthread_join(T[I], 0);
  pthread_t U;
  pthread_create(&U, 0, twice, 0);
  pthread_join(U, 0);
  return 0;
}
