// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Lock striping: an array of mutexes, one per list, each list touched
// under its own element. An element taken at an index known only at run
// time is the array's one lock to the model, whether the index is data
// (an item's class), a helper's parameter, or what a thread was given.

#include <pthread.h>
#include <stdlib.h>

pthread_mutex_t ListLocks[4];
int Heads[4];
int Sizes[4];
int Unguarded[4];

struct Item {
  int Class;
};

// The caller holds the item's list lock.
void linkQ(Item *It) {
  Heads[It->Class]++;
  Sizes[It->Class]++;
}
void link(Item *It) {
  pthread_mutex_lock(&ListLocks[It->Class]);
  linkQ(It);
  pthread_mutex_unlock(&ListLocks[It->Class]);
}

// A helper given the list by its parameter.
void juggle(int Id) {
  pthread_mutex_lock(&ListLocks[Id]);
  Heads[Id]++;
  pthread_mutex_unlock(&ListLocks[Id]);
  Unguarded[Id]++;
}
// CHECK: :[[@LINE-2]]:3: warning: 'Unguarded' is written by thread 'maintainer' without a lock and written by thread 'linker' without a lock ({{.*}}:[[@LINE+6]]:3)

void *linker(void *) {
  Item *It = static_cast<Item *>(malloc(sizeof(Item)));
  It->Class = rand() % 4;
  link(It);
  Unguarded[It->Class]++;
  return nullptr;
}

void *maintainer(void *) {
  juggle(rand() % 4);
  return nullptr;
}

// Each worker's own list, by the slot it was given; the totals read every
// list under its lock.
void *worker(void *Arg) {
  long Slot = reinterpret_cast<long>(Arg);
  pthread_mutex_lock(&ListLocks[Slot]);
  Sizes[Slot]++;
  pthread_mutex_unlock(&ListLocks[Slot]);
  return nullptr;
}

int totals() {
  int Sum = 0;
  for (int I = 0; I < 4; ++I) {
    pthread_mutex_lock(&ListLocks[I]);
    Sum += Sizes[I];
    pthread_mutex_unlock(&ListLocks[I]);
  }
  return Sum;
}

// Not an array of locks but an array of objects, each with its mutex: the
// object's own lock still guards it, however its element was chosen.
struct Channel {
  pthread_mutex_t Mutex;
  int Pending;
};
Channel Channels[4];

void send(Channel *C) {
  pthread_mutex_lock(&C->Mutex);
  C->Pending++;
  pthread_mutex_unlock(&C->Mutex);
}

void *sender(void *Arg) {
  send(&Channels[reinterpret_cast<long>(Arg)]);
  return nullptr;
}

int main() {
  pthread_t A, B, W[4], S[4];
  for (long I = 0; I < 4; ++I)
    pthread_create(&S[I], nullptr, sender, reinterpret_cast<void *>(I));
  send(&Channels[2]);
  pthread_create(&A, nullptr, linker, nullptr);
  pthread_create(&B, nullptr, maintainer, nullptr);
  for (long I = 0; I < 4; ++I)
    pthread_create(&W[I], nullptr, worker, reinterpret_cast<void *>(I));
  int Seen = totals();
  (void)Seen;
  pthread_join(A, nullptr);
  pthread_join(B, nullptr);
  for (int I = 0; I < 4; ++I)
    pthread_join(W[I], nullptr);
}
