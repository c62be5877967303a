// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="warning:"
// Clang Thread Safety Analysis annotations, where present, say which lock
// orders what: GUARDED_BY on data, REQUIRES on functions, ACQUIRE/RELEASE on
// a mutex wrapper and SCOPED_CAPABILITY guards.

#include <mutex>
#include <thread>

#define CAPABILITY(x) __attribute__((capability(x)))
#define SCOPED_CAPABILITY __attribute__((scoped_lockable))
#define GUARDED_BY(x) __attribute__((guarded_by(x)))
#define REQUIRES(...) __attribute__((requires_capability(__VA_ARGS__)))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))

class CAPABILITY("mutex") Mutex {
public:
  void Lock() ACQUIRE() { M.lock(); }
  void Unlock() RELEASE() { M.unlock(); }

private:
  std::mutex M;
};

class SCOPED_CAPABILITY Locker {
public:
  explicit Locker(Mutex &Mu) ACQUIRE(Mu) : Mu(Mu) { Mu.Lock(); }
  ~Locker() RELEASE() { Mu.Unlock(); }

private:
  Mutex &Mu;
};

class Account {
public:
  void deposit(int N) {
    Locker Guard(Mu);
    Balance += N;
  }
  void withdraw(int N) {
    Mu.Lock();
    subtract(N);
    Mu.Unlock();
  }
  // Thread Safety Analysis checks the callers; concur trusts it.
  void subtract(int N) REQUIRES(Mu) { Balance -= N; }
  int peek() { return Unguarded; }
  void poke() { Unguarded++; }
  // CHECK: annotations.cpp:[[@LINE-1]]:17: warning: 'Account::Unguarded' is written by thread 'lambda at annotations.cpp:{{[0-9]+}}:{{[0-9]+}}' without a lock and read by thread 'lambda at

private:
  Mutex Mu;
  int Balance GUARDED_BY(Mu) = 0;
  int Unguarded = 0;
};

int main() {
  Account A;
  std::thread T([&A] { A.deposit(1); A.poke(); });
  std::thread U([&A] { A.withdraw(1); A.peek(); });
  T.join();
  U.join();
}
