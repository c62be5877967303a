// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// What does not order a task after its submitter (tasks-through-queues.c):
// a slot written without the lock the worker reads it under, and a second
// submitter that was handed no task (its submission may come first). Each
// queue has a job type of its own, so that its worker runs its own jobs.

#include <pthread.h>
#include <stdlib.h>

typedef struct {
  void (*function)(void *);
} locked_job_t;

typedef struct {
  pthread_mutex_t lock;
  locked_job_t jobs[8];
  int head, tail;
} locked_queue_t;

typedef struct {
  void (*function)(void *);
} bare_job_t;

typedef struct {
  pthread_mutex_t lock;
  bare_job_t jobs[8];
  int head, tail;
} bare_queue_t;

static int seenLocked, seenBare;

static void *runLocked(void *p) {
  locked_queue_t *q = (locked_queue_t *)p;
  for (;;) {
    pthread_mutex_lock(&q->lock);
    if (q->head == q->tail) {
      pthread_mutex_unlock(&q->lock);
      continue;
    }
    locked_job_t job = q->jobs[q->head];
    q->head = (q->head + 1) % 8;
    pthread_mutex_unlock(&q->lock);
    job.function(NULL);
  }
  return NULL;
}

static void *runBare(void *p) {
  bare_queue_t *q = (bare_queue_t *)p;
  for (;;) {
    pthread_mutex_lock(&q->lock);
    if (q->head == q->tail) {
      pthread_mutex_unlock(&q->lock);
      continue;
    }
    bare_job_t job = q->jobs[q->head];
    q->head = (q->head + 1) % 8;
    pthread_mutex_unlock(&q->lock);
    job.function(NULL);
  }
  return NULL;
}

static void readLocked(void *arg) {
  (void)arg;
  (void)seenLocked;
}

static void readBare(void *arg) {
  (void)arg;
  (void)seenBare;
}

static void submitLocked(locked_queue_t *q, void (*f)(void *)) {
  pthread_mutex_lock(&q->lock);
  q->jobs[q->tail].function = f;
  q->tail = (q->tail + 1) % 8;
  pthread_mutex_unlock(&q->lock);
}

// Stores the job before taking the lock.
static void submitBare(bare_queue_t *q, void (*f)(void *)) {
  q->jobs[q->tail].function = f;
  // CHECK-DAG: tasks-through-queues-unordered.c:[[@LINE-1]]:20: warning: 'runBare::p.jobs' is written by thread 'main' without a lock and read by thread 'runBare' holding 'runBare::p.lock'
  pthread_mutex_lock(&q->lock);
  q->tail = (q->tail + 1) % 8;
  pthread_mutex_unlock(&q->lock);
}

static locked_queue_t *shared;
static bare_queue_t *bare;

static void *otherSubmitter(void *arg) {
  (void)arg;
  submitLocked(shared, readLocked);
  return NULL;
}

int main(void) {
  pthread_t t;
  shared = calloc(1, sizeof(locked_queue_t));
  pthread_mutex_init(&shared->lock, NULL);
  pthread_create(&t, NULL, runLocked, shared);
  bare = calloc(1, sizeof(bare_queue_t));
  pthread_mutex_init(&bare->lock, NULL);
  pthread_create(&t, NULL, runBare, bare);
  pthread_create(&t, NULL, otherSubmitter, NULL);
  seenLocked = 1;
  // CHECK-DAG: tasks-through-queues-unordered.c:[[@LINE-1]]:3: warning: 'seenLocked' is written by thread 'main' without a lock and read by thread 'runLocked' without a lock
  submitLocked(shared, readLocked);
  seenBare = 1;
  // CHECK-DAG: tasks-through-queues-unordered.c:[[@LINE-1]]:3: warning: 'seenBare' is written by thread 'main' without a lock and read by thread 'runBare' without a lock
  submitBare(bare, readBare);
  return 0;
}

// Every finding above, and no other (the implicit check covers the output
// up to the summary).
// CHECK: concur: 1 file analysed, 0 failed to parse; 3 concur-unsynchronized-shared-state