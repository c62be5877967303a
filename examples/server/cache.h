//===- cache.h - A read-through cache in front of a busy origin -*- C++ -*-===//
//
// Only the event loop touches the cache, so it has no lock.
//
//===----------------------------------------------------------------------===//

#ifndef EXAMPLE_SERVER_CACHE_H
#define EXAMPLE_SERVER_CACHE_H

#include <cstddef>
#include <map>
#include <optional>
#include <string>

/// Stands in for a remote service the cache fronts. Like a loaded upstream,
/// it answers "busy" to every third request, and callers must retry.
class Origin {
public:
  enum class Status { Found, Missing, Busy };
  struct Answer {
    Status status = Status::Missing;
    std::string value;
  };

  Origin();
  Answer fetch(const std::string &key);

private:
  std::map<std::string, std::string> records_;
  unsigned requests_ = 0;
};

class Cache {
public:
  explicit Cache(Origin &origin) : origin_(origin) {}

  /// The cached value, or the origin's on a miss (retrying while it is busy,
  /// which sleeps between attempts).
  std::optional<std::string> get(const std::string &key);

  /// The cached value only; never asks the origin.
  std::optional<std::string> find(const std::string &key) const;

  void put(const std::string &key, std::string value);

  std::size_t hits() const { return hits_; }
  std::size_t misses() const { return misses_; }

private:
  std::optional<std::string> load_from_origin(const std::string &key);

  Origin &origin_;
  std::map<std::string, std::string> entries_;
  std::size_t hits_ = 0;
  std::size_t misses_ = 0;
};

#endif // EXAMPLE_SERVER_CACHE_H
