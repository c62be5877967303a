// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A method bound to its object and stored in a thread wrapper runs on the
// object that bound it last before the thread started: pool B's thread
// runs on B, not on pool A, which bound the same method first.

#include <functional>
#include <memory>
#include <thread>

class Runner {
public:
  explicit Runner(std::function<void()> Fn) : Fn(std::move(Fn)) {}
  void start() { T = std::thread([this] { Fn(); }); }
  void join() { T.join(); }

private:
  std::function<void()> Fn;
  std::thread T;
};

class Pool {
public:
  void start() {
    Running = true;
    R.reset(new Runner(std::bind(&Pool::loop, this)));
    R->start();
  }
  void stop() { R->join(); }
  void poke() { Running = true; }
  // CHECK: creator-objects.cpp:[[@LINE-1]]:17: warning: 'Pool::Running' is written by thread 'main' without a lock and read by thread 'lambda at creator-objects.cpp:13:34' without a lock
  // CHECK: creator-objects.cpp:[[@LINE-2]]:17: warning: 'Pool::Running' is written by thread 'main' without a lock and written by thread 'lambda at creator-objects.cpp:13:34' without a lock
  void rearm() { Running = true; }

private:
  void loop() {
    if (Running)
      Running = false;
  }

  bool Running = false;
  std::unique_ptr<Runner> R;
};

int main() {
  Pool A;
  A.start();
  A.stop();
  Pool B;
  B.start();
  // A's thread is joined: this does not race.
  A.rearm();
  // B's thread runs now: this does.
  B.poke();
  B.stop();
}
