// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A lock class that records its holder asks, from any thread, whether the
// current thread holds it, by comparing the kept id with the current
// thread's (muduo's isLockedByThisThread, gtest's AssertHeld). Concurrency
// assumed from the class does not make that read a race: only the holder
// stores its own id there. Any other read of the holder, and reads by
// threads the program really starts, still count.

#include <pthread.h>
#include <thread>

class RecordingLock {
public:
  void lock() {
    pthread_mutex_lock(&M);
    Holder = pthread_self();
    Held = true;
  }
  void unlock() {
    Held = false;
    pthread_mutex_unlock(&M);
  }
  // The owner test: no finding for Holder, nor for the flag that says
  // Holder is valid, read only to ask the same question (gtest's
  // has_owner_ && pthread_equal(owner_, pthread_self())).
  bool heldByMe() const { return Held && pthread_equal(Holder, pthread_self()); }
  // The flag read on its own is a plain unlocked read of a field written
  // under the lock.
  bool held() const { return Held; }
  // CHECK: kept-id-tests.cpp:[[@LINE-1]]:30: warning: 'RecordingLock::Held' is read in 'RecordingLock::held' without a lock and written in 'RecordingLock::lock' holding 'RecordingLock::M'
  // Nor does a flag beside some other test say anything of the owner.
  bool heldAndSet() const { return Held && Holder == Holder; }
  // CHECK: kept-id-tests.cpp:[[@LINE-1]]:36: warning: 'RecordingLock::Held' is read in 'RecordingLock::heldAndSet' without a lock and written in 'RecordingLock::lock' holding 'RecordingLock::M'
  // CHECK: kept-id-tests.cpp:[[@LINE-2]]:44: warning: 'RecordingLock::Holder' is read in 'RecordingLock::heldAndSet' without a lock
  // (The read on this line pairs with the same lines: one finding for both.)
  // A getter that hands the id out is no owner test.
  pthread_t holder() const { return Holder; }
  // CHECK: kept-id-tests.cpp:[[@LINE-1]]:37: warning: 'RecordingLock::Holder' is read in 'RecordingLock::holder' without a lock and written in 'RecordingLock::lock' holding 'RecordingLock::M'

private:
  pthread_mutex_t M = PTHREAD_MUTEX_INITIALIZER;
  pthread_t Holder{};
  bool Held = false;
};

// The same test on an id kept as an integer, compared with ==.
class TidLock {
public:
  void lock() {
    pthread_mutex_lock(&M);
    Owner = gettid();
  }
  void unlock() {
    Owner = 0;
    pthread_mutex_unlock(&M);
  }
  bool isLockedByThisThread() const { return Owner == gettid(); }

private:
  pthread_mutex_t M = PTHREAD_MUTEX_INITIALIZER;
  pid_t Owner = 0;
};

// A thread the class's own constructor starts really runs: its write of the
// kept id races with the owner test called from outside.
class Worker {
public:
  Worker() : T([this] { loop(); }) {}
  ~Worker() { T.join(); }
  bool onWorker() const { return Owner == std::this_thread::get_id(); }
  void lock() { pthread_mutex_lock(&M); }
  void unlock() { pthread_mutex_unlock(&M); }

private:
  void loop() { Owner = std::this_thread::get_id(); }
  // CHECK: kept-id-tests.cpp:[[@LINE-1]]:17: warning: 'Worker::Owner' is written by thread 'lambda at {{.*}}' without a lock and read in 'Worker::onWorker' without a lock
  pthread_mutex_t M = PTHREAD_MUTEX_INITIALIZER;
  std::thread::id Owner;
  std::thread T;
};

// Threads the program starts: the owner test races with the locker.
class ThreadsLock {
public:
  void lock() {
    pthread_mutex_lock(&M);
    Owner = gettid();
  }
  void unlock() {
    Owner = 0;
    pthread_mutex_unlock(&M);
  }
  bool isLockedByThisThread() const { return Owner == gettid(); }

private:
  pthread_mutex_t M = PTHREAD_MUTEX_INITIALIZER;
  pid_t Owner = 0;
};

ThreadsLock Shared;
int main() {
  std::thread Locker([] {
    Shared.lock();
    Shared.unlock();
  });
  std::thread Asker([] { (void)Shared.isLockedByThisThread(); });
  Locker.join();
  Asker.join();
}
// CHECK: kept-id-tests.cpp:[[@LINE-23]]:5: warning: 'ThreadsLock::Owner' is written by thread 'lambda at {{.*}}' holding 'ThreadsLock::M' and read by thread 'lambda at {{.*}}' without a lock
// CHECK: kept-id-tests.cpp:[[@LINE-21]]:5: warning: 'ThreadsLock::Owner' is written by thread 'lambda at {{.*}}' holding 'ThreadsLock::M' and read by thread 'lambda at {{.*}}' without a lock
