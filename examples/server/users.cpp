//===- users.cpp - The user store: one small file per user ----------------===//

#include "users.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <fstream>

UserStore::UserStore(std::filesystem::path directory)
    : directory_(std::move(directory)) {}

std::filesystem::path UserStore::file_for(const std::string &name) const {
  bool plain = !name.empty() && name.size() <= 32 &&
               std::all_of(name.begin(), name.end(), [](unsigned char c) {
                 return std::isalnum(c) || c == '_' || c == '-';
               });
  if (!plain)
    return {};
  return directory_ / (name + ".user");
}

std::optional<UserRecord> UserStore::lookup(const std::string &name) const {
  std::filesystem::path path = file_for(name);
  if (path.empty())
    return std::nullopt;
  std::optional<std::string> line = read_first_line(path);
  if (!line)
    return std::nullopt;
  return parse_user_record(*line);
}

std::optional<std::string> read_first_line(const std::filesystem::path &path) {
  std::ifstream file(path);
  std::string line;
  if (!std::getline(file, line))
    return std::nullopt;
  return line;
}

std::optional<UserRecord> parse_user_record(std::string line) {
  UserRecord record;
  int field = 0;
  for (char *token = std::strtok(line.data(), ":"); token;
       token = std::strtok(nullptr, ":"), ++field) {
    switch (field) {
    case 0:
      record.name = token;
      break;
    case 1:
      record.role = token;
      break;
    case 2:
      record.quota_mb = static_cast<unsigned>(std::strtoul(token, nullptr, 10));
      break;
    default:
      return std::nullopt; // Too many fields: not a record we wrote.
    }
  }
  if (field != 3)
    return std::nullopt;
  return record;
}

void write_sample_users(const std::filesystem::path &directory) {
  std::filesystem::create_directories(directory);
  std::ofstream(directory / "alice.user") << "alice:admin:512\n";
  std::ofstream(directory / "bob.user") << "bob:reader:64\n";
}

std::string describe(const std::optional<UserRecord> &user) {
  if (!user)
    return "ERR no such user";
  return "USER " + user->name + " " + user->role + " " +
         std::to_string(user->quota_mb);
}
