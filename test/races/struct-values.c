// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Structs copied by value carry their pointers: a local copy (`res =
// *resPtr`), a parameter taken by value and a struct a function returns all
// point where the original does. A thread started through one name and
// joined through another is one thread; memory reached through a copy's
// pointer is the original's. The copy's own fields are its holder's alone.

#include <pthread.h>
#include <stdlib.h>

struct Pool {
  pthread_t Thread;
  int Jobs;
};

struct Resources {
  struct Pool *Pool;
  int Level;
};

static void *work(void *Arg) {
  struct Pool *P = (struct Pool *)Arg;
  P->Jobs++;
  return NULL;
}

static void start(struct Pool *P) { pthread_create(&P->Thread, NULL, work, P); }

// A local copy of what a pointer points to.
static void startThroughCopy(const struct Resources *ResPtr) {
  struct Resources const Res = *ResPtr;
  start(Res.Pool);
}

// A parameter taken by value: its pointers are the caller's.
static void startByValue(struct Resources Res) {
  Res.Level = 2; // Negative: the parameter's own field.
  startThroughCopy(&Res);
}

static void stop(struct Resources Res) { pthread_join(Res.Pool->Thread, NULL); }

// A struct returned by value: the caller's copy holds the pointers of the
// object returned.
static struct Resources create(void) {
  struct Resources Res;
  Res.Pool = calloc(1, sizeof(struct Pool));
  Res.Level = 1;
  return Res;
}

static struct Resources Shared;

static void *reader(void *Arg) {
  struct Resources Copy = Shared;
  // Positive: through the copy's pointer, the shared pool.
  // CHECK-DAG: struct-values.c:[[@LINE+2]]:14: warning: 'Pool::Jobs' is written by thread 'reader' without a lock and written by another thread 'reader' without a lock
  // CHECK-DAG: struct-values.c:[[@LINE+1]]:14: warning: 'Pool::Jobs' is written by thread 'reader' without a lock and written by thread 'bumper' without a lock
  Copy.Pool->Jobs = 0;
  // Negative: the copy's own field.
  Copy.Level = 3;
  return Arg;
}

static void bump(struct Resources Res) {
  // Positive: a parameter by value reaches the caller's pool.
  // CHECK-DAG: struct-values.c:[[@LINE+1]]:13: warning: 'Pool::Jobs' is written by thread 'bumper' without a lock and written by another thread 'bumper' without a lock
  Res.Pool->Jobs += 1;
  Res.Level = 0; // Negative: its own field.
}

static void *bumper(void *Arg) {
  bump(Shared);
  return Arg;
}

// Tricky: a constant struct returned first (`return Empty;`) stands for no
// result; the later return names the object the caller gets. Two functions
// that both may return Empty give two pools.
static const struct Resources Empty = {NULL, 0};
static struct Resources createUnlessOff(int Off) {
  if (Off)
    return Empty;
  return create();
}
static struct Resources spareUnlessOff(int Off) {
  if (Off)
    return Empty;
  struct Resources Spare;
  Spare.Pool = calloc(1, sizeof(struct Pool));
  return Spare;
}

// Tricky: a copy of some element of a queue (`Job = Queue[Head]`) is its
// own: two takers may copy two elements, whose pointers differ.
struct Job {
  struct Pool *Pool;
};
static struct Job Queue[8];
static int Head;
static pthread_mutex_t QueueLock = PTHREAD_MUTEX_INITIALIZER;

static void *taker(void *Arg) {
  pthread_mutex_lock(&QueueLock);
  struct Job Job = Queue[Head++ % 8];
  pthread_mutex_unlock(&QueueLock);
  // Negative: not every taker's pool is one pool.
  Job.Pool->Jobs = 1;
  return Arg;
}

int main(void) {
  struct Resources Other = createUnlessOff(0);
  startByValue(Other);
  struct Resources Spare = spareUnlessOff(0);
  // Negative: another pool than the one the running thread works on.
  Spare.Pool->Jobs = 5;
  stop(Other);
  pthread_t T1, T2;
  pthread_create(&T1, NULL, taker, NULL);
  pthread_create(&T2, NULL, taker, NULL);

  struct Resources Res = create();
  startByValue(Res);
  stop(Res);
  // Negative: the thread started through the copies was joined through
  // another copy.
  Res.Pool->Jobs = 0;

  Shared = create();
  pthread_t A, B, C, D;
  pthread_create(&A, NULL, reader, NULL);
  pthread_create(&B, NULL, reader, NULL);
  pthread_create(&C, NULL, bumper, NULL);
  pthread_create(&D, NULL, bumper, NULL);
  return 0;
}

// CHECK: concur: 1 file analysed, 0 failed to parse; 3 concur-unsynchronized-shared-state
