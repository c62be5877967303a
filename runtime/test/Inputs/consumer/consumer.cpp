// A user's workloads, registered the way the documentation shows.
#include <concur/workload.hpp>

#include <asio.hpp>

#include <chrono>
#include <thread>

static void consumerSleep() {
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

static asio::awaitable<void> consumerSleepAsync() {
  asio::steady_timer Timer(co_await asio::this_coro::executor,
                           std::chrono::milliseconds(1));
  co_await Timer.async_wait(asio::use_awaitable);
}

CONCUR_WORKLOAD_PAIR(consumer_sleep, consumerSleep, consumerSleepAsync);
