// corpus: racy
// pattern: live-instance counter kept in a class static, objects created on
//          several threads
// race: Connection::instance_count
//
// Racy: constructors and destructors on different threads update the static
// without synchronisation.
#include <cstdio>
#include <thread>

class Connection {
public:
  explicit Connection(int Fd) : Fd(Fd) { ++instance_count; } // RACE
  ~Connection() { --instance_count; }                        // RACE
  int describe(char *Buf, int Len) const {
    return std::snprintf(Buf, Len, "conn fd=%d", Fd);
  }
  static int instance_count;

private:
  int Fd;
};

int Connection::instance_count = 0;

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
  std::printf("live connections=%d\n", Connection::instance_count);
}
