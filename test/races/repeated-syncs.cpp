// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state --format=json -o %t.json -- -std=c++20
// RUN: FileCheck %s --check-prefix=STATS --input-file=%t.json
// Only a thread's first acquire of an object and its last release order
// anything. A once already passed, a wait made again and a signal made
// again move no point in the thread's order, so the helper making them is
// walked once, not once per call path (2^18 here): the walk reaches the
// start after them and its race.

#include <pthread.h>

pthread_once_t Once = PTHREAD_ONCE_INIT;
pthread_mutex_t M = PTHREAD_MUTEX_INITIALIZER;
pthread_cond_t Cv = PTHREAD_COND_INITIALIZER;
int Table;
void init() { Table = 1; }
void setup() {
  pthread_once(&Once, init);
  pthread_mutex_lock(&M);
  pthread_cond_signal(&Cv);
  pthread_mutex_unlock(&M);
}
void l1() { setup(); setup(); }
void l2() { l1(); l1(); }
void l3() { l2(); l2(); }
void l4() { l3(); l3(); }
void l5() { l4(); l4(); }
void l6() { l5(); l5(); }
void l7() { l6(); l6(); }
void l8() { l7(); l7(); }
void l9() { l8(); l8(); }
void l10() { l9(); l9(); }
void l11() { l10(); l10(); }
void l12() { l11(); l11(); }
void l13() { l12(); l12(); }
void l14() { l13(); l13(); }
void l15() { l14(); l14(); }
void l16() { l15(); l15(); }
void l17() { l16(); l16(); }
void l18() { l17(); l17(); }

int Counter;
void *worker(void *) {
  Counter++;
  // The table the once-function filled before the start.
  int Seen = Table;
  (void)Seen;
  return nullptr;
}
// CHECK: :[[@LINE-6]]:3: warning: 'Counter' is written by thread 'worker' without a lock and written by thread 'main' without a lock ({{.*}}:[[@LINE+5]]:3)

void startAndCount() {
  pthread_t T;
  pthread_create(&T, nullptr, worker, nullptr);
  Counter++;
  pthread_join(T, nullptr);
}

int main() {
  l18();
  startAndCount();
}

// STATS: "stats": {
// STATS-NOT: race_analysis_truncated
// STATS: "threads_modelled": 2
