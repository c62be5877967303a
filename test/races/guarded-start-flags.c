// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Warnings interleaved with the expected ones escape a DAG group; count them.
// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | grep -c "warning:" | FileCheck %s --check-prefix=COUNT
// COUNT: {{^}}5{{$}}
//
// A thread started only where a test found a global flag at one value
// (`if (cfg.mode == LINE) line_loop();`, which starts it) runs with that
// value when nothing writes the flag from that test on: what it does only
// under another value (a `case` of a switch on the flag, an `if`) it never
// does. Empty case labels fall into the next with their values; `default:`
// holds every value no case lists. A case the value takes still races; so
// does everything when a call under the test writes the flag before the
// start, when the parent writes it while the thread runs, or when the flag
// is a field of an object of an allocation site.

#include <pthread.h>
#include <stdlib.h>

enum mode { NONE, CMD, LINE, FILE_MODE, NUL };

struct config {
  int mode;
};

struct config cfg, stale_cfg, live_cfg;
int first, ready, sent, done, extra;
int stale_x, live_x;

static void publish(void) {
  ready = 0;
  first = 1;
}

static void *network(void *arg) {
  (void)arg;
  switch (cfg.mode) {
  case CMD:
  case FILE_MODE:
    publish();
    break;
  case NUL:
    first = 2;
    break;
  case LINE:
    // The value the start was guarded by: this races with main.
    sent = 1;
    break;
  default:
    done = 1;
  }
  if (cfg.mode != LINE)
    ready = 1;
  return 0;
}

static void start(pthread_t *t) { pthread_create(t, 0, network, 0); }

static int line_loop(void) {
  pthread_t t;
  start(&t);
  publish();
  sent = 2;
  done = 2;
  pthread_join(t, 0);
  return 0;
}

static int shared_loop(void) {
  if (cfg.mode == LINE)
    return line_loop();
  publish();
  return 0;
}

// CHECK-DAG: [[@LINE-29]]:5: warning: 'sent' is written by thread 'network' without a lock and written by thread 'main' without a lock

// A call under the test writes the flag before the start: the test's
// value is stale.
static void set_stale(void) { stale_cfg.mode = CMD; }

static void *stale_worker(void *arg) {
  (void)arg;
  if (stale_cfg.mode == CMD)
    stale_x = 1;
  return 0;
}

static void stale_run(void) {
  pthread_t t;
  pthread_create(&t, 0, stale_worker, 0);
  stale_x = 2;
  pthread_join(t, 0);
}

static void stale_start(void) {
  if (stale_cfg.mode == LINE) {
    set_stale();
    stale_run();
  }
}

// CHECK-DAG: [[@LINE-18]]:5: warning: 'stale_x' is written by thread 'stale_worker' without a lock and written by thread 'main' without a lock

// The parent writes the flag while the thread runs.
static void *live_worker(void *arg) {
  (void)arg;
  if (live_cfg.mode == CMD)
    live_x = 1;
  return 0;
}

static pthread_t live_thread;

static void live_begin(void) {
  pthread_create(&live_thread, 0, live_worker, 0);
}

// The write is past the test's branch: it holds no test.
static void live_start(void) {
  if (live_cfg.mode == LINE)
    live_begin();
  live_cfg.mode = CMD;
  live_x = 2;
  pthread_join(live_thread, 0);
}

// CHECK-DAG: [[@LINE-19]]:5: warning: 'live_x' is written by thread 'live_worker' without a lock and written by thread 'main' without a lock
// CHECK-DAG: [[@LINE-6]]:12: warning: 'config::mode' is written by thread 'main' without a lock and read by thread 'live_worker' without a lock

// A flag in a heap object: another object of the same allocation site may
// hold another value.
struct session {
  int mode;
  int data;
};

static void *session_worker(void *arg) {
  struct session *s = arg;
  if (s->mode == CMD)
    s->data = 1;
  return 0;
}

static void session_run(struct session *s) {
  pthread_t t;
  pthread_create(&t, 0, session_worker, s);
  s->data = 2;
  pthread_join(t, 0);
}

static void session_start(struct session *s) {
  if (s->mode == LINE)
    session_run(s);
}

// CHECK-DAG: [[@LINE-16]]:8: warning: 'session::data' is written by thread 'session_worker' without a lock and written by thread 'main' without a lock

int main(int argc, char **argv) {
  cfg.mode = argc;
  stale_cfg.mode = argc;
  live_cfg.mode = argc;
  shared_loop();
  stale_start();
  live_start();
  struct session *s = malloc(sizeof *s);
  s->mode = argc;
  session_start(s);
  return 0;
}
