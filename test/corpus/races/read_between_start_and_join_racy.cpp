// corpus: racy
// pattern: export job whose row count is printed before the thread is joined
// race: g_rows_written
//
// Racy: twin of write_before_start_read_after_join_safe; main reads
// g_rows_written between start and join while the exporter still writes it.
#include <cstdio>
#include <thread>

int g_batch_size = 0;
long g_rows_written = 0;

static void exportRows() {
  for (int Batch = 0; Batch < 100; ++Batch)
    g_rows_written += g_batch_size; // RACE
}

int main() {
  g_batch_size = 250;
  std::thread Exporter(exportRows);
  std::printf("progress: %ld rows\n", g_rows_written); // RACE
  Exporter.join();
  std::printf("rows=%ld\n", g_rows_written);
}
