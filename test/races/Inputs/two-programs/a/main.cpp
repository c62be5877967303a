#include <thread>
long g_a;
void work() { g_a++; }
int main() {
  std::thread T(work), U(work);
  T.join();
  U.join();
}
