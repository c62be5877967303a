// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A thread_local object is each thread's own, as its locals are, until a
// thread hands its address to another: then the two threads share that
// thread's copy.

#include <thread>

thread_local long Hits;
thread_local int Depth;

static void count() { ++Hits; }

// CHECK-DAG: thread-local-escapes.cpp:[[@LINE+1]]:{{[0-9]+}}: warning: 'Hits' is written by thread 'add' without a lock and written by thread 'main' without a lock ({{.*}}thread-local-escapes.cpp:[[@LINE+29]]
static void add(long *Into) { *Into += 1; }

static long scratch() {
  static thread_local long Scratch;
  return ++Scratch;
}

// The worker hands its own Depth to a helper it joins: ordered.
static void nested() {
  ++Depth;
  std::thread Helper([](int *D) { ++*D; }, &Depth);
  Helper.join();
  ++Depth;
}

// Tricky: handed to a helper nobody joins, Depth is the two threads' now.
static void leak() {
  // CHECK-DAG: thread-local-escapes.cpp:[[@LINE+1]]:{{[0-9]+}}: warning: 'Depth' is written by thread 'lambda at {{.*}}' without a lock and written by thread 'leak' without a lock ({{.*}}thread-local-escapes.cpp:[[@LINE+3]]
  std::thread Helper([](int *D) { ++*D; }, &Depth);
  Helper.detach();
  ++Depth;
}

int main() {
  // Negative: every thread counts in its own Hits and Scratch.
  std::thread A(count), B(count), C(scratch), D(scratch);
  // Positive: main's Hits, handed to another thread.
  std::thread E(add, &Hits);
  ++Hits;
  scratch();
  std::thread F(nested), G(nested), H(leak);
  A.join();
  B.join();
  C.join();
  D.join();
  E.join();
  F.join();
  G.join();
  H.join();
}
// Nothing else is reported (CHECK-DAG leaves the lines between its matches
// unchecked): the summary counts every finding.
// CHECK: concur: 1 file analysed, 0 failed to parse; 2 concur-unsynchronized-shared-state
