// corpus: racy
// pattern: log level set after the workers start, "they sleep first anyway"
// race: g_log_level
//
// Racy: a sleep is not synchronisation; main's write and the workers' reads
// of g_log_level have no happens-before however long the workers wait.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

int g_log_level = 0;

static void worker(int *Logged) {
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  for (int I = 0; I < 100; ++I)
    if (g_log_level >= 2) // RACE
      ++*Logged;
}

int main() {
  int A = 0, B = 0;
  std::thread W1(worker, &A), W2(worker, &B);
  const char *Env = std::getenv("APP_LOG_LEVEL");
  g_log_level = Env ? std::atoi(Env) : 2; // RACE
  W1.join();
  W2.join();
  std::printf("logged=%d\n", A + B);
}
