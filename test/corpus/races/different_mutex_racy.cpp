// corpus: racy
// pattern: stock level updated under two different mutexes
// race: g_stock
//
// Racy: restock() and sell() each hold a lock, but not the same one, so
// nothing orders their updates of g_stock.
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex g_restock_mutex;
std::mutex g_sales_mutex;
int g_stock = 100;

static void restock() {
  for (int I = 0; I < 3000; ++I) {
    std::lock_guard<std::mutex> Lock(g_restock_mutex);
    g_stock += 2; // RACE
  }
}

static void sell() {
  for (int I = 0; I < 3000; ++I) {
    std::lock_guard<std::mutex> Lock(g_sales_mutex);
    if (g_stock > 0) // RACE
      --g_stock;     // RACE
  }
}

int main() {
  std::thread A(restock), B(sell);
  A.join();
  B.join();
  std::printf("stock=%d\n", g_stock);
}
