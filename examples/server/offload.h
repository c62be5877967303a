//===- offload.h - Run blocking work on a pool, await the result -*- C++
//-*-===//
//
//   auto user = co_await async_run_on(pool, [&] { return store.lookup(name); },
//                                     asio::use_awaitable);
//
// The work runs on `pool`; the awaiting coroutine is resumed on its own
// executor with the result, so nothing blocking ever runs on the event loop.
//
//===----------------------------------------------------------------------===//

#ifndef EXAMPLE_SERVER_OFFLOAD_H
#define EXAMPLE_SERVER_OFFLOAD_H

#include <asio.hpp>

#include <type_traits>
#include <utility>

template <typename Work, typename CompletionToken>
auto async_run_on(asio::thread_pool &pool, Work work, CompletionToken &&token) {
  using Result = std::invoke_result_t<Work &>;
  return asio::async_initiate<CompletionToken, void(Result)>(
      [&pool](auto handler, Work work) {
        // Tracked, so that the caller's event loop does not run out of work
        // and return while the pool is still busy with the job.
        auto resume_on =
            asio::prefer(asio::get_associated_executor(handler),
                         asio::execution::outstanding_work.tracked);
        asio::post(pool, [work = std::move(work), handler = std::move(handler),
                          resume_on]() mutable {
          Result result = work();
          asio::post(resume_on, [handler = std::move(handler),
                                 result = std::move(result)]() mutable {
            std::move(handler)(std::move(result));
          });
        });
      },
      token, std::move(work));
}

#endif // EXAMPLE_SERVER_OFFLOAD_H
