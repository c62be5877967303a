//===- users.h - The user store: one small file per user --------*- C++ -*-===//
//
// Users live in <data>/users/<name>.user, one line "name:role:quota_mb". The
// store reads the file on every lookup so that edits show up without a
// restart; that makes every lookup a blocking file read.
//
//===----------------------------------------------------------------------===//

#ifndef EXAMPLE_SERVER_USERS_H
#define EXAMPLE_SERVER_USERS_H

#include <filesystem>
#include <optional>
#include <string>

struct UserRecord {
  std::string name;
  std::string role;
  unsigned quota_mb = 0;
};

class UserStore {
public:
  explicit UserStore(std::filesystem::path directory);

  /// Reads and parses the user's file. Blocks on the disk.
  std::optional<UserRecord> lookup(const std::string &name) const;

  /// Where `name`'s record lives; empty for names that are not plain
  /// identifiers (so "../etc/passwd" never becomes a path).
  std::filesystem::path file_for(const std::string &name) const;

  const std::filesystem::path &directory() const { return directory_; }

private:
  std::filesystem::path directory_;
};

/// Parses "name:role:quota_mb". Uses strtok, which keeps its position in a
/// static buffer: two threads parsing at once corrupt each other's fields.
std::optional<UserRecord> parse_user_record(std::string line);

/// The first line of a file, or nothing when it cannot be read.
std::optional<std::string> read_first_line(const std::filesystem::path &path);

/// Writes the sample users (alice, bob) the selftest and the README use.
void write_sample_users(const std::filesystem::path &directory);

/// "USER alice admin 512", or "ERR no such user" for nothing.
std::string describe(const std::optional<UserRecord> &user);

#endif // EXAMPLE_SERVER_USERS_H
