//===- classic_experiments.cpp - threads vs asyncio vs multiprocessing ----===//
//
// The experiments every Python concurrency tutorial runs, in C++:
//
//   sleep_task      a task that only waits (time.sleep / asyncio.sleep): the
//                   event loop and a thread per task overlap the waits,
//                   a core-sized pool only overlaps as many as it has threads.
//   count_down      a counting loop: pure CPU. Threads and processes both
//                   scale with cores here; in CPython only processes do,
//                   because of the GIL.
//   loopback_fetch  a fetch from a server that takes 20 ms to answer: a TCP
//                   server on 127.0.0.1 inside this binary stands in for the
//                   remote site, so nothing leaves the machine.
//
// Build it with concur::workload_main and run it; or give it to
// concur-profile together with a static report to check the advice.
//
//===----------------------------------------------------------------------===//

#include "concur/workload.hpp"

#include <asio.hpp>
#include <asio/experimental/as_tuple.hpp>

#include <chrono>
#include <cstdint>
#include <mutex>
#include <stdexcept>
#include <thread>

using namespace std::chrono_literals;

namespace {

constexpr auto SleepDuration = 50ms;
constexpr std::uint64_t CountDownFrom = 200'000'000;
constexpr auto ServerLatency = 20ms;
constexpr std::size_t ResponseBytes = 16 * 1024;

//===----------------------------------------------------------------------===//
// Sleep-bound
//===----------------------------------------------------------------------===//

void sleepTask() { std::this_thread::sleep_for(SleepDuration); }

asio::awaitable<void> sleepTaskAsync() {
  asio::steady_timer Timer(co_await asio::this_coro::executor, SleepDuration);
  co_await Timer.async_wait(asio::use_awaitable);
}

//===----------------------------------------------------------------------===//
// CPU-bound
//===----------------------------------------------------------------------===//

void countDown() {
  std::uint64_t N = CountDownFrom;
  while (N > 0) {
    --N;
    // Keeps the compiler from folding the loop away, as it rightly would.
    asm volatile("" : "+r"(N));
  }
}

//===----------------------------------------------------------------------===//
// Loopback fetch
//===----------------------------------------------------------------------===//

/// A slow little server: reads one request line, waits ServerLatency, sends
/// ResponseBytes and closes. Asynchronous, so it serves every client at once
/// and its own capacity never limits the executors being compared.
class LoopbackServer {
public:
  static LoopbackServer &instance() {
    // Created on first use in each process (forked workers get their own)
    // and never destroyed: its thread runs until the process exits.
    static LoopbackServer *Server = new LoopbackServer;
    return *Server;
  }

  asio::ip::tcp::endpoint endpoint() const { return Endpoint; }

private:
  LoopbackServer()
      : Acceptor(Loop,
                 asio::ip::tcp::endpoint(asio::ip::address_v4::loopback(), 0)) {
    Endpoint = Acceptor.local_endpoint();
    asio::co_spawn(Loop, acceptLoop(), asio::detached);
    std::thread([this] { Loop.run(); }).detach();
  }

  asio::awaitable<void> acceptLoop() {
    while (true) {
      asio::ip::tcp::socket Client =
          co_await Acceptor.async_accept(asio::use_awaitable);
      asio::co_spawn(Loop, serve(std::move(Client)), asio::detached);
    }
  }

  static asio::awaitable<void> serve(asio::ip::tcp::socket Client) {
    try {
      std::string Request;
      co_await asio::async_read_until(Client, asio::dynamic_buffer(Request),
                                      '\n', asio::use_awaitable);
      asio::steady_timer Latency(Client.get_executor(), ServerLatency);
      co_await Latency.async_wait(asio::use_awaitable);
      std::string Body(ResponseBytes, 'x');
      co_await asio::async_write(Client, asio::buffer(Body),
                                 asio::use_awaitable);
    } catch (const std::exception &) {
      // A client that went away is not the server's problem.
    }
  }

  asio::io_context Loop;
  asio::ip::tcp::acceptor Acceptor;
  asio::ip::tcp::endpoint Endpoint;
};

void checkResponse(std::size_t Bytes) {
  if (Bytes != ResponseBytes)
    throw std::runtime_error("loopback fetch got " + std::to_string(Bytes) +
                             " bytes, expected " +
                             std::to_string(ResponseBytes));
}

void loopbackFetch() {
  asio::io_context Io;
  asio::ip::tcp::socket Socket(Io);
  Socket.connect(LoopbackServer::instance().endpoint());
  asio::write(Socket, asio::buffer(std::string("GET /\n")));
  std::string Body;
  asio::error_code Ec;
  asio::read(Socket, asio::dynamic_buffer(Body), Ec);
  if (Ec && Ec != asio::error::eof)
    throw asio::system_error(Ec);
  checkResponse(Body.size());
}

asio::awaitable<void> loopbackFetchAsync() {
  asio::ip::tcp::socket Socket(co_await asio::this_coro::executor);
  co_await Socket.async_connect(LoopbackServer::instance().endpoint(),
                                asio::use_awaitable);
  co_await asio::async_write(Socket, asio::buffer(std::string("GET /\n")),
                             asio::use_awaitable);
  std::string Body;
  auto [Ec, Bytes] = co_await asio::async_read(
      Socket, asio::dynamic_buffer(Body),
      asio::experimental::as_tuple(asio::use_awaitable));
  if (Ec && Ec != asio::error::eof)
    throw asio::system_error(Ec);
  checkResponse(Body.size());
}

} // namespace

CONCUR_WORKLOAD_PAIR(sleep_task, sleepTask, sleepTaskAsync);
CONCUR_WORKLOAD(count_down, countDown);
CONCUR_WORKLOAD_PAIR(loopback_fetch, loopbackFetch, loopbackFetchAsync);
