// RUN: %concur check %s --checks=-*,concur-openmp-race -- -fopenmp 2>&1 | FileCheck %s --implicit-check-not="warning:"
// A local whose every store is one constant has that value wherever it is
// read, even while other threads store into it: offsets set in a region
// and passed to a function address disjoint parts of an array.
#include <omp.h>

double out[128];

static void fill(double *a, int offset) {
  for (int k = 0; k < 16; k++)
    a[offset + k] = k;
}
static void fill_again(double *a, int offset) {
  for (int k = 0; k < 16; k++)
    a[offset + k] = k;
  // CHECK: constant-locals.cpp:[[@LINE-1]]:5: warning: 'out[k + offset]' is written by different threads of 'parallel sections' (constant-locals.cpp:[[@LINE+28]]){{.*}}
}
static void fill_third(double *a, int offset) {
  for (int k = 0; k < 16; k++)
    a[offset + k] = k;
  // CHECK: constant-locals.cpp:[[@LINE-1]]:5: warning: 'out[{{.*}}]' is written and 'out[{{.*}}]' is written ({{.*}}) by different threads of 'parallel sections' (constant-locals.cpp:[[@LINE+41]]){{.*}}
}

void sections_by_offset() {
  int first, second;
#pragma omp parallel sections
  {
#pragma omp section
    {
      first = 0;
      fill(out, first);
    }
#pragma omp section
    {
      second = 16;
      fill(out, second);
    }
  }
}

// Two constants: the offset may be either in either section.
void two_values(int n) {
  int offset = 0;
#pragma omp parallel sections
  {
#pragma omp section
    fill_again(out, offset);
#pragma omp section
    {
      offset = 8;
      // CHECK: constant-locals.cpp:[[@LINE-1]]:7: warning: 'offset' is written and 'offset' is read ({{.*}}constant-locals.cpp:[[@LINE-4]]:21) by different threads of 'parallel sections' (constant-locals.cpp:[[@LINE-7]]){{.*}}
      fill_again(out, offset);
    }
  }
}

// A store through its address (or a reduction, lastprivate or linear
// clause, or ++) may store another value.
static void set(int *p, int v) { *p = v; }
void address_taken(int n) {
  int first = 0, second = 16;
#pragma omp parallel sections
  {
#pragma omp section
    fill_third(out, first);
#pragma omp section
    {
      set(&second, n);
      fill_third(out, second);
    }
  }
}
