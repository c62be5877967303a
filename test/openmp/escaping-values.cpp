// RUN: %concur check %s --checks=-*,concur-openmp-race -- -fopenmp 2>&1 | FileCheck %s --implicit-check-not="warning:"
// A local whose address escapes may be stored into by a call: the value
// last assigned to it is not its value afterwards (a loop bound read with
// scanf, a count filled in through a reference).
#include <omp.h>

int total;
void read_count(int *n);
void fill_count(int &n);

void bound_read_through_pointer(const int *a) {
  int n = 0;
  read_count(&n);
#pragma omp parallel for
  for (int i = 0; i < n; i++)
    total += a[i];
  // CHECK: escaping-values.cpp:[[@LINE-1]]:5: warning: 'total' is written in different iterations of 'parallel for' (escaping-values.cpp:[[@LINE-3]]), which may run on different threads; 'total' is shared by default in 'parallel for' [concur-openmp-race]
}

void bound_filled_through_reference(const int *a) {
  int n = 0;
  fill_count(n);
#pragma omp parallel for
  for (int i = 0; i < n; i++)
    total -= a[i];
  // CHECK: escaping-values.cpp:[[@LINE-1]]:5: warning: 'total' is written in different iterations of 'parallel for' (escaping-values.cpp:[[@LINE-3]]), which may run on different threads; 'total' is shared by default in 'parallel for' [concur-openmp-race]
}

// No escape: the bound is 0 and the loop has no iterations.
void empty_loop(const int *a) {
  int n = 0;
  int copy = n;
#pragma omp parallel for
  for (int i = 0; i < copy; i++)
    total *= a[i];
}
