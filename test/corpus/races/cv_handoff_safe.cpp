// corpus: safe
// pattern: condition-variable mailbox handing orders from a producer to a
//          consumer thread
//
// Safe: payload_ and full_ are only touched with Mutex_ held; the condition
// variable waits re-check their predicate under that same mutex.
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

class Mailbox {
public:
  void put(int OrderId) {
    std::unique_lock<std::mutex> Lock(Mutex_);
    NotFull_.wait(Lock, [this] { return !full_; });
    payload_ = OrderId;
    full_ = true;
    NotEmpty_.notify_one();
  }
  int take() {
    std::unique_lock<std::mutex> Lock(Mutex_);
    NotEmpty_.wait(Lock, [this] { return full_; });
    full_ = false;
    NotFull_.notify_one();
    return payload_;
  }

private:
  std::mutex Mutex_;
  std::condition_variable NotEmpty_, NotFull_;
  int payload_ = 0;
  bool full_ = false;
};

int main() {
  Mailbox Box;
  long Sum = 0;
  std::thread Consumer([&] {
    for (int I = 0; I < 200; ++I)
      Sum += Box.take();
  });
  std::thread Producer([&] {
    for (int I = 1; I <= 200; ++I)
      Box.put(I);
  });
  Producer.join();
  Consumer.join();
  std::printf("sum=%ld\n", Sum);
}
