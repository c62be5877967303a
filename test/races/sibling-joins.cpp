// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A thread joined by a sibling rather than by the thread that started it
// (a server's master thread joins the workers main started) has ended when
// its starter joins that sibling: what main writes after joining the
// master is ordered after every worker. A sibling nobody joins orders
// nothing.

#include <pthread.h>

pthread_t Workers[4];
pthread_t Master;
int Config;
int Stats;
// Joined by a sibling that nobody joins: they may still run at the end.
pthread_t Pollers[2];
pthread_t Reaper;
int Limit;

void *poller(void *) { return reinterpret_cast<void *>(Limit); }

void *reaper(void *) {
  for (int I = 0; I < 2; ++I)
    pthread_join(Pollers[I], nullptr);
  return nullptr;
}

void *worker(void *) {
  Stats = Stats + Config;
  // (The read on this line pairs with the same lines: one finding for both.)
  // CHECK: sibling-joins.cpp:[[@LINE-2]]:3: warning: 'Stats' is written by thread 'worker' without a lock and written by thread 'main'
  // CHECK: sibling-joins.cpp:[[@LINE-3]]:3: warning: 'Stats' is written by thread 'worker' without a lock, and 'worker' runs in more than one thread at once
  return nullptr;
}

void *master(void *) {
  for (int I = 0; I < 4; ++I)
    pthread_join(Workers[I], nullptr);
  return nullptr;
}

int main() {
  for (int I = 0; I < 4; ++I)
    pthread_create(&Workers[I], nullptr, worker, nullptr);
  pthread_create(&Master, nullptr, master, nullptr);
  for (int I = 0; I < 2; ++I)
    pthread_create(&Pollers[I], nullptr, poller, nullptr);
  pthread_create(&Reaper, nullptr, reaper, nullptr);
  // The workers may still run: the master has not been joined yet.
  Stats = 1;
  // (The read on this line pairs with the same lines: one finding for both.)
  pthread_join(Master, nullptr);
  // Every worker has ended: the master joined them before it returned.
  Config = 1;
  Limit = 1;
  // CHECK: sibling-joins.cpp:[[@LINE-1]]:3: warning: 'Limit' is written by thread 'main' without a lock and read by thread 'poller'
  return Stats;
}
// CHECK: concur: 1 file analysed
