// The library's lock wrappers: stats.cpp defines them; a test program may
// link stubs of its own instead.
void stats_lock();
void stats_unlock();
