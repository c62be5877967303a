// corpus: safe
// pattern: double-checked locking singleton with an atomic pointer
//
// Safe: twin of double_checked_locking_racy; instance_ is an atomic, loaded
// with acquire and stored with release, so seeing the pointer implies seeing
// the constructed object.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>

class Config {
public:
  static Config &instance() {
    Config *P = instance_.load(std::memory_order_acquire);
    if (P == nullptr) {
      std::lock_guard<std::mutex> Lock(Mutex_);
      P = instance_.load(std::memory_order_relaxed);
      if (P == nullptr) {
        P = new Config();
        instance_.store(P, std::memory_order_release);
      }
    }
    return *P;
  }
  int timeoutMs() const { return timeout_ms_; }

private:
  Config() : timeout_ms_(std::getenv("NO_SUCH_VAR") ? 1 : 30000) {}
  static std::atomic<Config *> instance_;
  static std::mutex Mutex_;
  int timeout_ms_;
};

std::atomic<Config *> Config::instance_{nullptr};
std::mutex Config::Mutex_;

int main() {
  int A = 0, B = 0;
  std::thread Startup([&] { A = Config::instance().timeoutMs(); });
  std::thread Handler([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    B = Config::instance().timeoutMs();
  });
  Startup.join();
  Handler.join();
  std::printf("timeouts %d %d\n", A, B);
}
