// corpus: safe
// pattern: config reload by swapping an immutable snapshot behind a mutex
//
// Safe: the reloader builds a new immutable Config and swaps the shared_ptr
// under g_config_mutex; workers copy the pointer under the same mutex and
// then only read the snapshot.
#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>
#include <thread>

struct Config {
  int TimeoutMs;
  int MaxConnections;
};

std::mutex g_config_mutex;
std::shared_ptr<const Config> g_config =
    std::make_shared<const Config>(Config{1000, 64});

static std::shared_ptr<const Config> currentConfig() {
  std::lock_guard<std::mutex> Lock(g_config_mutex);
  return g_config;
}

static void reloader() {
  for (int Gen = 1; Gen <= 20; ++Gen) {
    auto Next = std::make_shared<const Config>(Config{1000 + Gen, 64 + Gen});
    {
      std::lock_guard<std::mutex> Lock(g_config_mutex);
      g_config.swap(Next);
    }
    std::this_thread::sleep_for(std::chrono::microseconds(50));
  }
}

static void worker(long *Budget) {
  for (int Req = 0; Req < 500; ++Req) {
    std::shared_ptr<const Config> C = currentConfig();
    *Budget += C->TimeoutMs / C->MaxConnections;
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
