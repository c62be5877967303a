// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A constructor has the object it makes to itself until it gives `this`
// on: what it does to the object before it hands a callback bound to
// `this` to a loop another thread already runs is no race with that
// thread; what it does after is. A member's method is given the member,
// not `this`.

#include <functional>
#include <mutex>
#include <thread>
#include <vector>

class Channel {
public:
  void setReadCallback(std::function<void()> F) { ReadCallback = std::move(F); }
  void handleEvent() {
    if (ReadCallback)
      ReadCallback();
  }

private:
  std::function<void()> ReadCallback;
};

struct Loop {
  std::mutex Mutex;
  std::vector<Channel *> Channels;
  int add(Channel *C) {
    std::lock_guard<std::mutex> Guard(Mutex);
    Channels.push_back(C);
    return 0;
  }
  void run() {
    for (;;) {
      std::vector<Channel *> Active;
      {
        std::lock_guard<std::mutex> Guard(Mutex);
        Active = Channels;
      }
      for (Channel *C : Active)
        C->handleEvent();
    }
  }
};
static Loop TheLoop;

class Acceptor {
public:
  Acceptor() : IdleFd(3) {
    // Before the callback is handed on: the constructor's own object.
    int Check = IdleFd;
    (void)Check;
    AcceptChannel.setReadCallback(std::bind(&Acceptor::handleRead, this));
    TheLoop.add(&AcceptChannel);
    Late = 1;
    // CHECK-DAG: objects-under-construction.cpp:[[@LINE-1]]:5: warning: 'Acceptor::Late' is written by thread 'main' without a lock and read by thread 'lambda at {{.*}}' without a lock
  }
  void handleRead() {
    IdleFd = 4;
    int Seen = Late;
    (void)Seen;
  }

private:
  Channel AcceptChannel;
  int IdleFd;
  int Late = 0;
};

int main() {
  std::thread T([] { TheLoop.run(); });
  Acceptor *A = new Acceptor;
  T.join();
  delete A;
}

// Every finding above, and no other (the implicit check covers the output
// up to the summary).
// CHECK: concur: 1 file analysed, 0 failed to parse; 1 concur-unsynchronized-shared-state