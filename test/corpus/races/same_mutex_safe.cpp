// corpus: safe
// pattern: stock level updated by restock and sales threads
//
// Safe: twin of different_mutex_racy; both paths lock g_stock_mutex.
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex g_stock_mutex;
int g_stock = 100;

static void restock() {
  for (int I = 0; I < 3000; ++I) {
    std::lock_guard<std::mutex> Lock(g_stock_mutex);
    g_stock += 2;
  }
}

static void sell() {
  for (int I = 0; I < 3000; ++I) {
    std::lock_guard<std::mutex> Lock(g_stock_mutex);
    if (g_stock > 0)
      --g_stock;
  }
}

int main() {
  std::thread A(restock), B(sell);
  A.join();
  B.join();
  std::printf("stock=%d\n", g_stock);
}
