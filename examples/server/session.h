//===- session.h - One client connection, served by a coroutine -*- C++ -*-===//
//
// A line protocol: the server greets, the client says "HELLO <name>", then
// sends commands, one per line, and gets one line back for each:
//
//   PING                 PONG
//   USER <name>          the user's record (read on the event loop)
//   PROFILE <name>       the same record, read on the blocking pool
//   GET <key>            a cached value, fetched from the origin on a miss
//   PUT <key> <value>    STORED
//   HASH <text>          a stretched FNV-1a fingerprint of the text
//   WAIT <ms>            WAITED <ms>, after a timer
//   STATS                request counters
//   BLOB <n>             READY, then n raw bytes; RECEIVED n <hash>
//   UPLOAD <n>           the same as BLOB, read the wrong way
//   SAVE <key>           SAVING <key>; a pool job writes a compressed snapshot
//   BACKUP <name>        BACKING UP <name>; a thread copies the user's file
//   QUIT                 BYE
//
//===----------------------------------------------------------------------===//

#ifndef EXAMPLE_SERVER_SESSION_H
#define EXAMPLE_SERVER_SESSION_H

#include <asio.hpp>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

class Cache;
class Metrics;
class UserStore;

/// What sessions share, owned by the Server.
struct Services {
  UserStore &users;
  Cache &cache;
  Metrics &metrics;
  /// For file work that must not run on the event loop.
  asio::thread_pool &blocking_pool;
  /// Backup copies in flight; Server::shutdown() joins them.
  std::vector<std::thread> &backup_threads;
  std::filesystem::path snapshot_dir;
  std::filesystem::path backup_dir;
};

class Session : public std::enable_shared_from_this<Session> {
public:
  Session(asio::ip::tcp::socket socket, Services &services, unsigned id);

  /// Serves the connection until QUIT or until the peer goes away.
  asio::awaitable<void> run();

  unsigned id() const { return id_; }

private:
  asio::awaitable<bool> greet();
  asio::awaitable<std::string> read_line();
  asio::awaitable<void> reply(std::string line);
  /// False when the session should end.
  asio::awaitable<bool> dispatch(const std::string &command,
                                 const std::string &argument);

  asio::awaitable<void> handle_user(std::string name);
  asio::awaitable<void> handle_profile(std::string name);
  asio::awaitable<void> handle_get(std::string key);
  asio::awaitable<void> handle_hash(std::string text);
  asio::awaitable<void> handle_wait(std::string milliseconds);
  asio::awaitable<void> handle_stats();
  asio::awaitable<void> handle_blob(std::size_t size);
  asio::awaitable<void> handle_upload(std::size_t size);
  asio::awaitable<void> handle_save(std::string key);
  asio::awaitable<void> handle_backup(std::string name);

  /// Moves bytes that arrived with the last line into `payload`; returns how
  /// many.
  std::size_t take_buffered(std::string &payload);

  asio::ip::tcp::socket socket_;
  std::string input_;
  Services &services_;
  unsigned id_;
};

#endif // EXAMPLE_SERVER_SESSION_H
