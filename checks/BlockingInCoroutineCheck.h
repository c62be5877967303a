//===- BlockingInCoroutineCheck.h - concur-blocking-in-coroutine ----------===//
//
// A coroutine shares its thread with every other task on its event loop; a
// call that blocks (sleep, a blocking read, future::get, a lock) stalls them
// all. This check follows calls from each coroutine, across files and to any
// depth, to a blocking API of the catalog, and reports the chain.
//
// Not followed: work handed to another thread (std::thread, std::async, a
// pool's submit), code after an awaited switch to another executor, other
// coroutines (each is reported on its own), and calls whose target is unknown
// (function pointers, virtual calls), which are counted instead.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_CHECKS_BLOCKINGINCOROUTINECHECK_H
#define CONCUR_CHECKS_BLOCKINGINCOROUTINECHECK_H

#include "checks/Check.h"

namespace concur {

class BlockingInCoroutineCheck : public Check {
public:
  static constexpr const char *Name = "concur-blocking-in-coroutine";
  void run(const Program &P, std::vector<Finding> &Out,
           CheckStats &Stats) override;
};

} // namespace concur

#endif // CONCUR_CHECKS_BLOCKINGINCOROUTINECHECK_H
