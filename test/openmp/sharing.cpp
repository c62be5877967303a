// RUN: %concur check %s --checks=-*,concur-openmp-race -- -fopenmp 2>&1 | FileCheck %s --implicit-check-not="warning:"
// Data-sharing attributes as OpenMP 5.2 (5.1.1) decides them: what a
// construct shares is racy when written at once, what it makes private is
// not.
#include <omp.h>

int g_shared;
int g_private;
int g_tp;
#pragma omp threadprivate(g_tp)
int g_arr[256];

void shared_by_default(int n) {
  int sum = 0;
#pragma omp parallel for
  for (int i = 0; i < n; i++)
    sum += i;
    // CHECK: sharing.cpp:[[@LINE-1]]:5: warning: 'sum' is written in different iterations of 'parallel for' (sharing.cpp:[[@LINE-3]]), which may run on different threads; 'sum' is shared by default in 'parallel for' [concur-openmp-race]
}

void explicit_clauses(int n) {
  int sum = 0, tmp = 0, first = 7, last = 0, lin = 0;
#pragma omp parallel for private(tmp) firstprivate(first) lastprivate(last) reduction(+ : sum) linear(lin)
  for (int i = 0; i < n; i++) {
    tmp = i * first;
    sum += tmp;
    last = i;
    lin = i;
    first++;
  }
  g_shared = sum + last + lin;
}

void shared_clause_and_default_none(int n) {
  int hits = 0;
#pragma omp parallel for default(none) shared(hits, n)
  for (int i = 0; i < n; i++)
    hits++;
    // CHECK: sharing.cpp:[[@LINE-1]]:5: warning: 'hits' is written in different iterations of 'parallel for' (sharing.cpp:[[@LINE-3]]), which may run on different threads; shared(hits) on 'parallel for' [concur-openmp-race]
}

void default_private(int n) {
  int scratch = 0;
#pragma omp parallel default(private) shared(n)
  {
    scratch = n; // Each thread has its own copy.
  }
  int copy = 3;
#pragma omp parallel default(firstprivate)
  {
    copy++;
  }
}

void predetermined(int n) {
  int i, j;
  // The loop counter of a worksharing loop is private; the counter of a
  // loop inside it is not (C and C++, unlike Fortran).
#pragma omp parallel for
  for (i = 0; i < n; i++)
    for (j = 0; j < n; j++)
    // CHECK: sharing.cpp:[[@LINE-1]]:10: warning: 'j' is written and 'j' is read ({{.*}}sharing.cpp:[[@LINE+2]]:22) in different iterations of 'parallel for' (sharing.cpp:[[@LINE-3]]), which may run on different threads; 'j' is shared by default in 'parallel for' (only the counters of the loops a worksharing or simd construct is associated with are private) [concur-openmp-race]
    // CHECK: sharing.cpp:[[@LINE-2]]:10: warning: 'j' is written in different iterations of 'parallel for' (sharing.cpp:[[@LINE-4]]), which may run on different threads; 'j' is shared by default in 'parallel for' (only the counters of the loops a worksharing or simd construct is associated with are private) [concur-openmp-race]
      g_arr[(i * n + j) % 256] = 0;
      // CHECK: sharing.cpp:[[@LINE-1]]:7: warning: 'g_arr[(i*n + j) % 256]' is written in different iterations of 'parallel for' (sharing.cpp:[[@LINE-6]]), which may run on different threads; 'g_arr' is shared by default in 'parallel for' [concur-openmp-race]
  // A remainder: two iterations may meet (i*n + j and i2*n + j2 equal
  // modulo 256).
#pragma omp parallel for
  for (i = 0; i < n; i++)
    for (int k = 0; k < n; k++) // Declared in the region: private.
      g_arr[(i + k) & 255] = 1;
      // CHECK: sharing.cpp:[[@LINE-1]]:7: warning: 'g_arr[?]' is written in different iterations of 'parallel for' (sharing.cpp:[[@LINE-4]]), which may run on different threads; 'g_arr' is shared by default in 'parallel for' [concur-openmp-race]
}

void declared_inside(int n) {
#pragma omp parallel
  {
    int mine = omp_get_thread_num(); // Private: declared in the region.
    mine += n;
    static int ours = 0; // Static: shared even though declared inside.
    ours += mine;
    // CHECK: sharing.cpp:[[@LINE-1]]:5: warning: 'ours' is written by different threads of 'parallel' (sharing.cpp:[[@LINE-6]]) with no barrier between them; 'ours' is static: shared even though declared in 'parallel' [concur-openmp-race]
  }
}

void threadprivate_and_copyin(int n) {
  g_tp = n;
#pragma omp parallel copyin(g_tp)
  {
    g_tp += omp_get_thread_num(); // Each thread's own copy.
  }
}

void copyprivate_broadcast(void) {
#pragma omp parallel
  {
    int seed;
#pragma omp single copyprivate(seed)
    seed = 42;
    g_arr[omp_get_thread_num()] = seed;
  }
}

void pointer_to_shared(int n) {
  int *p = g_arr;
#pragma omp parallel
  {
    int *q = p + 1; // Private pointer, shared memory.
    q[0] = n;
    // CHECK: sharing.cpp:[[@LINE-1]]:5: warning: 'g_arr[1]' is written by different threads of 'parallel' (sharing.cpp:[[@LINE-4]]) with no barrier between them; 'g_arr' is shared by default in 'parallel' [concur-openmp-race]
  }
}

int main() {
  shared_by_default(10);
  explicit_clauses(10);
  shared_clause_and_default_none(10);
  default_private(10);
  predetermined(10);
  declared_inside(10);
  threadprivate_and_copyin(10);
  copyprivate_broadcast();
  pointer_to_shared(10);
}
