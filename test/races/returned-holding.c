// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A call may return still holding a lock it took, on some of its returns
// only: a lookup that locks the entry it finds and gives the lock back
// where it returns NULL, or a callback that stores the lock its trylock
// took in the caller's struct. Where the caller gives that lock back
// later, it held it in between; after the release, and where nothing
// gives it back, it holds nothing.

#include <pthread.h>
#include <stddef.h>

struct entry {
  int Refs;
  int Hits;
  int Age;
};

struct entry Table[8];
pthread_mutex_t EntryLocks[8];
pthread_mutex_t TableLock;

void entryLock(unsigned K) { pthread_mutex_lock(&EntryLocks[K & 7]); }
void entryUnlock(unsigned K) { pthread_mutex_unlock(&EntryLocks[K & 7]); }
void *entryTrylock(unsigned K) {
  pthread_mutex_t *L = &EntryLocks[K & 7];
  if (pthread_mutex_trylock(L) == 0)
    return L;
  return NULL;
}
void entryTrylockUnlock(void *L) { pthread_mutex_unlock((pthread_mutex_t *)L); }

// Returns the entry locked; too busy an entry is let go, and NULL returned.
struct entry *getLocked(unsigned K) {
  entryLock(K);
  struct entry *E = &Table[K & 7];
  if (E->Refs > 100) {
    entryUnlock(K);
    return NULL;
  }
  return E;
}

void *reader(void *Arg) {
  unsigned K = (unsigned)(size_t)Arg;
  struct entry *E = getLocked(K);
  if (E) {
    // Held: getLocked returned holding it, and it is given back below.
    E->Hits++;
    entryUnlock(K);
  }
  // Given back above.
  Table[K & 7].Age++;
  return NULL;
}
// CHECK-DAG: :[[@LINE-3]]:16: warning: 'entry::Age' is written by thread 'reader' without a lock and written by thread 'owner' holding 'EntryLocks'
// CHECK-DAG: :[[@LINE-4]]:16: warning: 'entry::Age' is written by thread 'reader' without a lock and written by thread 'mover' without a lock

// Looks without giving anything back: it does not hold what getLocked may
// have left locked.
void *peeker(void *Arg) {
  unsigned K = (unsigned)(size_t)Arg;
  struct entry *E = getLocked(K);
  if (E)
    E->Hits = 0;
  return NULL;
}
// CHECK-DAG: :[[@LINE-3]]:8: warning: 'entry::Hits' is written by thread 'peeker' without a lock and written by thread 'owner' holding 'EntryLocks'
// CHECK-DAG: :[[@LINE-4]]:8: warning: 'entry::Hits' is written by thread 'peeker' without a lock and written by thread 'reader' holding 'EntryLocks'
// CHECK-DAG: :[[@LINE-5]]:8: warning: 'entry::Hits' is written by thread 'peeker' without a lock and written by thread 'mover' holding 'EntryLocks'
// CHECK-DAG: :[[@LINE-6]]:8: warning: 'entry::Hits' is written by thread 'peeker' without a lock and written by thread 'counter' holding 'EntryLocks'

// Gives the lock back on every path, by one unlock in each branch.
int slotOf(unsigned K) {
  int Slot;
  entryLock(K);
  if (Table[K & 7].Refs > 100) {
    entryUnlock(K);
    Slot = -1;
  } else {
    Slot = (int)(K & 7);
    entryUnlock(K);
  }
  return Slot;
}

