//===- server.cpp - Accepts connections, owns what sessions share ---------===//

#include "server.h"

#include <chrono>
#include <memory>

namespace {
constexpr std::chrono::milliseconds kMetricsInterval(100);
} // namespace

Server::Server(asio::io_context &io, const asio::ip::tcp::endpoint &endpoint,
               const std::filesystem::path &data_dir)
    : io_(io), acceptor_(io, endpoint), users_(data_dir / "users"),
      services_{users_,
                cache_,
                metrics_,
                blocking_pool_,
                backup_threads_,
                data_dir / "snapshots",
                data_dir / "backups"} {
  std::filesystem::create_directories(services_.snapshot_dir);
  std::filesystem::create_directories(services_.backup_dir);
}

void Server::start() {
  asio::co_spawn(io_, accept_connections(), asio::detached);
  asio::co_spawn(io_, report_metrics_periodically(), asio::detached);
}

void Server::shutdown() {
  blocking_pool_.join();
  for (std::thread &copier : backup_threads_)
    copier.join();
  backup_threads_.clear();
}

asio::awaitable<void> Server::accept_connections() {
  for (unsigned next_id = 1;; ++next_id) {
    asio::ip::tcp::socket socket =
        co_await acceptor_.async_accept(asio::use_awaitable);
    ++connections_accepted_;
    auto session =
        std::make_shared<Session>(std::move(socket), services_, next_id);
    asio::co_spawn(io_, session->run(), asio::detached);
  }
}

asio::awaitable<void> Server::report_metrics_periodically() {
  asio::steady_timer timer(io_);
  for (;;) {
    timer.expires_after(kMetricsInterval);
    co_await timer.async_wait(asio::use_awaitable);
    // /proc/self/statm is generated from kernel memory on read: it never
    // waits on a disk, so reading it here does not stall the loop.
    long rss = read_resident_set_kb(); // NOLINT(concur-blocking-in-coroutine)
    metrics_.set_resident_kb(rss);
  }
}
