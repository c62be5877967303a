// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="warning:"
// Handlers posted to an io_context run on the threads that run it: at the
// same time when several threads do, one after another when one does.

#include <asio.hpp>
#include <thread>
#include <vector>

long g_hits;
long g_single_hits;
long g_coroutine_hits;
long g_strand_hits;
long g_single_coroutine_hits;

// Coroutines spawned onto a context several threads run: their stretches
// between suspensions run at once; on a strand, one after another.
asio::awaitable<void> count_request() {
  // CHECK: io-context.cpp:[[@LINE+1]]:3: warning: 'g_coroutine_hits' is written by thread 'count_request' without a lock, and 'count_request' runs in more than one thread at once
  g_coroutine_hits++;
  co_return;
}
asio::awaitable<void> count_on_strand() {
  g_strand_hits++;
  co_return;
}
asio::awaitable<void> count_single() {
  g_single_coroutine_hits++;
  co_return;
}

void spawn_coroutines() {
  asio::io_context Context;
  auto Strand = asio::make_strand(Context);
  for (int I = 0; I < 100; ++I) {
    asio::co_spawn(Context, count_request(), asio::detached);
    asio::co_spawn(Strand, count_on_strand(), asio::detached);
  }
  std::vector<std::thread> Runners;
  for (int I = 0; I < 4; ++I)
    Runners.emplace_back([&Context] { Context.run(); });
  for (auto &R : Runners)
    R.join();
}

void spawn_on_one_thread() {
  asio::io_context Context;
  for (int I = 0; I < 100; ++I)
    asio::co_spawn(Context, count_single(), asio::detached);
  Context.run();
}

void serve_on_pool_of_threads() {
  asio::io_context Context;
  auto Work = asio::make_work_guard(Context);
  std::vector<std::thread> Runners;
  for (int I = 0; I < 4; ++I)
    Runners.emplace_back([&Context] { Context.run(); });
  for (int I = 0; I < 100; ++I)
    asio::post(Context, [] { g_hits++; });
  // CHECK: io-context.cpp:[[@LINE-1]]:30: warning: 'g_hits' is written by thread 'lambda at io-context.cpp:[[@LINE-1]]:25' without a lock, and 'lambda at io-context.cpp:[[@LINE-1]]:25' runs in more than one thread at once
  Work.reset();
  for (auto &R : Runners)
    R.join();
}

void serve_on_one_thread() {
  asio::io_context Context;
  for (int I = 0; I < 100; ++I)
    asio::post(Context, [] { g_single_hits++; });
  std::thread Runner([&Context] { Context.run(); });
  Runner.join();
}

int main() {
  serve_on_pool_of_threads();
  serve_on_one_thread();
  spawn_coroutines();
  spawn_on_one_thread();
}
