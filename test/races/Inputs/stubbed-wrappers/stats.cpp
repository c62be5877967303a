#include "stats.h"
#include <mutex>

static std::mutex StatsMutex;
void stats_lock() { StatsMutex.lock(); }
void stats_unlock() { StatsMutex.unlock(); }
