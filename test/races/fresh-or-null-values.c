// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A field every store fills with an object just made points, in each
// object, at one of its own, also when the object is made in one of two
// ways that the store cannot tell apart from "made":
// - a choice between a new object and null (`n ? malloc(n) : NULL`),
//   written in place or returned by a wrapper that copies into it;
// - a local holding the new object that is filled through pointer
//   arithmetic (`memcpy(p + 1, ...)`, a pointer into the same block that
//   memcpy keeps nothing of) before it is handed on.
// A choice between one shared block and null (`n ? shared : NULL`) still
// races.

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct rec {
  pthread_t id;
  char *dup;
  char *inplace;
  char *filled;
  char *shared;
};

static char one_block[16];

static char *dup_or_null(const char *s, size_t n) {
  char *d = n > 0 ? malloc(n + 1) : NULL;
  if (!d)
    return NULL;
  memcpy(d, s, n);
  d[n] = 0;
  return d;
}

static void *work(void *arg) {
  struct rec *r = arg;
  r->dup[0] = 'x';
  r->inplace[0] = 'x';
  r->filled[0] = 'x';
  r->shared[0] = 'x';
  // CHECK: fresh-or-null-values.c:[[@LINE-1]]:3: warning: {{.*}}is written by thread 'work' without a lock, and 'work' runs in more than one thread at once
  return NULL;
}

int main(int argc, char **argv) {
  (void)argv;
  struct rec *recs = calloc(4, sizeof *recs);
  for (int i = 0; i < 4; i++) {
    recs[i].dup = dup_or_null("abc", 3);
    recs[i].inplace = argc > 0 ? malloc(8) : NULL;
    char *p = malloc(8);
    p[0] = 'a';
    memcpy(p + 1, "bc", 3);
    recs[i].filled = p;
    recs[i].shared = argc > 0 ? one_block : NULL;
    pthread_create(&recs[i].id, NULL, work, &recs[i]);
  }
  for (int i = 0; i < 4; i++)
    pthread_join(recs[i].id, NULL);
  return 0;
}
// CHECK: concur: 1 file analysed
