// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// The last reference (last-reference.c) through std::atomic: fetch_sub's
// old value, operator--'s new one.

#include <atomic>
#include <thread>

struct Buffer {
  std::atomic<int> Refs{2};
  std::atomic<int> Users{2};
  int Size = 0;
  int Cached = 0;
};

static Buffer Shared;

// Negative: fetch_sub's old value 1 is the last reference.
static void release(Buffer *B) {
  int Seen = B->Size;
  if (B->Refs.fetch_sub(1, std::memory_order_acq_rel) == 1)
    B->Size = Seen - 1;
}

// Negative: an atomic's prefix decrement reaching zero; positive: postfix
// compared with zero (the old value was zero, so it is now -1).
static void leave(Buffer *B) {
  int Seen = B->Cached;
  if (--B->Users == 0)
    B->Cached = Seen;
  if (B->Users-- == 0)
    // CHECK-DAG: last-reference.cpp:[[@LINE+2]]:{{[0-9]+}}: warning: 'Buffer::Cached' is written by thread 'leave' without a lock and read by another thread 'leave' without a lock ({{.*}}last-reference.cpp:[[@LINE-4]]
    // CHECK-DAG: last-reference.cpp:[[@LINE+1]]:{{[0-9]+}}: warning: 'Buffer::Cached' is written by thread 'leave' without a lock and written by another thread 'leave' without a lock ({{.*}}last-reference.cpp:[[@LINE+1]]
    B->Cached = 1;
}

int main() {
  std::thread A(release, &Shared), C(release, &Shared);
  std::thread D(leave, &Shared), E(leave, &Shared);
  A.join();
  C.join();
  D.join();
  E.join();
}
// Nothing else is reported (CHECK-DAG leaves the lines between its matches
// unchecked): the summary counts every finding.
// CHECK: concur: 1 file analysed, 0 failed to parse; 2 concur-unsynchronized-shared-state
