// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A callable parameter stored into a field of an object a call returned
// (`context()->on_tick = on_tick;`): naming that field resolves the call,
// whose own context asks for the caller's field bindings again. (This
// recursed without end.) The callback still runs on the ticker thread.

#include <pthread.h>
#include <stddef.h>

struct context {
  void (*on_tick)(void);
};

static struct context the_context;
static int ticks;

static struct context *context(void) { return &the_context; }

static void set_tick_handler(void (*on_tick)(void)) {
  context()->on_tick = on_tick;
}

static void count_tick(void) { ticks++; }
// CHECK: field-callables-through-calls.c:[[@LINE-1]]:32: warning: 'ticks' is written by thread 'ticker' without a lock and read by thread 'main' without a lock

static void *ticker(void *arg) {
  the_context.on_tick();
  return arg;
}

int main(void) {
  pthread_t t;
  set_tick_handler(count_tick);
  pthread_create(&t, NULL, ticker, NULL);
  int seen = ticks;
  pthread_join(t, NULL);
  return seen;
}
// CHECK: concur: 1 file analysed, 0 failed to parse; 1 concur-unsynchronized-shared-state
