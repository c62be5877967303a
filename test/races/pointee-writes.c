// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// RUN: %concur check %s --config=%S/Inputs/pointee-copies.concur.json --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --check-prefixes=CHECK,COPIES --implicit-check-not="{{warning|remark}}:"
// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | grep -cE "(warning|remark):" | FileCheck %s --check-prefix=COUNT
// RUN: %concur check %s --config=%S/Inputs/pointee-copies.concur.json --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | grep -cE "(warning|remark):" | FileCheck %s --check-prefix=COPIES-COUNT
// COUNT: {{^}}2{{$}}
// COPIES-COUNT: {{^}}3{{$}}
// Library functions that write or read what their arguments point to
// (catalog roles writes-first-pointee and reads-second-pointee) access that
// memory as an assignment would: memset and free by default, memcpy and
// strcpy when a project's config says so (the catalog leaves them out for
// now).

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct Stats {
  long Hits, Misses;
};

static struct Stats Shared;
static char Name[32];
static char *Buffer;
static struct Stats Guarded;
static pthread_mutex_t Lock = PTHREAD_MUTEX_INITIALIZER;

static void *reset(void *Arg) {
  // Positive: a whole-object write against main's field write.
  // CHECK-DAG: pointee-writes.c:[[@LINE+1]]:{{[0-9]+}}: warning: 'Shared' is written by thread 'reset' without a lock and written by thread 'main' without a lock
  memset(&Shared, 0, sizeof Shared);
  // Positive: the copy reads Name, which main writes.
  char Copy[32];
  memcpy(Copy, Name, sizeof Copy);
  // Tricky: under the lock main takes too.
  pthread_mutex_lock(&Lock);
  memset(&Guarded, 0, sizeof Guarded);
  pthread_mutex_unlock(&Lock);
  // Negative: a buffer of its own, filled before anyone else sees it.
  char *Own = malloc(16);
  memset(Own, 0, 16);
  free(Own);
  return Copy[0] ? Arg : 0;
}

static void *reader(void *Arg) { return Buffer[0] ? Arg : 0; }

int main(void) {
  Buffer = malloc(64);
  pthread_t T, R;
  pthread_create(&T, 0, reset, 0);
  pthread_create(&R, 0, reader, 0);
  Shared.Hits++;
  // COPIES-DAG: pointee-writes.c:[[@LINE+1]]:{{[0-9]+}}: warning: 'Name' is written by thread 'main' without a lock and read by thread 'reset' without a lock
  strcpy(Name, "main");
  pthread_mutex_lock(&Lock);
  Guarded.Misses++;
  pthread_mutex_unlock(&Lock);
  pthread_join(T, 0);
  // Positive: freed while the reader may still read it, a use after free.
  // CHECK-DAG: pointee-writes.c:[[@LINE+1]]:8: warning: 'Buffer' is written by thread 'main' without a lock and read by thread 'reader' without a lock
  free(Buffer);
  pthread_join(R, 0);
  // Tricky: after both joins, no thread is left to race with.
  memset(&Shared, 0, sizeof Shared);
  return 0;
}

// Every finding above, and no other (the implicit check covers the output
// up to the summary).
// CHECK: concur: 1 file analysed
