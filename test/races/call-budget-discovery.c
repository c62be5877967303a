// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A walk that reaches its call budget before the program starts its
// threads goes on through the calls that may start one: the threads are
// found and compared, and the note says the analysis was cut. Here each
// level of set-up calls the next twice, once under a lock of its own, so
// the walk of main sees 2^18 distinct calls before start().

#include <pthread.h>

static int Counter;
static int Unrelated;

static void *worker(void *Arg) {
  (void)Arg;
  Counter++;
  // CHECK: call-budget-discovery.c:[[@LINE-1]]:3: warning: 'Counter' is written by thread 'worker' without a lock, and 'worker' runs in more than one thread at once
  return 0;
}

static void start(void) {
  pthread_t T;
  for (int I = 0; I < 2; ++I)
    pthread_create(&T, 0, worker, 0);
}

static pthread_mutex_t M0 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t M1 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t M2 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t M3 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t M4 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t M5 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t M6 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t M7 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t M8 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t M9 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t M10 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t M11 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t M12 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t M13 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t M14 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t M15 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t M16 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t M17 = PTHREAD_MUTEX_INITIALIZER;
static void setup18(void) { Unrelated++; }
static void setup17(void) {
  setup18();
  pthread_mutex_lock(&M17);
  setup18();
  pthread_mutex_unlock(&M17);
}
static void setup16(void) {
  setup17();
  pthread_mutex_lock(&M16);
  setup17();
  pthread_mutex_unlock(&M16);
}
static void setup15(void) {
  setup16();
  pthread_mutex_lock(&M15);
  setup16();
  pthread_mutex_unlock(&M15);
}
static void setup14(void) {
  setup15();
  pthread_mutex_lock(&M14);
  setup15();
  pthread_mutex_unlock(&M14);
}
static void setup13(void) {
  setup14();
  pthread_mutex_lock(&M13);
  setup14();
  pthread_mutex_unlock(&M13);
}
static void setup12(void) {
  setup13();
  pthread_mutex_lock(&M12);
  setup13();
  pthread_mutex_unlock(&M12);
}
static void setup11(void) {
  setup12();
  pthread_mutex_lock(&M11);
  setup12();
  pthread_mutex_unlock(&M11);
}
static void setup10(void) {
  setup11();
  pthread_mutex_lock(&M10);
  setup11();
  pthread_mutex_unlock(&M10);
}
static void setup9(void) {
  setup10();
  pthread_mutex_lock(&M9);
  setup10();
  pthread_mutex_unlock(&M9);
}
static void setup8(void) {
  setup9();
  pthread_mutex_lock(&M8);
  setup9();
  pthread_mutex_unlock(&M8);
}
static void setup7(void) {
  setup8();
  pthread_mutex_lock(&M7);
  setup8();
  pthread_mutex_unlock(&M7);
}
static void setup6(void) {
  setup7();
  pthread_mutex_lock(&M6);
  setup7();
  pthread_mutex_unlock(&M6);
}
static void setup5(void) {
  setup6();
  pthread_mutex_lock(&M5);
  setup6();
  pthread_mutex_unlock(&M5);
}
static void setup4(void) {
  setup5();
  pthread_mutex_lock(&M4);
  setup5();
  pthread_mutex_unlock(&M4);
}
static void setup3(void) {
  setup4();
  pthread_mutex_lock(&M3);
  setup4();
  pthread_mutex_unlock(&M3);
}
static void setup2(void) {
  setup3();
  pthread_mutex_lock(&M2);
  setup3();
  pthread_mutex_unlock(&M2);
}
static void setup1(void) {
  setup2();
  pthread_mutex_lock(&M1);
  setup2();
  pthread_mutex_unlock(&M1);
}
static void setup0(void) {
  setup1();
  pthread_mutex_lock(&M0);
  setup1();
  pthread_mutex_unlock(&M0);
}

int main(void) {
  setup0();
  start();
  return 0;
}
// CHECK: note: the race analysis stopped at one of its budgets
