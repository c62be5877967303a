// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A wrapper's lock effects (lock_ctx() takes the lock, unlock_ctx() gives it
// back) reach the code on a path after the call, not everything that comes
// after it in the text: an unlock in the branch that returns early does not
// unlock the other branch.

#include <pthread.h>
#include <thread>

struct Context {
  pthread_mutex_t Mutex;
  int Served = 0;
  int Dropped = 0;
  int Late = 0;
};

void lock_ctx(Context *C) { pthread_mutex_lock(&C->Mutex); }
void unlock_ctx(Context *C) { pthread_mutex_unlock(&C->Mutex); }

Context Ctx;

void serve(bool Stop) {
  lock_ctx(&Ctx);
  if (Stop) {
    unlock_ctx(&Ctx);
    return;
  }
  Ctx.Served++; // Held: the unlock above is on no path to here.
  unlock_ctx(&Ctx);
}

void drop(bool Quiet) {
  lock_ctx(&Ctx);
  if (Quiet)
    unlock_ctx(&Ctx);
  else
    unlock_ctx(&Ctx);
  // Given back on both paths.
  Ctx.Dropped++;
  // CHECK: bypassed-calls.cpp:[[@LINE-1]]:7: warning: 'Context::Dropped' is written by thread 'drop' without a lock and written by another thread 'drop' without a lock
}

void late(bool Fast) {
  if (Fast) {
    lock_ctx(&Ctx);
    Ctx.Late++;
    unlock_ctx(&Ctx);
    return;
  }
  // The lock taken in the other branch is not held here either.
  Ctx.Late++;
  // CHECK: bypassed-calls.cpp:[[@LINE-1]]:7: warning: 'Context::Late' is written by thread 'late' without a lock and written by another thread 'late' holding 'Context::Mutex' ({{.*}}bypassed-calls.cpp:[[@LINE-6]]:9)
  // CHECK: bypassed-calls.cpp:[[@LINE-2]]:7: warning: 'Context::Late' is written by thread 'late' without a lock and written by another thread 'late' without a lock
}

// The branches each thread takes depend on the command line (constant
// arguments would decide them: thread-constant-arguments.cpp).
int main(int argc, char **) {
  bool Yes = argc > 1, No = argc > 2;
  std::thread A(serve, No), B(serve, Yes), C(drop, Yes), D(drop, No),
      E(late, Yes), F(late, No);
  A.join();
  B.join();
  C.join();
  D.join();
  E.join();
  F.join();
}
