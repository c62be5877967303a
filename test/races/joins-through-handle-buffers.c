// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A client library that starts its reader thread with the handle written
// through a pointer into a buffer of handles (`*ids`, the buffer's first
// element), and joins it by a loop over that buffer when the connection
// is closed. The close is also made where the start fails (a join that
// ends nothing yet), and the connection returned is a local set to NULL
// on that path, whose value concur does not follow: the caller's join is
// taken at the same fields of the object concur knows. What the caller
// frees after closing is ordered after the thread; what it reads before,
// while the thread runs, is not.

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct user_data {
  int Closed;
};

struct context {
  pthread_t *Ids;
  int Spawned;
};

struct connection {
  struct context *Ctx;
};

struct reader_start {
  struct connection *Conn;
  void (*OnClose)(void *);
  void *User;
};

static void onClose(void *User) {
  struct user_data *D = User;
  D->Closed = 1;
}
// CHECK: :[[@LINE-2]]:{{[0-9]+}}: warning: 'user_data::Closed' is written by thread 'readerThread' without a lock and read by thread 'main' without a lock ({{.*}}joins-through-handle-buffers.c:[[#@LINE+47]]:{{[0-9]+}})

static void *readerThread(void *P) {
  struct reader_start *Start = P;
  Start->OnClose(Start->User);
  free(Start);
  return NULL;
}

static void closeConnection(struct connection *Conn) {
  for (int I = 0; I < Conn->Ctx->Spawned; I++)
    pthread_join(Conn->Ctx->Ids[I], NULL);
}

static struct connection *connectClient(void (*OnClose)(void *), void *User) {
  struct connection *Conn = calloc(1, sizeof(*Conn));
  if (!Conn)
    return NULL;
  Conn->Ctx = calloc(1, sizeof(*Conn->Ctx));
  Conn->Ctx->Ids = calloc(1, sizeof(pthread_t));
  struct reader_start *Start = calloc(1, sizeof(*Start));
  if (!Conn->Ctx->Ids || !Start) {
    closeConnection(Conn);
    return NULL;
  }
  Start->Conn = Conn;
  Start->OnClose = OnClose;
  Start->User = User;
  Conn->Ctx->Spawned = 1;
  if (pthread_create(Conn->Ctx->Ids, NULL, readerThread, Start) != 0) {
    Conn->Ctx->Spawned = 0;
    free(Start);
    closeConnection(Conn);
    Conn = NULL;
  }
  return Conn;
}

int main(void) {
  struct user_data *D = malloc(sizeof(*D));
  if (!D)
    return 1;
  D->Closed = 0;
  struct connection *Conn = connectClient(onClose, D);
  if (!Conn)
    return 1;
  sleep(1);
  int Seen = D->Closed;
  closeConnection(Conn);
  free(D);
  return Seen;
}
// CHECK: ; 1 concur-unsynchronized-shared-state
