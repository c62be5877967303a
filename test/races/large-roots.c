// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A root with thousands of accesses is paired by which paths may overlap,
// not pair by pair: a whole object with its fields, an element at an index
// known only at run time with one at a constant index, each still meets
// its partners among the many; two fields apart do not.

#include <pthread.h>
#include <string.h>

static struct {
  int Filler[4352];
  int Count;
  int Slots[16];
  int Mine, Theirs;
} Big;

// 4352 reads of Big (elements apart), more than the pair loop tries pair
// by pair.
static int sum(void) {
  int T = 0;
#define R4(I) Big.Filler[I] + Big.Filler[I + 1] + Big.Filler[I + 2] + Big.Filler[I + 3]
#define R16(I) T += R4(I) + R4(I + 4) + R4(I + 8) + R4(I + 12);
#define R256(I) R16(I) R16(I + 16) R16(I + 32) R16(I + 48) R16(I + 64) R16(I + 80) R16(I + 96) R16(I + 112) R16(I + 128) R16(I + 144) R16(I + 160) R16(I + 176) R16(I + 192) R16(I + 208) R16(I + 224) R16(I + 240)
#define R4096(I) R256(I) R256(I + 256) R256(I + 512) R256(I + 768) R256(I + 1024) R256(I + 1280) R256(I + 1536) R256(I + 1792) R256(I + 2048) R256(I + 2304) R256(I + 2560) R256(I + 2816) R256(I + 3072) R256(I + 3328) R256(I + 3584) R256(I + 3840)
  R4096(0) R256(4096)
  return T;
}

static void *worker(void *Arg) {
  int I = *(int *)Arg;
  // The whole object against each of main's lines after the start.
  // CHECK-DAG: large-roots.c:[[@LINE+3]]:{{[0-9]+}}: warning: 'Big' is written by thread 'worker' without a lock and written by thread 'main' without a lock ({{.*}}large-roots.c:[[@LINE+15]]:
  // CHECK-DAG: large-roots.c:[[@LINE+2]]:{{[0-9]+}}: warning: 'Big' is written by thread 'worker' without a lock and written by thread 'main' without a lock ({{.*}}large-roots.c:[[@LINE+15]]:
  // CHECK-DAG: large-roots.c:[[@LINE+1]]:{{[0-9]+}}: warning: 'Big' is written by thread 'worker' without a lock and written by thread 'main' without a lock ({{.*}}large-roots.c:[[@LINE+15]]:
  memset(&Big, 0, sizeof Big);
  // CHECK-DAG: large-roots.c:[[@LINE+1]]:{{[0-9]+}}: warning: 'Big.Slots' is written by thread 'worker' without a lock and written by thread 'main' without a lock ({{.*}}large-roots.c:[[@LINE+11]]:
  Big.Slots[I] = 1;
  Big.Theirs = 1;
  return 0;
}

int main(void) {
  pthread_t T;
  int I = 5, Total = 0;
  Total = sum();
  pthread_create(&T, 0, worker, &I);
  Big.Slots[3] = 2;
  Big.Count = 7;
  Big.Mine = Total;
  pthread_join(T, 0);
  return 0;
}
// Nothing else is reported (CHECK-DAG leaves the lines between its matches
// unchecked): the summary counts every finding.
// CHECK: concur: 1 file analysed, 0 failed to parse; 4 concur-unsynchronized-shared-state
