// corpus: racy
// pattern: server starts its accept loop as a member function on `this`
// race: Server::requests_
//
// Racy: the loop thread increments requests_ through `this` while the owner
// thread polls it via requestCount() without a lock.
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

class Server {
public:
  void start() { Loop = std::thread(&Server::acceptLoop, this); }
  void stop() { Loop.join(); }
  int requestCount() const { return requests_; } // RACE

private:
  void acceptLoop() {
    for (int I = 0; I < 3000; ++I)
      ++requests_; // RACE
  }
  std::thread Loop;
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
