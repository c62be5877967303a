// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Warnings interleaved with the expected ones escape a DAG group; count them.
// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | grep -c "warning:" | FileCheck %s --check-prefix=COUNT
// COUNT: {{^}}8{{$}}
//
// What keeps a flag from holding the value its starter set
// (completion-flags.c): a loop that may write it again between the set and
// the start, a write of the whole object holding it, and a `goto` back
// past the thread's last write. A guard that lists every value but the one
// set (`!=`) orders like one naming another.

#include <pthread.h>
#include <string.h>

enum mode { NONE, SELF };

struct client {
  int threaded;
  int sock;
};

static struct client looped, wiped, other, retried;

static void *looped_thread(void *arg) {
  looped.sock = 1;
  if (looped.threaded == SELF)
    looped.threaded = NONE;
  return arg;
}

// Clears the whole client, flag and all, then goes on using it.
static void *wiping_thread(void *arg) {
  memset(&wiped, 0, sizeof wiped);
  wiped.sock = 1;
  return arg;
}

static void *other_thread(void *arg) {
  other.sock = 1;
  if (other.threaded == SELF)
    other.threaded = NONE;
  return arg;
}

// Writes the flag, then may go round again through a goto.
static void *retrying_thread(void *arg) {
again:
  retried.sock = 1;
  if (retried.threaded == SELF) {
    retried.threaded = NONE;
    if (arg)
      goto again;
  }
  return arg;
}

int main(int argc, char **argv) {
  pthread_t t;
  looped.threaded = SELF;
  for (int i = 1; i < argc; i++)
    looped.threaded = NONE;
  pthread_create(&t, NULL, looped_thread, NULL);
  if (looped.threaded == NONE)
    looped.sock = 2;
  pthread_join(t, NULL);

  wiped.threaded = SELF;
  pthread_create(&t, NULL, wiping_thread, NULL);
  if (wiped.threaded == NONE)
    wiped.sock = 2;
  pthread_join(t, NULL);

  // Every value but SELF: after the thread's last write, as NONE is.
  other.threaded = SELF;
  pthread_create(&t, NULL, other_thread, NULL);
  if (other.threaded != SELF)
    other.sock = 2;
  pthread_join(t, NULL);

  retried.threaded = SELF;
  pthread_create(&t, NULL, retrying_thread, argv);
  if (retried.threaded == NONE)
    retried.sock = 2;
  pthread_join(t, NULL);
  return 0;
}
// CHECK-DAG: completion-flag-resets.c:25:10: warning: 'client::sock' is written by thread 'looped_thread' without a lock and written by thread 'main' without a lock
// CHECK-DAG: completion-flag-resets.c:27:12: warning: 'client::threaded' is written by thread 'looped_thread' without a lock and read by thread 'main' without a lock
// CHECK-DAG: completion-flag-resets.c:33:10: warning: 'wiped' is written by thread 'wiping_thread' without a lock and read by thread 'main' without a lock
// CHECK-DAG: completion-flag-resets.c:33:10: warning: 'wiped' is written by thread 'wiping_thread' without a lock and written by thread 'main' without a lock
// CHECK-DAG: completion-flag-resets.c:34:9: warning: 'client::sock' is written by thread 'wiping_thread' without a lock and written by thread 'main' without a lock
// CHECK-DAG: completion-flag-resets.c:41:11: warning: 'client::threaded' is written by thread 'other_thread' without a lock and read by thread 'main' without a lock
// CHECK-DAG: completion-flag-resets.c:48:11: warning: 'client::sock' is written by thread 'retrying_thread' without a lock and written by thread 'main' without a lock
// CHECK-DAG: completion-flag-resets.c:50:13: warning: 'client::threaded' is written by thread 'retrying_thread' without a lock and read by thread 'main' without a lock

// Every finding above, and no other (the implicit check covers the output
// up to the summary).
// CHECK: concur: 1 file analysed, 0 failed to parse; 8 concur-unsynchronized-shared-state