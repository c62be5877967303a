// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A struct copy reads every byte of the struct, so it races with a write of
// any of its fields, as a write of the whole struct does. What a pointer in
// the struct points to is not copied.

#include <pthread.h>

struct Window {
  int Width, Height;
};

struct Settings {
  struct Window Main;
  struct Window Guarded;
  int Zoom;
};

struct Scaling {
  int *Scale;
};

static struct Settings Current;
static struct Scaling Scaler;
static int Factor;
static pthread_mutex_t Lock = PTHREAD_MUTEX_INITIALIZER;

static void *resize(void *Arg) {
  // CHECK-DAG: struct-copies.c:[[@LINE+2]]:{{[0-9]+}}: warning: 'Settings::Main' is written by thread 'resize' without a lock and read by thread 'main' without a lock ({{.*}}struct-copies.c:[[@LINE+17]]
  // CHECK-DAG: struct-copies.c:[[@LINE+1]]:{{[0-9]+}}: warning: 'Settings::Main' is written by thread 'resize' without a lock and read by thread 'main' without a lock ({{.*}}struct-copies.c:[[@LINE+18]]
  Current.Main.Width = 640;
  pthread_mutex_lock(&Lock);
  Current.Guarded.Height = 480;
  pthread_mutex_unlock(&Lock);
  // Negative: the pointee of Scale, not the struct's bytes.
  *Scaler.Scale = 2;
  return Arg;
}

int main(void) {
  Scaler.Scale = &Factor;
  pthread_t T;
  pthread_create(&T, 0, resize, 0);
  int Zoom = Current.Zoom;
  // Positive: an initialising copy and an assignment both read Main.
  struct Window Copy = Current.Main;
  struct Window Other;
  Other = Current.Main;
  // Tricky: copied under the lock the writer holds.
  pthread_mutex_lock(&Lock);
  struct Window Safe = Current.Guarded;
  pthread_mutex_unlock(&Lock);
  // Negative: a copy of a struct that holds a pointer reads the pointer,
  // which nobody writes now, not what it points to.
  struct Scaling Snapshot = Scaler;
  pthread_join(T, 0);
  return Zoom + Copy.Width + Other.Height + Safe.Width + *Snapshot.Scale;
}
// Nothing else is reported (CHECK-DAG leaves the lines between its matches
// unchecked): the summary counts every finding.
// CHECK: concur: 1 file analysed, 0 failed to parse; 2 concur-unsynchronized-shared-state
