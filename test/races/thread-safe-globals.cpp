// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// The standard streams are safe to use from several threads, whether named
// or reached through a logger that returns a reference to them. A stream of
// the program's own, reached the same way, is not.

#include <iostream>
#include <sstream>
#include <thread>

std::ostream &logStream() { return std::cerr; }

std::ostringstream Journal;
std::ostream &journal() { return Journal; }

void work() {
  logStream() << "working\n";
  journal() << "worked\n";
  // CHECK: thread-safe-globals.cpp:[[@LINE-1]]:3: warning: 'Journal' is written by thread 'work' without a lock
}

int main() {
  std::thread A(work), B(work);
  A.join();
  B.join();
}
