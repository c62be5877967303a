// corpus: racy
// pattern: module-level statistics in a namespace updated by parser threads
// race: stats::total
// race: stats::errors
//
// Racy: stats::record() is called from every parser thread and updates the
// namespace-scope counters with no lock.
#include <cstdio>
#include <thread>

namespace stats {
long total = 0;
long errors = 0;

void record(bool Ok) {
  ++total; // RACE
  if (!Ok)
    ++errors; // RACE
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
