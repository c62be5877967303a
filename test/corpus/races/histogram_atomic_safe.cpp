// corpus: safe
// pattern: latency histogram shared by request threads
//
// Safe: twin of histogram_racy with atomic buckets.
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

class LatencyHistogram {
public:
  void record(int Micros) {
    int B = 0;
    while (B < 15 && (1 << B) < Micros)
      ++B;
    buckets_[B].fetch_add(1, std::memory_order_relaxed);
  }
  long total() const {
    long T = 0;
    for (const std::atomic<long> &C : buckets_)
      T += C.load(std::memory_order_relaxed);
    return T;
  }

private:
  std::atomic<long> buckets_[16] = {};
};

int main() {
  LatencyHistogram H;
  std::vector<std::thread> Handlers;
  for (int T = 0; T < 3; ++T)
    Handlers.emplace_back([&H, T] {
      for (int Req = 0; Req < 3000; ++Req)
        H.record((Req * 7 + T) % 900);
    });
  for (std::thread &T : Handlers)
    T.join();
  std::printf("recorded=%ld\n", H.total());
}
