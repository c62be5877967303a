//===- test_workloads.cpp - Workloads whose behaviour the tests can see ---===//
//
// Each task that the tests count or locate appends one line to the file named
// by CONCUR_TEST_LOG with a single O_APPEND write, which the kernel keeps
// whole even when threads and processes write at once.
//
//===----------------------------------------------------------------------===//

#include "concur/workload.hpp"

#include <asio.hpp>

#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>

using namespace std::chrono_literals;

namespace {

void logLine(const char *Variant) {
  const char *Path = std::getenv("CONCUR_TEST_LOG");
  if (!Path)
    return;
  std::string Line = std::string(Variant) + " cpu " +
                     std::to_string(sched_getcpu()) + " pid " +
                     std::to_string(getpid()) + "\n";
  int Fd = open(Path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (Fd < 0)
    std::abort();
  if (write(Fd, Line.data(), Line.size()) != static_cast<ssize_t>(Line.size()))
    std::abort();
  close(Fd);
}

void countCalls() { logLine("plain"); }

asio::awaitable<void> countCallsAsync() {
  // Suspends once so that the task really is resumed by the loop.
  asio::steady_timer Timer(co_await asio::this_coro::executor, 1ms);
  co_await Timer.async_wait(asio::use_awaitable);
  logLine("coroutine");
}

void sleepIo() { std::this_thread::sleep_for(20ms); }

asio::awaitable<void> sleepIoAsync() {
  asio::steady_timer Timer(co_await asio::this_coro::executor, 20ms);
  co_await Timer.async_wait(asio::use_awaitable);
}

/// Burns 20 ms of this thread's CPU time, however long that takes in wall
/// time on a busy machine.
void spinCpu() {
  timespec Start, Now;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &Start);
  do {
    for (int I = 0; I < 10000; ++I)
      asm volatile("" : "+r"(I));
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &Now);
  } while ((Now.tv_sec - Start.tv_sec) * 1e3 +
               (Now.tv_nsec - Start.tv_nsec) * 1e-6 <
           20);
}

/// The finding "blocking call in coroutine", at run time.
asio::awaitable<void> blockingCoroutine() {
  std::this_thread::sleep_for(30ms);
  co_return;
}

/// The fix: the same wait as a timer, which suspends instead of blocking.
asio::awaitable<void> timerCoroutine() {
  asio::steady_timer Timer(co_await asio::this_coro::executor, 30ms);
  co_await Timer.async_wait(asio::use_awaitable);
}

/// Thousands of resumptions and next to no work in each: the worst case for
/// the stall monitor, which bench/overhead uses to bound its cost.
asio::awaitable<void> yieldStorm() {
  auto Executor = co_await asio::this_coro::executor;
  for (int I = 0; I < 2000; ++I)
    co_await asio::post(Executor, asio::use_awaitable);
}

void crash() { std::abort(); }

void hang() { std::this_thread::sleep_for(1h); }

void throwing() { throw std::runtime_error("deliberate failure"); }

} // namespace

CONCUR_WORKLOAD_PAIR(count_calls, countCalls, countCallsAsync);
CONCUR_WORKLOAD(count_calls_plain, countCalls);
CONCUR_WORKLOAD_CORO(count_calls_coro, countCallsAsync);
CONCUR_WORKLOAD_PAIR(sleep_io, sleepIo, sleepIoAsync);
CONCUR_WORKLOAD(spin_cpu, spinCpu);
CONCUR_WORKLOAD_CORO(blocking_coro, blockingCoroutine);
CONCUR_WORKLOAD_CORO(timer_coro, timerCoroutine);
CONCUR_WORKLOAD_CORO(yield_storm, yieldStorm);
CONCUR_WORKLOAD(crash, crash);
CONCUR_WORKLOAD(hang, hang);
CONCUR_WORKLOAD(throwing, throwing);
// Registered by hand, as the analyser sees it, with a lambda.
static concur::workload::Registrar ManualRegistration("manual_lambda", [] {
  logLine("manual");
});
