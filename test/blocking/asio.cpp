// RUN: %concur check %s -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Real Asio coroutines (Debian's standalone Asio 1.22, parsed by Clang with
// concur's ASIO_HAS_CO_AWAIT fix).

#include <asio.hpp>
#include <chrono>
#include <thread>

using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;

void slow_lookup() { std::this_thread::sleep_for(std::chrono::seconds(1)); }

awaitable<void> session(tcp::socket Socket) {
  char Data[1024];
  for (;;) {
    // Correct: the loop suspends while the socket waits.
    std::size_t N = co_await Socket.async_read_some(asio::buffer(Data), use_awaitable);
    co_await asio::async_write(Socket, asio::buffer(Data, N), use_awaitable);
    asio::steady_timer Timer(Socket.get_executor(), std::chrono::milliseconds(5));
    co_await Timer.async_wait(use_awaitable);

    // Wrong: synchronous socket operations inside the coroutine.
    Socket.read_some(asio::buffer(Data));
    // CHECK: asio.cpp:[[@LINE-1]]:12: warning: coroutine 'session' blocks: it calls 'asio::basic_stream_socket::read_some' (net-io)
    // CHECK-NEXT: note: while it blocks, the thread it runs on runs nothing else (on an event loop, none of the loop's other tasks); use socket.async_read_some(buffer, asio::use_awaitable)
    asio::write(Socket, asio::buffer(Data, N));
    // CHECK: asio.cpp:[[@LINE-1]]:5: warning: coroutine 'session' blocks: it calls 'asio::write' (net-io)
    Timer.wait();
    // CHECK: asio.cpp:[[@LINE-1]]:11: warning: coroutine 'session' blocks: it calls 'asio::basic_waitable_timer::wait' (sleep)
  }
}

awaitable<void> resolve(tcp::resolver &Resolver) {
  auto Results = Resolver.resolve("localhost", "80");
  // CHECK: asio.cpp:[[@LINE-1]]:27: warning: coroutine 'resolve' blocks: it calls 'asio::ip::basic_resolver::resolve' (dns)
  auto Good = co_await Resolver.async_resolve("localhost", "80", use_awaitable);
  co_return;
}

awaitable<void> offload(asio::thread_pool &Pool) {
  // Handed to the pool: runs there.
  asio::post(Pool, [] { slow_lookup(); });

  // bind_executor moves the coroutine to the pool before the blocking call.
  co_await asio::post(asio::bind_executor(Pool, use_awaitable));
  slow_lookup();
  // CHECK: asio.cpp:[[@LINE-1]]:3: remark: coroutine 'offload' holds a pool worker: it calls 'slow_lookup', which calls 'std::this_thread::sleep_for' (sleep)
  // CHECK: note: 'offload' runs on a shared thread pool: after co_await asio::post
  co_return;
}

// post(pool, use_awaitable) only bounces off the pool: the coroutine comes
// back to its own executor, so what follows still blocks the loop.
awaitable<void> bounce(asio::thread_pool &Pool) {
  co_await asio::post(Pool, use_awaitable);
  slow_lookup();
  // CHECK: asio.cpp:[[@LINE-1]]:3: warning: coroutine 'bounce' blocks: it calls 'slow_lookup', which calls 'std::this_thread::sleep_for' (sleep)
  // CHECK-NEXT: asio.cpp:13:22: note: 'slow_lookup' calls 'std::this_thread::sleep_for' here
  // CHECK-NEXT: asio.cpp:[[@LINE-4]]:{{[0-9]+}}: note: co_await asio::post(pool, asio::use_awaitable) resumes the coroutine on its own executor, not on the pool; use asio::bind_executor(pool, asio::use_awaitable) to move there
  // CHECK: note: 'bounce' runs on an event loop: started by asio::co_spawn on an event loop (asio.cpp:{{[0-9]+}})
  co_return;
}

int main() {
  asio::io_context Context;
  asio::thread_pool Pool(2);
  asio::co_spawn(Context, bounce(Pool), asio::detached);
  asio::co_spawn(Context, [&]() -> awaitable<void> {
    Context.run();
    // CHECK: asio.cpp:[[@LINE-1]]:13: warning: coroutine 'lambda at asio.cpp:[[@LINE-2]]:27' blocks: it calls 'asio::io_context::run' (wait)
    co_return;
  }, asio::detached);
  Context.run();
}
