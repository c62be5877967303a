// corpus: safe
// pattern: endpoint registry behind a shared_mutex, readers vs writer
//
// Safe: twin of shared_mutex_writer_shared_lock_racy; the writer takes a
// unique_lock, which excludes every shared_lock reader.
#include <cstdio>
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <vector>

class Registry {
public:
  Registry() { entries_.reserve(1024); }
  void add(int Port) {
    std::unique_lock<std::shared_mutex> Lock(Mutex_);
    entries_.push_back(Port);
  }
  bool contains(int Port) const {
    std::shared_lock<std::shared_mutex> Lock(Mutex_);
    size_t N = entries_.size();
    for (size_t I = 0; I < N; ++I)
      if (entries_[I] == Port)
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
  std::thread ReaderA([&] {
    int Found = 0;
    for (int I = 0; I < 300; ++I)
      Found += R.contains(8000 + I);
    std::printf("A found %d\n", Found);
  });
  std::thread ReaderB([&] {
    int Found = 0;
    for (int I = 299; I >= 0; --I)
      Found += R.contains(8000 + I);
    std::printf("B found %d\n", Found);
  });
  Writer.join();
  ReaderA.join();
  ReaderB.join();
}
