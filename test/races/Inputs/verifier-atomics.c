// Threads of an SV-COMP task: atomic blocks, atomic functions, and one
// write that is in neither.
#include <pthread.h>

void __VERIFIER_atomic_begin(void);
void __VERIFIER_atomic_end(void);

int counter;
int lockword;
int plain;

// An atomic function: test-and-set of lockword as one step.
void __VERIFIER_atomic_acquire(void) {
  if (lockword == 0)
    lockword = 1;
}

void __VERIFIER_atomic_release(void) { lockword = 0; }

// Atomic only by a project's own convention, given in its config.
int ticks;
void tx_tick(void) { ticks = ticks + 1; }

void *worker(void *arg) {
  tx_tick();
  __VERIFIER_atomic_acquire();
  __VERIFIER_atomic_begin();
  counter = counter + 1;
  __VERIFIER_atomic_end();
  __VERIFIER_atomic_release();
  counter = 5;
  plain = 1;
  return 0;
}

int main(void) {
  pthread_t t1, t2;
  pthread_create(&t1, 0, worker, 0);
  pthread_create(&t2, 0, worker, 0);
  pthread_join(t1, 0);
  pthread_join(t2, 0);
  return 0;
}
