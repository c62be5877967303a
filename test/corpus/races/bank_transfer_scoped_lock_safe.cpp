// corpus: safe
// pattern: bank transfer between two accounts locking both with
//          std::scoped_lock
//
// Safe: every balance update holds the owning account's mutex (scoped_lock
// takes both without deadlock).
#include <cstdio>
#include <mutex>
#include <thread>

struct Account {
  std::mutex M;
  long balance = 1000;
};

static void transfer(Account &From, Account &To, long Amount) {
  std::scoped_lock Lock(From.M, To.M);
  From.balance -= Amount;
  To.balance += Amount;
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
