// corpus: safe
// pattern: export job configured before the thread starts, result read after
//          join
//
// Safe: writes made before std::thread's constructor happen before the
// thread body, and the thread body happens before join() returns.
#include <cstdio>
#include <thread>

int g_batch_size = 0;
long g_rows_written = 0;

static void exportRows() {
  for (int Batch = 0; Batch < 100; ++Batch)
    g_rows_written += g_batch_size;
}

int main() {
  g_batch_size = 250;
  std::thread Exporter(exportRows);
  Exporter.join();
  std::printf("rows=%ld\n", g_rows_written);
}
