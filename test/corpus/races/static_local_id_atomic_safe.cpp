// corpus: safe
// pattern: request-id generator with a function-local static counter
//
// Safe: twin of static_local_id_racy; the counter is an std::atomic.
#include <atomic>
#include <cstdio>
#include <thread>

static int nextRequestId() {
  static std::atomic<int> counter{0};
  return counter.fetch_add(1, std::memory_order_relaxed) + 1;
}

int main() {
  long Sums[2] = {0, 0};
  auto Handle = [&Sums](int Slot) {
    for (int I = 0; I < 3000; ++I)
      Sums[Slot] += nextRequestId();
  };
  std::thread A(Handle, 0), B(Handle, 1);
  A.join();
  B.join();
  std::printf("id sum=%ld\n", Sums[0] + Sums[1]);
}
