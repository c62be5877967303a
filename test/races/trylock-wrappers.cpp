// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A trylock wrapper that returns the mutex it took, or null: its caller
// holds that mutex where it finds the result not null, until it gives the
// mutex back. And an element of an array of locks orders accesses to
// elements of arrays (striping), not to one scalar that holders of two
// different elements both touch.

#include <pthread.h>
#include <stdint.h>

pthread_mutex_t ItemLocks[16];
struct Item {
  int Class;
  int Flags;
  int Refs;
};
Item Items[16];
unsigned ExpandBucket;

void *itemTrylock(uint32_t Hv) {
  pthread_mutex_t *Lock = &ItemLocks[Hv & 15];
  if (pthread_mutex_trylock(Lock) == 0)
    return Lock;
  return nullptr;
}
void itemTrylockUnlock(void *Lock) {
  pthread_mutex_unlock(static_cast<pthread_mutex_t *>(Lock));
}
void itemLock(uint32_t Hv) { pthread_mutex_lock(&ItemLocks[Hv & 15]); }
void itemUnlock(uint32_t Hv) { pthread_mutex_unlock(&ItemLocks[Hv & 15]); }

// The result tested in an assignment, then given back.
void pull(uint32_t Hv) {
  void *Hold = nullptr;
  Item *It = &Items[Hv & 15];
  if ((Hold = itemTrylock(Hv)) == nullptr)
    return;
  It->Class = 3;
  itemTrylockUnlock(Hold);
  It->Flags = 1;
}
// CHECK: :[[@LINE-2]]:7: warning: 'Item::Flags' is written by thread 'puller' without a lock and written by thread 'owner' holding 'ItemLocks'

// The result kept in a local and tested on its own.
void expand(uint32_t Bucket) {
  void *Lock = itemTrylock(Bucket);
  Item *It = &Items[Bucket & 15];
  if (Lock) {
    It->Refs++;
    // A scalar: the bucket lock held here is not the one a reader holds.
    ExpandBucket = Bucket + 1;
    itemTrylockUnlock(Lock);
  }
}
// CHECK: :[[@LINE-4]]:5: warning: 'ExpandBucket' is written by thread 'puller' holding 'ItemLocks' and read by thread 'owner' holding 'ItemLocks'

void *puller(void *) {
  pull(1);
  expand(2);
  return nullptr;
}

void *owner(void *) {
  Item *It = &Items[2];
  itemLock(2);
  It->Class = 4;
  It->Flags = 2;
  It->Refs--;
  unsigned Seen = ExpandBucket;
  (void)Seen;
  itemUnlock(2);
  return nullptr;
}

int main() {
  pthread_t A, B;
  pthread_create(&A, nullptr, puller, nullptr);
  pthread_create(&B, nullptr, owner, nullptr);
  pthread_join(A, nullptr);
  pthread_join(B, nullptr);
}
