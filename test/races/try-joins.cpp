// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="warning:"
// pthread_tryjoin_np and pthread_timedjoin_np join the thread on the branch
// where they returned 0; a call whose result nobody tests joins nothing.

#include <pthread.h>
#include <cstdio>
#include <ctime>

int Polled, Timed, Unchecked;

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

int main() {
  pthread_t T, U, V;
  pthread_create(&T, nullptr, pollWork, nullptr);
  while (pthread_tryjoin_np(T, nullptr) != 0) {
  }
  std::printf("%d\n", Polled);

  pthread_create(&U, nullptr, timedWork, nullptr);
  timespec Deadline = {0, 0};
  if (pthread_timedjoin_np(U, nullptr, &Deadline) == 0)
    std::printf("%d\n", Timed);

  pthread_create(&V, nullptr, uncheckedWork, nullptr);
  pthread_timedjoin_np(V, nullptr, &Deadline);
  std::printf("%d\n", Unchecked);
  pthread_join(V, nullptr);
}
