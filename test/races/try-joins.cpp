// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="warning:"
// pthread_tryjoin_np and pthread_timedjoin_np join the thread on the branch
// where they returned 0; a call whose result nobody tests joins nothing.
// Tricky: past the branch, where the failure edge meets the success edge
// again (the success edge returned early, or both fall through), the
// thread may still run.

#include <pthread.h>
#include <cstdio>
#include <ctime>

int Polled, Timed, Unchecked, Late, Merged;

void *pollWork(void *) {
  Polled = 1;
  return nullptr;
}
void *timedWork(void *) {
  Timed = 1;
  return nullptr;
}
void *uncheckedWork(void *) {
  // CHECK: try-joins.cpp:[[@LINE+1]]:3: warning: 'Unchecked' is written by thread 'uncheckedWork' without a lock and read by thread 'main' without a lock
  Unchecked = 1;
  return nullptr;
}

void *lateWork(void *) {
  // CHECK: try-joins.cpp:[[@LINE+1]]:3: warning: 'Late' is written by thread 'lateWork' without a lock and read by thread 'main' without a lock ({{.*}}try-joins.cpp:[[@LINE+18]]:14
  Late = 1;
  return nullptr;
}
void *mergedWork(void *) {
  // CHECK: try-joins.cpp:[[@LINE+1]]:3: warning: 'Merged' is written by thread 'mergedWork' without a lock and read by thread 'main' without a lock ({{.*}}try-joins.cpp:[[@LINE+35]]:26
  Merged = 1;
  return nullptr;
}

// Joined on the early return only: the read after it is on the failure
// edge.
static int waitLate() {
  pthread_t W;
  timespec Deadline = {0, 0};
  pthread_create(&W, nullptr, lateWork, nullptr);
  if (pthread_timedjoin_np(W, nullptr, &Deadline) == 0)
    return Late;
  int Seen = Late;
  pthread_join(W, nullptr);
  return Seen;
}

int main() {
  waitLate();
  pthread_t T, U, V, X;
  pthread_create(&T, nullptr, pollWork, nullptr);
  while (pthread_tryjoin_np(T, nullptr) != 0) {
  }
  std::printf("%d\n", Polled);

  pthread_create(&U, nullptr, timedWork, nullptr);
  timespec Deadline = {0, 0};
  if (pthread_timedjoin_np(U, nullptr, &Deadline) == 0)
    std::printf("%d\n", Timed);

  pthread_create(&X, nullptr, mergedWork, nullptr);
  bool Done = pthread_tryjoin_np(X, nullptr) == 0;
  if (pthread_tryjoin_np(X, nullptr) == 0)
    Done = true;
  std::printf("%d %d\n", Merged, Done);
  if (!Done)
    pthread_join(X, nullptr);

  pthread_create(&V, nullptr, uncheckedWork, nullptr);
  pthread_timedjoin_np(V, nullptr, &Deadline);
  std::printf("%d\n", Unchecked);
  pthread_join(V, nullptr);
}
