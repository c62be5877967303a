//===- selftest.cpp - Start the server, drive it with real clients --------===//
//
// The clients are plain blocking code on their own threads: blocking is what
// a thread of its own is for. The totals they keep show three ways of sharing
// a counter between threads, one of them wrong.
//
//===----------------------------------------------------------------------===//

#include "selftest.h"

#include "compress.h"
#include "server.h"
#include "users.h"
#include "util.h"

#include <asio.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

// MISTAKE (data race): both client threads increment this without a lock, so
// increments can be lost. It only feeds the summary line, which is how such a
// race survives review.
unsigned long g_replies_checked = 0;

// Correct: every access holds g_totals_mutex.
std::mutex g_totals_mutex;
std::size_t g_bytes_received = 0;

// Correct: an atomic counter needs no lock.
std::atomic<int> g_clients_passed{0};

/// A blocking line-protocol client.
class LineClient {
public:
  explicit LineClient(unsigned short port) : socket_(io_) {
    socket_.connect({asio::ip::make_address("127.0.0.1"), port});
  }

  /// Reads up to the next newline, a chunk at a time.
  std::string read_line() {
    std::size_t newline;
    while ((newline = pending_.find('\n')) == std::string::npos) {
      char chunk[512];
      std::size_t received = socket_.read_some(asio::buffer(chunk));
      pending_.append(chunk, received);
      std::lock_guard<std::mutex> lock(g_totals_mutex);
      g_bytes_received += received;
    }
    std::string line = pending_.substr(0, newline);
    pending_.erase(0, newline + 1);
    return line;
  }

  void send(std::string_view bytes) {
    asio::write(socket_, asio::buffer(bytes));
  }

private:
  asio::io_context io_;
  asio::ip::tcp::socket socket_;
  std::string pending_;
};

struct Exchange {
  std::string request; // Sent as is, plus a newline.
  std::string expected_prefix;
  std::string raw_after_ready; // Sent once the server says READY.
};

/// Runs one client through the whole protocol. Returns the first mismatch,
/// or an empty string.
std::string run_client(unsigned short port, int index) {
  LineClient client(port);
  std::string name = "client-" + std::to_string(index);
  std::string key = "key-" + std::to_string(index);
  std::string greeting = client.read_line();
  if (greeting.rfind("CONCUR-EXAMPLE", 0) != 0)
    return "bad greeting: " + greeting;

  const std::vector<Exchange> script = {
      {"HELLO " + name, "WELCOME " + name, ""},
      {"PING", "PONG", ""},
      {"USER alice", "USER alice admin 512", ""},
      {"PROFILE bob", "USER bob reader 64", ""},
      {"PROFILE mallory", "ERR no such user", ""},
      {"GET answer", "VALUE 42", ""},
      {"GET motd", "VALUE hello from the origin", ""},
      {"PUT " + key + " aaaaaaaaaabbbbbbbbbbcccccccccc", "STORED " + key, ""},
      {"GET " + key, "VALUE aaaaaaaaaabbbbbbbbbbcccccccccc", ""},
      {"HASH hello", "HASH " + to_hex(stretched_hash("hello")), ""},
      {"WAIT 5", "WAITED 5", ""},
      {"BLOB 5", "RECEIVED 5 " + to_hex(fnv1a_hash("abcde")), "abcde"},
      {"UPLOAD 4", "RECEIVED 4 " + to_hex(fnv1a_hash("wxyz")), "wxyz"},
      {"SAVE " + key, "SAVING " + key, ""},
      {"BACKUP alice", "BACKING UP alice", ""},
      {"STATS", "STATS at ", ""},
      {"QUIT", "BYE", ""},
  };
  for (const Exchange &step : script) {
    client.send(step.request + "\n");
    std::string answer = client.read_line();
    if (!step.raw_after_ready.empty()) {
      if (answer != "READY")
        return step.request + ": expected READY, got " + answer;
      client.send(step.raw_after_ready);
      answer = client.read_line();
    }
    if (answer.rfind(step.expected_prefix, 0) != 0)
      return step.request + ": expected '" + step.expected_prefix +
             "...', got '" + answer + "'";
    ++g_replies_checked;
  }
  return "";
}

