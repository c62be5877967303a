// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state --format=json -- -std=c++20 | FileCheck %s --check-prefix=STATS
// A server's own thread-start wrapper hands its function-pointer parameter
// to pthread_create. Each call starts the function that call passes, not
// every function any caller passes: the logger started first does not
// start the worker, and the master started through the wrapper starts only
// workers through it (not itself again, thread after thread).

#include <pthread.h>

typedef void *(*thread_func)(void *);

static int startThread(thread_func Func, void *Param) {
  pthread_t T;
  pthread_attr_t Attr;
  pthread_attr_init(&Attr);
  pthread_attr_setdetachstate(&Attr, PTHREAD_CREATE_DETACHED);
  int Rc = pthread_create(&T, &Attr, Func, Param);
  pthread_attr_destroy(&Attr);
  return Rc;
}

// One more wrapper level: what the caller passes, passed on.
static int startNamed(const char *, thread_func Func, void *Param) {
  return startThread(Func, Param);
}

int Config;
int Served;

static void *logger(void *) { return nullptr; }

static void *worker(void *) {
  Served = Config;
  // CHECK: thread-start-wrapper.cpp:[[@LINE-1]]:3: warning: 'Served' is written by thread 'worker' without a lock, and 'worker' runs in more than one thread at once
  return nullptr;
}

static void *master(void *) {
  for (int I = 0; I < 4; ++I)
    startThread(worker, nullptr);
  return nullptr;
}

int main() {
  startNamed("log", logger, nullptr);
  // Only the logger runs yet: nothing reads Config.
  Config = 1;
  startThread(master, nullptr);
  // The master's workers read Config: this write races.
  Config = 2;
  // CHECK: thread-start-wrapper.cpp:[[@LINE-1]]:3: warning: 'Config' is written by thread 'main' without a lock and read by thread 'worker' without a lock (
  // CHECK-SAME: thread-start-wrapper.cpp:34:12)
  return 0;
}

// Threads: main, the logger, the master and one worker copy: not one per
// function any caller hands the wrapper, at each start.
// STATS: "threads_modelled": 4
