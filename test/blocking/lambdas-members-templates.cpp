// RUN: %concur check %s -- -std=c++20 -I %S/../Inputs 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Coroutines written as lambdas, member functions and templates.

#include "coro.h"
#include <unistd.h>

void slow() { sleep(1); }

struct Server {
  task serve();
  task inline_member() {
    slow();
    // CHECK: lambdas-members-templates.cpp:[[@LINE-1]]:5: warning: coroutine 'Server::inline_member' blocks: it calls 'slow', which calls 'sleep' (sleep)
    co_return;
  }
  void helper() { slow(); }
};

task Server::serve() {
  helper();
  // CHECK: lambdas-members-templates.cpp:[[@LINE-1]]:3: warning: coroutine 'Server::serve' blocks: it calls 'Server::helper', which calls 'sleep' (sleep) via 'slow'
  co_return;
}

// A coroutine lambda is a coroutine of its own.
auto Handler = []() -> task {
  slow();
  // CHECK: lambdas-members-templates.cpp:[[@LINE-1]]:3: warning: coroutine 'lambda at lambdas-members-templates.cpp:[[@LINE-2]]:16' blocks: it calls 'slow'
  co_return;
};

// A plain lambda called from a coroutine runs on the coroutine's thread.
task calls_lambda() {
  auto Work = [] { slow(); };
  Work();
  // CHECK: lambdas-members-templates.cpp:[[@LINE-1]]:3: warning: coroutine 'calls_lambda' blocks: it calls 'lambda at lambdas-members-templates.cpp:[[@LINE-2]]:15', which calls 'sleep' (sleep) via 'slow'
  co_return;
}

// Creating a lambda that blocks, without calling it, is not blocking.
task creates_only() {
  auto Later = [] { slow(); };
  (void)Later;
  co_return;
}

// Templates: each instantiation is analysed, calls through template
// parameters resolve.
template <class Fn> void invoke_now(Fn F) { F(); }

template <class T> task generic(T Value) {
  invoke_now([] { slow(); });
  // CHECK: lambdas-members-templates.cpp:[[@LINE-1]]:3: warning: coroutine 'generic<int>' blocks: it calls 'invoke_now<{{.*}}>', which calls 'sleep' (sleep) via 'lambda at
  co_return;
}

template <class T> struct Repo {
  task fetch() {
    T::load();
    // CHECK: lambdas-members-templates.cpp:[[@LINE-1]]:5: warning: coroutine 'Repo<Disk>::fetch' blocks: it calls 'Disk::load', which calls 'sleep' (sleep) via 'slow'
    co_return;
  }
};
struct Disk { static void load() { slow(); } };
struct Memory { static void load() {} };

int main() {
  generic(1);
  Repo<Disk>().fetch();
  Repo<Memory>().fetch(); // No finding: Memory::load does not block.
}
