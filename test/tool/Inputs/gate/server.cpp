// A small project with one blocking call in a coroutine and one race: what
// a team adopting concur has on the day it writes its baseline.
#include "coro.h"
#include <chrono>
#include <thread>

int unrelated_helper(int X) { return X + 1; }

int Hits = 0;

void worker() { ++Hits; }

task serve() {
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  co_return;
}

int main() {
  std::thread T(worker);
  ++Hits;
  T.join();
  serve();
  return unrelated_helper(1);
}
