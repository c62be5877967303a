// RUN: %concur check %s -- -std=c++20 -I %S/../Inputs 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Blocking calls reached through 1, 3 and 5 levels of ordinary calls, with
// one note per hop down to the blocking call.

#include "coro.h"
#include <unistd.h>

void depth1() { sleep(1); }

void level5() { sleep(1); }
void level4() { level5(); }
void level3() { level4(); }
void level2() { level3(); }
void level1() { level2(); }

void three3() { ::usleep(5); }
void three2() { three3(); }
void three1() { three2(); }

task shallow() {
  depth1();
  // CHECK: transitive.cpp:[[@LINE-1]]:3: warning: coroutine 'shallow' blocks: it calls 'depth1', which calls 'sleep' (sleep) [concur-blocking-in-coroutine]
  // CHECK-NEXT: transitive.cpp:8:17: note: 'depth1' calls 'sleep' here
  // CHECK-NEXT: note: while it blocks
  co_return;
}

task middle() {
  three1();
  // CHECK: transitive.cpp:[[@LINE-1]]:3: warning: coroutine 'middle' blocks: it calls 'three1', which calls 'usleep' (sleep) via 'three2' -> 'three3'
  // CHECK-NEXT: transitive.cpp:18:17: note: 'three1' calls 'three2' here
  // CHECK-NEXT: transitive.cpp:17:17: note: 'three2' calls 'three3' here
  // CHECK-NEXT: transitive.cpp:16:17: note: 'three3' calls 'usleep' here
  co_return;
}

task deep() {
  for (int I = 0; I < 3; ++I)
    level1();
  // CHECK: transitive.cpp:[[@LINE-1]]:5: warning: coroutine 'deep' blocks: it calls 'level1', which calls 'sleep' (sleep) via 'level2' -> 'level3' -> 'level4' -> 'level5'
  // CHECK-NEXT: transitive.cpp:14:17: note: 'level1' calls 'level2' here
  // CHECK-NEXT: transitive.cpp:13:17: note: 'level2' calls 'level3' here
  // CHECK-NEXT: transitive.cpp:12:17: note: 'level3' calls 'level4' here
  // CHECK-NEXT: transitive.cpp:11:17: note: 'level4' calls 'level5' here
  // CHECK-NEXT: transitive.cpp:10:17: note: 'level5' calls 'sleep' here
  co_return;
}

// Recursion must not loop forever, and a cycle that never blocks is silent.
void ping(int N);
void pong(int N) { if (N) ping(N - 1); }
void ping(int N) { if (N) pong(N - 1); }
task cyclic() {
  ping(4);
  co_return;
}

// A blocking call in a plain function nobody calls from a coroutine.
void ordinary() { sleep(1); }
int main() { ordinary(); }
