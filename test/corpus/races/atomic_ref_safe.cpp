// corpus: safe
// pattern: legacy plain-int hit counters updated through std::atomic_ref
//
// Safe: while the workers run, every access to g_hits goes through
// std::atomic_ref; main reads the plain int only after the joins.
#include <atomic>
#include <cstdio>
#include <thread>

int g_hits = 0; // legacy struct layout keeps it a plain int
using AtomicInt = std::atomic_ref<int>;

static void serve(int N) {
  for (int I = 0; I < N; ++I)
    AtomicInt(g_hits).fetch_add(1, std::memory_order_relaxed);
}

int main() {
  std::thread A(serve, 3000), B(serve, 3000);
  A.join();
  B.join();
  std::printf("hits=%d\n", g_hits);
}
