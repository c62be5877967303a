//===- session.cpp - One client connection, served by a coroutine ---------===//
//
// Every handler here runs on the event loop, which serves all sessions on one
// thread: a handler that blocks stalls every other client. Comments marked
// MISTAKE show the ways this file gets that wrong; the handler next to each
// does the same job correctly.
//
//===----------------------------------------------------------------------===//

#include "session.h"

#include "cache.h"
#include "compress.h"
#include "metrics.h"
#include "offload.h"
#include "users.h"
#include "util.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <future>
#include <optional>
#include <system_error>

namespace {

constexpr std::string_view kGreeting = "CONCUR-EXAMPLE 1 ready\n";
/// BLOB and UPLOAD refuse bigger payloads rather than allocate them.
constexpr std::size_t kMaxPayload = 1 << 20;
/// A longer line ends the session instead of growing the buffer forever.
constexpr std::size_t kMaxLine = 4096;

std::optional<std::size_t> parse_size(const std::string &text) {
  std::size_t value = 0;
  auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size())
    return std::nullopt;
  return value;
}

std::string received_reply(const std::string &payload) {
  return "RECEIVED " + std::to_string(payload.size()) + " " +
         to_hex(fnv1a_hash(payload));
}

} // namespace

Session::Session(asio::ip::tcp::socket socket, Services &services, unsigned id)
    : socket_(std::move(socket)), services_(services), id_(id) {}

asio::awaitable<void> Session::run() {
  // The coroutine frame holds the session alive until the last line.
  std::shared_ptr<Session> self = shared_from_this();
  try {
    if (!co_await greet())
      co_return;
    for (;;) {
      std::string line = co_await read_line();
      auto [command, argument] = split_command(line);
      // MISTAKE (minor): record_request takes a std::mutex that pool threads
      // also take. It is held for a map update only, but while a pool job
      // holds it, the whole event loop waits here.
      services_.metrics.record_request(command);
      if (!co_await dispatch(command, argument))
        break;
    }
  } catch (const std::system_error &) {
    // The peer hung up or reset the connection: nothing left to serve.
  }
}

asio::awaitable<bool> Session::greet() {
  // MISTAKE: asio::write is the synchronous write. It returns only when the
  // kernel has taken every byte; a client that does not read stalls the loop.
  asio::write(socket_, asio::buffer(kGreeting));
  std::string hello = co_await read_line();
  if (hello.rfind("HELLO ", 0) != 0) {
    co_await reply("ERR say HELLO <name> first");
    co_return false;
  }
  co_await reply("WELCOME " + hello.substr(6) + " session " +
                 std::to_string(id()));
  co_return true;
}

asio::awaitable<std::string> Session::read_line() {
  std::size_t length = co_await asio::async_read_until(
      socket_, asio::dynamic_buffer(input_, kMaxLine), '\n',
      asio::use_awaitable);
  std::string line = input_.substr(0, length - 1);
  input_.erase(0, length);
  if (!line.empty() && line.back() == '\r')
    line.pop_back();
  co_return line;
}

asio::awaitable<void> Session::reply(std::string line) {
  line += '\n';
  co_await asio::async_write(socket_, asio::buffer(line), asio::use_awaitable);
}

asio::awaitable<bool> Session::dispatch(const std::string &command,
                                        const std::string &argument) {
  if (command == "PING") {
    co_await reply("PONG");
  } else if (command == "USER") {
    co_await handle_user(argument);
  } else if (command == "PROFILE") {
    co_await handle_profile(argument);
  } else if (command == "GET") {
    co_await handle_get(argument);
  } else if (command == "PUT") {
    auto [key, value] = split_command(argument);
    services_.cache.put(key, value);
    co_await reply("STORED " + key);
  } else if (command == "HASH") {
    co_await handle_hash(argument);
  } else if (command == "WAIT") {
    co_await handle_wait(argument);
  } else if (command == "STATS") {
    co_await handle_stats();
  } else if (command == "BLOB" || command == "UPLOAD") {
    std::optional<std::size_t> size = parse_size(argument);
    if (!size || *size > kMaxPayload)
      co_await reply("ERR size must be 0.." + std::to_string(kMaxPayload));
    else if (command == "BLOB")
      co_await handle_blob(*size);
    else
      co_await handle_upload(*size);
  } else if (command == "SAVE") {
    co_await handle_save(argument);
  } else if (command == "BACKUP") {
    co_await handle_backup(argument);
  } else if (command == "QUIT") {
    co_await reply("BYE");
    co_return false;
  } else {
    co_await reply("ERR unknown command " + command);
  }
  co_return true;
}

