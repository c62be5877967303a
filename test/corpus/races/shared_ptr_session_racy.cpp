// corpus: racy
// pattern: session object shared via shared_ptr between sender and monitor
// race: Session::bytes_sent_
//
// Racy: the shared_ptr control block is thread-safe, the Session it points to
// is not; the sender writes bytes_sent_ while the monitor reads it.
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

class Session {
public:
  void send(int N) { bytes_sent_ += N; }         // RACE
  long bytesSent() const { return bytes_sent_; } // RACE

private:
  long bytes_sent_ = 0;
};

int main() {
  auto S = std::make_shared<Session>();
  std::thread Monitor([S] {
    long Last = 0;
    for (int I = 0; I < 50; ++I) {
      Last = S->bytesSent();
      std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
    std::printf("monitor saw %ld\n", Last);
  });
  std::thread Sender([S] {
    for (int I = 0; I < 2000; ++I) {
      S->send(512);
      if (I % 100 == 0)
        std::this_thread::sleep_for(std::chrono::microseconds(20));
    }
  });
  Monitor.join();
  Sender.join();
  std::printf("sent=%ld\n", S->bytesSent());
}
