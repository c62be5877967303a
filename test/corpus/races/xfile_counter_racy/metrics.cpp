#include "metrics.h"

long g_requests = 0;

// Called from every handler thread.
void recordRequest() { ++g_requests; } // RACE

long requestCount() { return g_requests; }
