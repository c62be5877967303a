// corpus: safe
// pattern: module-level statistics in a namespace updated by parser threads
//
// Safe: twin of namespace_stats_racy; stats::record() holds stats::mutex.
#include <cstdio>
#include <mutex>
#include <thread>

namespace stats {
std::mutex mutex;
long total = 0;
long errors = 0;

void record(bool Ok) {
  std::lock_guard<std::mutex> Lock(mutex);
  ++total;
  if (!Ok)
    ++errors;
}
} // namespace stats

static void parseRecords(int Seed) {
  for (int I = 0; I < 3000; ++I)
    stats::record((I + Seed) % 13 != 0);
}

int main() {
  std::thread A(parseRecords, 0), B(parseRecords, 5);
  A.join();
  B.join();
  std::printf("total=%ld errors=%ld\n", stats::total, stats::errors);
}
