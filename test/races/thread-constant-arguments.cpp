// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// The arguments a std::thread hands its function decide its branches as a
// call's do: a constant the function tests for equality, and a null
// pointer it reads through, which ends the process there.

#include <thread>

enum class Role { Reader, Writer };

struct Stats {
  int reads = 0;  // only the one Reader thread counts here
  int writes = 0; // both Writers do
  int both = 0;   // the Reader and the Writer given a real config
};
static Stats stats;

static void worker(Role role, const int *config) {
  if (role == Role::Writer)
    stats.writes++;
  // CHECK: thread-constant-arguments.cpp:[[@LINE-1]]:11: warning: 'Stats::writes' is written by thread 'worker' without a lock and written by another thread 'worker' without a lock
  else
    stats.reads++;
  if (*config > 0)
    stats.both++;
  // CHECK: thread-constant-arguments.cpp:[[@LINE-1]]:11: warning: 'Stats::both' is written by thread 'worker' without a lock and written by another thread 'worker' without a lock
}

int main() {
  int config = 1;
  std::thread a(worker, Role::Reader, &config);
  std::thread b(worker, Role::Writer, nullptr);
  std::thread c(worker, Role::Writer, &config);
  a.join();
  b.join();
  c.join();
}
