#include <thread>
int g_count = 0;
void bump() { ++g_count; }
int main() {
  std::thread a(bump), b(bump);
  a.join();
  b.join();
}
