// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Warnings interleaved with the expected ones escape a DAG group; count them.
// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | grep -c "warning:" | FileCheck %s --check-prefix=COUNT
// COUNT: {{^}}12{{$}}
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
#include <stdio.h>
#include <string.h>

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

// The start's own function tests the flag: the same. Set after the test,
// the flag's test is forgotten.
struct config own_cfg, reset_cfg;
int own_x, reset_x;

static void *own_worker(void *arg) {
  (void)arg;
  if (own_cfg.mode == CMD)
    own_x = 1;
  if (reset_cfg.mode == CMD)
    reset_x = 1;
  return 0;
}

static void own_start(void) {
  pthread_t t;
  if (own_cfg.mode == LINE) {
    pthread_create(&t, 0, own_worker, 0);
    own_x = 2;
    pthread_join(t, 0);
  }
}

static void reset_start(void) {
  pthread_t t;
  if (reset_cfg.mode == LINE) {
    reset_cfg.mode = CMD;
    pthread_create(&t, 0, own_worker, 0);
    reset_x = 2;
    pthread_join(t, 0);
  }
}

// CHECK-DAG: [[@LINE-23]]:5: warning: 'reset_x' is written by thread 'own_worker' without a lock and written by thread 'main' without a lock

// Writes the check cannot place may write a flag whose address is handed
// on: through a pointer set to it, by a library call given it.
struct config alias_cfg, copied_cfg, spare_cfg = {CMD};
int *alias_mode = &alias_cfg.mode;
int alias_x, copied_x;

static void *alias_worker(void *arg) {
  (void)arg;
  if (alias_cfg.mode == CMD)
    alias_x = 1;
  if (copied_cfg.mode == CMD)
    copied_x = 1;
  return 0;
}

static void alias_run(void) {
  pthread_t t;
  pthread_create(&t, 0, alias_worker, 0);
  *alias_mode = CMD;
  alias_x = 2;
  pthread_join(t, 0);
}

static void copied_run(void) {
  pthread_t t;
  memcpy(&copied_cfg, &spare_cfg, sizeof copied_cfg);
  pthread_create(&t, 0, alias_worker, 0);
  copied_x = 2;
  pthread_join(t, 0);
}

static void alias_start(void) {
  if (alias_cfg.mode == LINE)
    alias_run();
  if (copied_cfg.mode == LINE)
    copied_run();
}

// CHECK-DAG: [[@LINE-29]]:5: warning: 'alias_x' is written by thread 'alias_worker' without a lock and written by thread 'main' without a lock
// CHECK-DAG: [[@LINE-28]]:5: warning: 'copied_x' is written by thread 'alias_worker' without a lock and written by thread 'main' without a lock

// A flag reached through a global pointer: a write names it otherwise.
struct config pointed_cfg;
struct config *pointed = &pointed_cfg;
int pointed_x;

static void *pointed_worker(void *arg) {
  (void)arg;
  if (pointed->mode == CMD)
    pointed_x = 1;
  return 0;
}

static void pointed_run(void) {
  pthread_t t;
  pthread_create(&t, 0, pointed_worker, 0);
  pointed_cfg.mode = CMD;
  pointed_x = 2;
  pthread_join(t, 0);
}

static void pointed_start(void) {
  if (pointed->mode == LINE)
    pointed_run();
}

// CHECK-DAG: [[@LINE-17]]:5: warning: 'pointed_x' is written by thread 'pointed_worker' without a lock and written by thread 'main' without a lock

// An unsigned flag compared with a negative constant: the test's values
// are not known, so it keeps nothing.
enum signed_mode { NEGATIVE = -1, ZERO, ONE };
unsigned unsigned_mode;
int unsigned_x;

static void *unsigned_worker(void *arg) {
  (void)arg;
  if (unsigned_mode != ONE)
    unsigned_x = 1;
  return 0;
}

static void unsigned_run(void) {
  pthread_t t;
  pthread_create(&t, 0, unsigned_worker, 0);
  unsigned_x = 2;
  pthread_join(t, 0);
}

static void unsigned_start(void) {
  if (unsigned_mode == NEGATIVE)
    unsigned_run();
}

// CHECK-DAG: [[@LINE-16]]:5: warning: 'unsigned_x' is written by thread 'unsigned_worker' without a lock and written by thread 'main' without a lock

// A helper under the test writes the flag before the start, and reaches
// no start itself (a flag of another name than the others here, which a
// set before a start makes tracked everywhere); a function given the
// flag's address hands it to sscanf.
struct helper_config {
  int helper_mode;
} helper_cfg;
struct config scanned_cfg;
int helper_x, scanned_x;
const char *input = "1";

static void *helper_worker(void *arg) {
  (void)arg;
  if (helper_cfg.helper_mode == CMD)
    helper_x = 1;
  if (scanned_cfg.mode == CMD)
    scanned_x = 1;
  return 0;
}

static void set_cmd(void) { helper_cfg.helper_mode = CMD; }

static void read_mode(int *mode) { sscanf(input, "%d", mode); }

static void helper_run(void) {
  pthread_t t;
  pthread_create(&t, 0, helper_worker, 0);
  read_mode(&scanned_cfg.mode);
  helper_x = 2;
  scanned_x = 2;
  pthread_join(t, 0);
}

static void helper_start(void) {
  if (helper_cfg.helper_mode == LINE && scanned_cfg.mode == LINE) {
    set_cmd();
    helper_run();
  }
}

// CHECK-DAG: [[@LINE-26]]:5: warning: 'helper_x' is written by thread 'helper_worker' without a lock and written by thread 'main' without a lock
// CHECK-DAG: [[@LINE-25]]:5: warning: 'scanned_x' is written by thread 'helper_worker' without a lock and written by thread 'main' without a lock

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
  own_cfg.mode = argc;
  reset_cfg.mode = argc;
  own_start();
  reset_start();
  alias_cfg.mode = argc;
  copied_cfg.mode = argc;
  pointed_cfg.mode = argc;
  unsigned_mode = argc > 5 ? NEGATIVE : ZERO;
  alias_start();
  pointed_start();
  unsigned_start();
  helper_cfg.helper_mode = argc;
  scanned_cfg.mode = argc;
  helper_start();
  return 0;
}

// Every finding above, and no other (the implicit check covers the output
// up to the summary).
// CHECK: concur: 1 file analysed, 0 failed to parse; 12 concur-unsynchronized-shared-state