std::string read_whole_file(const std::filesystem::path &path) {
  std::ifstream file(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(file),
          std::istreambuf_iterator<char>()};
}

/// Checks what the pool jobs and backup threads left on disk.
std::string check_files(const std::filesystem::path &data_dir, int clients) {
  for (int index = 0; index < clients; ++index) {
    std::string key = "key-" + std::to_string(index);
    std::filesystem::path snapshot =
        data_dir / "snapshots" / (to_hex(fnv1a_hash(key)) + ".rle");
    if (!wait_for_file(snapshot, std::chrono::milliseconds(500)))
      return "no snapshot " + snapshot.string();
    std::string encoded = read_whole_file(snapshot);
    if (encoded.size() != 4 + 6)
      return "snapshot " + snapshot.string() + " has the wrong size";
    if (run_length_decode(encoded.substr(4)) !=
        "aaaaaaaaaabbbbbbbbbbcccccccccc")
      return "snapshot " + snapshot.string() + " does not decode";
  }
  if (read_first_line(data_dir / "backups" / "alice.user") !=
      read_first_line(data_dir / "users" / "alice.user"))
    return "the backup of alice differs from the original";
  return "";
}

} // namespace

int run_selftest() {
  constexpr int kClients = 2;
  std::filesystem::path data_dir =
      std::filesystem::temp_directory_path() /
      ("concur-example-" + std::to_string(::getpid()));
  std::filesystem::remove_all(data_dir);
  write_sample_users(data_dir / "users");

  asio::io_context io;
  Server server(io, {asio::ip::make_address("127.0.0.1"), 0}, data_dir);
  server.start();
  // A hung selftest must fail, not wait forever.
  asio::steady_timer deadline(io, std::chrono::seconds(10));
  deadline.async_wait([](std::error_code error) {
    if (!error) {
      std::fputs("selftest: FAILED, still running after 10 s\n", stderr);
      std::_Exit(1);
    }
  });
  std::thread event_loop([&io] { io.run(); });

  static_assert(kClients == 2, "one std::thread per client below");
  std::vector<std::string> failures(kClients);
  auto drive_client = [&failures, port = server.port()](int index) {
    try {
      failures[index] = run_client(port, index);
    } catch (const std::exception &error) {
      failures[index] = error.what();
    }
    if (failures[index].empty())
      ++g_clients_passed;
  };
  // Two clients at once, so that the server really interleaves sessions.
  std::thread first_client(drive_client, 0);
  std::thread second_client(drive_client, 1);
  first_client.join();
  second_client.join();

  io.stop();
  event_loop.join();
  server.shutdown();

  std::string file_problem = check_files(data_dir, kClients);
  std::filesystem::remove_all(data_dir);

  bool passed = g_clients_passed == kClients && file_problem.empty();
  for (int index = 0; index < kClients; ++index)
    if (!failures[index].empty())
      std::fprintf(stderr, "selftest: client %d: %s\n", index,
                   failures[index].c_str());
  if (!file_problem.empty())
    std::fprintf(stderr, "selftest: %s\n", file_problem.c_str());
  std::size_t bytes_received;
  {
    std::lock_guard<std::mutex> lock(g_totals_mutex);
    bytes_received = g_bytes_received;
  }
  std::printf(
      "selftest: %s: %d clients, %u connections, %lu replies "
      "checked, %zu bytes received, %llu requests counted\n",
      passed ? "passed" : "FAILED", kClients, server.connections_accepted(),
      g_replies_checked, bytes_received,
      static_cast<unsigned long long>(server.metrics().total_requests()));
  return passed ? EXIT_SUCCESS : EXIT_FAILURE;
}
