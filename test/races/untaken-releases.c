// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A function that gives back a lock it took on no path (an unlock it makes
// directly) was called holding it: releasing a mutex one does not hold is
// undefined. What it does before the release is under that lock, by
// whichever name its caller took it (a search that leaves the page it
// found locked, then a commit that unlocks the page by its index). Not so
// where a call between takes the lock (a lock wrapper's): what comes
// before that call is not under it.

#include <pthread.h>

struct page {
  pthread_mutex_t Mu;
  int Used;
  int Version;
};

static struct page Pages[4];
static struct page *Current;

// Leaves the page it found locked for commit().
static int reserve(void) {
  struct page *P = Current;
  pthread_mutex_lock(&P->Mu);
  return 0;
}

// Must be called after reserve(): gives the page's lock back.
static void commit(int Id) {
  struct page *P = &Pages[Id];
  P->Used++;
  P->Version = P->Used;
  pthread_mutex_unlock(&P->Mu);
}

static void lockPage(struct page *P) { pthread_mutex_lock(&P->Mu); }

// Takes the lock through a wrapper after its first access: that one is
// not under it.
static void touchThenLock(int Id) {
  struct page *P = &Pages[Id];
  P->Version = 0;
  // CHECK: untaken-releases.c:[[@LINE-1]]:6: warning: 'page::Version' is written by thread 'toucher' without a lock and read by thread 'reader' holding 'page::Mu'
  // CHECK: untaken-releases.c:[[@LINE-2]]:6: warning: 'page::Version' is written by thread 'toucher' without a lock and written by thread 'writer' holding 'page::Mu', 'page::Mu' ({{.*}}untaken-releases.c:32:6)
  lockPage(P);
  P->Used = 0;
  pthread_mutex_unlock(&P->Mu);
}

static void *writer(void *Arg) {
  (void)Arg;
  if (reserve() == 0)
    commit(1);
  return 0;
}

static void *toucher(void *Arg) {
  (void)Arg;
  touchThenLock(2);
  return 0;
}

static void *reader(void *Arg) {
  (void)Arg;
  for (int I = 0; I < 4; ++I) {
    pthread_mutex_lock(&Pages[I].Mu);
    int U = Pages[I].Used + Pages[I].Version;
    (void)U;
    pthread_mutex_unlock(&Pages[I].Mu);
  }
  return 0;
}

int main(void) {
  Current = &Pages[1];
  if (Pages[0].Used)
    Current = &Pages[3];
  pthread_t W, T, R;
  pthread_create(&W, 0, writer, 0);
  pthread_create(&T, 0, toucher, 0);
  pthread_create(&R, 0, reader, 0);
  pthread_join(W, 0);
  pthread_join(T, 0);
  pthread_join(R, 0);
  return 0;
}
