#ifndef METRICS_H
#define METRICS_H

// Request metrics shared by all handler threads.
extern long g_requests;
void recordRequest();
long requestCount();

#endif
