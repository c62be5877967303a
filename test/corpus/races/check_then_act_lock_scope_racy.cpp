// corpus: racy
// pattern: wallet withdraw whose lock covers the balance check but not the
//          update
// race: Wallet::balance_
//
// Racy: withdraw() releases the lock before subtracting, so the unlocked
// write races with the other thread's locked reads and writes.
#include <chrono>
#include <cstdio>
#include <latch>
#include <mutex>
#include <thread>

class Wallet {
public:
  explicit Wallet(long Initial) : balance_(Initial) {}
  bool withdraw(long Amount) {
    {
      std::lock_guard<std::mutex> Lock(Mutex_);
      if (balance_ < Amount) // RACE
        return false;
    }
    balance_ -= Amount; // RACE
    return true;
  }
  void deposit(long Amount) {
    std::lock_guard<std::mutex> Lock(Mutex_);
    balance_ += Amount; // RACE
  }
  long balance() {
    std::lock_guard<std::mutex> Lock(Mutex_);
    return balance_;
  }

private:
  std::mutex Mutex_;
  long balance_;
};

int main() {
  Wallet W(500);
  std::latch Open(2); // both traders start together
  auto Trade = [&W, &Open](int Seed) {
    Open.arrive_and_wait();
    for (int I = 0; I < 20000; ++I) {
      if (I % 500 == 0) // pace the simulated market
        std::this_thread::sleep_for(std::chrono::microseconds(50));
      if ((I + Seed) % 2)
        W.deposit(10);
      else
        W.withdraw(10);
    }
  };
  std::thread A(Trade, 0), B(Trade, 1);
  A.join();
  B.join();
  std::printf("balance=%ld\n", W.balance());
}
