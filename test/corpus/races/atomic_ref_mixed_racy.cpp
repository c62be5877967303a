// corpus: racy
// pattern: plain-int hit counter updated through std::atomic_ref on one path
//          and with a plain increment on a "fast path"
// race: g_hits
//
// Racy: atomic_ref only helps if every concurrent access is atomic; the
// cached-path plain increment races with the atomic fetch_add.
#include <atomic>
#include <cstdio>
#include <thread>

int g_hits = 0;
using AtomicInt = std::atomic_ref<int>;

static void serveUncached(int N) {
  for (int I = 0; I < N; ++I)
    AtomicInt(g_hits).fetch_add(1, std::memory_order_relaxed); // RACE
}

static void serveCached(int N) {
  for (int I = 0; I < N; ++I)
    ++g_hits; // RACE
}

int main() {
  std::thread A(serveUncached, 3000), B(serveCached, 3000);
  A.join();
  B.join();
  std::printf("hits=%d\n", g_hits);
}
