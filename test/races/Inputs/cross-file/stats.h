#pragma once
#include <mutex>
extern long g_hits;
extern long g_safe_hits;
extern std::mutex g_mu;
void record_hit();
void record_safe_hit();
