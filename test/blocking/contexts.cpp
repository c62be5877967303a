// RUN: %concur check %s --checks=-*,concur-blocking-in-coroutine -- -std=c++20 -I %S/../Inputs 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Where each coroutine runs decides what its blocking holds up: an event
// loop (warning), a shared pool (remark: one worker), a thread of its own
// (nothing), or somewhere concur cannot see (warning, saying so). The
// context comes from how the coroutine is started, and passes to the
// coroutines it awaits.

#include "coro.h"
#include <asio.hpp>
#include <thread>
#include <unistd.h>

using asio::awaitable;

awaitable<void> on_loop() {
  sleep(1);
  // CHECK: contexts.cpp:[[@LINE-1]]:3: warning: coroutine 'on_loop' blocks: it calls 'sleep' (sleep)
  // CHECK: contexts.cpp:[[@LINE-3]]:17: note: 'on_loop' runs on an event loop: started by asio::co_spawn on an event loop (contexts.cpp:{{[0-9]+}})
  co_return;
}

// Awaited by a coroutine on the loop: on the loop too.
awaitable<void> child() {
  usleep(5);
  // CHECK: contexts.cpp:[[@LINE-1]]:3: warning: coroutine 'child' blocks: it calls 'usleep' (sleep)
  // CHECK: note: 'child' runs on an event loop: awaited by 'parent' (contexts.cpp:{{[0-9]+}}), on an event loop
  co_return;
}
awaitable<void> parent() { co_await child(); }

awaitable<void> on_busy_context() {
  sleep(2);
  // CHECK: contexts.cpp:[[@LINE-1]]:3: remark: coroutine 'on_busy_context' holds a pool worker: it calls 'sleep' (sleep)
  // CHECK: note: 'on_busy_context' runs on a shared thread pool: started by asio::co_spawn on an io_context that several threads run
  co_return;
}

awaitable<void> on_pool() {
  sleep(3);
  // CHECK: contexts.cpp:[[@LINE-1]]:3: remark: coroutine 'on_pool' holds a pool worker: it calls 'sleep' (sleep)
  // CHECK: note: 'on_pool' runs on a shared thread pool: started by asio::co_spawn on a thread pool
  co_return;
}

// Run to completion on main's own thread: nothing else waits.
task on_main() {
  sleep(4);
  co_return;
}

// Made by plain code and handed on: where it runs is not known.
task made_elsewhere() {
  sleep(5);
  // CHECK: contexts.cpp:[[@LINE-1]]:3: warning: coroutine 'made_elsewhere' blocks: it calls 'sleep' (sleep)
  // CHECK: note: where 'made_elsewhere' runs is unknown: created in 'make' (contexts.cpp:{{[0-9]+}}) and started where concur cannot see
  co_return;
}
task make() { return made_elsewhere(); }

int main() {
  asio::io_context Loop;
  asio::co_spawn(Loop, on_loop(), asio::detached);
  asio::co_spawn(Loop, parent(), asio::detached);
  Loop.run();

  asio::io_context Busy;
  asio::co_spawn(Busy, on_busy_context(), asio::detached);
  std::thread A([&] { Busy.run(); }), B([&] { Busy.run(); });
  A.join();
  B.join();

  asio::thread_pool Pool(4);
  asio::co_spawn(Pool, on_pool(), asio::detached);
  Pool.join();

  cppcoro::sync_wait(on_main());
}
