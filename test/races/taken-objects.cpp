// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Work handed over through a shared list: a consumer, holding the list's
// lock, loads the head and unlinks it; what it took is its own until it
// links it somewhere again, and so is what the job points to, unless some
// access to that locks it (lock consistency). A look at the head that
// unlinks nothing, or an unlink after the lock was let go, takes nothing.

#include <pthread.h>
#include <stdlib.h>

struct Stats {
  int Done;
  int Failed;
};

struct Job {
  Job *Next;
  int Input;
  int Result;
  int *Buffer;
  Stats *Shared;
};

struct Queue {
  pthread_mutex_t Mutex;
  pthread_cond_t Ready;
  Job *Head;
};

Queue Q = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, nullptr};
pthread_mutex_t StatsMutex = PTHREAD_MUTEX_INITIALIZER;

void *consumer(void *) {
  for (;;) {
    Job *J;
    pthread_mutex_lock(&Q.Mutex);
    while (Q.Head == nullptr)
      pthread_cond_wait(&Q.Ready, &Q.Mutex);
    J = Q.Head;
    Q.Head = J->Next;
    pthread_mutex_unlock(&Q.Mutex);
    J->Next = nullptr;
    // CHECK: :[[@LINE-1]]:8: warning: 'Job::Next' is written by thread 'consumer' without a lock and read by thread 'lateThief' without a lock ({{.*}}:[[@LINE+43]]:15)
    J->Result = J->Input * 2;
    // CHECK: :[[@LINE-1]]:8: warning: 'Job::Result' is written by thread 'consumer' without a lock and written by thread 'peeker' without a lock ({{.*}}:[[@LINE+27]]:8)
    J->Buffer[0] = J->Result;
    // Every job points to one Stats: its Done is locked elsewhere, so the
    // unlocked write is a race; Failed is never locked, and is taken for
    // the job's own (a miss).
    J->Shared->Done++;
    // CHECK: :[[@LINE-1]]:16: warning: 'Stats::Done' is written by thread 'consumer' without a lock, and 'consumer' runs in more than one thread at once
    J->Shared->Failed++;
  }
  return nullptr;
}

int doneSoFar(Stats *S) {
  pthread_mutex_lock(&StatsMutex);
  S->Done = 0;
  pthread_mutex_unlock(&StatsMutex);
  return 0;
}

// Loads the head under the lock but unlinks nothing: the job is still in
// the list, and a consumer may hold it.
void *peeker(void *) {
  Job *J;
  pthread_mutex_lock(&Q.Mutex);
  J = Q.Head;
  pthread_mutex_unlock(&Q.Mutex);
  if (J)
    J->Result = 0;
  // CHECK: :[[@LINE-1]]:8: warning: 'Job::Result' is written by thread 'peeker' without a lock and read by thread 'consumer' without a lock
  return nullptr;
}

// Unlinks after letting go of the lock: another thief may have loaded the
// same head in between.
void *lateThief(void *) {
  Job *J;
  pthread_mutex_lock(&Q.Mutex);
  J = Q.Head;
  pthread_mutex_unlock(&Q.Mutex);
  if (!J)
    return nullptr;
  Q.Head = J->Next;
  // CHECK-COUNT-6: :[[@LINE-1]]:5: warning: 'Queue::Head' is written by thread 'lateThief' without a lock
  J->Input = 1;
  // CHECK: :[[@LINE-1]]:6: warning: 'Job::Input' is written by thread 'lateThief' without a lock and read by thread 'consumer' without a lock
  return nullptr;
}

// A pool's get(): the caller owns what it returns.
struct Buffer {
  Buffer *Next;
  int Length;
};
struct Pool {
  pthread_mutex_t Lock;
  Buffer *Free;
};
Pool Buffers = {PTHREAD_MUTEX_INITIALIZER, nullptr};

Buffer *getBuffer(Pool *P) {
  pthread_mutex_lock(&P->Lock);
  Buffer *B = P->Free;
  if (B)
    P->Free = B->Next;
  pthread_mutex_unlock(&P->Lock);
  return B;
}

void *packer(void *) {
  Buffer *B = getBuffer(&Buffers);
  if (B)
    B->Length = 42;
  return nullptr;
}

void produce(int V, Stats *S) {
  Job *J = static_cast<Job *>(malloc(sizeof(Job)));
  J->Input = V;
  J->Buffer = static_cast<int *>(malloc(sizeof(int)));
  J->Shared = S;
  pthread_mutex_lock(&Q.Mutex);
  J->Next = Q.Head;
  Q.Head = J;
  pthread_cond_signal(&Q.Ready);
  pthread_mutex_unlock(&Q.Mutex);
}

int main() {
  static Stats S;
  pthread_t C[4], P, T;
  for (int I = 0; I < 4; ++I)
    pthread_create(&C[I], nullptr, consumer, nullptr);
  pthread_create(&P, nullptr, peeker, nullptr);
  pthread_create(&T, nullptr, lateThief, nullptr);
  for (int I = 0; I < 4; ++I)
    pthread_create(&C[I], nullptr, packer, nullptr);
  for (int I = 0; I < 100; ++I)
    produce(I, &S);
  return doneSoFar(&S);
}
