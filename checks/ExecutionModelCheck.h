//===- ExecutionModelCheck.h - concur-execution-model ---------------------===//
//
// For each unit of concurrent work (a coroutine, a thread entry, a pool job,
// main, a workload registered for the profiler) one advised execution model,
// with the reason written for a person:
//
//   event-loop   I/O-bound work with asynchronous APIs (sockets, timers),
//                many instances at once;
//   thread-pool  I/O through blocking-only APIs (files, DNS, databases;
//                size for concurrency), or CPU-bound work that is safe to
//                share a process (size to the cores: C++ has no GIL);
//   processes    CPU-bound work that cannot run on threads safely: it calls
//                functions that are not thread-safe, or writes globals
//                without a lock.
//
// The check reports the advice that points at a mistake: CPU-bound work in a
// coroutine, a thread per task for I/O that an event loop would serve, and
// thread-unsafe CPU work on threads. All advice goes to the JSON report.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_CHECKS_EXECUTIONMODELCHECK_H
#define CONCUR_CHECKS_EXECUTIONMODELCHECK_H

#include "checks/Check.h"
#include "checks/WorkEstimate.h"

namespace concur {

struct Advice {
  std::string EntryId;
  std::string EntryName;
  SourceLoc Loc;
  std::string
      Kind; // "coroutine", "thread-entry", "pool-job", "main", "workload".
  std::string Model; // "event-loop", "thread-pool", "processes".
  std::string Class;
  std::string Reason;
  std::string Workload; // Registered workload name, if any.
  bool ManyInstances = false;
  std::vector<std::string> EvidenceIds;
  /// Set when the advice points at a mistake worth a diagnostic.
  std::string Problem;
  SourceLoc ProblemLoc;
  bool ProblemIsThreadUnsafe = false;
};

/// Advice for every task entry of the program, in a stable order.
std::vector<Advice> adviseExecutionModels(const Program &P,
                                          const WorkEstimate &Work);

/// The advice[] array of the JSON report.
nlohmann::json adviceJson(const std::vector<Advice> &All);

class ExecutionModelCheck : public Check {
public:
  static constexpr const char *Name = "concur-execution-model";
  void run(const Program &P, std::vector<Finding> &Out,
           CheckStats &Stats) override;
};

} // namespace concur

#endif // CONCUR_CHECKS_EXECUTIONMODELCHECK_H
