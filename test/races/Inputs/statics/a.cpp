#include <thread>
static long counter;
static void bump() { counter++; }
void run_a() {
  std::thread T(bump);
  T.join();
  counter = 0;
}
