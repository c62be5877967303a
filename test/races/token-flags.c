// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A flag used as a token: a worker that finds it set, holding the
// scheduler's lock, clears it (the claim), gives the lock back, works, takes
// the lock again and sets the flag (the return). No other worker claims it
// in between, so what holders of the token do is ordered as under a lock.
// A token is trusted only when every access to its flag that may run at
// once with another holds that lock, and some thread tests it there.

#include <pthread.h>

static pthread_mutex_t Sched = PTHREAD_MUTEX_INITIALIZER;
static int Done;

static int ParseToken = 1;
static int Parsed;    // Only with the token.
static int Unguarded; // With the token, and by another task without it.

static int BadToken = 1; // Also set by the poller without the lock.
static int BadData;

static int Untested; // Cleared and set, never tested.
static int UntestedData;

static void do_parse(void) {
  ParseToken = 0;
  pthread_mutex_unlock(&Sched);
  ++Parsed;
  ++Unguarded;
  pthread_mutex_lock(&Sched);
  ParseToken = 1;
}

static void do_other(void) {
  pthread_mutex_unlock(&Sched);
  ++Unguarded;
  // CHECK-DAG: token-flags.c:[[@LINE-1]]:5: warning: 'Unguarded' is written by thread 'worker' without a lock and written by another thread 'worker' holding 'ParseToken (token)' ({{.*}}token-flags.c:28:5)
  // CHECK-DAG: token-flags.c:[[@LINE-2]]:5: warning: 'Unguarded' is written by thread 'worker' without a lock, and 'worker' runs in more than one thread at once
  pthread_mutex_lock(&Sched);
}

static void do_bad(void) {
  BadToken = 0;
  pthread_mutex_unlock(&Sched);
  ++BadData;
  // CHECK-DAG: token-flags.c:[[@LINE-1]]:5: warning: 'BadData' is written by thread 'worker' without a lock, and 'worker' runs in more than one thread at once
  pthread_mutex_lock(&Sched);
  BadToken = 1;
}

static void do_untested(void) {
  Untested = 0;
  pthread_mutex_unlock(&Sched);
  ++UntestedData;
  // CHECK-DAG: token-flags.c:[[@LINE-1]]:5: warning: 'UntestedData' is written by thread 'worker' without a lock, and 'worker' runs in more than one thread at once
  pthread_mutex_lock(&Sched);
  Untested = 1;
}

static void *worker(void *Arg) {
  (void)Arg;
  pthread_mutex_lock(&Sched);
  while (!Done) {
    if (ParseToken)
      do_parse();
    else if (BadToken)
      do_bad();
    else
      do_other();
    do_untested();
  }
  pthread_mutex_unlock(&Sched);
  return NULL;
}

static void *poller(void *Arg) {
  (void)Arg;
  BadToken = 1;
  // CHECK-DAG: token-flags.c:[[@LINE-1]]:3: warning: 'BadToken' is written by thread 'poller' without a lock and read by thread 'worker' holding 'Sched' ({{.*}}token-flags.c:65:14)
  // CHECK-DAG: token-flags.c:[[@LINE-2]]:3: warning: 'BadToken' is written by thread 'poller' without a lock and written by thread 'worker' holding 'Sched' ({{.*}}token-flags.c:42:3)
  // CHECK-DAG: token-flags.c:[[@LINE-3]]:3: warning: 'BadToken' is written by thread 'poller' without a lock and written by thread 'worker' holding 'Sched' ({{.*}}token-flags.c:47:3)
  return NULL;
}

int main(void) {
  pthread_t Workers[4], Poller;
  for (int I = 0; I < 4; ++I)
    pthread_create(&Workers[I], NULL, worker, NULL);
  pthread_create(&Poller, NULL, poller, NULL);
  pthread_mutex_lock(&Sched);
  Done = 1;
  pthread_mutex_unlock(&Sched);
  for (int I = 0; I < 4; ++I)
    pthread_join(Workers[I], NULL);
  pthread_join(Poller, NULL);
  return 0;
}

// Every finding above, and no other (the implicit check covers the output
// up to the summary).
// CHECK: concur: 1 file analysed, 0 failed to parse; 7 concur-unsynchronized-shared-state