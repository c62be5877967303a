// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A start wrapper whose function parameter has a signature of its own and
// is cast to the type the start API takes (masscan's pixie_begin_thread:
// `pthread_create(&id, NULL, (PTHREADFUNC)worker_thread, data)`) starts
// what its callers give it. Each caller's function runs on a thread of its
// own: the counter both write races; what each writes alone, after a join
// of its own thread, does not.

#include <pthread.h>
#include <stddef.h>

typedef void *(*PTHREADFUNC)(void *);

static pthread_t begin_thread(void (*worker_thread)(void *), void *data) {
  pthread_t id;
  pthread_create(&id, NULL, (PTHREADFUNC)worker_thread, data);
  return id;
}

static long packets;
static long replies;

static void transmit(void *arg) {
  packets++;
  // CHECK: cast-wrapper-parameters.c:[[@LINE-1]]:3: warning: 'packets' is written by thread 'transmit' without a lock and read by thread 'main' without a lock
  (void)arg;
}

static void receive(void *arg) {
  replies++;
  (void)arg;
}

int main(void) {
  pthread_t rx = begin_thread(receive, NULL);
  pthread_join(rx, NULL);
  replies = 0;
  pthread_t tx = begin_thread(transmit, NULL);
  long seen = packets;
  pthread_join(tx, NULL);
  return (int)(seen + replies);
}
// CHECK: concur: 1 file analysed
