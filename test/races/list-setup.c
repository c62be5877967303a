// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --allow-empty --implicit-check-not="{{warning|remark}}:"
// The node a start hands over is set up by the starting function's own
// writes just before the start (`N->Count = 0;`): those are the new
// thread's, and do not meet the threads of the other nodes. A callee's
// earlier writes into some node (add() linking a new node at the tail,
// through a pointer that walks the list) are no such setup: they stay
// the starter's, ordered before every start.

#include <pthread.h>
#include <stdlib.h>

struct node {
  struct node *Next;
  pthread_t Thread;
  long Count;
};

struct test {
  struct node *Streams;
};

static void *work(void *Arg) {
  struct node *N = Arg;
  N->Count++;
  return NULL;
}

static void add(struct test *T) {
  struct node *N = calloc(1, sizeof *N);
  if (!T->Streams) {
    T->Streams = N;
    return;
  }
  struct node *Tail;
  for (Tail = T->Streams; Tail->Next; Tail = Tail->Next)
    ;
  Tail->Next = N;
}

static void run(struct test *T) {
  for (int I = 0; I < 4; ++I)
    add(T);
  struct node *N;
  for (N = T->Streams; N; N = N->Next) {
    N->Count = 0;
    pthread_create(&N->Thread, NULL, work, N);
  }
  for (N = T->Streams; N; N = N->Next)
    pthread_join(N->Thread, NULL);
}

int main(void) {
  struct test *T = calloc(1, sizeof *T);
  run(T);
  return 0;
}
