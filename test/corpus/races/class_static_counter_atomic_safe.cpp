// corpus: safe
// pattern: live-instance counter kept in a class static, objects created on
//          several threads
//
// Safe: twin of class_static_counter_racy; the static is an std::atomic.
#include <atomic>
#include <cstdio>
#include <thread>

class Connection {
public:
  explicit Connection(int Fd) : Fd(Fd) { ++instance_count; }
  ~Connection() { --instance_count; }
  int describe(char *Buf, int Len) const {
    return std::snprintf(Buf, Len, "conn fd=%d", Fd);
  }
  static std::atomic<int> instance_count;

private:
  int Fd;
};

std::atomic<int> Connection::instance_count{0};

static void acceptLoop(int Base) {
  char Buf[32];
  for (int I = 0; I < 2000; ++I) {
    Connection C(Base + I);
    C.describe(Buf, sizeof(Buf));
  }
}

int main() {
  std::thread A(acceptLoop, 100), B(acceptLoop, 5000);
  A.join();
  B.join();
  std::printf("live connections=%d\n", Connection::instance_count.load());
}
