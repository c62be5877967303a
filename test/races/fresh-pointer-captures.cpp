// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A lambda handed to a thread with its own copy of a pointer to an object
// made for it (`new`, std::make_shared) in the same pass of the loop that
// starts it: each thread writes an object of its own. A pointer made once
// for several threads, changed after it was made, or made outside the loop
// is shared. The copy points where the starter's own pointer does, so the
// starter's writes after the start race with the thread's.

#include <memory>
#include <thread>
#include <vector>

struct Job {
  int In = 0;
  int Out = 0;
};

void perPass() {
  std::vector<std::thread> Ts;
  for (int I = 0; I < 4; ++I) {
    auto J = std::make_shared<Job>();
    J->In = I;
    Ts.emplace_back([J] { J->Out = J->In * 2; });
    Job *R = new Job;
    R->In = I;
    Ts.emplace_back([R] { R->Out = R->In + 1; });
  }
  for (auto &T : Ts)
    T.join();
}

void sharedByTwo() {
  auto S = std::make_shared<Job>();
  // CHECK: fresh-pointer-captures.cpp:[[@LINE+1]]:26: warning: 'Job::Out' is written by thread 'lambda at {{.*}}' without a lock and written by thread 'lambda at {{.*}}' without a lock
  std::thread A([S] { S->Out++; });
  std::thread B([S] { S->Out++; });
  A.join();
  B.join();
}

void madeOutsideTheLoop() {
  std::vector<std::thread> Ts;
  auto S = std::make_shared<Job>();
  for (int I = 0; I < 4; ++I)
    // CHECK: fresh-pointer-captures.cpp:[[@LINE+1]]:30: warning: 'Job::Out' is written by thread 'lambda at {{.*}}' without a lock, and 'lambda at {{.*}}' runs in more than one thread at once
    Ts.emplace_back([S] { S->Out++; });
  for (auto &T : Ts)
    T.join();
}

std::shared_ptr<Job> Last;

void changedAfterwards() {
  std::vector<std::thread> Ts;
  for (int I = 0; I < 4; ++I) {
    auto J = std::make_shared<Job>();
    // CHECK: fresh-pointer-captures.cpp:[[@LINE+1]]:30: warning: 'Job::Out' is written by thread 'lambda at {{.*}}' without a lock, and 'lambda at {{.*}}' runs in more than one thread at once
    Ts.emplace_back([J] { J->Out++; });
    J = Last;
  }
  for (auto &T : Ts)
    T.join();
}

void starterWritesAfter() {
  Job *Q = new Job;
  // CHECK: fresh-pointer-captures.cpp:[[@LINE+1]]:26: warning: 'Job::In' is written by thread 'lambda at {{.*}}' without a lock and written by thread 'main' without a lock
  std::thread D([Q] { Q->In = 1; });
  Q->In = 2;
  D.join();
  auto U = std::make_unique<Job>();
  Job *P = U.get();
  // CHECK: fresh-pointer-captures.cpp:[[@LINE+1]]:26: warning: 'Job::Out' is written by thread 'lambda at {{.*}}' without a lock and written by thread 'main' without a lock
  std::thread E([P] { P->Out = 1; });
  U->Out = 2;
  E.join();
}

// The object is the closure's own; what a pointer in it leads to is not.
struct Context {
  int Hits = 0;
};
struct Task {
  Context *Ctx = nullptr;
  int Own = 0;
};
Context TheContext;

void throughOwnObject() {
  std::vector<std::thread> Ts;
  for (int I = 0; I < 4; ++I) {
    Task *T = new Task;
    T->Ctx = &TheContext;
    // CHECK: fresh-pointer-captures.cpp:[[@LINE+1]]:35: warning: 'Context::Hits' is written by thread 'lambda at {{.*}}' without a lock, and 'lambda at {{.*}}' runs in more than one thread at once
    Ts.emplace_back([T] { T->Ctx->Hits++; T->Own++; });
  }
  for (auto &T : Ts)
    T.join();
}

// An element's address names another element in each call: the lambda
// does not know the index, so the copy is not taken for the element.
Task Slots[4];
void startOne(int K) {
  Task *P = &Slots[K];
  // CHECK: fresh-pointer-captures.cpp:[[@LINE+1]]:24: warning: 'Task::Own' is written by thread 'lambda at {{.*}}' without a lock, and 'lambda at {{.*}}' runs in more than one thread at once
  std::thread([P] { P->Own++; }).detach();
}

// A parameter's default argument is no initial value: the caller may pass
// one object to every call.
void startWith(Task *P = new Task) {
  // CHECK: fresh-pointer-captures.cpp:[[@LINE+1]]:24: warning: 'Task::Own' is written by thread 'lambda at {{.*}}' without a lock, and 'lambda at {{.*}}' runs in more than one thread at once
  std::thread([P] { P->Own--; }).detach();
}

int main() {
  perPass();
  sharedByTwo();
  madeOutsideTheLoop();
  changedAfterwards();
  starterWritesAfter();
  throughOwnObject();
  startOne(1);
  startOne(1);
  startWith(Slots);
  startWith(Slots);
}
