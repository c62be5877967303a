// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c11 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// An array each of whose elements is given an object made right there (an
// allocation, or a call returning a new one: `states[i] = new_state()`)
// holds one object per element. A thread handed its own element, directly
// or through its own slot (`messages[i].state = states[i]`, bzip3's
// bz3_encode_blocks), works on an object no other thread of its code
// reaches, also where the array itself is never handed on. An element
// given anything else (one shared object) makes the array's objects shared
// again.

#include <pthread.h>
#include <stdlib.h>

struct state {
  int rounds;
};

struct message {
  struct state *state;
  int size;
};

static struct state *new_state(void) {
  struct state *S = malloc(sizeof *S);
  S->rounds = 0;
  return S;
}

static void *encode(void *Arg) {
  struct message *M = Arg;
  M->state->rounds++;
  M->size = 1;
  return NULL;
}

static void *step(void *Arg) {
  struct state *S = Arg;
  S->rounds++;
  // CHECK-DAG: fresh-element-arrays.c:[[@LINE-1]]:6: warning: 'state::rounds' is written by thread 'step' without a lock, and 'step' runs in more than one thread at once
  return NULL;
}

static void *poll_one(void *Arg) {
  struct state *S = Arg;
  S->rounds--;
  // CHECK-DAG: fresh-element-arrays.c:[[@LINE-1]]:6: warning: 'state::rounds' is written by thread 'poll_one' without a lock, and 'poll_one' runs in more than one thread at once
  return NULL;
}

static void *count_one(void *Arg) {
  struct state *S = Arg;
  S->rounds += 2;
  return NULL;
}

static void encode_blocks(struct state *states[], int n) {
  struct message messages[8];
  pthread_t threads[8];
  for (int i = 0; i < n; i++) {
    messages[i].state = states[i];
    pthread_create(&threads[i], NULL, encode, &messages[i]);
  }
  for (int i = 0; i < n; i++)
    pthread_join(threads[i], NULL);
}

static void step_all(struct state *states[], int n) {
  pthread_t threads[8];
  for (int i = 0; i < n; i++)
    pthread_create(&threads[i], NULL, step, states[i]);
  for (int i = 0; i < n; i++)
    pthread_join(threads[i], NULL);
}

int main(void) {
  struct state *states[4];
  for (int i = 0; i < 4; i++)
    states[i] = new_state();
  encode_blocks(states, 4);

  // One object in every element: the threads share it.
  struct state *shared = new_state();
  struct state *same[4];
  for (int i = 0; i < 4; i++)
    same[i] = shared;
  step_all(same, 4);

  // Arrays only this function reaches: one new object per element, and
  // one element given the shared object.
  pthread_t threads[4];
  struct state *own[4];
  for (int i = 0; i < 4; i++)
    own[i] = malloc(sizeof(struct state));
  for (int i = 0; i < 4; i++)
    pthread_create(&threads[i], NULL, count_one, own[i]);
  for (int i = 0; i < 4; i++)
    pthread_join(threads[i], NULL);
  struct state *mixed[4];
  for (int i = 0; i < 4; i++)
    mixed[i] = new_state();
  mixed[0] = shared;
  for (int i = 0; i < 4; i++)
    pthread_create(&threads[i], NULL, poll_one, mixed[i]);
  for (int i = 0; i < 4; i++)
    pthread_join(threads[i], NULL);
  return 0;
}

// Every finding above, and no other (the implicit check covers the output
// up to the summary).
// CHECK: concur: 1 file analysed, 0 failed to parse; 2 concur-unsynchronized-shared-state