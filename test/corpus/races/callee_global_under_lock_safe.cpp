// corpus: safe
// pattern: helper touches a global; every caller holds the lock
//
// Safe: noteInsert/noteEvict do not lock themselves, but both are only
// called with g_cache_mutex held by their callers.
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex g_cache_mutex;
long g_cache_bytes = 0;

// Requires g_cache_mutex.
static void noteInsert(long Bytes) { g_cache_bytes += Bytes; }
// Requires g_cache_mutex.
static void noteEvict(long Bytes) { g_cache_bytes -= Bytes; }

static void inserter() {
  for (int I = 0; I < 3000; ++I) {
    std::lock_guard<std::mutex> Lock(g_cache_mutex);
    noteInsert(64 + I % 32);
  }
}

static void evicter() {
  for (int I = 0; I < 3000; ++I) {
    {
      std::lock_guard<std::mutex> Lock(g_cache_mutex);
      if (g_cache_bytes > 4096)
        noteEvict(64);
    }
    std::this_thread::yield();
  }
}

int main() {
  std::thread A(inserter), B(evicter);
  A.join();
  B.join();
  std::printf("cache bytes=%ld\n", g_cache_bytes);
}
