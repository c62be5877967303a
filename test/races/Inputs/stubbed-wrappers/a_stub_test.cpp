// A test program that links its own stubs of the wrappers: they lock
// nothing, in this program only.
#include "stats.h"
#include <thread>

void stats_lock() {}
void stats_unlock() {}

int Probes = 0;
void probe() {
  stats_lock();
  Probes++;
  stats_unlock();
}

int main() {
  std::thread A(probe), B(probe);
  A.join();
  B.join();
}
