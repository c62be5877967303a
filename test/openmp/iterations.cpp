// RUN: %concur check %s --checks=-*,concur-openmp-race -- -fopenmp 2>&1 | FileCheck %s --implicit-check-not="warning:"
// Which iterations run on different threads, and whether their subscripts
// can meet: a[i] against a[i + 1] across iterations races, a[i] against
// a[i] does not, a[idx[i]] is not assumed disjoint.
#include <omp.h>

double a[2048], b[64][64], c[4096];
int idx[1024];

void same_element(int n) {
#pragma omp parallel for
  for (int i = 0; i < n; i++)
    a[i] = a[i] + 1;
}

void neighbour(int n) {
#pragma omp parallel for
  for (int i = 0; i < n - 1; i++)
    a[i] = a[i + 1] + 1;
    // CHECK: iterations.cpp:[[@LINE-1]]:5: warning: 'a[i]' is written and 'a[i + 1]' is read ({{.*}}iterations.cpp:[[@LINE-1]]:12) in different iterations of 'parallel for' (iterations.cpp:[[@LINE-3]]), which may run on different threads; 'a' is shared by default in 'parallel for' [concur-openmp-race]
}

void even_odd(int n) {
  // 2i never equals 2i' + 1: the gcd test.
#pragma omp parallel for
  for (int i = 0; i < n; i++)
    a[2 * i] = a[2 * i + 1];
}

void halves(int n) {
  // i + n is out of [0, n): the two halves never meet.
#pragma omp parallel for
  for (int i = 0; i < n; i++)
    a[i] = a[i + n];
}

void indirect(int n) {
#pragma omp parallel for
  for (int i = 0; i < n; i++)
    a[idx[i]] += 1;
    // CHECK: iterations.cpp:[[@LINE-1]]:5: warning: 'a[idx[i]]' is written in different iterations of 'parallel for' (iterations.cpp:[[@LINE-3]]), which may run on different threads; 'a' is shared by default in 'parallel for' [concur-openmp-race]
#pragma omp parallel for
  for (int i = 0; i < n; i++)
    c[i] = a[idx[i]]; // Only read through the index.
}

void two_dimensions(int n) {
#pragma omp parallel for collapse(2)
  for (int i = 0; i < 64; i++)
    for (int j = 0; j < 64; j++)
      b[i][j] = b[i][j] * 2;
#pragma omp parallel for
  for (int i = 1; i < 64; i++)
    for (int j = 0; j < 64; j++)
      b[i][j] = b[i - 1][j];
      // CHECK: iterations.cpp:[[@LINE-1]]:7: warning: 'b[i][j]' is written and 'b[i - 1][j]' is read ({{.*}}iterations.cpp:[[@LINE-1]]:17) in different iterations of 'parallel for' (iterations.cpp:[[@LINE-4]]), which may run on different threads; 'b' is shared by default in 'parallel for' [concur-openmp-race]
  // The outer loop runs in order; each of its steps starts a region.
  for (int i = 1; i < 64; i++) {
#pragma omp parallel for
    for (int j = 0; j < 64; j++)
      b[i][j] = b[i - 1][j];
  }
}

void collapsed_reuse(int n) {
  // collapse(2): iterations (i, j) and (i, j') run on different threads
  // and both update a[i].
#pragma omp parallel for collapse(2)
  for (int i = 0; i < 32; i++)
    for (int j = 0; j < 32; j++)
      a[i] += j;
      // CHECK: iterations.cpp:[[@LINE-1]]:7: warning: 'a[i]' is written in different iterations of 'parallel for' (iterations.cpp:[[@LINE-4]]), which may run on different threads; 'a' is shared by default in 'parallel for' [concur-openmp-race]
}

void linearised(int n) {
  // i*n + j with 0 <= j < n: rows never meet (delinearisation).
#pragma omp parallel for
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++)
      c[i * n + j] = c[i * n + j] + 1;
#pragma omp parallel for
  for (int i = 0; i < n - 1; i++)
    for (int j = 0; j < n; j++)
      c[i * n + j] = c[(i + 1) * n + j];
      // CHECK: iterations.cpp:[[@LINE-1]]:7: warning: 'c[i*n + j]' is written and 'c[i*n + j + n]' is read ({{.*}}iterations.cpp:[[@LINE-1]]:22) in different iterations of 'parallel for' (iterations.cpp:[[@LINE-4]]), which may run on different threads; 'c' is shared by default in 'parallel for' [concur-openmp-race]
}

