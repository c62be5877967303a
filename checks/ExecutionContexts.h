//===- ExecutionContexts.h - Where each coroutine runs --------------------===//
//
// Models: the execution context of every coroutine of the program, and of
// every stretch of it after an awaited switch: an event loop (an io_context
// one thread runs, a scheduler's loop, a strand), a shared pool (a thread
// pool, an io_context several threads run), a dedicated thread (a thread
// per task, main, a std::thread), or unknown. A coroutine runs where it is
// started: on the executor a start API is given (co_spawn, via, schedule_on;
// the executor's type says which kind, from the catalog), on the calling
// thread (sync_wait, blockingWait: plain code waiting for it gives it its
// thread, unless that thread is known to be a pool's worker), where the
// coroutine that awaits it runs at that point, and nowhere known when it is
// only created by plain code or not started at all. Of several starts, the
// worst counts: event loop, then unknown, then pool, then a dedicated thread.
// Every answer carries the reason, for messages.
//
// Does not model: executors chosen at run time (any_io_executor, a
// std::function that posts), or a coroutine body before its first
// suspension running inline where it is called.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_CHECKS_EXECUTIONCONTEXTS_H
#define CONCUR_CHECKS_EXECUTIONCONTEXTS_H

#include "program/Program.h"

#include <map>
#include <set>
#include <string>

namespace concur {

struct ContextInfo {
  ExecutionContext Kind = ExecutionContext::Unknown;
  /// Why concur believes it: "started by asio::co_spawn on an io_context
  /// one thread runs (main.cpp:40)".
  std::string Why;
};

class ExecutionContexts {
public:
  explicit ExecutionContexts(const Program &P);

  /// Where the coroutine starts.
  const ContextInfo &of(const std::string &CoroutineId) const;
  /// Where the coroutine runs when it makes this call (after its switches).
  ContextInfo atCall(const FunctionFacts &Co, const CallSite &Call) const;

  /// Coroutines whose context stayed unknown.
  unsigned unknownCount() const;

private:
  void findThreadContexts();
  ContextInfo startContext(const FunctionFacts &Caller, const CallSite &Call);
  ContextInfo threadContextOf(const std::string &FunctionId) const;

  const Program &P;
  std::set<std::string> MultiThreaded;
  /// Non-coroutine functions: the kind of thread they run on, when known.
  std::map<std::string, ContextInfo> Threads;
  std::map<std::string, ContextInfo> Coroutines;
};

/// "event loop", "shared pool", ...: for messages.
const char *describeContext(ExecutionContext C);

} // namespace concur

#endif // CONCUR_CHECKS_EXECUTIONCONTEXTS_H
