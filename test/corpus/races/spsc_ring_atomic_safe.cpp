// corpus: safe
// pattern: single-producer/single-consumer ring buffer with atomic indices
//
// Safe: twin of spsc_ring_racy; the producer publishes head_ with release
// after writing the slot, the consumer publishes tail_ with release after
// reading it, and each side loads the other's index with acquire.
#include <atomic>
#include <cstddef>
#include <cstdio>
#include <thread>

class RingBuffer {
public:
  bool push(int V) {
    size_t H = head_.load(std::memory_order_relaxed);
    if (H - tail_.load(std::memory_order_acquire) == Capacity)
      return false;
    slots_[H % Capacity] = V;
    head_.store(H + 1, std::memory_order_release);
    return true;
  }
  bool pop(int &V) {
    size_t T = tail_.load(std::memory_order_relaxed);
    if (T == head_.load(std::memory_order_acquire))
      return false;
    V = slots_[T % Capacity];
    tail_.store(T + 1, std::memory_order_release);
    return true;
  }

private:
  static constexpr size_t Capacity = 64;
  int slots_[Capacity] = {};
  std::atomic<size_t> head_{0};
  std::atomic<size_t> tail_{0};
};

int main() {
  RingBuffer Ring;
  long Sum = 0;
  std::thread Producer([&] {
    for (int I = 1; I <= 3000; ++I)
      while (!Ring.push(I))
        std::this_thread::yield();
  });
  std::thread Consumer([&] {
    int V;
    for (int Got = 0; Got < 3000;) {
      if (Ring.pop(V)) {
        Sum += V;
        ++Got;
      } else {
        std::this_thread::yield();
      }
    }
  });
  Producer.join();
  Consumer.join();
  std::printf("sum=%ld\n", Sum);
}
