// corpus: safe
// pattern: manual lock()/unlock() with a balance check
//
// Safe: twin of manual_unlock_then_read_racy; the check happens on a copy
// taken while the mutex is still held.
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex g_account_mutex;
long g_balance = 1000;
int g_alerts[2];

static void teller(int Id, long Amount) {
  for (int I = 0; I < 20000; ++I) {
    g_account_mutex.lock();
    g_balance += (I % 2 ? Amount : -Amount);
    long Now = g_balance;
    g_account_mutex.unlock();
    if (Now < 0)
      ++g_alerts[Id];
  }
}

int main() {
  std::thread A(teller, 0, 700);
  std::thread B(teller, 1, 900);
  A.join();
  B.join();
  std::printf("balance=%ld alerts=%d/%d\n", g_balance, g_alerts[0],
              g_alerts[1]);
}
