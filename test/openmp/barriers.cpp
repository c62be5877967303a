// RUN: %concur check %s --checks=-*,concur-openmp-race -- -fopenmp 2>&1 | FileCheck %s --implicit-check-not="warning:"
// Barriers split a region into phases: explicit ones, and the implicit
// barrier at the end of for, sections and single unless nowait. master and
// masked have none. single, master, masked and each section run on one
// thread.
#include <omp.h>

int x, y, z, total, flag;
int part[64];

void explicit_barrier(void) {
#pragma omp parallel
  {
    if (omp_get_thread_num() == 0)
      x = 1;
#pragma omp barrier
    part[omp_get_thread_num()] = x;
  }
#pragma omp parallel
  {
    if (omp_get_thread_num() == 0)
      y = 1;
      // CHECK: barriers.cpp:[[@LINE-1]]:7: warning: 'y' is written and 'y' is read ({{.*}}barriers.cpp:[[@LINE+1]]:34) by different threads of 'parallel' (barriers.cpp:[[@LINE-4]]) with no barrier between them; 'y' is shared by default in 'parallel' [concur-openmp-race]
    part[omp_get_thread_num()] = y;
  }
}

void single_and_nowait(void) {
#pragma omp parallel
  {
#pragma omp single
    x = 2;
    part[omp_get_thread_num()] = x; // After single's barrier.
#pragma omp single nowait
    y = 2;
    // CHECK: barriers.cpp:[[@LINE-1]]:5: warning: 'y' is written and 'y' is read ({{.*}}barriers.cpp:[[@LINE+1]]:35) by different threads of 'parallel' (barriers.cpp:[[@LINE-7]]) with no barrier between them (the nowait at barriers.cpp:[[@LINE-2]] removes one); 'y' is shared by default in 'parallel' [concur-openmp-race]
    part[omp_get_thread_num()] += y;
  }
}

void master_and_masked(void) {
#pragma omp parallel
  {
#pragma omp master
    x = 3;
    // CHECK: barriers.cpp:[[@LINE-1]]:5: warning: 'x' is written and 'x' is read ({{.*}}barriers.cpp:[[@LINE+1]]:34) by different threads of 'parallel' (barriers.cpp:[[@LINE-4]]) with no barrier between them; 'x' is shared by default in 'parallel' [concur-openmp-race]
    part[omp_get_thread_num()] = x;
#pragma omp master
    y = x; // The same thread as the first master.
#pragma omp masked filter(1)
    z = 4;
#pragma omp masked filter(1)
    z++; // Thread 1 again.
    if (omp_get_thread_num() == 1)
      part[1] = z; // Thread 1 again.
  }
}

void sections(void) {
#pragma omp parallel sections
  {
#pragma omp section
    x = 5;
    // CHECK: barriers.cpp:[[@LINE-1]]:5: warning: 'x' is written and 'x' is read ({{.*}}barriers.cpp:[[@LINE+2]]:9) by different threads of 'parallel sections' (barriers.cpp:[[@LINE-4]]) with no barrier between them; 'x' is shared by default in 'parallel sections' [concur-openmp-race]
#pragma omp section
    y = x;
  }
#pragma omp parallel
  {
#pragma omp sections
    {
#pragma omp section
      z = 6;
#pragma omp section
      total = 7;
    }
    part[omp_get_thread_num()] = z + total; // After sections' barrier.
  }
}

void thread_conditions(void) {
#pragma omp parallel
  {
    int me = omp_get_thread_num();
    if (me == 0)
      flag = 1; // Only thread 0 writes.
    if (me == 0)
      flag++; // Thread 0 again: ordered.
    if (me > 0)
      part[me] = 1;
    else
      part[0] = 2; // Thread 0 only: other threads write part[me], me > 0.
  }
}

void phases_in_loops(int n) {
#pragma omp parallel
  {
    for (int it = 0; it < n; it++) {
#pragma omp for
      for (int i = 0; i < 64; i++)
        part[i] = i + it;
#pragma omp single
      total += part[0];
    }
  }
#pragma omp parallel
  {
    for (int it = 0; it < n; it++) {
      total = it; // Every thread writes: a race, whatever the barriers.
      // CHECK: barriers.cpp:[[@LINE-1]]:7: warning: 'total' is written by different threads of 'parallel' (barriers.cpp:[[@LINE-4]]) with no barrier between them; 'total' is shared by default in 'parallel' [concur-openmp-race]
#pragma omp barrier
    }
  }
}

void team_of_one(void) {
#pragma omp parallel num_threads(1)
  x++;
#pragma omp parallel if (0)
  y++;
#pragma omp parallel num_threads(2)
  z++;
  // CHECK: barriers.cpp:[[@LINE-1]]:3: warning: 'z' is written by different threads of 'parallel' (barriers.cpp:[[@LINE-2]]) with no barrier between them; 'z' is shared by default in 'parallel' [concur-openmp-race]
}

int main() {
  explicit_barrier();
  single_and_nowait();
  master_and_masked();
  sections();
  thread_conditions();
  phases_in_loops(4);
  team_of_one();
}
