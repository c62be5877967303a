#include <pthread.h>

extern void __VERIFIER_assume(int);

int m;
int guarded;
int unguarded;

void __VERIFIER_atomic_acquire(void) {
  __VERIFIER_assume(m == 0);
  m = 1;
}

void __VERIFIER_atomic_release(void) {
  __VERIFIER_assume(m == 1);
  m = 0;
}

/* Through a pointer, tested by a branch that stops the step. */
void __VERIFIER_atomic_acquire_at(int *l) {
  if (!(*l == 0))
    __VERIFIER_assume(0);
  *l = 1;
}

void __VERIFIER_atomic_release_at(int *l) {
  __VERIFIER_assume(*l == 1);
  *l = 0;
}

/* Sets the flag without finding it free: not a lock. */
void __VERIFIER_atomic_mark(void) { m = 1; }

int other;
int both;

void *worker(void *arg) {
  __VERIFIER_atomic_acquire();
  guarded++;
  __VERIFIER_atomic_release();

  __VERIFIER_atomic_acquire_at(&other);
  both++;
  __VERIFIER_atomic_release_at(&other);

  __VERIFIER_atomic_mark();
  unguarded++;
  return 0;
}

/* Outside an atomic step, test then set is not a lock (two threads may both
   find the flag free). */
int plain_flag;

void *racer(void *arg) {
  if (plain_flag == 0) {
    plain_flag = 1;
    /* no lock is held here */
    plain_flag = 0;
  }
  return 0;
}

int main(void) {
  pthread_t t1, t2, t3, t4;
  pthread_create(&t1, 0, worker, 0);
  pthread_create(&t2, 0, worker, 0);
  pthread_create(&t3, 0, racer, 0);
  pthread_create(&t4, 0, racer, 0);
  return 0;
}
