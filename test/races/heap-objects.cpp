// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Objects a call allocates (calloc, new, or a wrapper that returns what it
// allocated) are places of their own, one per allocation: a thread's
// handle kept in one is joined through it, two threads handed one object
// race on it, and two objects from two calls of one wrapper are two.

#include <pthread.h>
#include <cstdlib>

struct Server {
  pthread_t Master;
  int Port;
  int Served;
};

void *xmalloc(size_t N) { return calloc(1, N); }

void *serve(void *Arg) {
  Server *S = static_cast<Server *>(Arg);
  S->Served = S->Served + S->Port;
  // CHECK: heap-objects.cpp:[[@LINE-1]]:6: warning: 'Server::Served' is written by thread 'serve' without a lock and read by thread 'main' without a lock ({{.*}}heap-objects.cpp:[[#@LINE+37]]:17)
  return nullptr;
}

Server *startServer(int Port) {
  Server *S = static_cast<Server *>(xmalloc(sizeof(Server)));
  S->Port = Port;
  pthread_create(&S->Master, nullptr, serve, S);
  return S;
}

void stopServer(Server *S) {
  pthread_t M = S->Master;
  pthread_join(M, nullptr);
}

struct Stats {
  int Hits;
};

void *count(void *Arg) {
  Stats *St = static_cast<Stats *>(Arg);
  St->Hits = St->Hits + 1;
  // (The read on this line pairs with the same lines: one finding for both.)
  // CHECK: heap-objects.cpp:[[@LINE-2]]:7: warning: 'Stats::Hits' is written by thread 'count' without a lock and written by another thread 'count'
  return nullptr;
}

void *tally(void *Arg) {
  // Each start is handed an object of its own.
  static_cast<Stats *>(Arg)->Hits = 1;
  return nullptr;
}

int main() {
  Server *S = startServer(80);
  // The server's thread may still run.
  int Seen = S->Served;
  stopServer(S);
  // Joined through the handle the heap object keeps.
  S->Port = 0;
  Stats *Shared = static_cast<Stats *>(xmalloc(sizeof(Stats)));
  Stats *Mine = static_cast<Stats *>(xmalloc(sizeof(Stats)));
  Stats *Own = new Stats;
  pthread_t A, B, C;
  pthread_create(&A, nullptr, count, Shared);
  pthread_create(&B, nullptr, count, Shared);
  pthread_create(&C, nullptr, tally, Mine);
  Stats *Other = static_cast<Stats *>(xmalloc(sizeof(Stats)));
  pthread_t D;
  pthread_create(&D, nullptr, tally, Other);
  // Nobody else has this one.
  Own->Hits = 2;
  pthread_join(A, nullptr);
  pthread_join(B, nullptr);
  pthread_join(C, nullptr);
  pthread_join(D, nullptr);
  return Seen + Own->Hits;
}
// CHECK: concur: 1 file analysed
