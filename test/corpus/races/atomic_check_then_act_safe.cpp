// corpus: safe
// pattern: connection-slot reservation with a separate atomic load and
//          fetch_sub
//
// Safe as far as data races go: every access to g_free_slots is atomic. The
// load/fetch_sub pair is an atomicity bug (slots can go negative), which is
// a logic race, not a data race, and out of scope for this corpus.
#include <atomic>
#include <cstdio>
#include <thread>

std::atomic<int> g_free_slots{100};

static void acceptClients(int *Accepted) {
  for (int I = 0; I < 200; ++I) {
    if (g_free_slots.load() > 0) {
      g_free_slots.fetch_sub(1);
      ++*Accepted;
    }
  }
}

int main() {
  int A = 0, B = 0;
  std::thread T1(acceptClients, &A), T2(acceptClients, &B);
  T1.join();
  T2.join();
  std::printf("accepted=%d free=%d\n", A + B, g_free_slots.load());
}
