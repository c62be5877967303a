// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A function's own static flag that every return leaves at one value, and
// that nothing sets to another (`static bool first = true; if (first) {...}
// first = false;`): once a call has returned, the flag keeps that value,
// so the branch it guards runs in a first call only. Main's first call,
// before it starts a thread, orders the branch before the thread; later
// calls never take it. A flag set back, set on some paths only, whose
// address is taken, or a first call made after the start, gives no such
// promise.

#include <thread>
#include <vector>

int level, kept_level, reset_level, partial_level, exposed_level, late_level;
bool debug, ok;

void set_level(int l) { level = l; }

void init_config() {
  std::vector<int> warnings;
  static bool first_init = true;
  if (debug and first_init)
    set_level(3);
  first_init = false;
}

// Set back to its first value on a reload: a later call may take it.
void reset_config(bool reload) {
  static bool first = true;
  if (reload)
    first = true;
  if (first)
    reset_level = 1;
  // CHECK-DAG: first-call-flags.cpp:[[@LINE-1]]:5: warning: 'reset_level' is written by thread 'main' without a lock and read by thread 'reader'
  first = false;
}

// Set only where the branch went well: the next call may take it again.
void partial_config() {
  static bool first = true;
  if (first) {
    partial_level = 1;
    // CHECK-DAG: first-call-flags.cpp:[[@LINE-1]]:5: warning: 'partial_level' is written by thread 'main' without a lock and read by thread 'reader'
    if (ok)
      first = false;
  }
}

// Its address is handed out: whoever holds it may set it back.
bool *exposed_flag;
void exposed_config() {
  static bool first = true;
  exposed_flag = &first;
  if (first)
    exposed_level = 1;
  // CHECK-DAG: first-call-flags.cpp:[[@LINE-1]]:5: warning: 'exposed_level' is written by thread 'main' without a lock and read by thread 'reader'
  first = false;
}

// Its first call comes after the start: the branch runs beside the thread.
void late_config() {
  static bool first = true;
  if (first)
    late_level = 1;
  // CHECK-DAG: first-call-flags.cpp:[[@LINE-1]]:5: warning: 'late_level' is written by thread 'main' without a lock and read by thread 'reader'
  first = false;
}

void reader() {
  int a = level, b = reset_level, c = partial_level, d = exposed_level,
      e = late_level;
  (void)(a + b + c + d + e);
}

int main() {
  init_config();
  reset_config(false);
  partial_config();
  exposed_config();
  std::thread t(reader);
  init_config();
  reset_config(true);
  partial_config();
  exposed_config();
  late_config();
  t.join();
}
// CHECK: concur: 1 file analysed, 0 failed to parse; 4 concur-unsynchronized-shared-state