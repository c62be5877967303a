// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state --format=json -o %t.json -- -std=c++20
// RUN: FileCheck %s --check-prefix=STATS --input-file=%t.json
// A start reached again while the thread it started still runs is one
// thread running twice, however many call paths lead to it: a launcher
// reached through 1024 paths is modelled once, and completely. A start
// after the same thread was joined is ordered after it.

#include <pthread.h>

int Hits;
void *worker(void *) {
  Hits++;
  return nullptr;
}
// CHECK: :[[@LINE-3]]:3: warning: 'Hits' is written by thread 'worker' without a lock, and 'worker' runs in more than one thread at once

void launch() {
  pthread_t T;
  pthread_create(&T, nullptr, worker, nullptr);
}
void l1() { launch(); launch(); }
void l2() { l1(); l1(); }
void l3() { l2(); l2(); }
void l4() { l3(); l3(); }
void l5() { l4(); l4(); }
void l6() { l5(); l5(); }
void l7() { l6(); l6(); }
void l8() { l7(); l7(); }
void l9() { l8(); l8(); }
void l10() { l9(); l9(); }

// Started and joined in one call, twice: the second run follows the first.
int Staged;
void *stage(void *) {
  Staged++;
  return nullptr;
}
void runStage() {
  pthread_t T;
  pthread_create(&T, nullptr, stage, nullptr);
  pthread_join(T, nullptr);
}

int main() {
  l10();
  runStage();
  runStage();
}

// Main, one worker for all 1024 starts, and the two runs of the stage.
// STATS: "stats": {
// STATS-NOT: race_analysis_truncated
// STATS: "threads_modelled": 4
