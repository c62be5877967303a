// corpus: racy
// pattern: endpoint registry behind a shared_mutex; the writer mistakenly
//          takes a shared (reader) lock
// race: Registry::entries_
//
// Racy: shared_lock lets the registering thread run concurrently with the
// lookups, so push_back races with the readers' size()/operator[].
#include <cstdio>
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <vector>

class Registry {
public:
  Registry() { entries_.reserve(1024); }
  void add(int Port) {
    std::shared_lock<std::shared_mutex> Lock(Mutex_); // bug: should be unique
    entries_.push_back(Port);                         // RACE
  }
  bool contains(int Port) const {
    std::shared_lock<std::shared_mutex> Lock(Mutex_);
    size_t N = entries_.size(); // RACE
    for (size_t I = 0; I < N; ++I)
      if (entries_[I] == Port) // RACE
        return true;
    return false;
  }

private:
  mutable std::shared_mutex Mutex_;
  std::vector<int> entries_;
};

int main() {
  Registry R;
  std::thread Writer([&] {
    for (int Port = 8000; Port < 8300; ++Port)
      R.add(Port);
  });
  std::thread Reader([&] {
    int Found = 0;
    for (int I = 0; I < 300; ++I)
      Found += R.contains(8000 + I);
    std::printf("found %d\n", Found);
  });
  Writer.join();
  Reader.join();
}
