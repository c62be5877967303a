//===- LockAcrossSuspendCheck.h - concur-lock-across-suspend --------------===//
//
// A coroutine that suspends while it holds a thread-blocking lock (a std,
// Boost or pthread mutex, a guard, a Thread Safety Analysis capability)
// leaves the mutex locked while other tasks run on its thread: one of them
// that takes the same mutex deadlocks the loop, and the coroutine may resume
// on another thread and unlock a mutex it does not own there.
//
// Flow-sensitive on the fact layer's lock state: locks taken by hand, by a
// guard, by a callee (a lock() wrapper, a guard a function returns), at a
// co_await or co_yield anywhere in a statement (an initialiser, an
// assignment). Not reported: a guard that ended or was unlock()ed before,
// a guard moved away (into an awaiter that releases it in await_suspend),
// and locks taken by awaiting (asynchronous mutexes made for coroutines).
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_CHECKS_LOCKACROSSSUSPENDCHECK_H
#define CONCUR_CHECKS_LOCKACROSSSUSPENDCHECK_H

#include "checks/Check.h"

namespace concur {

class LockAcrossSuspendCheck : public Check {
public:
  static constexpr const char *Name = "concur-lock-across-suspend";
  void run(const Program &P, std::vector<Finding> &Out,
           CheckStats &Stats) override;
};

} // namespace concur

#endif // CONCUR_CHECKS_LOCKACROSSSUSPENDCHECK_H
