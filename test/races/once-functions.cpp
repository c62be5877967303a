// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="warning:"
// pthread_once runs its function once, ordered before every return from
// pthread_once on the same flag; another flag orders nothing.

#include <pthread.h>
#include <thread>

// A singleton in the style of many C++ libraries: the flag and the value
// are static members, the flag passed by address.
template <typename T> class Singleton {
public:
  static T &instance() {
    pthread_once(&Once, &Singleton::init);
    return *Value;
  }

private:
  static void init() { Value = new T(); }
  static pthread_once_t Once;
  static T *Value;
};
template <typename T> pthread_once_t Singleton<T>::Once = PTHREAD_ONCE_INIT;
template <typename T> T *Singleton<T>::Value = nullptr;

struct Config {
  int Level = 0;
};

int Table;
pthread_once_t TableOnce = PTHREAD_ONCE_INIT;
pthread_once_t OtherOnce = PTHREAD_ONCE_INIT;
// CHECK: :[[@LINE+1]]:20: warning: 'Table' is written by thread '{{.*}}' holding 'call_once' and read by thread '{{.*}}' without a lock ({{.*}}once-functions.cpp:[[#@LINE+12]]:10)
void initTable() { Table = 42; }
void noop() {}

int usesTable() {
  pthread_once(&TableOnce, initTable);
  return Table;
}

// Another flag: nothing orders the write in initTable with this read.
int peeksTable() {
  pthread_once(&OtherOnce, noop);
  return Table;
}

int main() {
  std::thread A([] { Singleton<Config>::instance(); usesTable(); });
  std::thread B([] { Singleton<Config>::instance(); usesTable(); });
  std::thread C([] { peeksTable(); });
  A.join();
  B.join();
  C.join();
}
