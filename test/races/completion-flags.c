// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Warnings interleaved with the expected ones escape a DAG group; count them.
// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | grep -c "warning:" | FileCheck %s --check-prefix=COUNT
// COUNT: {{^}}12{{$}}
//
// A flag the parent sets before it starts a thread (`c->threaded = SELF;
// pthread_create(...)`) keeps that value while the thread runs when no
// other write reaches it but the thread's own, as the last thing it does.
// What the parent does only where a test finds the flag at another value
// (`if (c->threaded == NONE) c->sock = ...;`) then comes after everything
// the thread does. The flag itself still races. A thread that works on
// after its write, a parent that writes the flag while the thread runs, a
// flag set on one path only, a test that finds the value set before the
// start, and a test made before the flag was set order nothing.

#include <pthread.h>
#include <stdlib.h>

enum mode { NONE, SELF };

struct client {
  int threaded;
  int sock;
};

static struct client good, running, busy, reset, maybe, stale;

static void *network_thread(void *arg) {
  good.sock = 1;
  if (good.threaded == SELF)
    good.threaded = NONE;
  return arg;
}

// The parent tests for the value it set: it runs while the thread does.
static void *running_thread(void *arg) {
  running.sock = 1;
  if (running.threaded == SELF)
    running.threaded = NONE;
  return arg;
}

// Writes the flag, then goes on using the socket.
static void *busy_thread(void *arg) {
  if (busy.threaded == SELF)
    busy.threaded = NONE;
  busy.sock = 1;
  return arg;
}

static void *reset_thread(void *arg) {
  reset.sock = 1;
  if (reset.threaded == SELF)
    reset.threaded = NONE;
  return arg;
}

static void *maybe_thread(void *arg) {
  maybe.sock = 1;
  if (maybe.threaded == SELF)
    maybe.threaded = NONE;
  return arg;
}

// Started under a test its caller made before the flag was set: what
// that test guards after the start runs with the thread.
static void *stale_thread(void *arg) {
  stale.sock = 1;
  if (stale.threaded == SELF)
    stale.threaded = NONE;
  return arg;
}

static pthread_t start_stale(void) {
  pthread_t t;
  stale.threaded = SELF;
  pthread_create(&t, NULL, stale_thread, NULL);
  stale.sock = 2;
  return t;
}

int main(int argc, char **argv) {
  pthread_t t;
  // Set on every path before the start: this write comes after the
  // thread's; reading the flag while the thread writes it still races.
  good.threaded = SELF;
  pthread_create(&t, NULL, network_thread, NULL);
  if (good.threaded == NONE)
    good.sock = 2;
  pthread_join(t, NULL);

  running.threaded = SELF;
  pthread_create(&t, NULL, running_thread, NULL);
  if (running.threaded == SELF)
    running.sock = 2;
  pthread_join(t, NULL);

  busy.threaded = SELF;
  pthread_create(&t, NULL, busy_thread, NULL);
  if (busy.threaded == NONE)
    busy.sock = 2;
  pthread_join(t, NULL);

  reset.threaded = SELF;
  pthread_create(&t, NULL, reset_thread, NULL);
  reset.threaded = NONE;
  if (reset.threaded == NONE)
    reset.sock = 2;
  pthread_join(t, NULL);

  if (argc > 1)
    maybe.threaded = SELF;
  pthread_create(&t, NULL, maybe_thread, NULL);
  if (maybe.threaded == NONE)
    maybe.sock = 2;
  pthread_join(t, NULL);

  if (stale.threaded == NONE)
    t = start_stale();
  pthread_join(t, NULL);
  return 0;
}
// CHECK-DAG: completion-flags.c:31:10: warning: 'client::threaded' is written by thread 'network_thread' without a lock and read by thread 'main' without a lock
// CHECK-DAG: completion-flags.c:37:11: warning: 'client::sock' is written by thread 'running_thread' without a lock and written by thread 'main' without a lock
// CHECK-DAG: completion-flags.c:39:13: warning: 'client::threaded' is written by thread 'running_thread' without a lock and read by thread 'main' without a lock
// CHECK-DAG: completion-flags.c:46:10: warning: 'client::threaded' is written by thread 'busy_thread' without a lock and read by thread 'main' without a lock
// CHECK-DAG: completion-flags.c:47:8: warning: 'client::sock' is written by thread 'busy_thread' without a lock and written by thread 'main' without a lock
// CHECK-DAG: completion-flags.c:52:9: warning: 'client::sock' is written by thread 'reset_thread' without a lock and written by thread 'main' without a lock
// CHECK-DAG: completion-flags.c:54:11: warning: 'client::threaded' is written by thread 'reset_thread' without a lock and read by thread 'main' without a lock
// CHECK-DAG: completion-flags.c:54:11: warning: 'client::threaded' is written by thread 'reset_thread' without a lock and written by thread 'main' without a lock
// CHECK-DAG: completion-flags.c:59:9: warning: 'client::sock' is written by thread 'maybe_thread' without a lock and written by thread 'main' without a lock
// CHECK-DAG: completion-flags.c:61:11: warning: 'client::threaded' is written by thread 'maybe_thread' without a lock and read by thread 'main' without a lock
// CHECK-DAG: completion-flags.c:68:9: warning: 'client::sock' is written by thread 'stale_thread' without a lock and written by thread 'main' without a lock
// CHECK-DAG: completion-flags.c:106:9: warning: 'client::threaded' is written by thread 'main' without a lock and read by thread 'reset_thread' without a lock

// Every finding above, and no other (the implicit check covers the output
// up to the summary).
// CHECK: concur: 1 file analysed, 0 failed to parse; 12 concur-unsynchronized-shared-state