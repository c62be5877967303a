// corpus: safe
// pattern: inventory whose bulk operation re-enters its own locked methods
//          (std::recursive_mutex)
//
// Safe: every access to items_ holds Mutex_; addMany() calls add() while
// already holding it, which a recursive_mutex allows.
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>

class Inventory {
public:
  void add(int Sku, int Qty) {
    std::lock_guard<std::recursive_mutex> Lock(Mutex_);
    items_[Sku] += Qty;
  }
  void addMany(const int *Skus, int N) {
    std::lock_guard<std::recursive_mutex> Lock(Mutex_);
    for (int I = 0; I < N; ++I)
      add(Skus[I], 1);
  }
  int count(int Sku) {
    std::lock_guard<std::recursive_mutex> Lock(Mutex_);
    return items_[Sku];
  }

private:
  std::recursive_mutex Mutex_;
  std::map<int, int> items_;
};

int main() {
  Inventory Inv;
  int Skus[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  std::thread A([&] {
    for (int I = 0; I < 300; ++I)
      Inv.addMany(Skus, 8);
  });
  std::thread B([&] {
    for (int I = 0; I < 1000; ++I)
      Inv.add(I % 8 + 1, 2);
  });
  A.join();
  B.join();
  std::printf("sku1=%d\n", Inv.count(1));
}
