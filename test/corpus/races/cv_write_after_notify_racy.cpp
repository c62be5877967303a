// corpus: racy
// pattern: condition-variable result slot whose payload is written after the
//          critical section "to keep the lock short"
// race: ResultSlot::payload_
//
// Racy: the waiter synchronises with the unlock that set ready_, which comes
// before the payload_ write, so the write and the waiter's read are unordered.
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

class ResultSlot {
public:
  void publish(long Value) {
    {
      std::lock_guard<std::mutex> Lock(Mutex_);
      ready_ = true;
    }
    Ready_.notify_one();
    payload_ = Value; // RACE
  }
  long wait() {
    std::unique_lock<std::mutex> Lock(Mutex_);
    Ready_.wait(Lock, [this] { return ready_; });
    return payload_; // RACE
  }

private:
  std::mutex Mutex_;
  std::condition_variable Ready_;
  bool ready_ = false;
  long payload_ = 0;
};

int main() {
  ResultSlot Slot;
  long Got = 0;
  std::thread Waiter([&] { Got = Slot.wait(); });
  std::thread Worker([&] {
    long Sum = 0;
    for (int I = 0; I < 1000; ++I)
      Sum += I;
    Slot.publish(Sum);
  });
  Worker.join();
  Waiter.join();
  std::printf("got=%ld\n", Got);
}
