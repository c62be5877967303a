// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state,concur-openmp-race -- -std=c++20 -fopenmp 2>&1 | FileCheck %s --implicit-check-not="warning:"
// OpenMP regions are concur-openmp-race's (test/openmp): OpenMP's rules
// decide what a team shares and what orders it, and
// concur-unsynchronized-shared-state leaves the regions alone.

long g_total;
long g_guarded;
long g_atomic;

void racy_sum(const int *Data, int N) {
  long Sum = 0;
#pragma omp parallel for
  for (int I = 0; I < N; ++I)
    Sum += Data[I];
  // CHECK: openmp.cpp:[[@LINE-1]]:5: warning: 'Sum' is written in different iterations of 'parallel for' (openmp.cpp:[[@LINE-3]]), which may run on different threads; 'Sum' is shared by default in 'parallel for' [concur-openmp-race]
  g_total = Sum;
}

void reduced_sum(const int *Data, int N) {
  long Sum = 0;
#pragma omp parallel for reduction(+ : Sum)
  for (int I = 0; I < N; ++I)
    Sum += Data[I];
  g_total = Sum;
}

void shared_global(int N) {
#pragma omp parallel
  {
    g_total += N;
    // CHECK: openmp.cpp:[[@LINE-1]]:5: warning: 'g_total' is written by different threads of 'parallel' (openmp.cpp:[[@LINE-3]]) with no barrier between them; 'g_total' is shared by default in 'parallel' [concur-openmp-race]
#pragma omp critical
    g_guarded += N;
#pragma omp atomic
    g_atomic += N;
  }
  g_guarded = 0;
}

int main() {
  int Data[16] = {};
  racy_sum(Data, 16);
  reduced_sum(Data, 16);
  shared_global(16);
}
