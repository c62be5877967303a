// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Objects a starter makes for one start: a connection a function makes and
// hands on, through a start wrapper's parameter block, to the thread it
// starts for it. Each start is handed another connection, so what the
// thread does to its own connection is its own; what the connection points
// at (the server every connection shares) is shared, and so is a
// connection handed to two starts (a reader and a writer).

#include <pthread.h>
#include <stdlib.h>

struct server {
  int Served;
};

struct connection {
  struct server *Server;
  int State;
  char *Buffer;
};

struct start_block {
  void *(*Routine)(void *);
  void *Arg;
};

static struct server TheServer;

static void *starter(void *P) {
  struct start_block *Block = P;
  void *(*Routine)(void *) = Block->Routine;
  void *Arg = Block->Arg;
  free(Block);
  return Routine(Arg);
}

// The wrapper makes a block per call and starts a thread with it, by one
// of two starts that exclude each other: one thread per call.
static int startNamed(pthread_t *T, void *(*Routine)(void *), void *Arg,
                      size_t StackSize) {
  struct start_block *Block = malloc(sizeof(*Block));
  if (!Block)
    return 0;
  Block->Routine = Routine;
  Block->Arg = Arg;
  if (StackSize != 0) {
    pthread_attr_t Attr;
    pthread_attr_init(&Attr);
    pthread_attr_setstacksize(&Attr, StackSize);
    return pthread_create(T, &Attr, starter, Block) == 0;
  }
  return pthread_create(T, NULL, starter, Block) == 0;
}

static void *serveConnection(void *P) {
  struct connection *C = P;
  // Its own connection, and what only it points at: no race.
  C->State = 1;
  C->Buffer[0] = 'x';
  // The server every connection points at: a race between connections.
  C->Server->Served++;
  return NULL;
}
// CHECK: :[[@LINE-3]]:{{[0-9]+}}: warning: 'server::Served' is written by thread 'starter' without a lock, and 'starter' runs in more than one thread at once

static struct connection *newConnection(struct server *S) {
  struct connection *C = calloc(1, sizeof(*C));
  if (!C)
    return NULL;
  C->Server = S;
  C->Buffer = malloc(64);
  return C;
}

static void acceptOne(pthread_t *T, size_t StackSize) {
  struct connection *C = newConnection(&TheServer);
  if (C)
    startNamed(T, serveConnection, C, StackSize);
}

// A reader and a writer handed one connection share it.
static void *readState(void *P) {
  struct connection *C = P;
  return (void *)(long)C->State;
}

static void *writeState(void *P) {
  struct connection *C = P;
  C->State = 2;
  return NULL;
}
// CHECK: :[[@LINE-3]]:{{[0-9]+}}: warning: 'connection::State' is written by thread 'starter' without a lock and read by another thread 'starter' without a lock ({{.*}}start-objects.c:[[#@LINE-8]]:{{[0-9]+}})

static void readAndWrite(pthread_t *R, pthread_t *W) {
  struct connection *C = newConnection(&TheServer);
  if (!C)
    return;
  startNamed(R, readState, C, 0);
  startNamed(W, writeState, C, 0);
}

int main(void) {
  pthread_t Threads[8], Reader, Writer;
  for (int I = 0; I < 8; I++)
    acceptOne(&Threads[I], (size_t)I << 16);
  readAndWrite(&Reader, &Writer);
  for (int I = 0; I < 8; I++)
    pthread_join(Threads[I], NULL);
  pthread_join(Reader, NULL);
  pthread_join(Writer, NULL);
  return 0;
}
// CHECK: ; 2 concur-unsynchronized-shared-state
