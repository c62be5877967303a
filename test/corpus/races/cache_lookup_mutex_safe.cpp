// corpus: safe
// pattern: read-mostly price cache on an unordered_map
//
// Safe: twin of cache_lookup_racy; the lookup takes the lock before find().
#include <cstdio>
#include <mutex>
#include <thread>
#include <unordered_map>

static double loadPrice(int Sku) { return 9.99 + Sku % 100; }

class PriceCache {
public:
  PriceCache() { entries_.reserve(4096); }
  double price(int Sku) {
    std::lock_guard<std::mutex> Lock(Mutex_);
    auto It = entries_.find(Sku);
    if (It != entries_.end())
      return It->second;
    auto [Pos, Inserted] = entries_.try_emplace(Sku, loadPrice(Sku));
    return Pos->second;
  }

private:
  std::mutex Mutex_;
  std::unordered_map<int, double> entries_;
};

int main() {
  PriceCache Cache;
  double A = 0, B = 0;
  std::thread Warmer([&] {
    for (int Sku = 0; Sku < 500; ++Sku)
      A += Cache.price(Sku);
  });
  std::thread Handler([&] {
    for (int Req = 0; Req < 3000; ++Req)
      B += Cache.price((Req * 37) % 500);
  });
  Warmer.join();
  Handler.join();
  std::printf("total=%.2f\n", A + B);
}
