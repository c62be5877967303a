//===- Executors.h - Running a workload under one execution model --------===//
//
// Four real executors, no simulation: one task after another; one thread with
// an io_context; a pool of threads; forked worker processes. Each runs the
// requested number of tasks exactly once each and returns how many finished.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_RUNTIME_WORKLOAD_EXECUTORS_H
#define CONCUR_RUNTIME_WORKLOAD_EXECUTORS_H

#include "support/Cores.h"
#include "workload/StallMonitor.h"

#include "concur/workload.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace concur::runtime {

enum class ExecutorKind {
  Sequential,
  EventLoop,
  Threads,        // one thread per target core: for CPU-bound work
  ThreadsPerTask, // one thread per task: for blocking I/O
  Processes,
};

const char *executorName(ExecutorKind Kind);
std::optional<ExecutorKind> parseExecutorName(const std::string &Name);
const std::vector<ExecutorKind> &allExecutors();

/// The execution model the static advice would name for this executor.
const char *modelName(ExecutorKind Kind);

struct CellSpec {
  const workload::Workload *Work = nullptr;
  ExecutorKind Kind = ExecutorKind::Sequential;
  unsigned Workers = 1;
  unsigned Tasks = 1;
  CoreSet Cores;
  std::chrono::steady_clock::time_point Deadline;
  /// Off for the unmeasured baseline of the overhead benchmark: no stall
  /// monitor around event-loop handlers.
  bool MonitorStalls = true;
  std::string PidFile;
};

/// Which callable an executor uses: the event loop prefers the coroutine,
/// everything else the plain function.
const char *variantFor(const workload::Workload &W, ExecutorKind Kind);

struct ExecutionOutcome {
  unsigned TasksCompleted = 0;
  StallStats Stall;
};

/// Runs Spec.Tasks tasks once. Throws RunError when a task throws, a worker
/// dies, or (for processes) the deadline passes; no worker survives that.
ExecutionOutcome execute(const CellSpec &Spec);

} // namespace concur::runtime

#endif // CONCUR_RUNTIME_WORKLOAD_EXECUTORS_H
