//===- cache.cpp - A read-through cache in front of a busy origin ---------===//

#include "cache.h"

#include "util.h"

namespace {
/// Enough for three busy answers in a row; a fourth means the origin is down.
constexpr int kOriginAttempts = 4;
} // namespace

Origin::Origin()
    : records_{{"answer", "42"},
               {"motd", "hello from the origin"},
               {"color", "teal"}} {}

Origin::Answer Origin::fetch(const std::string &key) {
  if (++requests_ % 3 == 0)
    return {Status::Busy, {}};
  auto found = records_.find(key);
  if (found == records_.end())
    return {Status::Missing, {}};
  return {Status::Found, found->second};
}

std::optional<std::string> Cache::get(const std::string &key) {
  if (auto cached = entries_.find(key); cached != entries_.end()) {
    ++hits_;
    return cached->second;
  }
  ++misses_;
  std::optional<std::string> loaded = load_from_origin(key);
  if (loaded)
    entries_.emplace(key, *loaded);
  return loaded;
}

std::optional<std::string> Cache::find(const std::string &key) const {
  auto cached = entries_.find(key);
  if (cached == entries_.end())
    return std::nullopt;
  return cached->second;
}

void Cache::put(const std::string &key, std::string value) {
  entries_.insert_or_assign(key, std::move(value));
}

std::optional<std::string> Cache::load_from_origin(const std::string &key) {
  for (int attempt = 0; attempt < kOriginAttempts; ++attempt) {
    Origin::Answer answer = origin_.fetch(key);
    if (answer.status == Origin::Status::Found)
      return answer.value;
    if (answer.status == Origin::Status::Missing)
      return std::nullopt;
    pause_before_retry(attempt);
  }
  return std::nullopt;
}
