//===- util.h - Small helpers shared by the example server ------*- C++ -*-===//
//
// Hashing, command parsing, retry backoff and plain file helpers. Several of
// these block the calling thread on purpose; the comments say which, because
// whether that is fine depends on the thread that calls them.
//
//===----------------------------------------------------------------------===//

#ifndef EXAMPLE_SERVER_UTIL_H
#define EXAMPLE_SERVER_UTIL_H

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>

/// 64-bit FNV-1a: stable across runs and platforms, so clients can check the
/// fingerprints the server sends back. Pure CPU work.
std::uint64_t fnv1a_hash(std::string_view bytes);

/// Rounds of stretched_hash: about a millisecond for a short text. Clients
/// compare fingerprints, so changing it changes every fingerprint.
inline constexpr unsigned kStretchRounds = 100'000;

/// FNV-1a applied kStretchRounds times over the text and the previous
/// round's hash: a deliberately slow fingerprint (key stretching), so that
/// guessing the text from its fingerprint is slow too. Pure CPU work, a lot
/// of it.
std::uint64_t stretched_hash(std::string_view text);

/// The hash as 16 lower-case hex digits.
std::string to_hex(std::uint64_t value);

/// Splits "COMMAND the rest" at the first space; the rest may be empty.
std::pair<std::string, std::string> split_command(std::string_view line);

/// Delay before retry number `attempt` (0-based) of a busy upstream:
/// 1 ms, 2 ms, 4 ms, ...
std::chrono::milliseconds backoff_delay(int attempt);

/// Waits out the backoff for `attempt` by sleeping the calling thread.
/// Blocks: call it only from a thread that may sleep.
void pause_before_retry(int attempt);

/// Copies `from` to `to` through std::ifstream/std::ofstream in fixed-size
/// chunks and returns the bytes copied (0 when either file cannot be opened).
/// Blocks on the disk for the whole copy.
std::uintmax_t copy_file_blocking(const std::filesystem::path &from,
                                  const std::filesystem::path &to);

/// Polls every few milliseconds until `path` exists or `timeout` passes;
/// returns whether it appeared. Sleeps the calling thread between polls.
bool wait_for_file(const std::filesystem::path &path,
                   std::chrono::milliseconds timeout);

#endif // EXAMPLE_SERVER_UTIL_H
