// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Reference counting: the thread whose decrement takes an object's count to
// zero holds the last reference. Every other holder used the object before
// it let go of its reference, so what the last holder then does to the
// object's own fields races with nothing. What the object points to is
// another object, which other objects' holders may share.

#include <pthread.h>

struct Totals {
  long Freed;
};

struct Item {
  int Refs;
  int State;
  struct Totals *Totals;
  struct Item *NextFree;
};

static struct Totals Shared;
static struct Item *FreeList;
static pthread_mutex_t FreeLock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t ItemLock = PTHREAD_MUTEX_INITIALIZER;

static void discard(struct Item *It) {
  // Negative: the last reference's own fields.
  It->State = 0;
  // Positive: every item points to the one Totals.
  // CHECK-DAG: last-reference.c:[[@LINE+1]]:{{[0-9]+}}: warning: 'Totals::Freed' is written by thread 'atomic_user' without a lock and written by another thread 'atomic_user' without a lock
  It->Totals->Freed++;
  pthread_mutex_lock(&FreeLock);
  It->NextFree = FreeList;
  FreeList = It;
  pthread_mutex_unlock(&FreeLock);
}

// Each holder reads the item, then lets go of its reference.
static void *atomic_user(void *Arg) {
  struct Item *It = Arg;
  long Seen = It->State;
  if (__atomic_sub_fetch(&It->Refs, 1, __ATOMIC_ACQ_REL) == 0)
    discard(It);
  return (void *)Seen;
}

// The old value, and the count kept under a lock.
static void *old_value_user(void *Arg) {
  struct Item *It = Arg;
  long Seen = It->State;
  if (__sync_fetch_and_sub(&It->Refs, 1) == 1)
    It->State = -1;
  return (void *)Seen;
}

static void *locked_user(void *Arg) {
  struct Item *It = Arg;
  long Seen = It->State;
  pthread_mutex_lock(&ItemLock);
  if (--(It->Refs)) {
    pthread_mutex_unlock(&ItemLock);
    return (void *)Seen;
  }
  pthread_mutex_unlock(&ItemLock);
  // Negative: only the false edge of `if (--refs)` gets here.
  It->State = -2;
  return (void *)Seen;
}

// The count's new value, kept in a local and tested later.
static void *local_user(void *Arg) {
  struct Item *It = Arg;
  long Seen = It->State;
  int Left = __atomic_sub_fetch(&It->Refs, 1, __ATOMIC_ACQ_REL);
  if (Left == 0)
    It->State = -5;
  return (void *)Seen;
}

// A function of the program that returns the decrement's new value, as a
// library's atomic helper does.
static int drop_ref(int *Count) {
  int Left = __atomic_sub_fetch(Count, 1, __ATOMIC_ACQ_REL);
  return Left;
}

static void *wrapper_user(void *Arg) {
  struct Item *It = Arg;
  long Seen = It->State;
  if (drop_ref(&It->Refs) == 0)
    It->State = -7;
  return (void *)Seen;
}

// Tricky: a helper that computes the value without decrementing anything.
static int peek_ref(int *Count) { return *Count - 1; }

static void *peek_user(void *Arg) {
  struct Item *It = Arg;
  // CHECK-DAG: last-reference.c:[[@LINE+4]]:{{[0-9]+}}: warning: 'Item::State' is written by thread 'peek_user' without a lock and read by another thread 'peek_user' without a lock ({{.*}}last-reference.c:[[@LINE+1]]
  long Seen = It->State;
  if (peek_ref(&It->Refs) == 0)
    // CHECK-DAG: last-reference.c:[[@LINE+1]]:{{[0-9]+}}: warning: 'Item::State' is written by thread 'peek_user' without a lock and written by another thread 'peek_user' without a lock ({{.*}}last-reference.c:[[@LINE+1]]
    It->State = -8;
  return (void *)Seen;
}

