// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A lock class of a program's own records its holder. unlock() gives back a
// mutex it did not take: whoever calls it holds it, so its write of the
// holder is under the lock, like lock()'s. The unlocked getter still races
// with both.

#include <pthread.h>

class HolderLock {
public:
  void lock() {
    pthread_mutex_lock(&M);
    Holder = 1;
  }
  void unlock() {
    Holder = 0;
    pthread_mutex_unlock(&M);
  }
  int holder() { return Holder; }
  // CHECK: unlock-preconditions.cpp:[[@LINE-1]]:25: warning: 'HolderLock::Holder' is read in 'HolderLock::holder' without a lock and written in 'HolderLock::lock' holding 'HolderLock::M'

private:
  pthread_mutex_t M = PTHREAD_MUTEX_INITIALIZER;
  int Holder = 0;
};
