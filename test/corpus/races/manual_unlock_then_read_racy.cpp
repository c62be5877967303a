// corpus: racy
// pattern: manual lock()/unlock() with a balance check after the unlock
// race: g_balance
//
// Racy: the overdraft check reads g_balance after unlock(), concurrently with
// the other teller's locked update.
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex g_account_mutex;
long g_balance = 1000;
int g_alerts[2];

static void teller(int Id, long Amount) {
  for (int I = 0; I < 20000; ++I) {
    g_account_mutex.lock();
    g_balance += (I % 2 ? Amount : -Amount); // RACE
    g_account_mutex.unlock();
    if (g_balance < 0) // RACE
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
