// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Threads kept in a container, started through the element at a computed
// index and joined through each element in a loop: the loop joins every one
// of them, whatever index started it.

#include <memory>
#include <pthread.h>
#include <vector>

class Worker {
public:
  void start(void *(*Entry)(void *)) { pthread_create(&Id, nullptr, Entry, nullptr); }
  void join() { pthread_join(Id, nullptr); }

private:
  pthread_t Id;
};

int Counter;

void *work(void *) {
  ++Counter;
  // CHECK: element-joins.cpp:[[@LINE-1]]:5: warning: 'Counter' is written by thread 'work' without a lock, and 'work' runs in more than one thread at once
  return nullptr;
}

int main(int Argc, char **) {
  std::vector<std::unique_ptr<Worker>> Workers;
  for (int I = 0; I < Argc; ++I) {
    Workers.emplace_back(new Worker);
    Workers[I]->start(work);
  }
  for (auto &W : Workers)
    W->join();
  // Every worker has been joined.
  Counter = 0;
  return Counter;
}
