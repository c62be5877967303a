#pragma once
#include "coro.h"
#include <utility>

// A library's generic coroutine: it runs whatever job it is given.
namespace jobs {
template <class Job> task run(Job J) {
  J();
  co_return;
}
} // namespace jobs
