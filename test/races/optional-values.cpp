// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// std::optional::value() reaches the contained object, as operator[] reaches
// an element: taking it is no write (`auto &path = state.path.value();` to
// read the path), what is done through it is done to that object, and the
// optional's own engaged flag (has_value) is apart from it.

#include <mutex>
#include <optional>
#include <string>
#include <thread>

struct State {
  std::mutex lock;
  std::optional<std::string> path;
  std::optional<std::string> name;
  std::optional<int> level;
};
static State state;

static bool longPath(std::string &p) { return p.size() > 10; }

void useUnderLock() {
  std::lock_guard<std::mutex> guard{state.lock};
  // Read through the reference: nothing written.
  auto &path = state.path.value();
  longPath(path);
  // Written through the reference: the contained string.
  auto &name = state.name.value();
  name += "-1";
  // CHECK-DAG: optional-values.cpp:[[@LINE-1]]:3: warning: 'State::name' is written by thread 'useUnderLock' holding 'State::lock' and read by thread 'main' without a lock ({{.*}}optional-values.cpp:[[@LINE+10]]:19)
  // Replaced as a whole: the optional itself.
  state.level = 3;
  // CHECK-DAG: optional-values.cpp:[[@LINE-1]]:9: warning: 'State::level' is written by thread 'useUnderLock' holding 'State::lock' and read by thread 'main' without a lock ({{.*}}optional-values.cpp:[[@LINE+9]]:15)
}

int readers() {
  // Another object than the contained value: no race with the writes above.
  bool hasPath = state.path.has_value() && state.name.has_value();
  // The contained string, written above under the lock.
  size_t Length = state.name.value().size();
  // The optional replaced above.
  int Level = state.level.has_value() ? 1 : 0;
  return hasPath + static_cast<int>(Length) + Level;
}

int main() {
  state.path = "x";
  state.name = "y";
  std::thread t(useUnderLock);
  int r = readers();
  t.join();
  return r;
}

// Every finding above, and no other (the implicit check covers the output
// up to the summary).
// CHECK: concur: 1 file analysed, 0 failed to parse; 2 concur-unsynchronized-shared-state