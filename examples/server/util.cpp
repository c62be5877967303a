//===- util.cpp - Small helpers shared by the example server --------------===//

#include "util.h"

#include <array>
#include <fstream>
#include <thread>

std::uint64_t fnv1a_hash(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char byte : bytes) {
    hash ^= byte;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::uint64_t stretched_hash(std::string_view text) {
  std::uint64_t hash = fnv1a_hash(text);
  for (unsigned round = 0; round < kStretchRounds; ++round) {
    for (unsigned char byte : text) {
      hash ^= byte;
      hash *= 1099511628211ull;
    }
    hash ^= hash >> 29;
  }
  return hash;
}

std::string to_hex(std::uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text(16, '0');
  for (int position = 15; position >= 0; --position, value >>= 4)
    text[position] = kDigits[value & 0xf];
  return text;
}

std::pair<std::string, std::string> split_command(std::string_view line) {
  std::size_t space = line.find(' ');
  if (space == std::string_view::npos)
    return {std::string(line), std::string()};
  return {std::string(line.substr(0, space)),
          std::string(line.substr(space + 1))};
}

std::chrono::milliseconds backoff_delay(int attempt) {
  return std::chrono::milliseconds(1 << attempt);
}

void pause_before_retry(int attempt) {
  std::this_thread::sleep_for(backoff_delay(attempt));
}

std::uintmax_t copy_file_blocking(const std::filesystem::path &from,
                                  const std::filesystem::path &to) {
  std::ifstream source(from, std::ios::binary);
  std::ofstream target(to, std::ios::binary | std::ios::trunc);
  if (!source || !target)
    return 0;
  std::array<char, 4096> chunk;
  std::uintmax_t copied = 0;
  while (source.read(chunk.data(), chunk.size()) || source.gcount() > 0) {
    target.write(chunk.data(), source.gcount());
    copied += static_cast<std::uintmax_t>(source.gcount());
  }
  return copied;
}

bool wait_for_file(const std::filesystem::path &path,
                   std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!std::filesystem::exists(path)) {
    if (std::chrono::steady_clock::now() >= deadline)
      return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}
