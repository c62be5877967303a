// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A constructor builds an object nobody else holds yet, so what it does to
// `this` is its own. What it reads of the objects it is handed is not: a
// copy constructor reads its source while other threads may call the
// source's methods (RacerD's unowned formals of constructors). A move
// constructor's source is handed over: the caller gives it up. A library
// (no main): the classes decide what may run at once.

#include <mutex>
#include <utility>

class Counter {
public:
  Counter() = default;
  // CHECK: constructor-formals.cpp:[[@LINE+1]]:47: warning: 'Counter::Value' is read in 'Counter::Counter' without a lock and written in 'Counter::set' holding 'Counter::M'
  Counter(const Counter &Other) : Value(Other.Value), Hits(0) {}
  Counter(Counter &&Other) : Value(Other.Value), Hits(Other.Hits) {
    Other.Value = 0;
    Other.Hits = 0;
  }
  void set(int V) {
    std::lock_guard<std::mutex> G(M);
    Value = V;
  }

private:
  std::mutex M;
  int Value = 0;
  int Hits = 0;
};

// Locking the source's mutex orders the copy with its writers; the fields
// of the object under construction are written without a lock and stay
// quiet.
class Guarded {
public:
  Guarded() = default;
  Guarded(const Guarded &Other) {
    std::lock_guard<std::mutex> G(Other.M);
    Value = Other.Value;
    Copies = 1;
  }
  void set(int V) {
    std::lock_guard<std::mutex> G(M);
    Value = V;
  }

private:
  mutable std::mutex M;
  int Value = 0;
  int Copies = 0;
};

// A class that never synchronises is not assumed to be shared: its copy
// constructor is quiet.
class Plain {
public:
  Plain() = default;
  Plain(const Plain &Other) : Value(Other.Value) {}
  void set(int V) { Value = V; }

private:
  int Value = 0;
};

// Another class's object handed to a constructor is judged like one handed
// to a method: by the owner's locking of it.
struct Config {
  int Threads = 1;
};

class Pool {
public:
  // CHECK: constructor-formals.cpp:[[@LINE+1]]:40: warning: 'Config::Threads' is read in 'Pool::Pool' without a lock and written in 'Pool::resize' holding 'Pool::M'
  explicit Pool(const Config &C) : N(C.Threads) {}
  void resize(Config &C, int K) {
    std::lock_guard<std::mutex> G(M);
    C.Threads = K;
    N = K;
  }

private:
  std::mutex M;
  int N = 0;
};
