// Findings inside lambdas and internal functions, whose symbol ids carry
// byte offsets and paths: their fingerprints must not.
#include "coro.h"
#include <chrono>
#include <thread>
static int Counter = 0;
namespace {
task helper() {
  auto L = []() -> task {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    co_return;
  };
  L();
  co_return;
}
} // namespace
int main() {
  std::thread T([] { ++Counter; });
  ++Counter;
  T.join();
  helper();
}
