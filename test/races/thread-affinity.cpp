// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Objects that belong to one thread keep its id and test it: code on the
// branch where the current thread is the owner, or after a method that only
// asserts it, runs on that one thread, so two such places do not race with
// each other. Code that does not test it still races with them.

#include <functional>
#include <mutex>
#include <thread>
#include <unistd.h>
#include <vector>

// A per-thread cache of the thread id, as event-loop libraries keep one.
namespace CurrentThread {
thread_local int CachedTid = 0;
inline int tid() {
  if (CachedTid == 0)
    CachedTid = static_cast<int>(gettid());
  return CachedTid;
}
} // namespace CurrentThread

void reportWrongThread();

class Loop {
public:
  Loop() : OwnerTid(CurrentThread::tid()) {}
  bool isInLoopThread() const { return OwnerTid == CurrentThread::tid(); }
  void assertInLoopThread() {
    if (!isInLoopThread())
      reportWrongThread();
  }
  void runInLoop(std::function<void()> F) {
    if (isInLoopThread())
      F();
    else
      queueInLoop(std::move(F));
  }
  void queueInLoop(std::function<void()> F) {
    std::lock_guard<std::mutex> G(M);
    Pending.push_back(std::move(F));
  }
  void loop() {
    assertInLoopThread();
    while (!Quit)
      doPending();
  }
  // Only on the loop's thread: quiet, whoever calls it.
  void addTimer() {
    assertInLoopThread();
    ++Timers;
  }
  // Tests the wrong way round: the increment runs off the loop's thread.
  void addTimerWrongly() {
    if (isInLoopThread())
      return;
    ++Timers;
    // Unlike a locked write, a write on the loop's thread does not make
    // every other access a warning (event-loop classes read their fields in
    // plain getters the loop's own callbacks call): a remark.
    // CHECK: thread-affinity.cpp:[[@LINE-4]]:7: remark: 'Loop::Timers' is written in 'Loop::addTimerWrongly' without a lock and written in 'Loop::addTimer' without a lock, on the thread whose id is in 'Loop::OwnerTid'
  }
  // No test at all: races with the loop's read of Quit.
  void quit() { Quit = true; }
  // CHECK: thread-affinity.cpp:[[@LINE-1]]:17: remark: 'Loop::Quit' is written in 'Loop::quit' without a lock and read in 'Loop::loop' without a lock, on the thread whose id is in 'Loop::OwnerTid'

private:
  void doPending() {
    std::vector<std::function<void()>> Run;
    {
      std::lock_guard<std::mutex> G(M);
      Run.swap(Pending);
    }
    for (auto &F : Run)
      F();
  }
  int OwnerTid;
  std::mutex M;
  std::vector<std::function<void()>> Pending;
  int Timers = 0;
  bool Quit = false;
};

// The id kept as a std::thread::id and tested in the condition itself, with
// == and with C++20's rewritten !=.
class Actor {
public:
  void post(int V) {
    if (Owner == std::this_thread::get_id())
      Value = V;
    else
      Inbox = V;
    // CHECK: thread-affinity.cpp:[[@LINE-1]]:7: warning: 'Actor::Inbox' is written by thread 'main' without a lock and written by thread 'lambda at thread-affinity.cpp:[[#WORKER:]]:17' without a lock
  }
  int read() {
    if (std::this_thread::get_id() != Owner)
      return -1;
    return Value;
  }
  std::thread::id Owner = std::this_thread::get_id();
  int Value = 0;
  int Inbox = 0;
};

// The mark is of a thread, not of an object: two places on A's thread are
// on one thread whatever they touch; a place that does not test it is not.
struct Pair {
  Actor A, B;
  void setB(int V) {
    if (A.Owner == std::this_thread::get_id())
      B.Value = V;
  }
};

// Each loop's handlers are used on that loop's thread. The model does not
// know which handler is whose (an index it cannot evaluate) and tells the
// loops apart (a local of main, a local of the thread): both places are on
// the thread of some Loop, and the handler is taken as confined to its
// loop's.
struct Handler {
  int Events = 0;
};
Handler Handlers[2];
int Current;
void bumpCurrent() { ++Handlers[Current].Events; }
void runOwnLoop() {
  Loop Mine;
  Mine.assertInLoopThread();
  bumpCurrent();
}

Actor *TheActor;
Pair *ThePair;

int main() {
  Actor A;
  Pair P;
  TheActor = &A;
  ThePair = &P;
  std::thread T([] {
    TheActor->post(1);
    TheActor->read();
    ThePair->setB(1);
  });
  TheActor->post(2);
  TheActor->read();
  ThePair->setB(2);
  ThePair->B.Value = 2;
  // CHECK: thread-affinity.cpp:[[@LINE-1]]:14: warning: 'Actor::Value' is written by thread 'main' without a lock and written by thread 'lambda at {{.*}}' without a lock, on the thread whose id is in 'Actor::Owner' ({{.*}}thread-affinity.cpp:{{[0-9]+}}:9)
  T.join();
  // Last: after this, main runs on MainLoop's thread.
  Loop MainLoop;
  std::thread Other(runOwnLoop);
  MainLoop.assertInLoopThread();
  bumpCurrent();
  Other.join();
}