asio::awaitable<void> Session::handle_user(std::string name) {
  // MISTAKE: UserStore::lookup opens and reads the user's file with
  // std::ifstream right here on the event loop.
  std::optional<UserRecord> user = services_.users.lookup(name);
  co_await reply(describe(user));
}

asio::awaitable<void> Session::handle_profile(std::string name) {
  // Correct: the same lookup runs on the blocking pool, and this coroutine is
  // resumed on the event loop with the result.
  auto lookup = [&users = services_.users, name] { return users.lookup(name); };
  // (A named lambda, not a temporary in the co_await expression: GCC 12
  // destroys such temporaries twice.)
  std::optional<UserRecord> user = co_await async_run_on(
      services_.blocking_pool, std::move(lookup), asio::use_awaitable);
  co_await reply(describe(user));
}

asio::awaitable<void> Session::handle_get(std::string key) {
  // MISTAKE: on a miss, Cache::get retries the busy origin and sleeps between
  // attempts (pause_before_retry in util.cpp): the whole loop sleeps.
  std::optional<std::string> value = services_.cache.get(key);
  std::string answer = value ? "VALUE " + *value : "ERR no such key";
  co_await reply(std::move(answer));
}

asio::awaitable<void> Session::handle_hash(std::string text) {
  // MISTAKE (CPU): stretched_hash is slow on purpose, and it runs right here
  // on the event loop; every other session waits for it. It belongs on the
  // blocking pool, like SAVE's compression.
  std::uint64_t fingerprint = stretched_hash(text);
  co_await reply("HASH " + to_hex(fingerprint));
}

asio::awaitable<void> Session::handle_wait(std::string milliseconds) {
  std::optional<std::size_t> delay = parse_size(milliseconds);
  if (!delay || *delay > 10'000) {
    co_await reply("ERR wait 0..10000 ms");
    co_return;
  }
  // Correct: the timer suspends this coroutine only; other sessions go on.
  asio::steady_timer timer(socket_.get_executor(),
                           std::chrono::milliseconds(*delay));
  co_await timer.async_wait(asio::use_awaitable);
  co_await reply("WAITED " + milliseconds);
}

asio::awaitable<void> Session::handle_stats() {
  std::future<std::string> report =
      std::async(std::launch::async, [&metrics = services_.metrics] {
        return metrics.render_report();
      });
  // MISTAKE: the report is built on another thread, but get() blocks the event
  // loop until it is done, so nothing is gained.
  co_await reply(report.get());
}

std::size_t Session::take_buffered(std::string &payload) {
  std::size_t buffered = std::min(payload.size(), input_.size());
  std::copy_n(input_.begin(), buffered, payload.begin());
  input_.erase(0, buffered);
  return buffered;
}

asio::awaitable<void> Session::handle_blob(std::size_t size) {
  co_await reply("READY");
  std::string payload(size, '\0');
  std::size_t buffered = take_buffered(payload);
  // Correct: the coroutine is suspended until all the bytes have arrived.
  co_await asio::async_read(
      socket_, asio::buffer(payload.data() + buffered, size - buffered),
      asio::use_awaitable);
  co_await reply(received_reply(payload));
}

asio::awaitable<void> Session::handle_upload(std::size_t size) {
  co_await reply("READY");
  std::string payload(size, '\0');
  std::size_t received = take_buffered(payload);
  while (received < size) {
    // MISTAKE: read_some is the synchronous read; the event loop waits for
    // this one client's bytes.
    received += socket_.read_some(
        asio::buffer(payload.data() + received, size - received));
  }
  co_await reply(received_reply(payload));
}

asio::awaitable<void> Session::handle_save(std::string key) {
  std::optional<std::string> value = services_.cache.find(key);
  if (!value) {
    co_await reply("ERR no such key");
    co_return;
  }
  std::filesystem::path snapshot =
      services_.snapshot_dir / (to_hex(fnv1a_hash(key)) + ".rle");
  // Correct: compressing and writing run on the blocking pool; the session
  // answers at once.
  asio::post(services_.blocking_pool, [data = std::move(*value), snapshot,
                                       &metrics = services_.metrics] {
    metrics.record_bytes_saved(compress_and_save(data, snapshot));
  });
  co_await reply("SAVING " + key);
}

asio::awaitable<void> Session::handle_backup(std::string name) {
  std::filesystem::path from = services_.users.file_for(name);
  if (from.empty()) {
    co_await reply("ERR no such user");
    co_return;
  }
  std::filesystem::path to = services_.backup_dir / from.filename();
  // Correct: the copy runs on its own thread, joined at shutdown.
  std::thread copier([from, to] { copy_file_blocking(from, to); });
  services_.backup_threads.push_back(std::move(copier));
  co_await reply("BACKING UP " + name);
}
