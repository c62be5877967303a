// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A lock, wait or signal uses the mutex or condition variable it is given:
// it reads it. pthread_*_destroy writes it (the catalog says so), as free
// writes the block holding it. A destruction that may overlap another
// thread's use races with it. One after the join does not, nor one after
// a wait that the last use's signal ends (`lock; done++; signal; unlock`:
// the unlock ends the use its lock began and is no use of its own). Uses
// alone (every thread locking one mutex) never race with each other.

#include <pthread.h>
#include <stdlib.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ready = PTHREAD_COND_INITIALIZER;
static int state;

static pthread_mutex_t count_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t all_done = PTHREAD_COND_INITIALIZER;
static int finished;

struct pool {
  pthread_mutex_t mu;
  int jobs;
};

static void *waiter(void *arg) {
  (void)arg;
  pthread_mutex_lock(&lock);
  state = 1;
  pthread_cond_signal(&ready);
  while (state == 1)
    pthread_cond_wait(&ready, &lock);
  pthread_mutex_unlock(&lock);
  return NULL;
}

static void *worker(void *arg) {
  struct pool *p = arg;
  pthread_mutex_lock(&p->mu);
  p->jobs--;
  pthread_mutex_unlock(&p->mu);
  return NULL;
}

static void *detached(void *arg) {
  (void)arg;
  pthread_mutex_lock(&count_lock);
  finished++;
  pthread_cond_signal(&all_done);
  pthread_mutex_unlock(&count_lock);
  return NULL;
}

int main(void) {
  pthread_t t, u, w[2], d;
  pthread_create(&t, NULL, waiter, NULL);
  pthread_mutex_lock(&lock);
  while (state == 0)
    pthread_cond_wait(&ready, &lock);
  pthread_mutex_unlock(&lock);
  // The waiter may still wait on `ready`.
  pthread_cond_destroy(&ready);
  // CHECK-DAG: destroyed-while-in-use.c:[[@LINE-1]]:24: warning: 'ready' is written by thread 'main' without a lock and read by thread 'waiter' holding 'lock'
  pthread_mutex_lock(&lock);
  state = 2;
  pthread_mutex_unlock(&lock);
  pthread_join(t, NULL);
  // After the join: the waiter no longer uses the mutex.
  pthread_mutex_destroy(&lock);

  struct pool *p = malloc(sizeof *p);
  pthread_mutex_init(&p->mu, NULL);
  p->jobs = 2;
  pthread_create(&w[0], NULL, worker, p);
  pthread_create(&w[1], NULL, worker, p);
  pthread_join(w[0], NULL);
  // w[1] may still use the pool: its lock and its decrement touch the
  // block that free writes whole.
  free(p);
  // CHECK-DAG: destroyed-while-in-use.c:[[@LINE-1]]:8: warning: '(malloc())' is written by thread 'main' without a lock and read by thread 'worker' without a lock
  // CHECK-DAG: destroyed-while-in-use.c:[[@LINE-2]]:8: warning: '(malloc())' is written by thread 'main' without a lock and written by thread 'worker' holding 'pool::mu'
  pthread_join(w[1], NULL);

  struct pool *q = malloc(sizeof *q);
  pthread_mutex_init(&q->mu, NULL);
  q->jobs = 2;
  pthread_create(&u, NULL, worker, q);
  pthread_join(u, NULL);
  pthread_mutex_destroy(&q->mu);
  free(q);

  pthread_create(&d, NULL, detached, NULL);
  pthread_detach(d);
  pthread_mutex_lock(&count_lock);
  while (finished < 1)
    pthread_cond_wait(&all_done, &count_lock);
  pthread_mutex_unlock(&count_lock);
  pthread_cond_destroy(&all_done);
  pthread_mutex_destroy(&count_lock);
  return 0;
}
// CHECK: concur: 1 file analysed
