#include "stats.h"
#include <thread>

struct Stats {
  unsigned Items = 0;
  unsigned Evictions = 0;
} Counters;

void worker() {
  stats_lock();
  Counters.Items++;
  stats_unlock();
  Counters.Evictions++;
}

int main() {
  std::thread A(worker), B(worker);
  stats_lock();
  unsigned Seen = Counters.Items;
  stats_unlock();
  (void)Seen;
  A.join();
  B.join();
}
