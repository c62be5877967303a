// RUN: %concur check %s --checks=-*,concur-openmp-race -- -fopenmp 2>&1 | FileCheck %s --implicit-check-not="warning:"
// What excludes two accesses: a critical section of the same name, the
// same OpenMP lock, atomic on both sides, the ordered construct. Different
// names, atomic on one side only and flush alone do not.
#include <omp.h>

int counter, named, mixed, both_atomic, locked, two_locks, flagged;
int hist[64];
omp_lock_t lock, other_lock;
omp_lock_t bins[64];
omp_nest_lock_t nested;

void criticals(void) {
#pragma omp parallel
  {
#pragma omp critical
    counter++;
#pragma omp critical(a)
    named++;
#pragma omp critical(b)
    named--;
    // CHECK: mutual-exclusion.cpp:[[@LINE-1]]:5: warning: 'named' is written and 'named' is read ({{.*}}mutual-exclusion.cpp:[[@LINE-3]]:5) by different threads of 'parallel' (mutual-exclusion.cpp:[[@LINE-8]]) with no barrier between them; critical(b) and critical(a) are different critical sections; 'named' is shared by default in 'parallel' [concur-openmp-race]
  }
}

void atomics(void) {
#pragma omp parallel
  {
#pragma omp atomic
    both_atomic++;
    int seen;
#pragma omp atomic read
    seen = both_atomic;
    hist[omp_get_thread_num()] = seen;
#pragma omp atomic update
    mixed += 2;
    mixed = 0;
    // CHECK: mutual-exclusion.cpp:[[@LINE-1]]:5: warning: 'mixed' is written and 'mixed' is read ({{.*}}mutual-exclusion.cpp:[[@LINE-2]]:5) by different threads of 'parallel' (mutual-exclusion.cpp:[[@LINE-11]]) with no barrier between them; an atomic access does not exclude a plain one; 'mixed' is shared by default in 'parallel' [concur-openmp-race]
    // CHECK: mutual-exclusion.cpp:[[@LINE-2]]:5: warning: 'mixed' is written by different threads of 'parallel' (mutual-exclusion.cpp:[[@LINE-12]]) with no barrier between them; 'mixed' is shared by default in 'parallel' [concur-openmp-race]
  }
}

void locks(void) {
  omp_init_lock(&lock);
  omp_init_lock(&other_lock);
  omp_init_nest_lock(&nested);
#pragma omp parallel
  {
    omp_set_lock(&lock);
    locked++;
    // CHECK: mutual-exclusion.cpp:[[@LINE-1]]:5: warning: 'locked' is written and 'locked' is read ({{.*}}mutual-exclusion.cpp:[[@LINE+9]]:16) by different threads of 'parallel' (mutual-exclusion.cpp:[[@LINE-4]]) with no barrier between them; 'locked' is shared by default in 'parallel' [concur-openmp-race]
    omp_unset_lock(&lock);
    omp_set_nest_lock(&nested);
    two_locks++;
    omp_unset_nest_lock(&nested);
    omp_set_lock(&other_lock);
    two_locks--; // Another lock: no exclusion.
    // CHECK: mutual-exclusion.cpp:[[@LINE-1]]:5: warning: 'two_locks' is written and 'two_locks' is read ({{.*}}mutual-exclusion.cpp:[[@LINE-4]]:5) by different threads of 'parallel' (mutual-exclusion.cpp:[[@LINE-11]]) with no barrier between them; 'two_locks' is shared by default in 'parallel' [concur-openmp-race]
    omp_unset_lock(&other_lock);
    int copy = locked; // Read without the lock.
    hist[omp_get_thread_num()] = copy;
    if (omp_test_lock(&lock)) {
      locked += 2;
      // CHECK: mutual-exclusion.cpp:[[@LINE-1]]:7: warning: 'locked' is written and 'locked' is read ({{.*}}mutual-exclusion.cpp:[[@LINE-4]]:16) by different threads of 'parallel' (mutual-exclusion.cpp:[[@LINE-17]]) with no barrier between them; 'locked' is shared by default in 'parallel' [concur-openmp-race]
      omp_unset_lock(&lock);
    }
  }
}

void lock_array(int n, const int *keys) {
  for (int i = 0; i < 64; i++)
    omp_init_lock(&bins[i]);
#pragma omp parallel for
  for (int i = 0; i < n; i++) {
    int b = keys[i] & 63;
    omp_set_lock(&bins[b]);
    hist[b]++; // The lock of the bin guards the bin.
    omp_unset_lock(&bins[b]);
  }
}

void ordered_updates(int n) {
#pragma omp parallel for ordered
  for (int i = 0; i < n; i++) {
#pragma omp ordered
    counter += i;
  }
}

void flush_is_not_enough(void) {
#pragma omp parallel
  {
    if (omp_get_thread_num() == 0) {
      flagged = 1;
      // CHECK: mutual-exclusion.cpp:[[@LINE-1]]:7: warning: 'flagged' is written and 'flagged' is read ({{.*}}mutual-exclusion.cpp:[[@LINE+4]]:36) by different threads of 'parallel' (mutual-exclusion.cpp:[[@LINE-4]]) with no barrier between them; 'flagged' is shared by default in 'parallel' [concur-openmp-race]
#pragma omp flush
    } else {
#pragma omp flush
      hist[omp_get_thread_num()] = flagged;
    }
  }
}

int main() {
  int keys[100] = {};
  criticals();
  atomics();
  locks();
  lock_array(100, keys);
  ordered_updates(100);
  flush_is_not_enough();
}
