// corpus: racy
// pattern: plain bool shutdown flag polled by worker loops
// race: g_stop
//
// Racy: main writes g_stop while the workers read it; a plain bool gives no
// ordering (and the compiler may even hoist the load out of the loop).
#include <chrono>
#include <cstdio>
#include <thread>

bool g_stop = false;

static void pollLoop(long *Polls) {
  while (!g_stop) { // RACE
    ++*Polls;
    std::this_thread::yield();
  }
}

int main() {
  long A = 0, B = 0;
  std::thread W1(pollLoop, &A), W2(pollLoop, &B);
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  g_stop = true; // RACE
  W1.join();
  W2.join();
  std::printf("polls=%ld\n", A + B);
}
