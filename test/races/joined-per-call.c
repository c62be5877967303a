// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A function called in a loop starts its thread at each pass; one that
// joins the thread before it returns has ended it before the next pass
// starts it again: the thread does not run at once with itself (a test
// table's test that starts a helper thread and joins it). A function that
// returns with the thread still running starts one per pass, all at once.

#include <pthread.h>
#include <stdbool.h>

static bool Allow;
static int Detached;

static void *receiver(void *Arg) {
  (void)Arg;
  Allow = false;
  return 0;
}

static int testWithHelper(void) {
  pthread_t Tid;
  Allow = true;
  if (pthread_create(&Tid, 0, receiver, 0) != 0)
    return 1;
  pthread_join(Tid, 0);
  return 0;
}

static void *background(void *Arg) {
  (void)Arg;
  Detached++;
  // CHECK: joined-per-call.c:[[@LINE-1]]:3: warning: 'Detached' is written by thread 'background' without a lock, and 'background' runs in more than one thread at once
  return 0;
}

static int testLeavingItRunning(void) {
  pthread_t Tid;
  return pthread_create(&Tid, 0, background, 0);
}

struct testcase {
  const char *Name;
  int (*Run)(void);
};

static struct testcase Cases[] = {
    {"helper", testWithHelper}, {"running", testLeavingItRunning}, {0, 0}};

int main(void) {
  for (int I = 0; Cases[I].Name; ++I)
    Cases[I].Run();
  return 0;
}
