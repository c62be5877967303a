// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A local whose destructor joins the thread it started (a connection's
// heartbeat, joined when the connection goes) is walked where its scope
// ends: the thread a second call starts comes after the first one's join.
// Without that, the two starts looked like one thread running twice at
// once on one object, and its own writes raced with themselves.

#include <condition_variable>
#include <mutex>
#include <thread>

struct Channel {
  int Sent = 0;
};

class Heartbeat {
public:
  explicit Heartbeat(Channel &C) : Chan(C) { start(); }
  ~Heartbeat() {
    {
      std::lock_guard<std::mutex> Lock(Mu);
      Closed = true;
    }
    Wake.notify_all();
    if (Pinger.joinable())
      Pinger.join();
  }

private:
  void start() {
    Pinger = std::thread([this] {
      std::unique_lock<std::mutex> Lock(Mu);
      while (!Closed) {
        Wake.wait(Lock);
        Lock.unlock();
        ++Chan.Sent;
        Lock.lock();
      }
    });
  }
  Channel &Chan;
  std::mutex Mu;
  std::condition_variable Wake;
  bool Closed = false;
  std::thread Pinger;
};

static int Connections;

// Each call has a heartbeat of its own, joined before it returns. (Its
// write through the reference member and this one's race; concur does not
// follow what a reference member was bound to, and misses that.)
static void serve(Channel &C) {
  Heartbeat H(C);
  ++C.Sent;
  // The two connection threads are not ordered.
  // CHECK: joining-destructors.cpp:[[@LINE+1]]:{{[0-9]+}}: warning: 'Connections' is written by thread 'lambda at joining-destructors.cpp:{{[0-9]+}}:{{[0-9]+}}' without a lock and written by thread 'lambda
  ++Connections;
}

int main() {
  std::thread Connection([] {
    Channel C;
    serve(C);
    serve(C);
  });
  std::thread Other([] {
    Channel C;
    serve(C);
  });
  Connection.join();
  Other.join();
}
