//===- server.h - Accepts connections, owns what sessions share -*- C++ -*-===//

#ifndef EXAMPLE_SERVER_SERVER_H
#define EXAMPLE_SERVER_SERVER_H

#include "cache.h"
#include "metrics.h"
#include "session.h"
#include "users.h"

#include <asio.hpp>

#include <atomic>
#include <filesystem>
#include <thread>
#include <vector>

class Server {
public:
  /// Listens on `endpoint` (port 0 picks a free one) and keeps its files
  /// under `data_dir`, which must hold users/ (see write_sample_users).
  Server(asio::io_context &io, const asio::ip::tcp::endpoint &endpoint,
         const std::filesystem::path &data_dir);

  /// Starts accepting and the periodic metrics; io.run() does the rest.
  void start();

  /// After io.run() has returned: finishes pool jobs and backup copies.
  void shutdown();

  unsigned short port() const { return acceptor_.local_endpoint().port(); }
  unsigned connections_accepted() const { return connections_accepted_; }
  Metrics &metrics() { return metrics_; }

private:
  asio::awaitable<void> accept_connections();
  asio::awaitable<void> report_metrics_periodically();

  asio::io_context &io_;
  asio::ip::tcp::acceptor acceptor_;
  asio::thread_pool blocking_pool_{2};
  std::vector<std::thread> backup_threads_;
  Origin origin_;
  Cache cache_{origin_};
  UserStore users_;
  Metrics metrics_;
  Services services_;
  std::atomic<unsigned> connections_accepted_{0};
};

#endif // EXAMPLE_SERVER_SERVER_H
