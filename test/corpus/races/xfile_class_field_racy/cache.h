#ifndef CACHE_H
#define CACHE_H

#include <map>
#include <mutex>
#include <string>

// Thumbnail cache shared by the render threads.
class Cache {
public:
  bool lookup(int Key, std::string &Out);
  void store(int Key, const std::string &Value);
  long hits() const;

private:
  mutable std::mutex Mutex_;
  std::map<int, std::string> entries_; // guarded by Mutex_
  long hits_ = 0;                      // meant to be guarded by Mutex_
};

#endif
