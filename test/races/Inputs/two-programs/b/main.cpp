#include <mutex>
#include <thread>
long g_b;
std::mutex g_mu;
void work() {
  std::lock_guard<std::mutex> Guard(g_mu);
  g_b++;
}
void runner() { work(); }
int main() {
  std::thread T(runner), U(runner);
  T.join();
  U.join();
}
