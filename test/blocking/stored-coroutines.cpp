// RUN: %concur check %s --checks=-*,concur-blocking-in-coroutine -- -std=c++20 -I %S/../Inputs 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A coroutine object that plain code makes and keeps (in a container, a
// variable, a lambda's capture) has not started: it runs where what awaits
// it from there runs. Awaiting a kept object, or a container of them with
// when_all, starts it there. Only when nothing concur sees awaits what was
// kept does the coroutine's context stay unknown.

#include <asio.hpp>
#include <coroutine>
#include <unistd.h>
#include <utility>
#include <vector>

namespace async_simple {
namespace coro {
template <class T> struct Lazy;
struct LazyPromise {
  Lazy<void> get_return_object();
  std::suspend_always initial_suspend() { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() {}
  // As async_simple's: every awaited value goes through the promise.
  template <class A> A &&await_transform(A &&Awaitable) {
    return static_cast<A &&>(Awaitable);
  }
};
template <class T> struct Lazy {
  using promise_type = LazyPromise;
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() {}
};
inline Lazy<void> LazyPromise::get_return_object() { return {}; }
// A coroutine itself, as in async_simple's newer versions.
template <class T> Lazy<void> collectAll(std::vector<Lazy<T>> &&Tasks) {
  co_return;
}
template <class L> void syncAwait(L &&Task) {}
} // namespace coro
} // namespace async_simple

using async_simple::coro::Lazy;
using async_simple::coro::syncAwait;

// The shape of cinatra's file tests: tasks made by a lambda, kept in a
// vector, moved into the capture of a coroutine that awaits them all, which
// the plain test function runs to completion on its own thread.
void write_files() {
  std::vector<Lazy<void>> Writes;
  auto WriteOne = [](int I) -> Lazy<void> {
    usleep(I); // Only the waiting thread waits.
    co_return;
  };
  for (int I = 0; I < 4; ++I)
    Writes.push_back(WriteOne(I));
  auto WaitAll = [Writes = std::move(Writes)]() mutable -> Lazy<void> {
    co_await async_simple::coro::collectAll(std::move(Writes));
  };
  syncAwait(WaitAll());
}

// Kept in a variable and awaited later by a coroutine run the same way.
Lazy<void> read_file() {
  sleep(1);
  co_return;
}
void run_reads() {
  Lazy<void> Read = read_file();
  auto Later = [&Read]() -> Lazy<void> { co_await std::move(Read); };
  syncAwait(Later());
}

// Kept, and awaited by a coroutine on an event loop: the loop stalls.
asio::awaitable<void> slow_job() {
  sleep(2);
  // CHECK: stored-coroutines.cpp:[[@LINE-1]]:3: warning: coroutine 'slow_job' blocks: it calls 'sleep' (sleep)
  // CHECK: note: 'slow_job' runs on an event loop: awaited by '{{.*}}' (stored-coroutines.cpp:{{[0-9]+}}), on an event loop
  co_return;
}

// Made by a plain function that hands the object back: the coroutine that
// awaits what the function returns starts it (on the loop here).
asio::awaitable<void> made_by_factory() {
  sleep(4);
  // CHECK: stored-coroutines.cpp:[[@LINE-1]]:3: warning: coroutine 'made_by_factory' blocks: it calls 'sleep' (sleep)
  // CHECK: note: 'made_by_factory' runs on an event loop: awaited by 'on_loop' (stored-coroutines.cpp:[[@LINE+5]]), on an event loop
  co_return;
}
asio::awaitable<void> factory() { return made_by_factory(); }
asio::awaitable<void> on_loop() {
  co_await factory();
}

// Kept and handed to code concur cannot see, and also run elsewhere on a
// waiting thread: the kept object's context stays unknown.
Lazy<void> handed_on() {
  sleep(5);
  // CHECK: stored-coroutines.cpp:[[@LINE-1]]:3: warning: coroutine 'handed_on' blocks: it calls 'sleep' (sleep)
  // CHECK: note: where 'handed_on' runs is unknown: created in 'enqueue' (stored-coroutines.cpp:[[@LINE+5]]) and started where concur cannot see
  co_return;
}
void push_elsewhere(Lazy<void> &&Task);
void enqueue() {
  Lazy<void> Task = handed_on();
  push_elsewhere(std::move(Task));
}

// Kept where nothing awaits it: where it runs stays unknown.
Lazy<void> parked() {
  sleep(3);
  // CHECK: stored-coroutines.cpp:[[@LINE-1]]:3: warning: coroutine 'parked' blocks: it calls 'sleep' (sleep)
  // CHECK: note: where 'parked' runs is unknown: created in 'main' (stored-coroutines.cpp:{{[0-9]+}}) and started where concur cannot see
  co_return;
}

int main() {
  write_files();
  run_reads();

  std::vector<asio::awaitable<void>> Jobs;
  Jobs.push_back(slow_job());
  asio::io_context Loop;
  asio::co_spawn(
      Loop,
      [Jobs = std::move(Jobs)]() mutable -> asio::awaitable<void> {
        for (auto &Job : Jobs)
          co_await std::move(Job);
      },
      asio::detached);
  asio::co_spawn(Loop, on_loop(), asio::detached);
  Loop.run();

  std::vector<Lazy<void>> Kept;
  Kept.push_back(parked());
  enqueue();
  syncAwait(handed_on());
}
