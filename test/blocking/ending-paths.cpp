// RUN: %concur check %s --checks=-*,concur-blocking-in-coroutine -- -std=c++20 -I %S/../Inputs 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Blocking on a path that ends the process (std::exit, abort, a failed
// assertion, a [[noreturn]] function) holds up no other task: the loop never
// runs again. A path that throws returns to the loop and still counts.

#include "coro.h"
#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

enum Level { Info, Critical };

// A logger that flushes its file only for a critical record, then exits.
char Buffer[256];
void logRecord(Level L, const char *Text) {
  Buffer[0] = Text[0];
  if (L == Critical) {
    fsync(2);
    std::exit(1);
  }
}

[[noreturn]] void die(const char *Why);

void checked(bool Ok) {
  if (!Ok) {
    sleep(1); // Give a debugger time to attach.
    die("check failed");
  }
}

// Blocks, then throws: the loop runs on after the exception.
void retryOrThrow(bool Ok) {
  if (!Ok) {
    sleep(1);
    throw 1;
  }
}

// Both branches meet again: only one of them ends the process.
void flushSometimes(bool Fatal) {
  if (Fatal)
    std::abort();
  fsync(1);
}

task handler(bool Ok) {
  logRecord(Info, "request\n");
  checked(Ok);
  if (!Ok) {
    usleep(10);
    assert(false && "unreachable");
    std::abort();
  }
  retryOrThrow(Ok);
  // CHECK: ending-paths.cpp:[[@LINE-1]]:3: warning: coroutine 'handler' blocks: it calls 'retryOrThrow', which calls 'sleep' (sleep)
  flushSometimes(Ok);
  // CHECK: ending-paths.cpp:[[@LINE-1]]:3: warning: coroutine 'handler' blocks: it calls 'flushSometimes', which calls 'fsync'
  co_return;
}
