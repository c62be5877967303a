// RUN: %concur check %s --checks=-*,concur-blocking-in-coroutine -- -std=c++20 -I %S/../Inputs 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Blocking calls behind virtual functions, function pointers, tables of
// function pointers and std::function: the whole program says what each
// indirect call may reach.

#include "coro.h"
#include <functional>
#include <unistd.h>
#include <vector>

// A virtual with one override that blocks.
struct Store {
  virtual ~Store() = default;
  virtual int get(int Key) = 0;
};
struct FileStore : Store {
  int get(int Key) override {
    sleep(1);
    return Key;
  }
};

task read_through(Store &S) {
  S.get(1);
  // CHECK: indirect-calls.cpp:[[@LINE-1]]:5: warning: coroutine 'read_through' blocks: it calls 'FileStore::get', which calls 'sleep' (sleep) [concur-blocking-in-coroutine]
  // CHECK-NEXT: indirect-calls.cpp:[[@LINE-2]]:5: note: the call goes through 'Store::get', overridden by 'FileStore::get'
  co_return;
}

// Several overrides, of which one blocks: the call may block.
struct Codec {
  virtual ~Codec() = default;
  virtual int encode(int X) { return X; }
};
struct FastCodec : Codec {
  int encode(int X) override { return X + 1; }
};
struct SlowCodec : FastCodec {
  int encode(int X) override {
    usleep(10);
    return X;
  }
};

task encode_all(Codec *C) {
  C->encode(2);
  // CHECK: indirect-calls.cpp:[[@LINE-1]]:6: warning: coroutine 'encode_all' blocks: it calls 'SlowCodec::encode', which calls 'usleep' (sleep)
  // CHECK-NEXT: note: the call goes through 'Codec::encode', overridden by 'SlowCodec::encode'
  co_return;
}

// Negative: no override blocks.
struct Shape {
  virtual ~Shape() = default;
  virtual int area() const = 0;
};
struct Square : Shape {
  int area() const override { return 4; }
};
task measure(const Shape &S) {
  S.area();
  co_return;
}

// Tricky: a final class names the one target; calling through the object
// (not a pointer) does too.
struct Quiet final : Codec {
  int encode(int X) override { return X; }
};
task encode_quiet(Quiet &Q, SlowCodec Local) {
  Q.encode(1);
  Local.encode(1);
  // CHECK: indirect-calls.cpp:[[@LINE-1]]:9: warning: coroutine 'encode_quiet' blocks: it calls 'SlowCodec::encode', which calls 'usleep'
  co_return;
}

// A function pointer variable assigned a blocking function.
void nap() { sleep(1); }
void no_nap() {}
void (*g_hook)() = no_nap;
void install_hook() { g_hook = nap; }

task call_hook() {
  g_hook();
  // CHECK: indirect-calls.cpp:[[@LINE-1]]:3: warning: coroutine 'call_hook' blocks: it calls 'nap', which calls 'sleep' (sleep)
  // CHECK-NEXT: note: the call goes through 'g_hook' (function pointer), set at indirect-calls.cpp:[[@LINE-5]]
  co_return;
}

// A table of function pointers in a struct, as C code writes drivers.
struct Ops {
  int (*open)(const char *);
  int (*read)(int, char *, unsigned);
};
int mem_open(const char *) { return 3; }
int disk_read(int Fd, char *Buf, unsigned N) { return ::read(Fd, Buf, N); }
static const Ops DiskOps = {mem_open, disk_read};

task use_driver(const Ops *O, char *Buf) {
  int Fd = O->open("x");
  O->read(Fd, Buf, 4);
  // CHECK: indirect-calls.cpp:[[@LINE-1]]:3: warning: coroutine 'use_driver' blocks: it calls 'disk_read', which calls 'read' (file-io)
  // CHECK-NEXT: note: the call goes through 'read' (function pointer), set at indirect-calls.cpp:[[@LINE-6]]
  co_return;
}

// A std::function member set in the constructor, called by a coroutine.
struct Session {
  explicit Session(std::function<void()> Done) : OnDone(std::move(Done)) {}
  std::function<void()> OnDone;
  task finish() {
    OnDone();
    // CHECK: indirect-calls.cpp:[[@LINE-1]]:5: warning: coroutine 'Session::finish' blocks: it calls 'lambda at indirect-calls.cpp:[[@LINE+5]]:{{[0-9]+}}', which calls 'sleep' (sleep)
    // CHECK-NEXT: note: the call goes through 'OnDone' (std::function), set at indirect-calls.cpp:[[@LINE+4]]
    co_return;
  }
};
Session make_session() { return Session([] { sleep(2); }); }

// A callback parameter: each caller's own callable runs, not every
// caller's (the helper is called twice, once with a blocking callable).
void run_now(std::function<void()> Job) { Job(); }
void sync_job() { sleep(1); }

task quick_caller() {
  run_now([] {});
  co_return;
}
task slow_caller() {
  run_now(sync_job);
  // CHECK: indirect-calls.cpp:[[@LINE-1]]:3: warning: coroutine 'slow_caller' blocks: it calls 'run_now', which calls 'sleep' (sleep) via 'sync_job'
  // CHECK-NEXT: indirect-calls.cpp:[[@LINE-10]]:43: note: 'run_now' calls 'sync_job' here (through parameter 'Job' of 'run_now')
  co_return;
}

// Jobs kept in a container and run from it.
struct Queue {
  std::vector<std::function<void()>> Jobs;
  void add(std::function<void()> Job) { Jobs.push_back(std::move(Job)); }
  void drain() {
    for (auto &Job : Jobs)
      Job();
  }
};
void fill(Queue &Q) {
  Q.add([] { usleep(5); });
}
task drain_queue(Queue &Q) {
  Q.drain();
  // CHECK: indirect-calls.cpp:[[@LINE-1]]:5: warning: coroutine 'drain_queue' blocks: it calls 'Queue::drain', which calls 'usleep' (sleep) via 'lambda at indirect-calls.cpp:[[@LINE-4]]:{{[0-9]+}}'
  // CHECK-NEXT: note: 'Queue::drain' calls 'lambda at indirect-calls.cpp:[[@LINE-5]]:{{[0-9]+}}' here (through 'Job' (std::function), set at indirect-calls.cpp:[[@LINE-5]])
  co_return;
}

// Negative: a pointer nothing blocking is ever stored into.
int (*g_pure)(int);
int twice(int X) { return 2 * X; }
void set_pure() { g_pure = twice; }
task call_pure() {
  g_pure(3);
  co_return;
}

// Generic plumbing: a slot that may hold nine functions (a continuation, an
// executor's queue) is not followed; which of them runs is not known.
std::function<void()> g_continuation;
void set_continuations(int Which) {
  switch (Which) {
  case 0: g_continuation = [] {}; break;
  case 1: g_continuation = [] {}; break;
  case 2: g_continuation = [] {}; break;
  case 3: g_continuation = [] {}; break;
  case 4: g_continuation = [] {}; break;
  case 5: g_continuation = [] {}; break;
  case 6: g_continuation = [] {}; break;
  case 7: g_continuation = [] {}; break;
  default: g_continuation = [] { sleep(1); }; break;
  }
}
task run_continuation() {
  g_continuation();
  co_return;
}

