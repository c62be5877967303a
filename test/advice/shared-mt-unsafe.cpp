// RUN: %concur check %s --checks=-*,concur-execution-model -- -std=c++20 -I %S/../Inputs 2>&1 | FileCheck %s --implicit-check-not="warning:"
// A function that is not thread-safe, reached from a coroutine on the loop
// and from a pool job at the same time, whatever their class.

#include "coro.h"
#include <cstring>
#include <thread>

int parse_record(char *Line) {
  int Fields = 0;
  for (char *F = std::strtok(Line, ","); F; F = std::strtok(nullptr, ","))
    ++Fields;
  // CHECK: shared-mt-unsafe.cpp:[[@LINE-2]]:18: warning: 'strtok' is not thread-safe and is reached from work that runs on different threads at once: 'handle_request' (coroutine), 'handle_other' (coroutine), 'lambda at shared-mt-unsafe.cpp:{{[0-9]+}}:{{[0-9]+}}' (thread-entry) [concur-execution-model]
  return Fields;
}

task handle_request(char *Line) {
  parse_record(Line);
  co_return;
}

// Another coroutine on the loop reaches it too; the thread that does not
// reach it is not listed.
int count_commas(const char *Line) { return Line[0] == ','; }
task handle_other(char *Line) {
  parse_record(Line);
  co_return;
}

int main() {
  char Buf[32] = "a,b";
  handle_request(Buf);
  handle_other(Buf);
  std::thread T([&] { parse_record(Buf); });
  std::thread U([&] { count_commas(Buf); });
  T.join();
  U.join();
}
