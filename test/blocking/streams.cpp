// RUN: %concur check %s -- -std=c++20 -I %S/../Inputs 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// Streams block when they are files or the console, not when they are strings.

#include "coro.h"
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

task streams(std::istream &Unknown) {
  std::ifstream In("config.txt");
  // CHECK: streams.cpp:[[@LINE-1]]:17: warning: coroutine 'streams' blocks: it calls 'std::basic_ifstream::basic_ifstream' (file-io)
  std::string Line;
  std::getline(In, Line);
  // CHECK: streams.cpp:[[@LINE-1]]:3: warning: coroutine 'streams' blocks: it calls 'std::getline' (file-io)
  int N;
  In >> N;
  // CHECK: streams.cpp:[[@LINE-1]]:6: warning: coroutine 'streams' blocks: it calls 'std::basic_istream::operator>>' (file-io)
  std::cout << Line;
  // CHECK: streams.cpp:[[@LINE-1]]:13: remark: coroutine 'streams' blocks: it calls 'std::operator<<' (console-io)
  std::cin >> N;
  // CHECK: streams.cpp:[[@LINE-1]]:12: remark: coroutine 'streams' blocks: it calls 'std::basic_istream::operator>>' (console-io)
  bool There = std::filesystem::exists("/tmp");
  // CHECK: streams.cpp:[[@LINE-1]]:16: warning: coroutine 'streams' blocks: it calls 'std::filesystem::exists' (file-io)

  // Not I/O: string streams, and a stream of unknown kind.
  std::istringstream Text("1 2");
  Text >> N;
  std::getline(Text, Line);
  std::ostringstream Out;
  Out << N << Line;
  Unknown >> N;
  std::ifstream Closed; // Not opened: no I/O yet.
  co_return;
}

// stdio on the standard streams is console output; on another FILE, file
// output.
task stdio(FILE *Log) {
  std::fprintf(stderr, "%d\n", 1);
  // CHECK: streams.cpp:[[@LINE-1]]:3: remark: coroutine 'stdio' blocks: it calls 'fprintf' (console-io)
  std::fputs("x", stdout);
  // CHECK: streams.cpp:[[@LINE-1]]:3: remark: coroutine 'stdio' blocks: it calls 'fputs' (console-io)
  std::fputs("x", Log);
  // CHECK: streams.cpp:[[@LINE-1]]:3: warning: coroutine 'stdio' blocks: it calls 'fputs' (file-io)
  co_return;
}
