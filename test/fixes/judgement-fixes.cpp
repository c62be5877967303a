// RUN: rm -rf %t && mkdir -p %t && cp %s %t/judgement-fixes.cpp
// RUN: %concur check %t/judgement-fixes.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=FOUND
// --fix applies only fixes of findings; these are all on notes:
// RUN: %concur check --fix %t/judgement-fixes.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=PLAIN
// RUN: diff %s %t/judgement-fixes.cpp
// The export has the notes' fixes only with --fix-notes:
// RUN: %concur check --export-fixes=%t/plain.yaml %t/judgement-fixes.cpp -- -std=c++20 > /dev/null 2>&1
// RUN: FileCheck %s --check-prefix=NO-REPLACEMENTS --implicit-check-not=ReplacementText < %t/plain.yaml
// RUN: %concur check --fix-notes --export-fixes=%t/notes.yaml %t/judgement-fixes.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=APPLIED
// RUN: FileCheck %s --check-prefix=FIXED --input-file=%t/judgement-fixes.cpp
// The result compiles (with the macro concur defines for Clang's coroutines
// in Asio), and every check passes it but for what no fix was offered for:
// RUN: %clang -fsyntax-only -std=c++20 -DASIO_HAS_CO_AWAIT=1 %t/judgement-fixes.cpp
// RUN: %concur check %t/judgement-fixes.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=AFTER --implicit-check-not="{{warning|error}}:"

#include <asio.hpp>
#include <chrono>
#include <mutex>
#include <thread>

using namespace std::chrono_literals;

std::mutex M;
int Count;

// A sleep written as Asio's awaited timer; a guard's scope ended before the
// co_await, since nothing after it uses what the braces enclose.
asio::awaitable<void> ticker() {
  for (int I = 0; I < 3; ++I) {
    std::this_thread::sleep_for(100ms);
    // FOUND: judgement-fixes.cpp:[[@LINE-1]]:5: warning: coroutine 'ticker' blocks: it calls 'std::this_thread::sleep_for'
    // FOUND: judgement-fixes.cpp:[[@LINE-2]]:5: note: await instead, letting the loop run other tasks meanwhile: 'co_await asio::steady_timer(co_await asio::this_coro::executor, 100ms).async_wait(asio::use_awaitable)'
    // FIXED: {{^}}    co_await asio::steady_timer(co_await asio::this_coro::executor, 100ms).async_wait(asio::use_awaitable);
    std::lock_guard<std::mutex> Guard(M);
    // FIXED: {{^}}    {
    // FIXED-NEXT: {{^}}    std::lock_guard<std::mutex> Guard(M);
    ++Count;
    co_await asio::post(asio::use_awaitable);
    // FOUND: judgement-fixes.cpp:[[@LINE-1]]:5: warning: coroutine 'ticker' suspends at co_await while it holds 'M'
    // FOUND: judgement-fixes.cpp:[[@LINE-6]]:33: note: end the guard's scope before the co_await
    // FIXED: {{^}}    }
    // FIXED-NEXT: {{^}}    co_await asio::post(asio::use_awaitable);
  }
}

// Negative: the guard is used after the co_await (its unlock), so braces
// would not compile; a local declared under the guard is read after it.
asio::awaitable<void> uses_after() {
  std::unique_lock<std::mutex> Lock(M);
  co_await asio::post(asio::use_awaitable);
  // FOUND: judgement-fixes.cpp:[[@LINE-1]]:3: warning: coroutine 'uses_after' suspends at co_await while it holds 'M'
  // FOUND-NOT: end the guard's scope
  // AFTER: judgement-fixes.cpp:{{[0-9]+}}:3: warning: coroutine 'uses_after' suspends at co_await while it holds 'M'
  Lock.unlock();
}

asio::awaitable<int> local_after() {
  std::lock_guard<std::mutex> Guard(M);
  int Seen = Count;
  co_await asio::post(asio::use_awaitable);
  // FOUND: judgement-fixes.cpp:[[@LINE-1]]:3: warning: coroutine 'local_after' suspends at co_await while it holds 'M'
  // FOUND-NOT: end the guard's scope
  // AFTER: judgement-fixes.cpp:{{[0-9]+}}:3: warning: coroutine 'local_after' suspends at co_await while it holds 'M'
  co_return Seen;
}

// Two suspensions under one guard: both fixes open a brace before the
// guard, so only the first is applied; it ends the scope before both.
asio::awaitable<void> two_awaits() {
  std::lock_guard<std::mutex> Guard(M);
  ++Count;
  // The comment above a statement stays with it.
  co_await asio::post(asio::use_awaitable);
  // FOUND: judgement-fixes.cpp:[[@LINE-1]]:3: warning: coroutine 'two_awaits' suspends at co_await while it holds 'M'
  co_await asio::post(asio::use_awaitable);
  // FOUND: judgement-fixes.cpp:[[@LINE-1]]:3: warning: coroutine 'two_awaits' suspends at co_await while it holds 'M'
  // FIXED: {{^}}  {
  // FIXED-NEXT: {{^}}  std::lock_guard<std::mutex> Guard(M);
  // FIXED-NEXT: {{^}}  ++Count;
  // FIXED-NEXT: {{^}}  }
  // FIXED-NEXT: {{^}}  // The comment above a statement stays with it.
  // FIXED-NEXT: {{^}}  co_await asio::post(asio::use_awaitable);
}

// Negative: a sleep under a lock is not rewritten: awaiting there would
// suspend holding the lock (a fix that makes a finding).
asio::awaitable<void> sleeps_under_lock() {
  std::lock_guard<std::mutex> Guard(M);
  std::this_thread::sleep_for(1ms);
  // FOUND: judgement-fixes.cpp:[[@LINE-1]]:3: warning: coroutine 'sleeps_under_lock' blocks: it calls 'std::this_thread::sleep_for'
  // FOUND-NOT: note: await instead
  // AFTER: judgement-fixes.cpp:{{[0-9]+}}:3: warning: coroutine 'sleeps_under_lock' blocks: it calls 'std::this_thread::sleep_for'
  co_return;
}

// Negative: a sleep whose call is not a statement of its own, and one inside
// a lambda the coroutine does not await, get no rewrite.
asio::awaitable<void> sleeps_elsewhere() {
  (std::this_thread::sleep_for(1ms), ++Count);
  // FOUND: judgement-fixes.cpp:[[@LINE-1]]:4: warning: coroutine 'sleeps_elsewhere' blocks: it calls 'std::this_thread::sleep_for'
  // AFTER: judgement-fixes.cpp:{{[0-9]+}}:4: warning: coroutine 'sleeps_elsewhere' blocks: it calls 'std::this_thread::sleep_for'
  co_return;
}

int main() {
  asio::io_context Io;
  asio::co_spawn(Io, ticker(), asio::detached);
  asio::co_spawn(Io, uses_after(), asio::detached);
  asio::co_spawn(Io, local_after(), asio::detached);
  asio::co_spawn(Io, sleeps_elsewhere(), asio::detached);
  asio::co_spawn(Io, two_awaits(), asio::detached);
  asio::co_spawn(Io, sleeps_under_lock(), asio::detached);
  Io.run();
}

// FOUND-NOT: note: await instead
// FOUND-NOT: note: end the guard's scope

// PLAIN: concur: applied the fixes of 0 findings to 0 files

// NO-REPLACEMENTS: DiagnosticName: concur-lock-across-suspend

// APPLIED: concur: applied the fixes of 3 findings to 1 file; 1 skipped (they overlap another fix, or the file changed since the analysis): run again
