// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A pointer that walks a linked list (`for (n = head; n; n = n->next)`)
// points at some node of the list, a different one at each pass: a thread
// started at each pass with the node gets a node of its own, as one
// started with `&args[i]` gets its own slot. What the nodes point to may
// still be one object, and another thread's walk meets every node.

#include <pthread.h>
#include <stdlib.h>

struct stats {
  long Hits;
};

struct node {
  struct node *Next;
  pthread_t Thread;
  long Count;      // the node's own worker's
  struct stats *S; // every node's points at the one Totals
};

static struct stats Totals;

static void *work(void *Arg) {
  struct node *N = Arg;
  N->Count++;
  // CHECK: list-cursors.c:[[@LINE-1]]:6: warning: 'node::Count' is written by thread 'work' without a lock and read by thread 'main' without a lock (/{{.*}}list-cursors.c:[[@LINE+18]]:16)
  N->S->Hits++;
  // CHECK: list-cursors.c:[[@LINE-1]]:9: warning: 'stats::Hits' is written by thread 'work' without a lock, and 'work' runs in more than one thread at once
  return NULL;
}

int main(void) {
  struct node *Head = NULL;
  for (int I = 0; I < 4; ++I) {
    struct node *N = calloc(1, sizeof *N);
    N->S = &Totals;
    N->Next = Head;
    Head = N;
  }
  for (struct node *N = Head; N; N = N->Next)
    pthread_create(&N->Thread, NULL, work, N);
  long Seen = 0;
  for (struct node *N = Head; N; N = N->Next)
    Seen += N->Count;
  for (struct node *N = Head; N; N = N->Next)
    pthread_join(N->Thread, NULL);
  return Seen > 0;
}
