// corpus: safe
// pattern: wallet withdraw with check and update in one critical section
//
// Safe: twin of check_then_act_lock_scope_racy; the lock covers both the
// balance check and the subtraction.
#include <chrono>
#include <cstdio>
#include <latch>
#include <mutex>
#include <thread>

class Wallet {
public:
  explicit Wallet(long Initial) : balance_(Initial) {}
  bool withdraw(long Amount) {
    std::lock_guard<std::mutex> Lock(Mutex_);
    if (balance_ < Amount)
      return false;
    balance_ -= Amount;
    return true;
  }
  void deposit(long Amount) {
    std::lock_guard<std::mutex> Lock(Mutex_);
    balance_ += Amount;
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
