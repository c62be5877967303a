#pragma once
#include "coro.h"
#include <unistd.h>
inline task slow_header() {
  sleep(1);
  co_return;
}
