#pragma once
#include "coro.h"
struct Session {
  int Id = 1;
  task run();
};
