// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 -fopenmp 2>&1 | FileCheck %s --implicit-check-not="warning:"
// OpenMP parallel regions are thread entries: a team runs the region, and
// the enclosing function's locals are shared unless a clause makes them
// private.

long g_total;
long g_guarded;
long g_atomic;

void racy_sum(const int *Data, int N) {
  long Sum = 0;
#pragma omp parallel for
  for (int I = 0; I < N; ++I)
    Sum += Data[I];
  // CHECK: openmp.cpp:[[@LINE-1]]:5: warning: 'racy_sum::Sum' is written by thread 'omp parallel region at openmp.cpp:12' without a lock, and 'omp parallel region at openmp.cpp:12' runs in more than one thread at once
  g_total = Sum;
}

void reduced_sum(const int *Data, int N) {
  long Sum = 0;
#pragma omp parallel for reduction(+ : Sum)
  for (int I = 0; I < N; ++I)
    Sum += Data[I];
  g_total = Sum;
}

void private_scratch(int N) {
  int Scratch = 0;
#pragma omp parallel for private(Scratch)
  for (int I = 0; I < N; ++I)
    Scratch = I * 2;
}

void shared_global(int N) {
#pragma omp parallel
  {
    g_total += N;
    // CHECK: openmp.cpp:[[@LINE-1]]:5: warning: 'g_total' is written by thread 'omp parallel region at openmp.cpp:[[@LINE-3]]' without a lock, and 'omp parallel region at openmp.cpp:[[@LINE-3]]' runs in more than one thread at once
#pragma omp critical
    g_guarded += N;
#pragma omp atomic
    g_atomic += N;
  }
  // After the region's implicit barrier: ordered.
  g_guarded = 0;
}

int main() {
  int Data[16] = {};
  racy_sum(Data, 16);
  reduced_sum(Data, 16);
  private_scratch(16);
  shared_global(16);
}
