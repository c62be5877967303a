// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A server's wrappers keep a thread's id where the caller asks
// (`*Id = T;`) and join it by value (`joinThread(pthread_t)`), and the
// caller copies the id to a local before the join. Each copy names the
// same thread, so the join orders the thread's writes before what follows;
// a variable names only the thread its last store put there.

#include <pthread.h>

typedef void *(*thread_func)(void *);

static int startThread(thread_func Func, void *Param, pthread_t *Id) {
  pthread_t T;
  int Rc = pthread_create(&T, nullptr, Func, Param);
  if (Rc == 0 && Id)
    *Id = T;
  return Rc;
}

static int joinThread(pthread_t T) { return pthread_join(T, nullptr); }

struct Context {
  pthread_t Master;
  pthread_t Workers[4];
};

int Requests;
int Served;
int Audits;
static Context Ctx;

static void *worker(void *) {
  Requests++;
  // CHECK: handle-copies.cpp:[[@LINE-1]]:3: warning: 'Requests' is written by thread 'worker' without a lock, and 'worker' runs in more than one thread at once
  return nullptr;
}

// The master joins its workers through the ids the wrapper stored in the
// array.
static void *master(void *) {
  for (int I = 0; I < 4; ++I)
    startThread(worker, nullptr, &Ctx.Workers[I]);
  for (int I = 0; I < 4; ++I)
    joinThread(Ctx.Workers[I]);
  Served = 1;
  return nullptr;
}

static void *auditor(void *) {
  Audits = 1;
  // CHECK: handle-copies.cpp:[[@LINE-1]]:3: warning: 'Audits' is written by thread 'auditor' without a lock and read by thread 'main' without a lock (
  // CHECK-SAME: handle-copies.cpp:[[@LINE+23]]:17)
  // CHECK: handle-copies.cpp:[[@LINE-3]]:3: warning: 'Audits' is written by thread 'auditor' without a lock and written by thread 'lateAuditor' without a lock
  return nullptr;
}

static void *lateAuditor(void *) {
  Audits = 2;
  return nullptr;
}

int main() {
  startThread(master, nullptr, &Ctx.Master);
  pthread_t M = Ctx.Master;
  joinThread(M);
  // Joined through two copies: no race with the master or its workers.
  int Seen = Requests + Served;

  // Started through one variable, one after the other: the variable then
  // names the second thread only, so joining it leaves the first running.
  pthread_t A;
  startThread(auditor, nullptr, &A);
  startThread(lateAuditor, nullptr, &A);
  joinThread(A);
  return Seen + Audits;
}
