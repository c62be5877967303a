// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A lock given back by a call where neither the function nor its callers
// took it was held on the way there. It was taken by an earlier call that
// may return holding it (a search that trylocks the entry it finds and
// hands the entry back to its caller still locked), or it is one held on
// some paths only at the accesses before the release (the trylock's lock,
// dropped where the search loop exits). Where no release follows, nothing
// is settled.

#include <pthread.h>
#include <stddef.h>

struct entry {
  int State;
  int Hits;
  int Age;
};

struct entry Table[8];
pthread_mutex_t EntryLocks[8];
pthread_mutex_t TableLock;

void *entryTrylock(unsigned K) {
  pthread_mutex_t *L = &EntryLocks[K & 7];
  if (pthread_mutex_trylock(L) == 0)
    return L;
  return NULL;
}
void entryUnlock(unsigned K) { pthread_mutex_unlock(&EntryLocks[K & 7]); }
void entryTrylockUnlock(void *L) { pthread_mutex_unlock((pthread_mutex_t *)L); }

// Finds a victim and locks it. With Keep, the caller gets it still locked.
int pick(int Keep, struct entry **Out, unsigned *OutKey) {
  struct entry *Found = NULL;
  void *Hold = NULL;
  unsigned K;
  pthread_mutex_lock(&TableLock);
  for (K = 0; K < 8; K++) {
    if ((Hold = entryTrylock(K)) == NULL)
      continue;
    if (Table[K].State == 0) {
      Found = &Table[K];
      break;
    }
    entryTrylockUnlock(Hold);
  }
  pthread_mutex_unlock(&TableLock);
  if (Found != NULL) {
    // Held here on the path that found it, which the release below ends.
    Found->Age = 0;
    if (!Keep) {
      Found->State = 1;
      entryTrylockUnlock(Hold);
    } else {
      *Out = Found;
      *OutKey = K;
    }
  }
  return Found != NULL;
}

// Gets the entry still locked and gives the lock back when done.
void *evictor(void *Arg) {
  struct entry *E = NULL;
  unsigned K = 0;
  (void)Arg;
  pick(0, NULL, NULL);
  if (pick(1, &E, &K)) {
    Table[K & 7].State = 2;
    Table[K & 7].Hits = 0;
    entryUnlock(K);
  }
  // Given back above: no longer held.
  Table[K & 7].Hits++;
  return NULL;
}
// CHECK-DAG: :[[@LINE-3]]:16: warning: 'entry::Hits' is written by thread 'evictor' without a lock and written by thread 'user' holding 'EntryLocks'

// Takes a victim's lock the same way, but never gives it back: nothing
// says it holds it where it writes.
void scan(void) {
  unsigned K;
  void *Hold = NULL;
  for (K = 0; K < 8; K++) {
    if ((Hold = entryTrylock(K)) != NULL && Table[K].State == 3)
      break;
  }
  Table[K & 7].Age++;
}
// CHECK-DAG: :[[@LINE-2]]:16: warning: 'entry::Age' is written by thread 'scanner' without a lock and written by thread 'evictor' holding 'EntryLocks'
// CHECK-DAG: :[[@LINE-3]]:16: warning: 'entry::Age' is written by thread 'scanner' without a lock and written by thread 'user' holding 'EntryLocks'

void *scanner(void *Arg) {
  (void)Arg;
  scan();
  return NULL;
}

void *user(void *Arg) {
  unsigned K = (unsigned)(size_t)Arg;
  pthread_mutex_lock(&EntryLocks[K & 7]);
  Table[K & 7].State = 0;
  Table[K & 7].Hits++;
  Table[K & 7].Age++;
  pthread_mutex_unlock(&EntryLocks[K & 7]);
  return NULL;
}

int main(void) {
  pthread_t A, B, C;
  pthread_create(&A, NULL, evictor, NULL);
  pthread_create(&B, NULL, user, (void *)3);
  pthread_create(&C, NULL, scanner, NULL);
  pthread_join(A, NULL);
  pthread_join(B, NULL);
  pthread_join(C, NULL);
  return 0;
}
// Nothing else is reported: the summary counts every diagnostic.
// CHECK: concur: 1 file analysed, 0 failed to parse; 3 concur-unsynchronized-shared-state
