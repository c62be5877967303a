// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A wait orders what a thread did before it signalled only when the wait
// comes after that thread was started: a parent's wait for an earlier
// phase's threads, made before it starts the next phase's, orders nothing
// the new thread does. (A pipeline run twice, whose second run's reader
// thread writes what the parent reads before it waits again.)

#include <pthread.h>

struct queue {
  pthread_mutex_t Mutex;
  pthread_cond_t Ready;
  int Items;
};

static struct queue Q = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
                         0};

static void push(struct queue *Q) {
  pthread_mutex_lock(&Q->Mutex);
  ++Q->Items;
  pthread_cond_signal(&Q->Ready);
  pthread_mutex_unlock(&Q->Mutex);
}

static void pop(struct queue *Q) {
  pthread_mutex_lock(&Q->Mutex);
  while (Q->Items == 0)
    pthread_cond_wait(&Q->Ready, &Q->Mutex);
  --Q->Items;
  pthread_mutex_unlock(&Q->Mutex);
}

static int Format;   // written by the reader, read by main before its wait
static int Trailer;  // written by the reader, read by main after its wait

static void *reader(void *Arg) {
  Format = 1;
  // CHECK: acquires-before-start.c:[[@LINE-1]]:3: warning: 'Format' is written by thread 'reader' without a lock and read by thread 'main' without a lock (/{{.*}}acquires-before-start.c:[[@LINE+54]]:7)
  Trailer = 1;
  push(&Q);
  return Arg;
}

static void run_phase(int Wait) {
  pthread_t T;
  pthread_create(&T, 0, reader, 0);
  if (Wait)
    pop(&Q);
  pthread_join(T, 0);
}

// Tricky: the writer is a grandchild, started by a thread that main
// started after its first wait. Main's read before its next wait races
// with it; the read after that wait does not.
static int Header;
static int Footer;

static void *grandchild(void *Arg) {
  Header = 1;
  // CHECK: acquires-before-start.c:[[@LINE-1]]:3: warning: 'Header' is written by thread 'grandchild' without a lock and read by thread 'main' without a lock (/{{.*}}acquires-before-start.c:[[@LINE+17]]:7)
  Footer = 1;
  push(&Q);
  return Arg;
}

static void *starter(void *Arg) {
  pthread_t T;
  pthread_create(&T, 0, grandchild, 0);
  pthread_join(T, 0);
  return Arg;
}

static int second_run(void) {
  pthread_t T;
  pthread_create(&T, 0, starter, 0);
  int Seen = 0;
  if (Header)
    Seen = 1;
  pop(&Q);
  if (Footer)
    Seen += 2;
  pthread_join(T, 0);
  return Seen;
}

int main(void) {
  // The first phase: main's first wait on the queue.
  run_phase(1);
  // The second: the reader is started after that wait.
  pthread_t T;
  pthread_create(&T, 0, reader, 0);
  if (Format)
    return 1;
  // Waiting again orders what the reader did before it pushed.
  pop(&Q);
  if (Trailer)
    return 2;
  pthread_join(T, 0);
  return second_run();
}
