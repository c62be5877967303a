// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A start function that allocates the object its thread is handed and
// returns it to a caller who keeps it in a global: the global pointer names
// that object, so a lock taken through the global is the lock the thread
// takes through its argument. A pointer that is also given another object
// names neither.

#include <pthread.h>
#include <stdlib.h>

struct mover {
  pthread_mutex_t Lock;
  pthread_t Tid;
};

struct settings {
  struct mover *Mover;
  struct mover *Either;
} Settings;

int Moves;
int Flip;
struct mover Other;

static void *moverThread(void *Arg) {
  struct mover *M = Arg;
  pthread_mutex_lock(&M->Lock);
  Moves++;
  pthread_mutex_unlock(&M->Lock);
  return NULL;
}
// Only with the lock main takes through Settings.Either:
// CHECK: :[[@LINE-5]]:3: warning: 'Moves' is written by thread 'moverThread' holding 'mover::Lock' and written by thread 'main' holding 'mover::Lock' ({{.*}}kept-thread-objects.c:[[#@LINE+20]]:3)

struct mover *startMover(void) {
  struct mover *M = calloc(1, sizeof(*M));
  if (M == NULL)
    return NULL;
  pthread_mutex_init(&M->Lock, NULL);
  pthread_create(&M->Tid, NULL, moverThread, M);
  return M;
}

int main(void) {
  Settings.Mover = startMover();
  Settings.Either = Flip ? Settings.Mover : &Other;
  // The thread's lock under another name: no race.
  pthread_mutex_lock(&Settings.Mover->Lock);
  Moves = 0;
  pthread_mutex_unlock(&Settings.Mover->Lock);
  // Either of two locks: not the thread's for sure.
  pthread_mutex_lock(&Settings.Either->Lock);
  Moves = 1;
  pthread_mutex_unlock(&Settings.Either->Lock);
  return 0;
}
