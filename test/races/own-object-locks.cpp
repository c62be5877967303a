// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A queue's methods lock the queue's own mutex. The producer reaches a
// queue as Queues[0], the consumers as Queues[Id]: the model cannot tell
// whether those are one queue, but where they are, the two accesses hold
// the same mutex. An access under another object's mutex still races.

#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

class Queue {
public:
  void put(int X) {
    std::lock_guard<std::mutex> Lock(Mutex);
    Items.push_back(X);
  }
  int take() {
    std::lock_guard<std::mutex> Lock(Mutex);
    int X = Items.front();
    Items.pop_front();
    return X;
  }
  std::mutex Mutex;
  std::deque<int> Items;
};

std::vector<std::unique_ptr<Queue>> Queues;
std::mutex Other;

int main() {
  for (int I = 0; I < 4; ++I)
    Queues.emplace_back(new Queue);
  std::vector<std::thread> Consumers;
  for (int Id = 0; Id < 4; ++Id)
    Consumers.emplace_back([Id] { Queues[Id]->take(); });
  Queues[0]->put(1);
  {
    // Under a mutex that is not the queue's own.
    std::lock_guard<std::mutex> Lock(Other);
    Queues[1]->Items.clear();
  }
  for (std::thread &T : Consumers)
    T.join();
}

// CHECK: own-object-locks.cpp:22:5: warning: 'Queue::Items' is written by thread 'lambda at {{.*}}' holding 'Queue::Mutex' and written by thread 'main' holding 'Other' (/{{.*}}own-object-locks.cpp:42:16)
// CHECK: own-object-locks.cpp:42:16: warning: 'Queue::Items' is written by thread 'main' holding 'Other' and read by thread 'lambda at {{.*}}' holding 'Queue::Mutex' (/{{.*}}own-object-locks.cpp:21:13)
// (The read at 21:19 pairs on the same lines as the one above: one finding for both.)
