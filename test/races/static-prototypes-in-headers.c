// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -I %S/Inputs 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A static function declared in a header, used before the file defines it
// (the definition without `static`, as wrk has it), is one function: the
// start and the calls made through the header's declaration reach the
// definition (its id names the file that defines it).

#include "static-prototypes.h"
#include <pthread.h>

static int hits;

int main(void) {
  pthread_t t;
  pthread_create(&t, 0, worker, 0);
  bump();
  pthread_join(t, 0);
  return 0;
}

void bump(void) { hits++; }
// CHECK: static-prototypes-in-headers.c:[[@LINE-1]]:19: warning: 'hits' is written by thread 'main' without a lock and written by thread 'worker' without a lock

void *worker(void *arg) {
  bump();
  return arg;
}
// CHECK: concur: 1 file analysed
