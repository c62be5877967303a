// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A public method that starts the object's threads (a pool's start()) is
// the second half of its constructor: the owner calls it before it hands
// the object to others, so what it does before its first thread starts is
// not assumed to run at once with submit() or stop(). What it does once its
// threads run is still compared with them.

#include <mutex>
#include <thread>
#include <vector>

class Pool {
public:
  void start(int Threads) {
    Running = true;
    Workers.reserve(Threads);
    for (int I = 0; I < Threads; ++I)
      Workers.emplace_back([this] { loop(); });
    // The workers run now and read Started under the lock.
    Started = Threads;
    // CHECK: start-methods.cpp:[[@LINE-1]]:5: warning: 'Pool::Started' is written by thread 'main' without a lock and read by thread 'lambda at {{.*}}' holding 'Pool::M'
    // CHECK: start-methods.cpp:[[@LINE-2]]:5: warning: 'Pool::Started' is written in 'Pool::start' without a lock and written in 'Pool::stop' holding 'Pool::M'
  }

  bool submit(int Job) {
    std::lock_guard<std::mutex> Lock(M);
    if (!Running)
      return false;
    Queue.push_back(Job);
    return true;
  }

  void stop() {
    {
      std::lock_guard<std::mutex> Lock(M);
      Running = false;
      Started = 0;
    }
    for (std::thread &T : Workers)
      T.join();
  }

private:
  void loop() {
    std::lock_guard<std::mutex> Lock(M);
    while (Running && Started > 0 && !Queue.empty())
      Queue.pop_back();
  }

  std::mutex M;
  bool Running = false;
  int Started = 0;
  std::vector<int> Queue;
  std::vector<std::thread> Workers;
};

int main() {
  Pool P;
  P.start(2);
  P.submit(1);
  P.stop();
}
