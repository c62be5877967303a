// RUN: %concur check %s -- -std=c++20 -I %S/../Inputs 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// NOLINT comments suppress findings as in clang-tidy.

#include "coro.h"
#include <unistd.h>

task suppressed() {
  sleep(1); // NOLINT(concur-blocking-in-coroutine): startup only
  sleep(2); // NOLINT
  sleep(3); // NOLINT(concur-*)
  // NOLINTNEXTLINE(concur-blocking-in-coroutine)
  sleep(4);
  // NOLINTBEGIN(concur-blocking-in-coroutine)
  sleep(5);
  sleep(6);
  // NOLINTEND(concur-blocking-in-coroutine)
  co_return;
}

task not_suppressed() {
  sleep(7); // NOLINT(some-other-check)
  // CHECK: nolint.cpp:[[@LINE-1]]:3: warning: coroutine 'not_suppressed' blocks
  // NOLINTNEXTLINE(concur-blocking-in-coroutine)

  sleep(8);
  // CHECK: nolint.cpp:[[@LINE-1]]:3: warning: coroutine 'not_suppressed' blocks
  co_return;
}
// CHECK: concur: 1 file analysed, 0 failed to parse; 2 concur-blocking-in-coroutine
