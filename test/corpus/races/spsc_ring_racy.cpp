// corpus: racy
// pattern: single-producer/single-consumer ring buffer with plain indices
// race: RingBuffer::head_
// race: RingBuffer::tail_
// race: RingBuffer::slots_
//
// Racy: head_ and tail_ are plain size_t, so neither the index updates nor
// the slot contents they are meant to publish are ordered between the two
// threads.
#include <cstddef>
#include <cstdio>
#include <thread>

class RingBuffer {
public:
  bool push(int V) {
    if (head_ - tail_ == Capacity) // RACE
      return false;
    slots_[head_ % Capacity] = V; // RACE
    ++head_;                      // RACE
    return true;
  }
  bool pop(int &V) {
    if (tail_ == head_) // RACE
      return false;
    V = slots_[tail_ % Capacity]; // RACE
    ++tail_;                      // RACE
    return true;
  }

private:
  static constexpr size_t Capacity = 64;
  int slots_[Capacity] = {};
  size_t head_ = 0;
  size_t tail_ = 0;
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
