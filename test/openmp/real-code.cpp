// RUN: %concur check %s --checks=-*,concur-openmp-race -- -fopenmp 2>&1 | FileCheck %s --implicit-check-not="warning:"
// What real OpenMP code relies on to be race-free, and what still races:
// loops with barriers, branches every thread takes alike, values read from
// arrays nothing writes, blocks computed from counters, sub-arrays passed
// to functions, bounds clamped with min.
#include <omp.h>

double grid[4096], out[4096];
int level_offset[8], level_size[8];
double norm;

static void smooth(double *u, int n) {
#pragma omp for
  for (int i = 1; i < n - 1; i++)
    u[i] = (u[i - 1] + u[i + 1]) / 2;
    // CHECK: real-code.cpp:[[@LINE-1]]:5: warning: 'grid[i + level_offset[k]]' is written and 'grid[i + level_offset[k] - 1]' is read ({{.*}}real-code.cpp:[[@LINE-1]]:13) in different iterations of 'for' (real-code.cpp:[[@LINE-3]]), which may run on different threads; 'grid' is shared by default in 'parallel' (in 'smooth', through parameter 'u') [concur-openmp-race]
}

static void copy_level(double *coarse, double *fine, int n) {
#pragma omp for
  for (int i = 0; i < n; i++)
    fine[2 * i] = coarse[i];
}

void time_steps(int steps, int levels) {
#pragma omp parallel
  {
    // Every thread runs every step; the barriers of the worksharing loops
    // keep one step's iterations from the next one's.
    for (int t = 0; t < steps; t++) {
#pragma omp for
      for (int i = 0; i < 4096; i++)
        out[i] = grid[i];
#pragma omp for
      for (int i = 1; i < 4095; i++)
        grid[i] = (out[i - 1] + out[i + 1]) / 2;
    }
    // Levels of one array at offsets read from a table nothing writes: one
    // offset for all threads in one step; the sub-arrays passed together
    // are taken as disjoint.
    for (int k = 1; k < levels; k++) {
      copy_level(&grid[level_offset[k - 1]], &grid[level_offset[k]],
                 level_size[k - 1]);
      smooth(&grid[level_offset[k]], level_size[k]);
    }
  }
}

void uniform_branch(int n) {
#pragma omp parallel
  {
    // n is the same for all threads: they all take one arm.
    if (n > 100) {
#pragma omp for
      for (int i = 0; i < 4096; i++)
        out[i] = i;
    } else {
#pragma omp for
      for (int i = 0; i < 4096; i++)
        out[i] = -i;
    }
    int me = omp_get_thread_num();
    // A branch on the thread number: threads take different arms.
    if (me == 0)
      norm = 1;
      // CHECK: real-code.cpp:[[@LINE-1]]:7: warning: 'norm' is written and 'norm' is read ({{.*}}real-code.cpp:[[@LINE+2]]:17) by different threads of 'parallel' (real-code.cpp:[[@LINE-16]]) with no barrier between them; 'norm' is shared by default in 'parallel' [concur-openmp-race]
    else
      out[me] = norm;
  }
}

void blocks(int rows, int cols) {
  int nb = cols / 16;
#pragma omp parallel for
  for (int b = 0; b < nb; b++) {
    int first = b * 16;
    int last = first + 16 > cols ? cols : first + 16; // min(first + 16, cols)
    for (int i = first; i < last; i++)
      out[i] = 2 * grid[i];
  }
#pragma omp parallel for
  for (int c = 0; c < rows * 4; c++) {
    int r = c / 4, q = c % 4;
    out[r * 4 + q] = 0; // r*4 + q is c: one element per iteration.
  }
#pragma omp parallel for
  for (int c = 0; c < rows; c++)
    out[c / 2] += 1; // Two iterations per element.
    // CHECK: real-code.cpp:[[@LINE-1]]:5: warning: 'out[c / 2]' is written in different iterations of 'parallel for' (real-code.cpp:[[@LINE-3]]), which may run on different threads; 'out' is shared by default in 'parallel for' [concur-openmp-race]
}

void thread_ranges(int n) {
#pragma omp parallel
  {
    int nt = omp_get_num_threads(), me = omp_get_thread_num();
    int chunk = (n + nt - 1) / nt;
    int begin = me * chunk, end = begin + chunk;
    if (end > n)
      end = n;
    for (int i = begin; i < end; i++)
      out[i] = i; // Each thread its own range.
    int start = 16;
    start += me * 64; // Known through +=.
    grid[start] = 1;
  }
}

int main() {
  time_steps(10, 4);
  uniform_branch(10);
  blocks(64, 64);
  thread_ranges(1000);
}
