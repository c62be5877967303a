// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="warning:" --implicit-check-not="remark:"
// Classes meant for threads (RacerD's rule): a class that synchronises is
// used from several threads, so its public methods may run at once. No
// thread is started here: main calls everything from one thread, as tests
// and benchmarks in real compile databases do.

#include <atomic>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>

// Written under the lock, read without it: lock consistency.
class Counter {
public:
  void add(int N) {
    std::lock_guard<std::mutex> G(M);
    Total += N;
  }
  // CHECK: :[[@LINE+1]]:30: warning: 'Counter::Total' is read in 'Counter::total' without a lock and written in 'Counter::add' holding 'Counter::M' ({{.*}}); concurrency assumed: 'Counter' synchronises
  int total() const { return Total; }
  int safeTotal() const {
    std::lock_guard<std::mutex> G(M);
    return Total;
  }

private:
  mutable std::mutex M;
  int Total = 0;
};

// Every access locked.
class Safe {
public:
  void set(std::string V) {
    std::lock_guard<std::mutex> G(M);
    Value = V;
  }
  std::string get() {
    std::lock_guard<std::mutex> G(M);
    return Value;
  }

private:
  std::mutex M;
  std::string Value;
};

// Nothing synchronises: not meant for threads.
class Plain {
public:
  void set(int V) { Value = V; }
  int get() const { return Value; }

private:
  int Value = 0;
};

// Atomics only: the class orders its plain fields by its own protocol.
class Ring {
public:
  void push(int V) {
    Slots[Head.load() % 8] = V;
    Head.store(Head.load() + 1);
  }
  int peek() const { return Slots[0]; }

private:
  int Slots[8] = {};
  std::atomic<unsigned> Head{0};
};

// Marked single-threaded.
class [[clang::annotate("concur::single_threaded")]] Confined {
public:
  void add(int N) {
    std::lock_guard<std::mutex> G(M);
    Total += N;
  }
  int total() const { return Total; }

private:
  mutable std::mutex M;
  int Total = 0;
};

// A private helper runs only under its caller's lock.
class Queue {
public:
  void push(int V) {
    std::lock_guard<std::mutex> G(M);
    pushLocked(V);
  }
  int size() {
    std::lock_guard<std::mutex> G(M);
    return N;
  }

private:
  void pushLocked(int V) {
    Last = V;
    ++N;
  }
  std::mutex M;
  int Last = 0, N = 0;
};

// Set once by the constructor, read everywhere: nothing writes it later.
// Copy assignment replaces the whole object; nobody uses it meanwhile.
class Named {
public:
  explicit Named(std::string S) : Name(S) {}
  Named &operator=(const Named &O) {
    Name = O.Name;
    return *this;
  }
  std::string name() const { return Name; }
  void touch() {
    std::lock_guard<std::mutex> G(M);
    ++Touches;
  }

private:
  std::mutex M;
  std::string Name;
  int Touches = 0;
};

// A lock taken by a callee that returns holding it (lock()/unlock() methods)
// protects what follows; the unlocked write elsewhere breaks it.
class Account {
public:
  void lock() { M.lock(); }
  void unlock() { M.unlock(); }
  void deposit(int N) {
    lock();
    Balance += N;
    unlock();
  }
  // CHECK: :[[@LINE+1]]:18: warning: 'Account::Balance' is written in 'Account::reset' without a lock and written in 'Account::deposit' holding 'Account::M'
  void reset() { Balance = 0; }

private:
  std::mutex M;
  int Balance = 0;
};

// Readers share the lock, the writer holds it alone; the unlocked reader
// races with the writer.
class Table {
public:
  int find() const {
    std::shared_lock<std::shared_mutex> G(M);
    return Size;
  }
  void grow() {
    std::unique_lock<std::shared_mutex> G(M);
    ++Size;
  }
  // CHECK: :[[@LINE+1]]:33: warning: 'Table::Size' is read in 'Table::sizeHint' without a lock and written in 'Table::grow' holding 'Table::M'
  int sizeHint() const { return Size; }

private:
  mutable std::shared_mutex M;
  int Size = 0;
};

// A class that locks and writes a field nobody ever locks: a remark.
class Session {
public:
  void send() {
    std::lock_guard<std::mutex> G(M);
    ++Sent;
  }
  // CHECK: :[[@LINE+1]]:18: remark: 'Session::State' is written in 'Session::close' without a lock and read in 'Session::state' without a lock ({{.*}}); concurrency assumed: 'Session' synchronises {{.*}}; no write to it takes a lock
  void close() { State = 2; }
  int state() const { return State; }

private:
  std::mutex M;
  int Sent = 0;
  int State = 0;
};

// A global that one method protects and another does not.
std::mutex RegistryMutex;
int Registered = 0;
class Registry {
public:
  void add() {
    std::lock_guard<std::mutex> G(RegistryMutex);
    ++Registered;
  }
  // CHECK: :[[@LINE+1]]:30: warning: 'Registered' is read in 'Registry::count' without a lock and written in 'Registry::add' holding 'RegistryMutex'
  int count() const { return Registered; }
};

// A constructor that starts a thread on the object: the thread really runs
// while the public methods are called, locks or not.
class Worker {
public:
  Worker() : Thread(&Worker::loop, this) {}
  ~Worker() {
    Stop = true;
    Thread.join();
  }
  // CHECK: :[[@LINE+1]]:27: warning: 'Worker::Batch' is written in 'Worker::configure' without a lock and read by thread 'Worker::loop' without a lock ({{.*}}); thread 'Worker::loop', started by 'Worker::Worker', runs while the public methods of 'Worker' are called
  void configure(int N) { Batch = N; }
  int processed() const { return Processed; }

private:
  void loop() {
    while (!Stop)
      // CHECK: :[[@LINE+1]]:7: warning: 'Worker::Processed' is written by thread 'Worker::loop' without a lock and read in 'Worker::processed' without a lock
      Processed += Batch;
  }
  std::atomic<bool> Stop{false};
  int Batch = 1;
  int Processed = 0;
  std::thread Thread;
};

// The same shape with every access under the lock.
class LockedWorker {
public:
  LockedWorker() : Thread([this] { run(); }) {}
  ~LockedWorker() { Thread.join(); }
  int result() {
    std::lock_guard<std::mutex> G(M);
    return Result;
  }

private:
  void run() {
    std::lock_guard<std::mutex> G(M);
    Result = 1;
  }
  std::mutex M;
  int Result = 0;
  std::thread Thread;
};

int main() {
  Counter C;
  C.add(1);
  Safe S;
  S.set("x");
  Plain P;
  P.set(1);
  Ring R;
  R.push(1);
  Confined Co;
  Co.add(1);
  Queue Q;
  Q.push(1);
  Named N("a");
  N = Named("b");
  Account A;
  A.deposit(1);
  Table T;
  T.grow();
  Session Se;
  Se.close();
  Registry Rg;
  Rg.add();
  return C.total() + Co.total() + R.peek();
}
