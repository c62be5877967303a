// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// The pthread idiom: each start allocates its thread's argument and hands it
// over (`new`, or malloc and its kin). Threads started in a loop then each
// have an object of their own;
// one object allocated before the loop is shared by all of them.

#include <cstdlib>
#include <pthread.h>

struct Arg {
  int Id;
  int Result;
};

void *work(void *P) {
  Arg *A = static_cast<Arg *>(P);
  A->Result = A->Id * 2;
  return nullptr;
}

int Shared;
void *count(void *P) {
  Arg *A = static_cast<Arg *>(P);
  ++Shared;
  // CHECK: fresh-arguments.cpp:[[@LINE-1]]:5: warning: 'Shared' is written by thread 'count' without a lock, and 'count' runs in more than one thread at once
  A->Result = 1;
  // CHECK: fresh-arguments.cpp:[[@LINE-1]]:6: warning: 'Arg::Result' is written by thread 'count' without a lock, and 'count' runs in more than one thread at once
  return nullptr;
}

int main() {
  pthread_t Workers[4];
  for (int I = 0; I < 4; ++I) {
    Arg *Mine = new Arg{I, 0};
    pthread_create(&Workers[I], nullptr, work, Mine);
  }
  pthread_t Allocated[4];
  for (int I = 0; I < 4; ++I) {
    Arg *Mine = static_cast<Arg *>(malloc(sizeof(Arg)));
    Mine->Id = I;
    pthread_create(&Allocated[I], nullptr, work, Mine);
  }
  pthread_t Direct[2];
  for (int I = 0; I < 2; ++I)
    pthread_create(&Direct[I], nullptr, work, new Arg{I, 0});
  Arg *One = new Arg{0, 0};
  pthread_t Counters[2];
  for (int I = 0; I < 2; ++I)
    pthread_create(&Counters[I], nullptr, count, One);
  for (pthread_t T : Workers)
    pthread_join(T, nullptr);
  for (pthread_t T : Allocated)
    pthread_join(T, nullptr);
  for (pthread_t T : Direct)
    pthread_join(T, nullptr);
  for (pthread_t T : Counters)
    pthread_join(T, nullptr);
}
