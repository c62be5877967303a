// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// pthread_create writes the thread's handle through its first argument and
// returns a status. Keeping or testing the status (`int rc =
// pthread_create(&t, ...)`, `if (pthread_create(...) != 0)`) must not make
// the status the handle: the later pthread_join(t) still orders the
// thread's writes before what follows it.

#include <cstdio>
#include <cstdlib>
#include <pthread.h>

int Total;
pthread_mutex_t Mu = PTHREAD_MUTEX_INITIALIZER;

void *add(void *) {
  pthread_mutex_lock(&Mu);
  Total = Total + 1;
  pthread_mutex_unlock(&Mu);
  return nullptr;
}

// Handles in a heap array, statuses kept and tested: joined before the read.
int keptStatus(int N) {
  pthread_t *Threads = (pthread_t *)malloc(sizeof(pthread_t) * N);
  for (int I = 0; I < N; ++I) {
    int Rc = pthread_create(&Threads[I], nullptr, add, nullptr);
    if (Rc)
      exit(1);
  }
  for (int I = 0; I < N; ++I) {
    int Rc = pthread_join(Threads[I], nullptr);
    if (Rc)
      exit(1);
  }
  return Total;
}

int Seen;
void *see(void *) {
  Seen = 1;
  return nullptr;
}

// A status tested in the condition; joined, then read: no race.
int testedStatus() {
  pthread_t T;
  if (pthread_create(&T, nullptr, see, nullptr) != 0)
    return -1;
  pthread_join(T, nullptr);
  return Seen;
}

int Late;
void *late(void *) {
  Late = 1;
  // CHECK: status-returning-spawns.cpp:[[@LINE-1]]:3: warning: 'Late' is written by thread 'late' without a lock and read by thread 'main' without a lock (
  // CHECK-SAME: status-returning-spawns.cpp:[[@LINE+9]]:15)
  return nullptr;
}

// The status is assigned, the thread never joined: the read races.
int neverJoined() {
  pthread_t T;
  int Rc;
  Rc = pthread_create(&T, nullptr, late, nullptr);
  return Rc + Late;
}

int main(int Argc, char **) {
  std::printf("%d %d %d\n", keptStatus(Argc), testedStatus(), neverJoined());
}
