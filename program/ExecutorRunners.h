//===- ExecutorRunners.h - How many threads run each executor -------------===//
//
// Models: the threads that run an io_context (io_context::run() and
// friends, catalog op runs-executor): a function that runs it counts once
// per thread started on it (twice when started in a loop); a coroutine that
// runs it does so on a thread already counted. Contexts are
// matched by the variable they are (a local captured by the threads that
// run it, a global, a member), which is what the code names at both places.
// An io_context that two or more threads run is a pool: handlers and
// coroutines posted to it run at the same time as each other.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_PROGRAM_EXECUTORRUNNERS_H
#define CONCUR_PROGRAM_EXECUTORRUNNERS_H

#include "program/Program.h"

#include <set>
#include <string>

namespace concur {

/// The key an executor's path is matched by.
std::string executorKey(const AccessPath &P);

/// Keys of the executors that more than one thread runs.
std::set<std::string> multiThreadedExecutors(const Program &P);

} // namespace concur

#endif // CONCUR_PROGRAM_EXECUTORRUNNERS_H
