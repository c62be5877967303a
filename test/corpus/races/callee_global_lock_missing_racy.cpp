// corpus: racy
// pattern: helper touches a global; one caller forgets to hold the lock
// race: g_cache_bytes
//
// Racy: twin of callee_global_under_lock_safe; the evicter calls the helpers
// without g_cache_mutex, so its accesses race with the inserter's.
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex g_cache_mutex;
long g_cache_bytes = 0;

// Requires g_cache_mutex.
static void noteInsert(long Bytes) { g_cache_bytes += Bytes; } // RACE
// Requires g_cache_mutex.
static void noteEvict(long Bytes) { g_cache_bytes -= Bytes; } // RACE

static void inserter() {
  for (int I = 0; I < 3000; ++I) {
    std::lock_guard<std::mutex> Lock(g_cache_mutex);
    noteInsert(64 + I % 32);
  }
}

static void evicter() {
  for (int I = 0; I < 3000; ++I) {
    if (g_cache_bytes > 4096) // RACE
      noteEvict(64);
    std::this_thread::yield();
  }
}

int main() {
  std::thread A(inserter), B(evicter);
  A.join();
  B.join();
  std::printf("cache bytes=%ld\n", g_cache_bytes);
}
