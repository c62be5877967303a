// corpus: safe
// pattern: server starts its accept loop as a member function on `this`
//
// Safe: twin of member_this_thread_racy; requests_ is guarded by Mutex_ on
// both the loop thread and the polling thread.
#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>
#include <thread>

class Server {
public:
  void start() { Loop = std::thread(&Server::acceptLoop, this); }
  void stop() { Loop.join(); }
  int requestCount() const {
    std::lock_guard<std::mutex> Lock(Mutex_);
    return requests_;
  }

private:
  void acceptLoop() {
    for (int I = 0; I < 3000; ++I) {
      std::lock_guard<std::mutex> Lock(Mutex_);
      ++requests_;
    }
  }
  std::thread Loop;
  mutable std::mutex Mutex_;
  int requests_ = 0;
};

int main() {
  auto S = std::make_unique<Server>();
  S->start();
  int Seen = 0;
  for (int I = 0; I < 20; ++I) {
    Seen = S->requestCount();
    std::this_thread::sleep_for(std::chrono::microseconds(100));
  }
  S->stop();
  std::printf("seen=%d final=%d\n", Seen, S->requestCount());
}
