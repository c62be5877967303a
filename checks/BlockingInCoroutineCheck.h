//===- BlockingInCoroutineCheck.h - concur-blocking-in-coroutine ----------===//
//
// A coroutine shares its thread with every other task on its event loop; a
// call that blocks (sleep, a blocking read, future::get, a lock) stalls them
// all. This check follows calls from each coroutine, across files, through
// virtual and indirect calls the whole program resolves, to any depth, to a
// blocking API of the catalog, and reports the chain, one finding per place,
// with a severity from where the coroutine runs (ExecutionContexts): event
// loop or unknown, warning; shared pool, remark; a thread of its own,
// nothing.
//
// Not followed: work handed to another thread (std::thread, std::async, a
// pool's submit), other coroutines (each is reported on its own), calls the
// catalog describes (whatever their implementation does), calls with more
// than 8 possible targets, and calls whose target is unknown, which are
// counted instead.
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
