// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// memset(p, 0, n) writes the block p points into from p on, not only *p
// (which is p[0]): it races with another thread's read of p[5]. A write of
// *p alone does not meet p[5], and what main reads after the join is
// ordered.

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static char *block;
static char *single;

static void *clear(void *arg) {
  memset(block, 0, 10);
  // CHECK: block-functions.c:[[@LINE-1]]:10: warning: 'block' is written by thread 'clear' without a lock and read by thread 'main' without a lock
  *single = 1;
  return arg;
}

int main(void) {
  pthread_t t;
  block = malloc(10);
  single = malloc(10);
  pthread_create(&t, NULL, clear, NULL);
  char c = block[5];
  char d = single[5];
  pthread_join(t, NULL);
  char e = block[5];
  return c + d + e;
}
// CHECK: concur: 1 file analysed
