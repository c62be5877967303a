// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A parser calls back through a settings object its caller passes (an
// http_parser's on_message_complete). A local settings object's
// initialiser puts its own callbacks there: a parse with it runs those,
// not what the global settings' initialiser or another local's put into
// the same field.

#include <pthread.h>

struct settings {
  int (*on_done)(int);
};

struct parser {
  int state;
};

static int completed;
static int verified;

static int complete(int n) {
  completed += n;
  // CHECK: local-initialiser-callbacks.c:[[@LINE-1]]:3: warning: 'completed' is written by thread 'main' without a lock and written by thread 'worker' without a lock
  return 0;
}

static int verify(int n) {
  verified = n;
  return 0;
}

static int parse(const struct settings *s, struct parser *p, int n) {
  p->state = n;
  return s->on_done(n);
}

static const struct settings worker_settings = {.on_done = complete};

static void *worker(void *arg) {
  struct parser p;
  for (int i = 0; i < 100; i++)
    parse(&worker_settings, &p, i);
  return arg;
}

static void check_request(void) {
  struct settings mine = {.on_done = verify};
  struct parser p;
  parse(&mine, &p, 1);
}

static void complete_own(void) {
  struct settings same = {.on_done = complete};
  struct parser p;
  parse(&same, &p, 2);
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, worker, NULL);
  check_request();
  complete_own();
  pthread_join(t, NULL);
  return verified;
}
// CHECK: concur: 1 file analysed