// Tricky: the local no longer holds the count when it is tested.
static void *reassigned_user(void *Arg) {
  struct Item *It = Arg;
  // CHECK-DAG: last-reference.c:[[@LINE+6]]:{{[0-9]+}}: warning: 'Item::State' is written by thread 'reassigned_user' without a lock and read by another thread 'reassigned_user' without a lock ({{.*}}last-reference.c:[[@LINE+1]]
  long Seen = It->State;
  int Left = __atomic_sub_fetch(&It->Refs, 1, __ATOMIC_ACQ_REL);
  Left = (int)Seen;
  if (Left == 0)
    // CHECK-DAG: last-reference.c:[[@LINE+1]]:{{[0-9]+}}: warning: 'Item::State' is written by thread 'reassigned_user' without a lock and written by another thread 'reassigned_user' without a lock ({{.*}}last-reference.c:[[@LINE+1]]
    It->State = -6;
  return (void *)Seen;
}

// Tricky: a count that drops to one is not the last reference, and what
// follows the branch runs on every path.
static void *not_last_user(void *Arg) {
  struct Item *It = Arg;
  long Seen = It->State;
  pthread_mutex_lock(&ItemLock);
  // CHECK-DAG: last-reference.c:[[@LINE+1]]:{{[0-9]+}}: warning: 'Item::Refs' is written by thread 'not_last_user' holding 'ItemLock' and read by another thread 'not_last_user' without a lock ({{.*}}last-reference.c:[[@LINE+5]]
  if (--(It->Refs) == 1)
    // CHECK-DAG: last-reference.c:[[@LINE+1]]:{{[0-9]+}}: warning: 'Item::State' is written by thread 'not_last_user' holding 'ItemLock' and read by another thread 'not_last_user' without a lock ({{.*}}last-reference.c:[[@LINE-4]]
    It->State = -3;
  pthread_mutex_unlock(&ItemLock);
  if (!It->Refs)
    return (void *)Seen;
  // CHECK-DAG: last-reference.c:[[@LINE+3]]:{{[0-9]+}}: warning: 'Item::State' is written by thread 'not_last_user' without a lock and read by another thread 'not_last_user' without a lock ({{.*}}last-reference.c:[[@LINE-9]]
  // CHECK-DAG: last-reference.c:[[@LINE+2]]:{{[0-9]+}}: warning: 'Item::State' is written by thread 'not_last_user' without a lock and written by another thread 'not_last_user' holding 'ItemLock' ({{.*}}last-reference.c:[[@LINE-5]]
  // CHECK-DAG: last-reference.c:[[@LINE+1]]:{{[0-9]+}}: warning: 'Item::State' is written by thread 'not_last_user' without a lock and written by another thread 'not_last_user' without a lock ({{.*}}last-reference.c:[[@LINE+1]]
  It->State = -4;
  return (void *)Seen;
}

static struct Item First = {2, 0, &Shared, 0}, Second = {2, 0, &Shared, 0},
                   Third = {2, 0, &Shared, 0}, Fourth = {2, 0, &Shared, 0},
                   Fifth = {2, 0, &Shared, 0}, Sixth = {2, 0, &Shared, 0},
                   Seventh = {2, 0, &Shared, 0}, Eighth = {2, 0, &Shared, 0};

int main(void) {
  pthread_t T[16];
  pthread_create(&T[0], 0, atomic_user, &First);
  pthread_create(&T[1], 0, atomic_user, &First);
  pthread_create(&T[2], 0, old_value_user, &Second);
  pthread_create(&T[3], 0, old_value_user, &Second);
  pthread_create(&T[4], 0, locked_user, &Third);
  pthread_create(&T[5], 0, locked_user, &Third);
  pthread_create(&T[6], 0, not_last_user, &Fourth);
  pthread_create(&T[7], 0, not_last_user, &Fourth);
  pthread_create(&T[8], 0, local_user, &Fifth);
  pthread_create(&T[9], 0, local_user, &Fifth);
  pthread_create(&T[10], 0, reassigned_user, &Sixth);
  pthread_create(&T[11], 0, reassigned_user, &Sixth);
  pthread_create(&T[12], 0, wrapper_user, &Seventh);
  pthread_create(&T[13], 0, wrapper_user, &Seventh);
  pthread_create(&T[14], 0, peek_user, &Eighth);
  pthread_create(&T[15], 0, peek_user, &Eighth);
  for (int I = 0; I < 16; ++I)
    pthread_join(T[I], 0);
  return 0;
}
// Nothing else is reported (CHECK-DAG leaves the lines between its matches
// unchecked): the summary counts every finding.
// CHECK: concur: 1 file analysed, 0 failed to parse; 10 concur-unsynchronized-shared-state
