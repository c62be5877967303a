// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -DCOPIED 2>&1 | FileCheck %s --check-prefix=COPIED --implicit-check-not="{{warning|remark}}:"
// A field every copy of a thread's code points at an object of its own
// (the parser's back-pointer to its connection) is the thread's own. A
// struct copied in whole into the thread's objects fills that field with
// whatever the copy held (a local whose pointer main aimed at one shared
// connection), which concur does not follow: the field is no longer taken
// as own, and the shared connection's race is reported.

#include <pthread.h>
#include <stdlib.h>

struct parser {
  void *data;
  int nread;
};

struct conn {
  int state;
  struct parser parser;
};

struct thread {
  pthread_t id;
  struct conn *cs;
};

static struct conn common;

static void *thread_main(void *arg) {
  struct thread *t = arg;
  t->cs[0].parser.data = &t->cs[0];
  for (int i = 0; i < 4; i++) {
    struct conn *c = t->cs[i].parser.data;
    c->state++;
    // COPIED: own-fields-struct-copies.c:[[@LINE-1]]:8: warning: 'conn::state' is written by thread 'thread_main' without a lock, and 'thread_main' runs in more than one thread at once
  }
  return NULL;
}

int main(void) {
  struct thread *threads = calloc(4, sizeof(struct thread));
  for (int i = 0; i < 4; i++) {
    struct thread *t = &threads[i];
    t->cs = calloc(4, sizeof(struct conn));
#ifdef COPIED
    struct parser p;
    p.data = &common;
    for (int k = 1; k < 4; k++)
      t->cs[k].parser = p;
#endif
    pthread_create(&t->id, NULL, thread_main, t);
  }
  for (int i = 0; i < 4; i++)
    pthread_join(threads[i].id, NULL);
  return 0;
}
// CHECK: concur: 1 file analysed
// COPIED: concur: 1 file analysed
