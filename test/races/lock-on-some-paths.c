// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A thread holds no lock when it starts. One that locks a mutex only when
// its argument says so, and unlocks it under the same test, writes
// unprotected in the instances told not to lock (Helgrind's
// locked_vs_unlocked1): the unlock that may find the mutex unlocked is not
// a sign that its starter held it. A thread that always locks does not
// race with itself.

#include <pthread.h>

static pthread_mutex_t mx = PTHREAD_MUTEX_INITIALIZER;
static int x;
static int y;

static void *sometimes_locked(void *arg) {
  if (arg)
    pthread_mutex_lock(&mx);
  x = 1;
  // CHECK: lock-on-some-paths.c:[[@LINE-1]]:3: warning: 'x' is written by thread 'sometimes_locked' without a lock and written by another thread 'sometimes_locked' without a lock
  if (arg)
    pthread_mutex_unlock(&mx);
  return NULL;
}

static void *always_locked(void *arg) {
  pthread_mutex_lock(&mx);
  y = 1;
  pthread_mutex_unlock(&mx);
  return arg;
}

int main(int argc, char **argv) {
  int sw = argc > 1;
  pthread_t a, b, c, d;
  pthread_create(&a, NULL, sometimes_locked, (void *)(long)(sw ? 0 : 1));
  pthread_create(&b, NULL, sometimes_locked, (void *)(long)(sw ? 1 : 0));
  pthread_create(&c, NULL, always_locked, NULL);
  pthread_create(&d, NULL, always_locked, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  pthread_join(c, NULL);
  pthread_join(d, NULL);
  return 0;
}
// CHECK: concur: 1 file analysed
