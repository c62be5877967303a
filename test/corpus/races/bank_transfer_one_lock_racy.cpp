// corpus: racy
// pattern: bank transfer that locks only the source account
// race: Account::balance
//
// Racy: twin of bank_transfer_scoped_lock_safe; the credit to `To` is made
// without To.M, so it races with transfers out of `To` on the other thread.
#include <cstdio>
#include <mutex>
#include <thread>

struct Account {
  std::mutex M;
  long balance = 1000;
};

static void transfer(Account &From, Account &To, long Amount) {
  std::lock_guard<std::mutex> Lock(From.M);
  From.balance -= Amount; // RACE
  To.balance += Amount;   // RACE
}

int main() {
  Account Alice, Bob;
  std::thread A([&] {
    for (int I = 0; I < 2000; ++I)
      transfer(Alice, Bob, 3);
  });
  std::thread B([&] {
    for (int I = 0; I < 2000; ++I)
      transfer(Bob, Alice, 2);
  });
  A.join();
  B.join();
  std::printf("alice=%ld bob=%ld\n", Alice.balance, Bob.balance);
}
