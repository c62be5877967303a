// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A thread handed the address of an array element at an index known only
// at run time (`&Slots[I]` in a loop) is handed a slot of its own: each
// start is handed another. What the starter writes into that slot just
// before the start sets it up for that thread alone, and the thread's own
// writes to its slot meet no other thread's. What the slots point to (the
// one engine) is shared.

#include <cstdlib>
#include <pthread.h>

struct Engine {
  int Load;
};

struct Slot {
  Engine *E;
  int Depth;
  pthread_t Id;
};

Slot Slots[8];

void *io(void *Arg) {
  Slot *Me = static_cast<Slot *>(Arg);
  Me->Depth = Me->Depth + 1;
  Me->E->Load = Me->E->Load + 1;
  // (The read on this line pairs with the same lines: one finding for both.)
  // CHECK: slot-setup.cpp:[[@LINE-2]]:10: warning: 'Engine::Load' is written by thread 'io' without a lock
  return nullptr;
}

void startWorker(Engine *E, int I) {
  Slots[I].E = E;
  Slots[I].Depth = 0;
  pthread_create(&Slots[I].Id, nullptr, io, &Slots[I]);
}

// The index is the loop's own here: unknown, and the slot still the
// thread's.
void startAll(Engine *E, int N) {
  for (int I = 0; I < 4; ++I) {
    Slots[I].E = E;
    Slots[I].Depth = 0;
    pthread_create(&Slots[I].Id, nullptr, io, &Slots[I]);
  }
}

// Starts more workers on demand, while the first ones run.
void *master(void *Arg) {
  for (int I = 4; I < 8; ++I)
    startWorker(static_cast<Engine *>(Arg), I);
  return nullptr;
}

int main(int Argc, char **) {
  Engine *E = static_cast<Engine *>(calloc(1, sizeof(Engine)));
  // Two call paths to one start: the same thread, twice.
  startAll(E, Argc);
  startAll(E, Argc);
  pthread_t Master;
  pthread_create(&Master, nullptr, master, E);
  pthread_join(Master, nullptr);
  return 0;
}
// CHECK: concur: 1 file analysed
