// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A pool that grows its array of thread handles starts threads into a new
// buffer and stores the buffer's address in the pool; it joins them later
// through the pool's pointer. The handles are named through the pointer
// too, whether it was stored before the starts or after. A join through a
// pointer to another buffer joins nothing.

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

int Level;
int Verbose;
int Quiet;

struct pool {
  pthread_mutex_t M;
  pthread_t *Threads;
  pthread_t *Spare;
  size_t Cap;
};

static void *worker(void *P) {
  struct pool *C = P;
  pthread_mutex_lock(&C->M);
  int L = Level + Verbose + Quiet;
  pthread_mutex_unlock(&C->M);
  return (void *)(long)L;
}

// Stores the new buffer, then starts into it.
int growFirst(struct pool *C, size_t N) {
  pthread_t *Grown = calloc(N, sizeof(pthread_t));
  if (!Grown)
    return 1;
  memcpy(Grown, C->Threads, C->Cap * sizeof(pthread_t));
  free(C->Threads);
  C->Threads = Grown;
  for (size_t I = C->Cap; I < N; ++I)
    if (pthread_create(&Grown[I], NULL, worker, C)) {
      C->Cap = I;
      return 1;
    }
  C->Cap = N;
  return 0;
}

// Starts into the new buffer, then stores it.
int growAfter(struct pool *C, size_t N) {
  pthread_t *Grown = calloc(N, sizeof(pthread_t));
  if (!Grown)
    return 1;
  for (size_t I = 0; I < N; ++I)
    pthread_create(&Grown[I], NULL, worker, C);
  C->Threads = Grown;
  C->Cap = N;
  return 0;
}

// Starts into a buffer whose address goes to the spare pointer, which
// nobody joins through.
int growSpare(struct pool *C, size_t N) {
  pthread_t *Grown = calloc(N, sizeof(pthread_t));
  if (!Grown)
    return 1;
  for (size_t I = 0; I < N; ++I)
    pthread_create(&Grown[I], NULL, worker, C);
  C->Spare = Grown;
  C->Cap = N;
  return 0;
}

void join(struct pool *C) {
  for (size_t I = 0; I < C->Cap; ++I)
    pthread_join(C->Threads[I], NULL);
}

int main(void) {
  struct pool *A = calloc(1, sizeof *A);
  pthread_mutex_init(&A->M, NULL);
  growFirst(A, 4);
  join(A);
  Level = 3;
  struct pool *B = calloc(1, sizeof *B);
  pthread_mutex_init(&B->M, NULL);
  growAfter(B, 4);
  join(B);
  Verbose = 1;
  struct pool *D = calloc(1, sizeof *D);
  pthread_mutex_init(&D->M, NULL);
  growSpare(D, 4);
  join(D);
  // CHECK: grown-handle-buffers.c:[[@LINE+1]]:3: warning: 'Quiet' is written by thread 'main' without a lock and read by thread 'worker' holding 'pool::M'
  Quiet = 1;
  return 0;
}
