// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A pointer that walks a linked list (`for (n = head; n; n = n->next)`)
// points at some node of the list, a different one at each pass: a thread
// started at each pass with the node gets a node of its own, as one
// started with `&args[i]` gets its own slot. What the nodes point to may
// still be one object, and another thread's walk meets every node; but a
// field every store fills with an object just allocated points, in each
// node, at an object of that node's own.

#include <pthread.h>
#include <stdlib.h>

struct stats {
  long Hits;
};

struct result {
  long Bytes;
};

struct node {
  struct node *Next;
  pthread_t Thread;
  long Count;         // the node's own worker's
  struct stats *S;    // every node's points at the one Totals
  struct result *R;   // each node's own, allocated with the node
  struct result *Log; // allocated, but also pointed at the shared Last
};

static struct stats Totals;
static struct result Last;

static void *work(void *Arg) {
  struct node *N = Arg;
  N->Count++;
  // CHECK: list-cursors.c:[[@LINE-1]]:6: warning: 'node::Count' is written by thread 'work' without a lock and read by thread 'main' without a lock (/{{.*}}list-cursors.c:[[@LINE+38]]:16)
  N->S->Hits++;
  // CHECK: list-cursors.c:[[@LINE-1]]:9: warning: 'stats::Hits' is written by thread 'work' without a lock, and 'work' runs in more than one thread at once
  N->R->Bytes += 10;
  N->Log->Bytes++;
  // CHECK: list-cursors.c:[[@LINE-1]]:11: warning: 'result::Bytes' is written by thread 'work' without a lock, and 'work' runs in more than one thread at once
  return NULL;
}

// Called before the starts, by the function that starts: what it writes
// into some node (the tail's link) is no setup of the node a start hands
// over, and stays main's, ordered by the starts.
static void add(struct node **Head) {
  struct node *N = calloc(1, sizeof *N);
  N->S = &Totals;
  N->R = malloc(sizeof *N->R);
  N->Log = malloc(sizeof *N->Log);
  if (!*Head) {
    *Head = N;
    return;
  }
  struct node *Tail = *Head;
  while (Tail->Next)
    Tail = Tail->Next;
  Tail->Next = N;
}

int main(int argc, char **argv) {
  (void)argv;
  struct node *Head = NULL;
  for (int I = 0; I < 4; ++I)
    add(&Head);
  if (argc > 2)
    Head->Log = &Last;
  for (struct node *N = Head; N; N = N->Next)
    pthread_create(&N->Thread, NULL, work, N);
  long Seen = 0;
  for (struct node *N = Head; N; N = N->Next)
    Seen += N->Count;
  for (struct node *N = Head; N; N = N->Next)
    pthread_join(N->Thread, NULL);
  return Seen > 0;
}
