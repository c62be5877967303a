// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// The arguments a std::thread hands its function decide its branches as a
// call's do: a constant the function tests for equality, and a null
// pointer it reads through, which ends the process there. A switch on the
// parameter is such a test: each case is entered with its own value and
// those of the empty labels falling into it; `default:` with the rest.

#include <thread>

enum class Role { Reader, Writer };

struct Stats {
  int reads = 0;  // only the one Reader thread counts here
  int writes = 0; // both Writers do
  int both = 0;   // the Reader and the Writer given a real config
};
static Stats stats;

static void worker(Role role, const int *config) {
  if (role == Role::Writer)
    stats.writes++;
  // CHECK: thread-constant-arguments.cpp:[[@LINE-1]]:11: warning: 'Stats::writes' is written by thread 'worker' without a lock and written by another thread 'worker' without a lock
  else
    stats.reads++;
  if (*config > 0)
    stats.both++;
  // CHECK: thread-constant-arguments.cpp:[[@LINE-1]]:11: warning: 'Stats::both' is written by thread 'worker' without a lock and written by another thread 'worker' without a lock
}

enum Stage { Parse, Check, Emit, Link };

struct Counts {
  int front = 0; // Parse and Check: only the Parse thread
  int emit = 0;  // one Emit thread
  int other = 0; // default: the two Link threads
};
static Counts counts;

static void stage(Stage s) {
  switch (s) {
  case Parse:
  case Check:
    counts.front++;
    break;
  case Emit:
    counts.emit++;
    break;
  default:
    counts.other++;
    // CHECK: thread-constant-arguments.cpp:[[@LINE-1]]:12: warning: 'Counts::other' is written by thread 'stage' without a lock and written by another thread 'stage' without a lock
  }
}

// Duff's device: a pass of the loop that starts at one case goes round
// through the others, so no case is entered with its value only.
static int duff_head, duff_tail;
static void duff(int start, int n) {
  switch (start) {
  case 0:
    do {
      duff_head++;
      // CHECK: thread-constant-arguments.cpp:[[@LINE-1]]:7: warning: 'duff_head' is written by thread 'duff' without a lock and written by another thread 'duff' without a lock
    case 1:
      duff_tail++;
      // CHECK: thread-constant-arguments.cpp:[[@LINE-1]]:7: warning: 'duff_tail' is written by thread 'duff' without a lock and written by another thread 'duff' without a lock
    } while (--n > 0);
  }
}

int main() {
  int config = 1;
  std::thread a(worker, Role::Reader, &config);
  std::thread b(worker, Role::Writer, nullptr);
  std::thread c(worker, Role::Writer, &config);
  a.join();
  b.join();
  c.join();
  std::thread p(stage, Parse), e(stage, Emit), l1(stage, Link), l2(stage, Link);
  p.join();
  e.join();
  l1.join();
  l2.join();
  std::thread d1(duff, 1, 3), d2(duff, 1, 3);
  d1.join();
  d2.join();
}
