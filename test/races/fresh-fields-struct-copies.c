// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A field every store fills with an object just allocated points, in each
// object, at one of its own. A struct copied in whole over it fills it with
// whatever the copy held (one shared object here), which concur does not
// follow: the field is no longer taken as fresh, and the race on the shared
// object is reported. The same field filled only by allocations stays
// apart.

#include <pthread.h>
#include <stdlib.h>

struct res {
  int n;
};

struct holder {
  struct res *r;
};

struct job {
  pthread_t id;
  struct holder copied;
  struct res *own;
};

static struct res common;

static void *work(void *arg) {
  struct job *j = arg;
  j->copied.r->n++;
  // CHECK: fresh-fields-struct-copies.c:[[@LINE-1]]:16: warning: 'res::n' is written by thread 'work' without a lock, and 'work' runs in more than one thread at once
  j->own->n++;
  return NULL;
}

int main(void) {
  struct job *jobs = calloc(4, sizeof *jobs);
  struct holder shared = {&common};
  for (int i = 0; i < 4; i++) {
    jobs[i].copied.r = malloc(sizeof(struct res));
    jobs[i].copied = shared;
    jobs[i].own = malloc(sizeof(struct res));
    pthread_create(&jobs[i].id, NULL, work, &jobs[i]);
  }
  for (int i = 0; i < 4; i++)
    pthread_join(jobs[i].id, NULL);
  return 0;
}
// CHECK: concur: 1 file analysed
