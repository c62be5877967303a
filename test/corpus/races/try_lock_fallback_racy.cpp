// corpus: racy
// pattern: non-blocking metrics hand-off with try_lock; the contended path
//          counts the dropped sample without the lock
// race: g_dropped
//
// Racy: ++g_dropped runs exactly when another thread holds the mutex, so it
// is unordered with the flusher's locked reset and with the other worker.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>
#include <utility>

std::mutex g_agg_mutex;
long g_pending = 0; // guarded by g_agg_mutex
std::atomic<bool> g_workers_done{false};
long g_dropped = 0; // meant to be guarded by g_agg_mutex

static void worker() {
  for (int Sample = 0; Sample < 400; ++Sample) {
    if (g_agg_mutex.try_lock()) {
      g_pending += 1;
      g_agg_mutex.unlock();
    } else {
      ++g_dropped; // RACE
    }
    std::this_thread::sleep_for(std::chrono::microseconds(5));
  }
}

static void flusher(long *Reported) {
  while (!g_workers_done.load(std::memory_order_relaxed)) {
    {
      std::lock_guard<std::mutex> Lock(g_agg_mutex);
      std::this_thread::sleep_for(std::chrono::milliseconds(1)); // slow sink
      g_pending = 0;
      *Reported += std::exchange(g_dropped, 0); // RACE
    }
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
}

int main() {
  long Reported = 0;
  std::thread A(worker), B(worker);
  std::thread F(flusher, &Reported);
  A.join();
  B.join();
  g_workers_done.store(true, std::memory_order_relaxed);
  F.join();
  std::printf("dropped reported=%ld\n", Reported);
}
