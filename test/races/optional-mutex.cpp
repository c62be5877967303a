// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="warning:"
// A class made with or without its mutex (a log file that is thread-safe
// only when asked): `if (mutex_)` locks it, the else branch runs only on
// objects that have none, so the two branches never share an object.

#include <memory>
#include <mutex>
#include <thread>

class LogFile {
public:
  explicit LogFile(bool ThreadSafe)
      : Mutex(ThreadSafe ? new std::mutex : nullptr) {}
  void append(int N) {
    if (Mutex) {
      std::lock_guard<std::mutex> Lock(*Mutex);
      appendUnlocked(N);
    } else {
      appendUnlocked(N);
    }
  }
  // Without the test: the unlocked write races with the locked one.
  void appendCarelessly(int N) {
    // CHECK: :[[@LINE+2]]:5: warning: 'LogFile::Written' is written by thread
    // CHECK: :[[@LINE+1]]:5: warning: 'LogFile::Written' is written in 'LogFile::appendCarelessly'
    Written += N;
  }

private:
  void appendUnlocked(int N) { Written += N; }
  std::unique_ptr<std::mutex> Mutex;
  int Written = 0;
};

class Counter {
public:
  explicit Counter(std::mutex *M) : M(M) {}
  void add() {
    if (!M) {
      ++Count;
      return;
    }
    std::lock_guard<std::mutex> Lock(*M);
    ++Count;
  }

private:
  std::mutex *M;
  int Count = 0;
};

int main() {
  LogFile Shared(true);
  std::thread A([&] { Shared.append(1); });
  std::thread B([&] { Shared.append(2); Shared.appendCarelessly(3); });
  A.join();
  B.join();
  std::mutex M;
  Counter C(&M);
  std::thread D([&] { C.add(); });
  std::thread E([&] { C.add(); });
  D.join();
  E.join();
}
