// corpus: safe
// pattern: non-blocking metrics hand-off with try_lock
//
// Safe: twin of try_lock_fallback_racy; shared state is touched only on the
// try_lock success path; drops are counted in a local and handed over on the
// next successful try_lock.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>
#include <utility>

std::mutex g_agg_mutex;
long g_pending = 0; // guarded by g_agg_mutex
std::atomic<bool> g_workers_done{false};
long g_dropped = 0; // guarded by g_agg_mutex

static void worker() {
  long LocalDrops = 0;
  for (int Sample = 0; Sample < 400; ++Sample) {
    if (g_agg_mutex.try_lock()) {
      g_pending += 1;
      g_dropped += LocalDrops;
      g_agg_mutex.unlock();
      LocalDrops = 0;
    } else {
      ++LocalDrops;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(5));
  }
  std::lock_guard<std::mutex> Lock(g_agg_mutex);
  g_dropped += LocalDrops;
}

static void flusher(long *Reported) {
  while (!g_workers_done.load(std::memory_order_relaxed)) {
    {
      std::lock_guard<std::mutex> Lock(g_agg_mutex);
      std::this_thread::sleep_for(std::chrono::milliseconds(1)); // slow sink
      g_pending = 0;
      *Reported += std::exchange(g_dropped, 0);
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
  std::printf("dropped reported=%ld, left=%ld\n", Reported, g_dropped);
}
