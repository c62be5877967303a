// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// `if (v == 0) { v = ...; }` on a static variable initialises it on first
// use. Once main ran it, before it starts the workers, the branch never
// runs again: not in main, not in the workers. What runs every call (the
// generator's step) still races between the workers; a lazy initialisation
// that nothing ran before the threads started races too.

#include <pthread.h>

static unsigned long now() { return 42; }

static unsigned long nextRandom() {
  static unsigned long State = 0;
  if (State == 0) {
    State = now();
  } else {
    State = State * 6364136223846793005UL + 1;
  }
  return State;
}

static int *Table;

static int *table() {
  if (!Table)
    Table = new int[16]();
  return Table;
}

static void *worker(void *) {
  nextRandom();
  return nullptr;
}

static void *lateWorker(void *) {
  table()[0] = 1;
  return nullptr;
}

int main() {
  nextRandom();
  pthread_t T[4];
  for (int I = 0; I < 4; ++I)
    pthread_create(&T[I], nullptr, worker, nullptr);
  for (int I = 0; I < 4; ++I)
    pthread_create(&T[I], nullptr, lateWorker, nullptr);
  nextRandom();
  for (int I = 0; I < 4; ++I)
    pthread_join(T[I], nullptr);
  return 0;
}

// The step (line 17) races between the workers and with main's call after
// it started them; the initialisation (line 15) is reported nowhere.
// CHECK: lazy-initialisation.cpp:17:5: warning: 'nextRandom::State' is written by thread 'main' without a lock and read by thread 'worker'
// CHECK: lazy-initialisation.cpp:17:5: warning: 'nextRandom::State' is written by thread 'main' without a lock and written by thread 'worker'
// CHECK: lazy-initialisation.cpp:17:5: warning: 'nextRandom::State' is written by thread 'worker' without a lock and read by thread 'main' without a lock (/{{.*}}lazy-initialisation.cpp:14:7)
// (The read at 17:13 pairs on the same lines as the write above: one finding for both.)
// Nothing initialised Table before the late workers started: each may.
// CHECK: lazy-initialisation.cpp:26:5: warning: 'Table' is written by thread 'lateWorker' without a lock and read by another thread 'lateWorker'
// CHECK: lazy-initialisation.cpp:26:5: warning: 'Table' is written by thread 'lateWorker' without a lock and read by another thread 'lateWorker'
// CHECK: lazy-initialisation.cpp:26:5: warning: 'Table' is written by thread 'lateWorker' without a lock, and 'lateWorker' runs in more than one thread at once
// CHECK: lazy-initialisation.cpp:36:3: warning: 'Table' is written by thread 'lateWorker' without a lock, and 'lateWorker' runs in more than one thread at once
