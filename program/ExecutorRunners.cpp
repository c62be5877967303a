//===- ExecutorRunners.cpp - How many threads run each executor -----------===//

#include "program/ExecutorRunners.h"

#include <map>

namespace concur {

std::string executorKey(const AccessPath &P) { return pathKey(P); }

std::set<std::string> multiThreadedExecutors(const Program &P) {
  std::map<std::string, unsigned> StartsOf;
  for (const auto &[Id, F] : P.functions())
    for (const Spawn &S : F.Spawns)
      for (const std::string &Entry : S.EntryIds)
        StartsOf[Entry] += S.LoopDepth > 0 ? 2 : 1;
  std::map<std::string, unsigned> Runners;
  for (const auto &[Id, F] : P.functions()) {
    // A coroutine that runs an executor runs it on a thread that already
    // runs one (its own): no new thread.
    if (F.IsCoroutine)
      continue;
    for (const AccessPath &Executor : F.ExecutorRuns) {
      auto Starts = StartsOf.find(Id);
      Runners[executorKey(Executor)] +=
          Starts == StartsOf.end() ? 1 : Starts->second;
    }
  }
  std::set<std::string> Multi;
  for (const auto &[Key, Count] : Runners)
    if (Count >= 2)
      Multi.insert(Key);
  return Multi;
}

} // namespace concur
