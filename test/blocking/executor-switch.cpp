// RUN: %concur check %s -- -std=c++20 -I %S/../Inputs 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// After an awaited switch to a pool, the rest of the coroutine runs there.

#include "coro.h"
#include <unistd.h>

void slow() { sleep(1); }

task after_switch(coro::thread_pool &Pool) {
  co_await Pool.schedule();
  slow(); // On the pool: not this check's business.
  co_return;
}

task before_switch(cppcoro::static_thread_pool &Pool) {
  slow();
  // CHECK: executor-switch.cpp:[[@LINE-1]]:3: warning: coroutine 'before_switch' blocks: it calls 'slow'
  co_await Pool.schedule();
  slow();
  co_return;
}

// The classic missing co_await: the schedule operation is created and
// dropped, so the code after it still runs on the loop.
task forgot_await(coro::thread_pool &Pool) {
  Pool.schedule();
  // CHECK: executor-switch.cpp:[[@LINE-1]]:8: warning: coroutine 'forgot_await' calls 'coro::thread_pool::schedule' without co_await; it does not switch executors, so the code after it still runs on the event loop [concur-blocking-in-coroutine]
  // CHECK-NEXT: note: write 'co_await' before the call
  slow();
  // CHECK: executor-switch.cpp:[[@LINE-1]]:3: warning: coroutine 'forgot_await' blocks: it calls 'slow'
  co_return;
}

// A switch on one branch only: after the if, the coroutine may still be on
// the loop.
task maybe_switched(coro::thread_pool &Pool, bool Far) {
  if (Far)
    co_await Pool.schedule();
  slow();
  // CHECK: executor-switch.cpp:[[@LINE-1]]:3: warning: coroutine 'maybe_switched' blocks: it calls 'slow'
  co_return;
}

// Both branches switch: everything after runs on the pool.
task both_switched(coro::thread_pool &A, coro::thread_pool &B, bool Which) {
  if (Which)
    co_await A.schedule();
  else
    co_await B.schedule();
  slow();
  co_return;
}

// Inside a loop body the switch may not have happened on the first pass.
task loop_switch(coro::thread_pool &Pool) {
  for (int I = 0; I < 3; ++I) {
    slow();
    // CHECK: executor-switch.cpp:[[@LINE-1]]:5: warning: coroutine 'loop_switch' blocks: it calls 'slow'
    co_await Pool.schedule();
    slow();
  }
  co_return;
}
