// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// pthread_exit does not return, but it ends only the calling thread: the
// process and its other threads go on. A worker that ends with it (bzip3's
// block threads) races at full severity; a path through exit() or abort()
// ends the process and its pairs stay remarks.

#include <pthread.h>
#include <stdlib.h>

static long Size;
static long Errors;
static long Last;

static void encodeBlock(long N) {
  Size = N;
  // CHECK-DAG: thread-ending-paths.c:[[@LINE-1]]:3: warning: 'Size' is written by thread 'encode' without a lock and read by thread 'main' without a lock
}

static void *encode(void *Arg) {
  encodeBlock((long)Arg);
  pthread_exit(NULL);
  return NULL; // unreachable
}

// Through a helper of the program that ends the thread: the helper's call
// is a call that returns as far as the walk of facts knows (the helper is
// not marked noreturn), so nothing changes here either.
static void finish(void) { pthread_exit(NULL); }

static void decodeBlock(long N) {
  Errors = N;
  // CHECK-DAG: thread-ending-paths.c:[[@LINE-1]]:3: warning: 'Errors' is written by thread 'decode' without a lock and read by thread 'main' without a lock
}

static void *decode(void *Arg) {
  decodeBlock((long)Arg);
  finish();
  return NULL;
}

// exit() ends the process: what is done only on the way there is a remark.
static void report(long N) {
  Last = N;
  // CHECK-DAG: thread-ending-paths.c:[[@LINE-1]]:3: remark: 'Last' is written by thread 'fail' without a lock and read by thread 'main' without a lock ({{.*}}); one access runs only on a path that ends the process
}

static void *fail(void *Arg) {
  report((long)Arg);
  exit(1);
}

int main(void) {
  pthread_t T[3];
  pthread_create(&T[0], NULL, encode, (void *)1);
  pthread_create(&T[1], NULL, decode, (void *)2);
  pthread_create(&T[2], NULL, fail, (void *)3);
  long Seen = Size + Errors + Last;
  for (int I = 0; I < 3; ++I)
    pthread_join(T[I], NULL);
  return (int)Seen;
}

// Every finding above, and no other (the implicit check covers the output
// up to the summary).
// CHECK: concur: 1 file analysed, 0 failed to parse; 3 concur-unsynchronized-shared-state