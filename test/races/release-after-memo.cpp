// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Data published through a condition variable: written before the signal,
// read after the wait. The same call made again after the last signal
// writes data the signal did not publish: it is the same walk as the first
// (a release moves no point in the order), and its accesses move past the
// release all the same.

#include <pthread.h>

pthread_mutex_t M = PTHREAD_MUTEX_INITIALIZER;
pthread_cond_t Cv = PTHREAD_COND_INITIALIZER;
bool Ready;
int Published;
int Republished;

void setPublished(int V) { Published = V; }
void setRepublished(int V) { Republished = V; }
// CHECK: :[[@LINE-1]]:30: warning: 'Republished' is written by thread 'main' without a lock and read by thread 'consumer' without a lock

void publish() {
  pthread_mutex_lock(&M);
  Ready = true;
  pthread_cond_signal(&Cv);
  pthread_mutex_unlock(&M);
}

void *consumer(void *) {
  pthread_mutex_lock(&M);
  while (!Ready)
    pthread_cond_wait(&Cv, &M);
  pthread_mutex_unlock(&M);
  int Seen = Published + Republished;
  (void)Seen;
  return nullptr;
}

int main() {
  pthread_t T;
  pthread_create(&T, nullptr, consumer, nullptr);
  setPublished(1);
  setRepublished(1);
  publish();
  setPublished(1);
  publish();
  setRepublished(2);
  pthread_join(T, nullptr);
}
