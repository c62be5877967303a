// corpus: racy
// pattern: SIGHUP-style config reload thread rewriting settings that request
//          workers read
// race: g_timeout_ms
// race: g_max_connections
//
// Racy: the reloader assigns the plain globals while workers read them; no
// lock or atomic orders the two sides (workers can even see a torn mix).
#include <chrono>
#include <cstdio>
#include <thread>

long g_timeout_ms = 1000;
long g_max_connections = 64;

static void reloader() {
  for (int Gen = 1; Gen <= 20; ++Gen) {
    g_timeout_ms = 1000 + Gen;    // RACE
    g_max_connections = 64 + Gen; // RACE
    std::this_thread::sleep_for(std::chrono::microseconds(50));
  }
}

static void worker(long *Budget) {
  for (int Req = 0; Req < 500; ++Req) {
    *Budget += g_timeout_ms / g_max_connections; // RACE
    std::this_thread::yield();
  }
}

int main() {
  long A = 0, B = 0;
  std::thread R(reloader), W1(worker, &A), W2(worker, &B);
  R.join();
  W1.join();
  W2.join();
  std::printf("budget=%ld\n", A + B);
}
