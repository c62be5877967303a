// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A closure made for each start of a thread captures by reference what that
// pass of the loop has: a range-for's element, a local of the loop body.
// Threads started in the loop then each reach an object of their own. A
// variable outside the loop, or a closure made once and started many times,
// is one object they all share.

#include <thread>
#include <vector>

void per_element(std::vector<int> &Counts) {
  std::vector<std::thread> Threads;
  for (int &Count : Counts)
    Threads.emplace_back([&Count] { ++Count; });
  for (auto &T : Threads)
    T.join();
}

void shared_counter() {
  int Total = 0;
  std::vector<std::thread> Threads;
  for (int I = 0; I < 4; ++I)
    Threads.emplace_back([&Total] { ++Total; });
  // CHECK: closure-captures.cpp:[[@LINE-1]]:39: warning: 'shared_counter::Total' is written by thread 'lambda at {{.*}}' without a lock, and 'lambda at {{.*}}' runs in more than one thread at once
  for (auto &T : Threads)
    T.join();
}

void one_closure_many_starts(std::vector<int> &Counts) {
  std::vector<std::thread> Threads;
  for (int &Count : Counts) {
    auto Bump = [&Count] { ++Count; };
    // CHECK: closure-captures.cpp:[[@LINE-1]]:30: warning: 'one_closure_many_starts::Count' is written by thread 'lambda at {{.*}}' without a lock and written by another thread
    Threads.emplace_back(Bump);
    Threads.emplace_back(Bump);
  }
  for (auto &T : Threads)
    T.join();
}

// Each instantiation of a function template starts its own task with its
// own local: the two starts of the one lambda share nothing. The spawner
// still races with the task it started on that local.
template <class F> void retry_until(F Step) {
  int Tries = 0;
  std::thread([&Tries, &Step] {
    while (++Tries < 100)
      // CHECK: closure-captures.cpp:[[@LINE-1]]:14: warning: 'retry_until<(lambda)>::Tries' is written by thread 'lambda at {{.*}}' without a lock and read by thread 'main' without a lock (/{{.*}}closure-captures.cpp:[[@LINE+3]]:10)
      Step();
  }).detach();
  while (Tries < 100) {
  }
}

// One closure given to two starts in one instantiation: they share it.
template <class F> void twice(F Work) {
  std::thread A(Work), B(Work);
  A.join();
  B.join();
}

int main() {
  int Hits = 0;
  twice([&Hits] { ++Hits; });
  // CHECK: closure-captures.cpp:[[@LINE-1]]:21: warning: 'main::Hits' is written by thread 'lambda at {{.*}}' without a lock and written by another thread
  retry_until([] {});
  retry_until([] { return 1; });
  std::vector<int> Counts(4);
  per_element(Counts);
  shared_counter();
  one_closure_many_starts(Counts);
}
