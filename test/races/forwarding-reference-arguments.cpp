// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A library template that takes its arguments by forwarding reference
// (`T&&`, `Args&&...`: std::make_pair, std::make_tuple, std::format's
// arguments) reads an lvalue it is handed: it copies it. Instantiated
// for an lvalue, the parameter is a `T&`, which is no sign of a write.
// Tricky: a library function whose parameter is a plain non-const
// reference (std::swap) may write the argument, and still races.

#include <string>
#include <thread>
#include <tuple>
#include <utility>

std::string Banner = "ready";
std::string Title = "concur";

int main() {
  std::thread Reader([] {
    std::string Copy = Banner + Title;
    (void)Copy;
  });
  auto Pair = std::make_pair(Banner, 1);
  auto Tuple = std::make_tuple(Title, Banner, 2);
  std::string Scratch;
  // CHECK: forwarding-reference-arguments.cpp:[[@LINE+1]]:22: warning: 'Title' is written by thread 'main' without a lock and read by thread 'lambda at {{.*}}' without a lock
  std::swap(Scratch, Title);
  Reader.join();
  return Pair.second + std::get<2>(Tuple);
}
