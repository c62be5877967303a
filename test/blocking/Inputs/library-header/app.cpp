#include "jobs.h"
#include <unistd.h>

void submit() {
  jobs::run([] { sleep(1); });
  jobs::run([] { usleep(10); });
  jobs::run([] {});
}

// A coroutine template of the application's own, in two instantiations.
template <class T> task poll(T Interval) {
  sleep(Interval);
  co_return;
}
void start() {
  poll(1);
  poll(2u);
}
