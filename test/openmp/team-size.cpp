// RUN: %concur check %s --checks=-*,concur-openmp-race -- -fopenmp 2>&1 | FileCheck %s --implicit-check-not="warning:"
// RUN: %concur check %s --checks=-*,concur-openmp-race -- -fopenmp -DSETS_NUM_THREADS 2>&1 | FileCheck %s --check-prefixes=CHECK,SET --implicit-check-not="warning:"
// A team has at least one thread and, without num_threads, at most
// omp_get_max_threads() read before the region: code that takes another
// way when only one thread can run has no race on that way.
#include <omp.h>

double force[1000];
double *elem_force;
int node_of[8000];

void one_thread_way(int n) {
  int threads = omp_get_max_threads();
#pragma omp parallel for
  for (int k = 0; k < n; k++) {
    if (threads > 1) {
      elem_force[k] = k;
    } else {
      // One thread runs every iteration.
      force[node_of[k]] += k;
      // SET: team-size.cpp:[[@LINE-1]]:7: warning: 'force[node_of[k]]' is written in different iterations of 'parallel for' (team-size.cpp:[[@LINE-7]]), which may run on different threads; 'force' is shared by default in 'parallel for' [concur-openmp-race]
    }
  }
}

// num_threads of unknown value may ask for more threads than
// omp_get_max_threads().
void more_threads_asked(int n, int t) {
  int threads = omp_get_max_threads();
#pragma omp parallel for num_threads(t)
  for (int k = 0; k < n; k++) {
    if (threads > 1)
      elem_force[k] = k;
    else
      force[node_of[k]] += k;
      // CHECK: team-size.cpp:[[@LINE-1]]:7: warning: 'force[node_of[k]]' is written in different iterations of 'parallel for' (team-size.cpp:[[@LINE-6]]), which may run on different threads; 'force' is shared by default in 'parallel for' [concur-openmp-race]
  }
}

// Inside the region the call reads the next nesting level's value, which
// bounds no thread of this team.
void asked_inside(int n) {
#pragma omp parallel
  {
    int threads = omp_get_max_threads();
#pragma omp for
    for (int k = 0; k < n; k++) {
      if (threads > 1)
        elem_force[k] = k;
      else
        force[node_of[k]] += k;
        // CHECK: team-size.cpp:[[@LINE-1]]:9: warning: 'force[node_of[k]]' is written in different iterations of 'for' (team-size.cpp:[[@LINE-6]]), which may run on different threads; 'force' is shared by default in 'parallel' [concur-openmp-race]
    }
  }
}

#ifdef SETS_NUM_THREADS
// omp_set_num_threads may raise the value between the call and the region.
void set_threads(int n) { omp_set_num_threads(n); }
#endif
