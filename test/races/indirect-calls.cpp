// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 -pthread 2>&1 | FileCheck %s --implicit-check-not="warning:"
// Races reached through function pointers, tables of them, std::function
// and virtual calls: the threads run what the whole program stored there.

#include <functional>
#include <mutex>
#include <pthread.h>
#include <thread>

// Thread entries taken from a table of function pointers.
long g_table_hits;
void *count_a(void *) {
  g_table_hits++;
  return nullptr;
}
// CHECK: indirect-calls.cpp:[[@LINE-3]]:3: warning: 'g_table_hits' is written by thread 'count_a' without a lock and written by another thread 'count_a' without a lock
void *(*g_entries[])(void *) = {count_a};

void start_from_table() {
  pthread_t T1, T2;
  pthread_create(&T1, nullptr, g_entries[0], nullptr);
  pthread_create(&T2, nullptr, g_entries[0], nullptr);
  pthread_join(T1, nullptr);
  pthread_join(T2, nullptr);
}

// A thread calling a function through a pointer while main calls it too.
long g_steps;
void step() { g_steps++; }
// CHECK: indirect-calls.cpp:[[@LINE-1]]:15: warning: 'g_steps' is written by thread 'main' without a lock and written by thread 'stepper' without a lock
void (*g_step)() = step;
void stepper() { g_step(); }

// Negative: the function behind the pointer takes a lock.
long g_guarded_steps;
std::mutex g_step_mu;
void guarded_step() {
  std::lock_guard<std::mutex> G(g_step_mu);
  g_guarded_steps++;
}
void (*g_guarded)() = guarded_step;
void guarded_stepper() { g_guarded(); }

// A job kept in a std::function, started on two threads.
long g_jobs_done;
void start_jobs() {
  std::function<void()> Job = [] { g_jobs_done++; };
  // CHECK: indirect-calls.cpp:[[@LINE-1]]:36: warning: 'g_jobs_done' is written by thread 'lambda at indirect-calls.cpp:[[@LINE-1]]:31' without a lock and written by another thread
  std::thread A(Job), B(Job);
  A.join();
  B.join();
}

// A virtual method that writes a member, called from two threads.
struct Sink {
  virtual ~Sink() = default;
  virtual void put(int V) = 0;
};
struct CountingSink : Sink {
  long Seen = 0;
  void put(int V) override { Seen += V; }
  // CHECK: indirect-calls.cpp:[[@LINE-1]]:30: warning: 'CountingSink::Seen' is written by thread 'feed' without a lock and written by another thread 'feed' without a lock
};
void feed(Sink *S) { S->put(1); }
void start_feeders(Sink *S) {
  std::thread A(feed, S), B(feed, S);
  A.join();
  B.join();
}

int main() {
  start_from_table();
  std::thread T(stepper);
  step();
  T.join();
  std::thread G1(guarded_stepper), G2(guarded_stepper);
  G1.join();
  G2.join();
  start_jobs();
  CountingSink Sink;
  start_feeders(&Sink);
}
