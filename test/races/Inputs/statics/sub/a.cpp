#include <thread>
static long counter;
static void bump() { counter++; }
void run_a();
int main() {
  std::thread T(run_a);
  std::thread U(bump);
  T.join();
  U.join();
}
