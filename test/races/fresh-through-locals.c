// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A field every store fills with an object just made points, in each
// object, at one of its own. A local that holds the new object and hands it
// on at that store alone (`r = malloc(...); ...; j->own = r;`) fills the
// field as the allocation written in place would, whatever the error paths
// that free it before. A local handed on twice on one path (two jobs given
// one object), or once per pass of a loop it was filled before, does not.

#include <pthread.h>
#include <stdlib.h>

struct res {
  int n;
};

struct job {
  pthread_t id;
  struct res *own;
  struct res *wrapped;
  struct res *twice;
  struct res *looped;
};

static struct res *make_res(void) { return calloc(1, sizeof(struct res)); }
static void drop(struct res *r) { free(r); }

static int setup(struct job *j, int fail) {
  struct res *r = malloc(sizeof *r);
  if (!r)
    return -1;
  r->n = 0;
  if (fail) {
    drop(r);
    return -1;
  }
  j->own = r;
  struct res *w = make_res();
  if (!w)
    return -1;
  j->wrapped = w;
  return 0;
}

static void *work(void *arg) {
  struct job *j = arg;
  j->own->n++;
  j->wrapped->n++;
  j->twice->n++;
  // CHECK: fresh-through-locals.c:[[@LINE-1]]:13: warning: 'res::n' is written by thread 'work' without a lock, and 'work' runs in more than one thread at once
  j->looped->n++;
  // CHECK: fresh-through-locals.c:[[@LINE-1]]:14: warning: 'res::n' is written by thread 'work' without a lock, and 'work' runs in more than one thread at once
  return NULL;
}

int main(int argc, char **argv) {
  (void)argv;
  struct job *jobs = calloc(4, sizeof *jobs);
  for (int i = 0; i < 4; i += 2) {
    struct res *pair = malloc(sizeof *pair);
    jobs[i].twice = pair;
    jobs[i + 1].twice = pair;
  }
  struct res *one = malloc(sizeof *one);
  for (int i = 0; i < 4; i++) {
    jobs[i].looped = one;
    if (setup(&jobs[i], argc > 5) != 0)
      return 1;
    pthread_create(&jobs[i].id, NULL, work, &jobs[i]);
  }
  for (int i = 0; i < 4; i++)
    pthread_join(jobs[i].id, NULL);
  return 0;
}
// CHECK: concur: 1 file analysed
