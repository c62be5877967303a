#include "stats.h"
long g_hits;
long g_safe_hits;
std::mutex g_mu;
void record_hit() { g_hits++; }
void record_safe_hit() {
  std::lock_guard<std::mutex> Guard(g_mu);
  g_safe_hits++;
}