// Holds nothing where it writes: slotOf returned without the lock, and
// the release below is of the lock taken just before it.
void *counter(void *Arg) {
  unsigned K = (unsigned)(size_t)Arg;
  int Slot = slotOf(K);
  if (Slot >= 0) {
    Table[Slot].Refs = 1;
    entryLock(K);
    Table[K & 7].Hits++;
    entryUnlock(K);
  }
  return NULL;
}
// CHECK-DAG: :[[@LINE-7]]:17: warning: 'entry::Refs' is written by thread 'counter' without a lock and read by thread 'reader' holding 'EntryLocks'
// CHECK-DAG: :[[@LINE-8]]:17: warning: 'entry::Refs' is written by thread 'counter' without a lock and read by thread 'walker' holding 'EntryLocks'
// CHECK-DAG: :[[@LINE-9]]:17: warning: 'entry::Refs' is written by thread 'counter' without a lock and written by thread 'walker' holding 'EntryLocks'

// Walks the table bucket by bucket: hands each bucket to the caller
// locked, and gives it back at the next step, or where it is empty.
struct iter {
  unsigned Bucket;
  int Locked;
};
int iterNext(struct iter *It) {
  if (It->Locked) {
    entryUnlock(It->Bucket);
    It->Locked = 0;
    It->Bucket++;
    return 1;
  }
  if (It->Bucket >= 8)
    return 0;
  entryLock(It->Bucket);
  It->Locked = 1;
  if (Table[It->Bucket].Refs == 0) {
    entryUnlock(It->Bucket);
    It->Locked = 0;
    It->Bucket++;
  }
  return 1;
}
// Gives back the bucket the walk stopped in, through the unlock wrapper.
void iterFinish(struct iter *It) {
  if (It->Locked)
    entryUnlock(It->Bucket);
}

// Holds the bucket's lock from iterNext to iterFinish.
void *walker(void *Arg) {
  struct iter It = {0, 0};
  (void)Arg;
  while (iterNext(&It))
    if (It.Locked)
      Table[It.Bucket].Refs++;
  iterFinish(&It);
  return NULL;
}

struct move_arg {
  unsigned Key;
  void *Hold;
};

// Runs Fn under the table's lock.
int withTableLocked(int (*Fn)(void *), void *Arg) {
  pthread_mutex_lock(&TableLock);
  int Status = Fn(Arg);
  pthread_mutex_unlock(&TableLock);
  return Status;
}

// Leaves the entry locked for the caller, through A->Hold.
int tryTake(void *Arg) {
  struct move_arg *A = (struct move_arg *)Arg;
  if ((A->Hold = entryTrylock(A->Key)) == NULL)
    return 0;
  return 1;
}

void *mover(void *Arg) {
  struct move_arg M;
  M.Key = (unsigned)(size_t)Arg;
  M.Hold = NULL;
  if (withTableLocked(tryTake, &M)) {
    // Held through M.Hold, given back below.
    Table[M.Key & 7].Hits = 0;
    entryTrylockUnlock(M.Hold);
  }
  Table[M.Key & 7].Age = 0;
  return NULL;
}
// CHECK-DAG: :[[@LINE-3]]:20: warning: 'entry::Age' is written by thread 'mover' without a lock and written by thread 'owner' holding 'EntryLocks'

void *owner(void *Arg) {
  unsigned K = (unsigned)(size_t)Arg;
  entryLock(K);
  Table[K & 7].Hits++;
  Table[K & 7].Age++;
  entryUnlock(K);
  return NULL;
}

int main(void) {
  pthread_t A, B, C, D, E, F;
  pthread_create(&A, NULL, reader, (void *)1);
  pthread_create(&B, NULL, peeker, (void *)2);
  pthread_create(&C, NULL, mover, (void *)3);
  pthread_create(&D, NULL, owner, (void *)4);
  pthread_create(&E, NULL, counter, (void *)5);
  pthread_create(&F, NULL, walker, NULL);
  pthread_join(A, NULL);
  pthread_join(B, NULL);
  pthread_join(C, NULL);
  pthread_join(D, NULL);
  pthread_join(E, NULL);
  pthread_join(F, NULL);
  return 0;
}
// Nothing else: the walker's writes hold the bucket's lock.
// CHECK: concur: 1 file analysed, 0 failed to parse; 10 concur-unsynchronized-shared-state
