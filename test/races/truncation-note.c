// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s
// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -DFEW 2>&1 | FileCheck %s --check-prefix=WHOLE
// A race analysis that stopped at its budget says so: no finding from a
// walk that did not reach every thread's start is no evidence of safety.
// Here main starts more distinct threads than the analysis models; with
// FEW, a hundred, which it walks whole.

#include <pthread.h>

#define WORKER(N)                                                              \
  int Count##N;                                                                \
  void *work##N(void *Arg) {                                                   \
    ++Count##N;                                                                \
    return Arg;                                                                \
  }
#define START(N) pthread_create(&T, 0, work##N, 0);
#define TEN(M, P)                                                              \
  M(P##0) M(P##1) M(P##2) M(P##3) M(P##4) M(P##5) M(P##6) M(P##7) M(P##8)      \
      M(P##9)
#define HUNDRED(M, P)                                                          \
  TEN(M, P##0) TEN(M, P##1) TEN(M, P##2) TEN(M, P##3) TEN(M, P##4)             \
      TEN(M, P##5) TEN(M, P##6) TEN(M, P##7) TEN(M, P##8) TEN(M, P##9)

HUNDRED(WORKER, 1)
HUNDRED(WORKER, 2)
HUNDRED(WORKER, 3)
HUNDRED(WORKER, 4)
HUNDRED(WORKER, 5)
HUNDRED(WORKER, 6)

int main(void) {
  pthread_t T;
  HUNDRED(START, 1)
#ifndef FEW
  HUNDRED(START, 2)
  HUNDRED(START, 3)
  HUNDRED(START, 4)
  HUNDRED(START, 5)
  HUNDRED(START, 6)
#endif
  return 0;
}

// CHECK: concur: 1 file analysed, 0 failed to parse; 0 concur-unsynchronized-shared-state
// CHECK-NEXT: concur: note: the race analysis stopped at one of its budgets (threads, calls, accesses); threads started and accesses made past that point were not compared, so races may be missing
// WHOLE: concur: 1 file analysed, 0 failed to parse; 0 concur-unsynchronized-shared-state
// WHOLE-NOT: note: the race analysis stopped
