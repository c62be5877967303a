// RUN: %concur check %s --checks=-*,concur-openmp-race -- -fopenmp 2>&1 | FileCheck %s --implicit-check-not="warning:"
// Functions called in a region run in the calling thread or iteration:
// their parameters designate the caller's memory, their locals are their
// own, and worksharing constructs in them bind to the caller's team
// (orphaned constructs).
#include <omp.h>
#include <vector>

double grid[1024];
int counter;

static void scale(double *row, int i, double f) { row[i] = row[i] * f; }
static void shift(double *row, int i) { row[i] = row[i + 1]; }
// CHECK: calls.cpp:[[@LINE-1]]:41: warning: 'grid[i]' is written and 'grid[i + 1]' is read ({{.*}}calls.cpp:[[@LINE-1]]:50) in different iterations of 'parallel for' (calls.cpp:[[@LINE+19]]), which may run on different threads; 'grid' is shared by default in 'parallel for' (in 'shift', through parameter 'row') [concur-openmp-race]
static void bump(int &c) { c++; }
// CHECK: calls.cpp:[[@LINE-1]]:28: warning: 'counter' is written in different iterations of 'parallel for' (calls.cpp:[[@LINE+20]]), which may run on different threads; 'counter' is shared by default in 'parallel for' (in 'bump', through parameter 'c') [concur-openmp-race]
static void orphan_for(double *v, int n) {
#pragma omp for
  for (int i = 0; i < n; i++)
    v[i] = v[i] * 2;
}
static void orphan_barrier_missing(double *v, int n) {
#pragma omp for nowait
  for (int i = 0; i < n; i++)
    v[i] = i;
    // CHECK: calls.cpp:[[@LINE-1]]:5: warning: 'grid[i]' is written and 'grid[0]' is written ({{.*}}calls.cpp:[[@LINE+23]]:5) by different threads of 'parallel' (calls.cpp:[[@LINE+19]]) with no barrier between them (the nowait at calls.cpp:[[@LINE-3]] removes one); 'grid' is shared by default in 'parallel' (in 'orphan_barrier_missing', through parameter 'v') [concur-openmp-race]
}

void through_parameters(int n) {
#pragma omp parallel for
  for (int i = 0; i < n; i++)
    scale(grid, i, 2.0);
#pragma omp parallel for
  for (int i = 0; i < n - 1; i++)
    shift(grid, i);
#pragma omp parallel for
  for (int i = 0; i < n; i++)
    bump(counter);
#pragma omp parallel for
  for (int i = 0; i < n / 2; i++)
    scale(grid + n / 2, i, 3.0); // An offset pointer: still one element each.
}

void orphaned(int n) {
#pragma omp parallel
  {
    orphan_for(grid, n);
    orphan_barrier_missing(grid, n);
    grid[0] = -1;
    // CHECK: calls.cpp:[[@LINE-1]]:5: warning: 'grid[0]' is written by different threads of 'parallel' (calls.cpp:[[@LINE-5]]) with no barrier between them (the nowait at calls.cpp:[[@LINE-27]] removes one); 'grid' is shared by default in 'parallel' [concur-openmp-race]
  }
}

struct Mesh {
  double cells[512];
  double total = 0;
  void smooth(int n) {
#pragma omp parallel for
    for (int i = 1; i < n; i++)
      cells[i] = (cells[i] + cells[i - 1]) / 2;
      // CHECK: calls.cpp:[[@LINE-1]]:7: warning: 'this->cells[i]' is written and 'this->cells[i - 1]' is read ({{.*}}calls.cpp:[[@LINE-1]]:30) in different iterations of 'parallel for' (calls.cpp:[[@LINE-3]]), which may run on different threads; a member of the object the function is called on [concur-openmp-race]
  }
  void sum(int n) {
#pragma omp parallel for reduction(+ : total)
    for (int i = 0; i < n; i++)
      total += cells[i];
  }
};

void containers(int n) {
  std::vector<double> values(n);
#pragma omp parallel for
  for (int i = 0; i < n; i++)
    values[i] = i;
#pragma omp parallel for
  for (int i = 0; i < n; i++)
    values.push_back(i);
    // CHECK: calls.cpp:[[@LINE-1]]:12: warning: 'values' is written in different iterations of 'parallel for' (calls.cpp:[[@LINE-3]]), which may run on different threads; 'values' is shared by default in 'parallel for' [concur-openmp-race]
}

int main() {
  through_parameters(100);
  orphaned(100);
  Mesh m;
  m.smooth(100);
  m.sum(100);
  containers(100);
}

// A pair of places is one finding however many calls, regions or arrays
// reach it: here three calls in two regions, on two arrays.
double left[64], right[64];
static void accumulate_into(double *acc, int n) {
  for (int i = 0; i < n; i++)
    acc[0] += i;
  // CHECK: calls.cpp:[[@LINE-1]]:5: warning: 'left[0]' is written by different threads of 'parallel' (calls.cpp:[[@LINE+4]]) with no barrier between them; 'left' is shared by default in 'parallel' (in 'accumulate_into', through parameter 'acc') [concur-openmp-race]
}

void one_finding_per_pair_of_places(int n) {
#pragma omp parallel
  {
    accumulate_into(left, n);
    accumulate_into(right, n);
  }
#pragma omp parallel
  accumulate_into(left, n);
}
