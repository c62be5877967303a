// RUN: %concur check %s -- -std=c++20 -I %S/../Inputs 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// After an awaited switch, the rest of the coroutine runs on the other
// executor: blocking on a pool holds one of its workers (a remark), on an
// event loop it stalls the loop (a warning), on a thread of its own it holds
// up nothing else.

#include "coro.h"
#include <memory>
#include <unistd.h>

void slow() { sleep(1); }

task after_switch(coro::thread_pool &Pool) {
  co_await Pool.schedule();
  slow();
  // CHECK: executor-switch.cpp:[[@LINE-1]]:3: remark: coroutine 'after_switch' holds a pool worker: it calls 'slow', which calls 'sleep' (sleep) [concur-blocking-in-coroutine]
  // CHECK: note: while it blocks, one of its pool's workers runs nothing else
  // CHECK-NEXT: executor-switch.cpp:[[@LINE-5]]:6: note: 'after_switch' runs on a shared thread pool: after co_await coro::thread_pool::schedule (executor-switch.cpp:[[@LINE-4]])
  co_return;
}

task before_switch(cppcoro::static_thread_pool &Pool) {
  slow();
  // CHECK: executor-switch.cpp:[[@LINE-1]]:3: warning: coroutine 'before_switch' blocks: it calls 'slow'
  co_await Pool.schedule();
  slow();
  // CHECK: executor-switch.cpp:[[@LINE-1]]:3: remark: coroutine 'before_switch' holds a pool worker
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
  // CHECK: executor-switch.cpp:[[@LINE-1]]:3: remark: coroutine 'both_switched' holds a pool worker
  co_return;
}

// Inside a loop body the switch may not have happened on the first pass.
task loop_switch(coro::thread_pool &Pool) {
  for (int I = 0; I < 3; ++I) {
    slow();
    // CHECK: executor-switch.cpp:[[@LINE-1]]:5: warning: coroutine 'loop_switch' blocks: it calls 'slow'
    co_await Pool.schedule();
    slow();
    // CHECK: executor-switch.cpp:[[@LINE-1]]:5: remark: coroutine 'loop_switch' holds a pool worker
  }
  co_return;
}

// An event loop's scheduler: what follows runs on the loop.
task to_loop(cppcoro::io_service &Io) {
  co_await Io.schedule();
  slow();
  // CHECK: executor-switch.cpp:[[@LINE-1]]:3: warning: coroutine 'to_loop' blocks: it calls 'slow'
  // CHECK: note: while it blocks, no other task on this coroutine's event loop runs;
  // CHECK: note: 'to_loop' runs on an event loop: after co_await cppcoro::io_service::schedule
  co_return;
}

// A thread of its own (an executor that gives each task a thread): nothing
// else waits.
task to_own_thread(std::shared_ptr<concurrencpp::thread_executor> Ex) {
  co_await concurrencpp::resume_on(Ex);
  slow();
  co_return;
}

// The executor reaches the switch through its interface: its own type, before
// the conversion to the base, says what it is.
task to_fair_pool(yaclib::FairThreadPool &Pool) {
  co_await yaclib::On(Pool);
  slow();
  // CHECK: executor-switch.cpp:[[@LINE-1]]:3: remark: coroutine 'to_fair_pool' holds a pool worker
  // CHECK: note: 'to_fair_pool' runs on a shared thread pool: after co_await yaclib::On
  co_return;
}

// Only the interface is known: where the coroutine runs stays unknown.
task to_some_executor(yaclib::IExecutor &Executor) {
  co_await yaclib::On(Executor);
  slow();
  // CHECK: executor-switch.cpp:[[@LINE-1]]:3: warning: coroutine 'to_some_executor' blocks
  // CHECK: note: while it blocks, the thread it runs on runs nothing else (on an event loop, none of the loop's other tasks);
  co_return;
}

// A manual executor runs its tasks on whichever thread drains it.
task to_manual(yaclib::ManualExecutor &Manual) {
  co_await yaclib::On(Manual);
  slow();
  // CHECK: executor-switch.cpp:[[@LINE-1]]:3: warning: coroutine 'to_manual' blocks
  co_return;
}
