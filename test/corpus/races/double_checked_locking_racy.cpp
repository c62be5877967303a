// corpus: racy
// pattern: double-checked locking singleton with a plain pointer
// race: Config::instance_
// race: Config::timeout_ms_
//
// Racy: the first check reads instance_ without the lock and without an
// atomic, so a thread that sees it non-null has no happens-before with the
// construction (it may see a half-built Config).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>

class Config {
public:
  static Config &instance() {
    Config *P = instance_; // RACE
    if (P == nullptr) {
      std::lock_guard<std::mutex> Lock(Mutex_);
      P = instance_;
      if (P == nullptr) {
        // The new-expression runs the constructor, which writes timeout_ms_.
        P = new Config(); // RACE
        instance_ = P;    // RACE
      }
    }
    return *P;
  }
  int timeoutMs() const { return timeout_ms_; } // RACE

private:
  Config() : timeout_ms_(std::getenv("NO_SUCH_VAR") ? 1 : 30000) {}
  static Config *instance_;
  static std::mutex Mutex_;
  int timeout_ms_;
};

Config *Config::instance_ = nullptr;
std::mutex Config::Mutex_;

int main() {
  int A = 0, B = 0;
  std::thread Startup([&] { A = Config::instance().timeoutMs(); });
  std::thread Handler([&] {
    // The first request arrives a little after startup.
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    B = Config::instance().timeoutMs();
  });
  Startup.join();
  Handler.join();
  std::printf("timeouts %d %d\n", A, B);
}
