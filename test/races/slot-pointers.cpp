// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// What a thread's own slot points to is the thread's own when the thread
// itself points it at something of its own: a buffer it allocated, a place
// in such a buffer (pointer arithmetic, strchr), another pointer of its
// slot that is its own. A pointer of the slot that the starter filled, or
// that the thread points at something shared, reaches shared memory.

#include <cstdlib>
#include <cstring>
#include <pthread.h>

struct Stats {
  int Served;
};

Stats Global;

struct Conn {
  char *Buf;
  char *Uri;
  char *Query;
  char *Name;
  Stats *Shared;
  Stats *Counted;
  char *Out;
  pthread_t Id;
};

Conn Conns[8];

char *copyOf(const char *S) { return strdup(S); }

void *worker(void *Arg) {
  Conn *C = static_cast<Conn *>(Arg);
  C->Buf = static_cast<char *>(malloc(64));
  C->Buf[0] = 'G';
  C->Uri = C->Buf + 4;
  C->Uri[0] = '/';
  C->Query = strchr(C->Uri, '?');
  C->Query[1] = 0;
  C->Name = copyOf("index");
  C->Name[0] = 'I';
  // The starter may have pointed it at shared memory already.
  if (!C->Out)
    C->Out = static_cast<char *>(malloc(8));
  C->Out[0] = 'O';
  // CHECK: slot-pointers.cpp:[[@LINE-1]]:3: warning: 'Conn::Out' is written by thread 'worker' without a lock, and 'worker' runs in more than one thread at once
  // Filled by the starter: every slot points at the one Stats.
  C->Shared->Served = C->Shared->Served + 1;
  // (The read on this line pairs with the same lines: one finding for both.)
  // CHECK: slot-pointers.cpp:[[@LINE-2]]:14: warning: 'Stats::Served' is written by thread 'worker' without a lock, and 'worker' runs in more than one thread at once
  // Pointed by the thread itself, but at the shared global.
  C->Counted = &Global;
  C->Counted->Served = 1;
  // CHECK: slot-pointers.cpp:[[@LINE-1]]:15: warning: 'Stats::Served' is written by thread 'worker' without a lock, and 'worker' runs in more than one thread at once
  return nullptr;
}

int main() {
  static Stats One;
  static char Outs[64];
  for (int I = 0; I < 8; ++I) {
    Conns[I].Shared = &One;
    Conns[I].Out = Outs;
    pthread_create(&Conns[I].Id, nullptr, worker, &Conns[I]);
  }
  for (int I = 0; I < 8; ++I)
    pthread_join(Conns[I].Id, nullptr);
}
// CHECK: concur: 1 file analysed
