// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A hand-made once: under a lock, the first thread to find the flag at its
// first value initialises and sets it; every later thread finds it set
// under the same lock. What the branch does happens before what any thread
// does after its own test. Code before the test, code of the threads that
// found the flag set, and a test without a lock are not ordered so.

#include <mutex>
#include <thread>

std::mutex M;

// The flag as a bool.
bool Ready = false;
int Config = 0;
void readyOnce() {
  {
    std::lock_guard<std::mutex> G(M);
    if (!Ready) {
      Config = 42;
      Ready = true;
    }
  }
  int Seen = Config;
  (void)Seen;
}

// A pointer made on first use.
struct Settings {
  int Level = 0;
};
Settings *Instance = nullptr;
void instanceOnce() {
  M.lock();
  if (Instance == nullptr)
    Instance = new Settings;
  M.unlock();
  int Level = Instance->Level;
  (void)Level;
}

// A state machine's first state, through a callee.
int State = 0;
int Table[16];
void fillTable() {
  for (int I = 0; I < 16; ++I)
    Table[I] = I;
}
void stateOnce() {
  M.lock();
  switch (State) {
  case 0:
    fillTable();
    State = 1;
    [[fallthrough]];
  case 1:
    M.unlock();
    break;
  }
  int First = Table[3];
  (void)First;
}

// No lock: the test and the set race, and so does what they guard.
bool Loose = false;
int LooseConfig = 0;
void looseOnce() {
  if (!Loose) {
    LooseConfig = 1;
    // CHECK-DAG: once-under-lock.cpp:[[@LINE-1]]:5: warning: 'LooseConfig' is written by thread 'looseOnce' without a lock and read by another thread 'looseOnce' without a lock ({{.*}}once-under-lock.cpp:[[@LINE+6]]:14)
    // CHECK-DAG: once-under-lock.cpp:[[@LINE-2]]:5: warning: 'LooseConfig' is written by thread 'looseOnce' without a lock and written by another thread 'looseOnce' without a lock
    Loose = true;
    // CHECK-DAG: once-under-lock.cpp:[[@LINE-1]]:5: warning: 'Loose' is written by thread 'looseOnce' without a lock and read by another thread 'looseOnce' without a lock ({{.*}}once-under-lock.cpp:[[@LINE-5]]:8)
    // CHECK-DAG: once-under-lock.cpp:[[@LINE-2]]:5: warning: 'Loose' is written by thread 'looseOnce' without a lock and written by another thread 'looseOnce' without a lock
  }
  int Seen = LooseConfig;
  (void)Seen;
}

// Written before the test: every thread does it, not only the first.
bool Early = false;
int EarlyConfig = 0;
void earlyOnce() {
  EarlyConfig = 7;
  // CHECK-DAG: once-under-lock.cpp:[[@LINE-1]]:3: warning: 'EarlyConfig' is written by thread 'earlyOnce' without a lock and read by another thread 'earlyOnce' without a lock ({{.*}}once-under-lock.cpp:[[@LINE+7]]:14)
  // CHECK-DAG: once-under-lock.cpp:[[@LINE-2]]:3: warning: 'EarlyConfig' is written by thread 'earlyOnce' without a lock and written by another thread 'earlyOnce' without a lock
  {
    std::lock_guard<std::mutex> G(M);
    if (!Early)
      Early = true;
  }
  int Seen = EarlyConfig;
  (void)Seen;
}

// What the threads that found the flag set do is no initialisation.
bool Started = false;
int Latecomers = 0;
void lateOnce() {
  bool First = false;
  {
    std::lock_guard<std::mutex> G(M);
    if (!Started) {
      Started = true;
      First = true;
    }
  }
  if (!First)
    ++Latecomers;
  // CHECK-DAG: once-under-lock.cpp:[[@LINE-1]]:7: warning: 'Latecomers' is written by thread 'lateOnce' without a lock and written by another thread 'lateOnce' without a lock
}

// A branch that never sets the flag runs in every thread.
bool Never = false;
int NeverConfig = 0;
void neverSet() {
  {
    std::lock_guard<std::mutex> G(M);
    if (!Never)
      NeverConfig = 3;
    // CHECK-DAG: once-under-lock.cpp:[[@LINE-1]]:7: warning: 'NeverConfig' is written by thread 'neverSet' holding 'M' and read by another thread 'neverSet' without a lock ({{.*}}once-under-lock.cpp:[[@LINE+2]]:14)
  }
  int Seen = NeverConfig;
  (void)Seen;
}

int main() {
  std::thread T[14] = {
      std::thread(readyOnce), std::thread(readyOnce),
      std::thread(instanceOnce), std::thread(instanceOnce),
      std::thread(stateOnce), std::thread(stateOnce),
      std::thread(looseOnce), std::thread(looseOnce),
      std::thread(earlyOnce), std::thread(earlyOnce),
      std::thread(lateOnce), std::thread(lateOnce),
      std::thread(neverSet), std::thread(neverSet)};
  for (std::thread &Each : T)
    Each.join();
}
// Nothing else is reported: the summary counts every diagnostic.
// CHECK: concur: 1 file analysed, 0 failed to parse; 8 concur-unsynchronized-shared-state