void triangle(int n) {
  // The upper triangle is written, the lower one read: j > i on both.
#pragma omp parallel for
  for (int i = 0; i < n; i++)
    for (int j = i + 1; j < n; j++)
      c[i * n + j] = c[j * n + i];
}

void strided(int n) {
#pragma omp parallel for
  for (int i = 0; i < n; i += 2)
    a[i] = a[i + 1];
#pragma omp parallel for
  for (int i = 0; i < n; i += 2)
    a[i] = a[i + 2];
    // CHECK: iterations.cpp:[[@LINE-1]]:5: warning: 'a[i]' is written and 'a[i + 2]' is read ({{.*}}iterations.cpp:[[@LINE-1]]:12) in different iterations of 'parallel for' (iterations.cpp:[[@LINE-3]]), which may run on different threads; 'a' is shared by default in 'parallel for' [concur-openmp-race]
#pragma omp parallel for
  for (int i = n - 1; i >= 0; i--)
    a[i] = a[i] / 2;
}

void inner_sequential(int n) {
#pragma omp parallel for
  for (int i = 0; i < n; i++)
    for (int k = 0; k < n; k++)
      a[i] += c[k];
}

void static_schedules(int n) {
#pragma omp parallel
  {
    // The same static schedule over the same range: iteration i of both
    // loops runs on one thread, so the nowait is safe.
#pragma omp for schedule(static) nowait
    for (int i = 0; i < n; i++)
      a[i] = i;
#pragma omp for schedule(static)
    for (int i = 0; i < n; i++)
      c[i] = a[i];
    // Without a schedule the distribution is the implementation's.
#pragma omp for nowait
    for (int i = 0; i < n; i++)
      a[i] = i;
      // CHECK: iterations.cpp:[[@LINE-1]]:7: warning: 'a[i]' is written and 'a[i]' is read ({{.*}}iterations.cpp:[[@LINE+3]]:14) by different threads of 'parallel' (iterations.cpp:[[@LINE-14]]) with no barrier between them (the nowait at iterations.cpp:[[@LINE-3]] removes one); only schedule(static) on both loops would keep an iteration of both on one thread; 'a' is shared by default in 'parallel' [concur-openmp-race]
#pragma omp for
    for (int i = 0; i < n; i++)
      c[i] = a[i];
#pragma omp for schedule(static) nowait
    for (int i = 0; i < n; i++)
      a[i] = i;
      // CHECK: iterations.cpp:[[@LINE-1]]:7: warning: 'a[i]' is written and 'a[i + 1]' is read ({{.*}}iterations.cpp:[[@LINE+3]]:14) in different iterations of 'for' (iterations.cpp:[[@LINE-3]]) and 'for' (iterations.cpp:[[@LINE+1]]) (the same static schedule gives one iteration of both to one thread; others may run on different threads); 'a' is shared by default in 'parallel' [concur-openmp-race]
#pragma omp for schedule(static)
    for (int i = 0; i < n; i++)
      c[i] = a[i + 1];
  }
}

void ordered_loops(int n) {
  double sum = 0;
#pragma omp parallel for ordered
  for (int i = 0; i < n; i++) {
    a[i] = i;
#pragma omp ordered
    sum += a[i];
  }
#pragma omp parallel for ordered(1)
  for (int i = 1; i < n; i++) {
#pragma omp ordered depend(sink : i - 1)
    a[i] = a[i - 1] + 1;
#pragma omp ordered depend(source)
  }
  c[0] = sum;
}

void simd_lanes(int n) {
#pragma omp simd
  for (int i = 0; i < n; i++)
    a[i + 1] = a[i] + c[i];
    // CHECK: iterations.cpp:[[@LINE-1]]:5: warning: 'a[i + 1]' is written and 'a[i]' is read ({{.*}}iterations.cpp:[[@LINE-1]]:16) in different iterations of 'simd' (iterations.cpp:[[@LINE-3]]), which its SIMD lanes run together; 'a' is global [concur-openmp-race]
#pragma omp simd safelen(2)
  for (int i = 0; i < n; i++)
    a[i + 2] = a[i] + c[i];
}

int main() {
  same_element(100);
  neighbour(100);
  even_odd(100);
  halves(100);
  indirect(100);
  two_dimensions(64);
  collapsed_reuse(32);
  linearised(32);
  triangle(32);
  strided(100);
  inner_sequential(100);
  static_schedules(100);
  ordered_loops(100);
  simd_lanes(100);
}
