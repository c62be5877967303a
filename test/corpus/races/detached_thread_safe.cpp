// corpus: safe
// pattern: detached background flusher, main polls a completion flag
//
// Safe: twin of detached_thread_racy; the flag is stored with release and
// loaded with acquire, so the flusher's writes happen before main's read.
#include <atomic>
#include <cstdio>
#include <thread>

long g_bytes_flushed = 0;
std::atomic<bool> g_flush_done{false};

static void flushJournal() {
  for (int Page = 0; Page < 2000; ++Page)
    g_bytes_flushed += 4096;
  g_flush_done.store(true, std::memory_order_release);
}

int main() {
  std::thread(flushJournal).detach();
  while (!g_flush_done.load(std::memory_order_acquire))
    std::this_thread::yield();
  std::printf("flushed=%ld\n", g_bytes_flushed);
}
