// corpus: safe
// pattern: atomic shutdown flag polled by worker loops
//
// Safe: twin of shutdown_flag_racy with g_stop an std::atomic<bool>.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

std::atomic<bool> g_stop{false};

static void pollLoop(long *Polls) {
  while (!g_stop.load(std::memory_order_acquire)) {
    ++*Polls;
    std::this_thread::yield();
  }
}

int main() {
  long A = 0, B = 0;
  std::thread W1(pollLoop, &A), W2(pollLoop, &B);
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  g_stop.store(true, std::memory_order_release);
  W1.join();
  W2.join();
  std::printf("polls=%ld\n", A + B);
}
