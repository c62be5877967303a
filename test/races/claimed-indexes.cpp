// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Work split by a shared counter: fetch_add returns each value once, so an
// index taken from it, or a loop over the range [start, start + k) taken
// with the step k, is an element no other thread's take names. Anything
// looser is some element.

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

constexpr int N = 1000;
std::atomic<int> Next{0};
std::atomic<int> Other{0};
int Next2 = 0;

int One[N];
int Chunked[N];
int Bounded[N];
int Builtin[N];
int Wider[N];
int TwoCounters[N];
int Shifted[N];
int Reset[N];
int NoStep[N];
int Pointed[N];
int Stepped[N];
int AtMost[N];

void byOne() {
  int I;
  while ((I = Next.fetch_add(1)) < N)
    One[I] = I * 2;
}

void byChunks() {
  for (;;) {
    int Start = Next.fetch_add(10);
    if (Start >= N)
      break;
    for (int J = Start; J < Start + 10; ++J)
      Chunked[J] += 1;
  }
}

void byBoundedChunks(int Chunk) {
  for (;;) {
    int Start = Other.fetch_add(Chunk);
    if (Start >= N)
      break;
    int End = std::min(Start + Chunk, N);
    for (int J = Start; J < End; ++J)
      Bounded[J] += 1;
  }
}

void byBuiltin() {
  int I;
  while ((I = __sync_fetch_and_add(&Next2, 1)) < N)
    Builtin[I] = 1;
}

// The loop runs past the range it took: into the next take's.
void wider() {
  int Start = Next.fetch_add(10);
  for (int J = Start; J < Start + 20; ++J)
    Wider[J] = 1;
  // CHECK-DAG: claimed-indexes.cpp:[[@LINE-1]]:5: warning: 'Wider' is written by thread 'wider' without a lock, and 'wider' runs in more than one thread at once
}

// Values taken from two counters may be equal.
void fromNext() { TwoCounters[Next.fetch_add(1)] = 1; }
// CHECK-DAG: claimed-indexes.cpp:[[@LINE-1]]:19: warning: 'TwoCounters' is written by thread 'fromNext' without a lock and written by thread 'fromOther' without a lock ({{.*}}claimed-indexes.cpp:[[@LINE+3]]:3)
void fromOther() {
  int I = Other.fetch_add(1);
  TwoCounters[I] = 2;
}

// I + 1 is the next take's value.
void shifted() {
  int I = Next.fetch_add(1);
  Shifted[I] = 1;
  Shifted[I + 1] = 1;
  // CHECK-DAG: claimed-indexes.cpp:[[@LINE-2]]:3: warning: 'Shifted' is written by thread 'shifted' without a lock and written by another thread 'shifted' without a lock ({{.*}}claimed-indexes.cpp:[[@LINE-1]]:3)
  // CHECK-DAG: claimed-indexes.cpp:[[@LINE-2]]:3: warning: 'Shifted' is written by thread 'shifted' without a lock, and 'shifted' runs in more than one thread at once
}

// A local that holds something else too is no take.
void reset(bool Again) {
  int I = Next.fetch_add(1);
  if (Again)
    I = 0;
  Reset[I] = 1;
  // CHECK-DAG: claimed-indexes.cpp:[[@LINE-1]]:3: warning: 'Reset' is written by thread 'reset' without a lock, and 'reset' runs in more than one thread at once
}

// A step of zero returns one value to every thread.
void noStep() {
  int I = Next.fetch_add(0);
  NoStep[I] = 1;
  // CHECK-DAG: claimed-indexes.cpp:[[@LINE-1]]:3: warning: 'NoStep' is written by thread 'noStep' without a lock, and 'noStep' runs in more than one thread at once
}

void bump(int *P) { *P = 0; }

// Its address handed out: changed where we cannot see.
void pointed() {
  int I = Next.fetch_add(1);
  bump(&I);
  Pointed[I] = 1;
  // CHECK-DAG: claimed-indexes.cpp:[[@LINE-1]]:3: warning: 'Pointed' is written by thread 'pointed' without a lock, and 'pointed' runs in more than one thread at once
}

// Steps of two skip the range's end and go on.
void stepped() {
  int Start = Next.fetch_add(10);
  for (int J = Start; J < Start + 10; J += 2)
    Stepped[J] = 1;
  // CHECK-DAG: claimed-indexes.cpp:[[@LINE-1]]:5: warning: 'Stepped' is written by thread 'stepped' without a lock, and 'stepped' runs in more than one thread at once
}

// J <= Start + 10 reaches the first element of the next take.
void atMost() {
  int Start = Next.fetch_add(10);
  for (int J = Start; J <= Start + 10; ++J)
    AtMost[J] = 1;
  // CHECK-DAG: claimed-indexes.cpp:[[@LINE-1]]:5: warning: 'AtMost' is written by thread 'atMost' without a lock, and 'atMost' runs in more than one thread at once
}

int main() {
  std::vector<std::thread> Threads;
  for (int K = 0; K < 4; ++K) {
    Threads.emplace_back(byOne);
    Threads.emplace_back(byChunks);
    Threads.emplace_back(byBoundedChunks, 16);
    Threads.emplace_back(byBuiltin);
    Threads.emplace_back(wider);
    Threads.emplace_back(fromNext);
    Threads.emplace_back(fromOther);
    Threads.emplace_back(shifted);
    Threads.emplace_back(reset, K == 0);
    Threads.emplace_back(noStep);
    Threads.emplace_back(pointed);
    Threads.emplace_back(stepped);
    Threads.emplace_back(atMost);
  }
  for (std::thread &T : Threads)
    T.join();
}
// Nothing else is reported: the summary counts every diagnostic.
// CHECK: concur: 1 file analysed, 0 failed to parse; 9 concur-unsynchronized-shared-state
