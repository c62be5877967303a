// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A test of a parameter that no change of it can reach still sees the
// value the call passed, though the function changes the parameter further
// on (`if (flags == ADOPT) flags = COPY;` after the test, masscan's
// _tcb_seg_send): the branch a constant argument takes there is the only
// one taken. A change that comes round a loop to the test, or that one
// path brings to it, leaves the test deciding nothing.

#include <pthread.h>
#include <stdlib.h>

enum mode { COPY, ADOPT };

static char template_buf[64];
static int looped_count;
static int joined_count;

// The test comes before every change: free() runs only for ADOPT, which
// no caller passes, so the shared template is never freed.
static void send_segment(const char *buf, enum mode flags) {
  if (flags == ADOPT)
    free((void *)buf);
  if (flags == ADOPT)
    flags = COPY;
  (void)flags;
}

// The change comes round the loop to the test: later passes may see COPY.
static void send_looped(int rounds, enum mode flags) {
  for (int i = 0; i < rounds; i++) {
    if (flags == COPY)
      looped_count++;
    // CHECK-DAG: constant-arguments-changed-later.c:[[@LINE-1]]:7: warning: 'looped_count' is written by thread 'main' without a lock and written by thread 'worker' without a lock
    flags = COPY;
  }
}

// One path changes it before the test.
static void send_joined(int more, enum mode flags) {
  if (more)
    flags = COPY;
  if (flags == COPY)
    joined_count++;
  // CHECK-DAG: constant-arguments-changed-later.c:[[@LINE-1]]:5: warning: 'joined_count' is written by thread 'main' without a lock and written by thread 'worker' without a lock
}

static void *worker(void *arg) {
  send_segment(template_buf, COPY);
  send_looped(*(int *)arg, ADOPT);
  send_joined(*(int *)arg, ADOPT);
  return NULL;
}

int main(int argc, char **argv) {
  (void)argv;
  pthread_t t;
  pthread_create(&t, NULL, worker, &argc);
  send_segment(template_buf, COPY);
  send_looped(argc, ADOPT);
  send_joined(argc, ADOPT);
  pthread_join(t, NULL);
  return 0;
}
// CHECK: concur: 1 file analysed, 0 failed to parse; 2 concur-unsynchronized-shared-state