#include "cache.h"

bool Cache::lookup(int Key, std::string &Out) {
  bool Found = false;
  {
    std::lock_guard<std::mutex> Lock(Mutex_);
    auto It = entries_.find(Key);
    if (It != entries_.end()) {
      Out = It->second;
      Found = true;
    }
  }
  if (Found)
    ++hits_; // RACE
  return Found;
}

void Cache::store(int Key, const std::string &Value) {
  std::lock_guard<std::mutex> Lock(Mutex_);
  entries_[Key] = Value;
}

long Cache::hits() const {
  std::lock_guard<std::mutex> Lock(Mutex_);
  return hits_;
}
