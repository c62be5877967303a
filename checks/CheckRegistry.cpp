//===- CheckRegistry.cpp - The list of checks -----------------------------===//

#include "checks/BlockingInCoroutineCheck.h"
#include "checks/Check.h"
#include "checks/ExecutionModelCheck.h"
#include "checks/FunctionBoundnessCheck.h"
#include "checks/LockAcrossSuspendCheck.h"
#include "checks/OpenMPRaceCheck.h"
#include "checks/UnsynchronizedSharedStateCheck.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

namespace concur {

const std::vector<CheckInfo> &allChecks() {
  static const std::vector<CheckInfo> Checks = {
      {"concur-blocking-in-coroutine",
       "a blocking call reached from a coroutine on its event loop thread",
       true, [] { return std::make_unique<BlockingInCoroutineCheck>(); }},
      {"concur-lock-across-suspend",
       "a coroutine that suspends (co_await, co_yield) while it holds a "
       "thread-blocking lock",
       true, [] { return std::make_unique<LockAcrossSuspendCheck>(); }},
      {"concur-unsynchronized-shared-state",
       "state reached from two threads, at least one writing, with no "
       "common lock, atomic or ordering between them",
       true, [] { return std::make_unique<UnsynchronizedSharedStateCheck>(); }},
      {"concur-openmp-race",
       "OpenMP data races by OpenMP's rules: data-sharing attributes, "
       "iterations, barriers, tasks and their synchronisation",
       true, [] { return std::make_unique<OpenMPRaceCheck>(); }},
      {"concur-execution-model",
       "an execution model per task entry (event loop, thread pool or "
       "processes); reports CPU work in coroutines, a thread per task for "
       "asynchronous I/O, and thread-unsafe CPU work on threads",
       true, [] { return std::make_unique<ExecutionModelCheck>(); }},
      {"concur-function-boundness",
       "CPU-bound, I/O-bound, mixed or negligible, for every function", false,
       [] { return std::make_unique<FunctionBoundnessCheck>(); }},
  };
  return Checks;
}

bool selectChecks(const std::string &Filter,
                  std::vector<const CheckInfo *> &Out, std::string &Error) {
  std::vector<bool> On;
  for (const CheckInfo &C : allChecks())
    On.push_back(C.EnabledByDefault);
  llvm::SmallVector<llvm::StringRef, 8> Patterns;
  llvm::StringRef(Filter).split(Patterns, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Raw : Patterns) {
    llvm::StringRef Pattern = Raw.trim();
    bool Enable = !Pattern.consume_front("-");
    bool Matched = false;
    for (size_t I = 0; I < allChecks().size(); ++I)
      if (globMatches(Pattern.str(), allChecks()[I].Name)) {
        On[I] = Enable;
        Matched = true;
      }
    if (!Matched && Pattern != "*") {
      Error = "unknown check '" + Pattern.str() +
              "'; run 'concur --list-checks' for the names";
      return false;
    }
  }
  Out.clear();
  for (size_t I = 0; I < allChecks().size(); ++I)
    if (On[I])
      Out.push_back(&allChecks()[I]);
  return true;
}

} // namespace concur
