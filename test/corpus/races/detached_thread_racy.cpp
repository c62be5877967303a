// corpus: racy
// pattern: detached background flusher, main polls a completion flag
// race: g_bytes_flushed
//
// Racy: the flusher is detached, and the only signal back is a relaxed
// atomic, which does not order the flusher's writes to g_bytes_flushed before
// main's read.
#include <atomic>
#include <cstdio>
#include <thread>

long g_bytes_flushed = 0;
std::atomic<bool> g_flush_done{false};

static void flushJournal() {
  for (int Page = 0; Page < 2000; ++Page)
    g_bytes_flushed += 4096; // RACE
  g_flush_done.store(true, std::memory_order_relaxed);
}

int main() {
  std::thread(flushJournal).detach();
  while (!g_flush_done.load(std::memory_order_relaxed))
    std::this_thread::yield();
  std::printf("flushed=%ld\n", g_bytes_flushed); // RACE
}
