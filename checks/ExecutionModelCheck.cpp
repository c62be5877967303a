//===- ExecutionModelCheck.cpp - concur-execution-model -------------------===//

#include "checks/ExecutionModelCheck.h"

#include <algorithm>
#include <set>

namespace concur {
namespace {

/// I/O that has asynchronous APIs an event loop can wait on.
bool hasAsyncApis(const std::string &Category) {
  return Category == "net-io" || Category == "sleep" || Category == "dns" ||
         Category == "async-wait";
}

std::string joinQuoted(const std::set<std::string> &Names, size_t Max = 3) {
  std::string S;
  size_t N = 0;
  for (const std::string &Name : Names) {
    if (N++ == Max) {
      S += ", ...";
      break;
    }
    S += (S.empty() ? "'" : ", '") + Name + "'";
  }
  return S;
}

std::string joinPlain(const std::set<std::string> &Names) {
  std::string S;
  for (const std::string &Name : Names)
    S += (S.empty() ? "" : ", ") + Name;
  return S;
}

struct EntryInfo {
  std::string Kind;
  std::string Workload;
  unsigned Spawns = 0;
  bool InLoop = false;
  SourceLoc StartLoc;
};

/// A global written without a lock on the entry's own thread, if any.
std::string unsynchronizedGlobalWrite(const Program &P, const std::string &Id,
                                      std::set<std::string> &Seen) {
  if (!Seen.insert(Id).second)
    return "";
  const FunctionFacts *F = P.function(Id);
  if (!F)
    return "";
  // A function that calls a lock() of its own (a callee returning with a
  // lock held) is taken as locking; the race check looks closer.
  for (const CallSite &C : F->Calls)
    if (const FunctionFacts *Callee = P.function(C.CalleeId))
      if (holdsRealLock(Callee->AcquiresOnExit))
        return "";
  for (const MemoryAccess &A : F->Accesses)
    if (A.Write && !A.Atomic && !holdsRealLock(A.Locks) &&
        A.Path.Root == AccessPath::RootKind::Global)
      return A.Path.Name;
  for (const CallSite &C : F->Calls)
    if (C.Kind == CallKind::Direct && !holdsRealLock(C.Locks) && !C.OnceFlag) {
      std::string Found = unsynchronizedGlobalWrite(P, C.CalleeId, Seen);
      if (!Found.empty())
        return Found;
    }
  return "";
}

Advice advise(const Program &P, const FunctionProfile &Work,
              const EntryInfo &Info) {
  const FunctionFacts &F = *Work.Fn;
  Advice A;
  A.EntryId = F.Id;
  A.EntryName = F.Name;
  A.Loc = F.Loc;
  A.Kind = Info.Kind;
  A.Class = Work.Class;
  A.Workload = Info.Workload;
  A.ManyInstances = Info.InLoop || Info.Spawns > 1 || F.IsCoroutine;
  A.EvidenceIds.push_back(F.Id);

  std::string Estimate = "~" + roughly(Work.CpuUnits) + " ns computing, ~" +
                         roughly(Work.IoUnits) + " ns waiting per call";
  std::string CpuWhere = Work.TopCpuCallee.empty()
                             ? "its own loops"
                             : "'" + Work.TopCpuCallee + "'";
  std::string IoWhere =
      Work.TopIoCallee.empty() ? "its own calls" : "'" + Work.TopIoCallee + "'";
  bool AllAsync = !Work.IoCategories.empty() &&
                  std::all_of(Work.IoCategories.begin(),
                              Work.IoCategories.end(), hasAsyncApis);
  std::set<std::string> BlockingOnly;
  for (const std::string &C : Work.IoCategories)
    if (!hasAsyncApis(C))
      BlockingOnly.insert(C);

  std::set<std::string> Seen;
  std::string UnsyncGlobal = unsynchronizedGlobalWrite(P, F.Id, Seen);
  bool ThreadUnsafe = !Work.MtUnsafeApis.empty() || !UnsyncGlobal.empty();
  std::string Unsafe =
      !Work.MtUnsafeApis.empty()
          ? "it calls " + joinQuoted(Work.MtUnsafeApis) +
                (Work.MtUnsafeApis.size() == 1 ? ", which is" : ", which are") +
                " not thread-safe"
          : "it writes '" + UnsyncGlobal + "' without a lock";

  if (F.IsCoroutine) {
    // Computation holds the loop whatever else the coroutine waits for:
    // worth a warning from a couple of milliseconds per call.
    bool Computes = Work.CpuUnits >= 2e6;
    if (Computes) {
      A.Model = "thread-pool";
      A.Reason = "CPU-bound work inside a coroutine (" + Estimate + ", in " +
                 CpuWhere +
                 ") starves its event loop as a blocking call does; offload "
                 "it to a thread pool (co_await asio::post(asio::bind_executor"
                 "(pool, asio::use_awaitable))) and keep the I/O on the loop";
      A.Problem = "coroutine '" + F.Name +
                  "' does CPU-bound work on its event loop (" + Estimate +
                  ", in " + CpuWhere +
                  "); while it computes, no other task on the loop runs";
      A.ProblemLoc = F.Loc;
      return A;
    }
    A.Model = "event-loop";
    if (!Work.BlockingApis.empty()) {
      A.Reason = "I/O-bound coroutine: keep it on the event loop, but make "
                 "its blocking calls asynchronous:";
      size_t N = 0;
      for (const auto &[Api, Alternative] : Work.BlockingApis) {
        if (N++ == 4) {
          A.Reason += "; ...";
          break;
        }
        A.Reason +=
            std::string(N > 1 ? ";" : "") + " '" + Api + "' (" +
            (Alternative.empty() ? "no known alternative" : Alternative) + ")";
      }
    } else {
      A.Reason = Work.Class == "negligible"
                     ? "a coroutine doing negligible work: the event loop fits"
                     : "an " + Work.Class +
                           " coroutine that waits only asynchronously: the "
                           "event loop fits";
    }
    return A;
  }

  if (Work.Class == "io-bound") {
    if (AllAsync) {
      A.Model = "event-loop";
      A.Reason = "I/O-bound on " + joinPlain(Work.IoCategories) +
                 ", which have asynchronous APIs (sockets, timers): "
                 "coroutines on one event loop serve many of these at once "
                 "instead of a thread each";
      // Started in a loop (an accept loop, one per request): a thread per
      // task. A few fixed threads running one function are not that.
      if (Info.InLoop && A.Kind == "thread-entry") {
        A.Problem = "thread '" + F.Name + "' is I/O-bound (" +
                    joinPlain(Work.IoCategories) +
                    ") and is started once per task: a thread per "
                    "connection; coroutines on an event loop would serve them "
                    "with one thread";
        A.ProblemLoc = Info.StartLoc.valid() ? Info.StartLoc : F.Loc;
      }
    } else {
      A.Model = "thread-pool";
      A.Reason = "I/O-bound through blocking-only APIs (" +
                 joinPlain(BlockingOnly) + ": " +
                 [&] {
                   std::set<std::string> Names;
                   for (const auto &[Api, Alt] : Work.BlockingApis)
                     Names.insert(Api);
                   return joinQuoted(Names);
                 }() +
                 "): run it on a thread pool sized for the number of "
                 "concurrent operations, not the number of cores";
    }
    return A;
  }

  if (Work.Class == "cpu-bound") {
    if (ThreadUnsafe) {
      A.Model = "processes";
      A.Reason = "CPU-bound (" + Estimate + ") and " + Unsafe +
                 ": run it in worker processes, or make it thread-safe and "
                 "use a thread pool sized to the cores";
      // Thread-unsafe library state is shared with every other thread; an
      // unlocked global only matters when copies of this work overlap.
      if ((A.Kind == "thread-entry" || A.Kind == "pool-job") &&
          (!Work.MtUnsafeApis.empty() || A.ManyInstances)) {
        A.Problem = "thread '" + F.Name + "' runs CPU-bound work and " +
                    Unsafe + "; threads running it at once interfere";
        A.ProblemIsThreadUnsafe = true;
        A.ProblemLoc = Info.StartLoc.valid() ? Info.StartLoc : F.Loc;
      }
    } else {
      A.Model = "thread-pool";
      A.Reason = "CPU-bound (" + Estimate + ", in " + CpuWhere +
                 ") and safe to share a process: a thread pool sized to the "
                 "cores (C++ threads run in parallel; there is no GIL)";
    }
    return A;
  }

  if (Work.Class == "mixed") {
    A.Model =
        AllAsync || Work.IoCategories.empty() ? "event-loop" : "thread-pool";
    A.Reason = "mixed (" + Estimate + "): split it: the I/O in " + IoWhere +
               " (" + joinPlain(Work.IoCategories) + ") on " +
               (A.Model == "event-loop" ? "an event loop" : "a thread pool") +
               ", the computation in " + CpuWhere +
               " handed to a thread pool sized to the cores";
    return A;
  }

  A.Model = "thread-pool";
  A.Reason =
      "negligible work (" + Estimate + "): any model fits; no change needed";
  return A;
}

} // namespace

std::vector<Advice> adviseExecutionModels(const Program &P,
                                          const WorkEstimate &Work) {
  std::map<std::string, EntryInfo> Entries;
  for (const auto &[Id, F] : P.functions()) {
    if (F.IsCoroutine)
      Entries[Id].Kind = "coroutine";
    if (F.Name == "main" && !F.IsLambda && Entries[Id].Kind.empty())
      Entries[Id].Kind = "main";
    for (const Spawn &S : F.Spawns) {
      // A handler posted to an io_context is a task of that loop, not a
      // unit of work of its own.
      if (S.Model == SpawnModel::Executor)
        continue;
      for (const std::string &Target : S.EntryIds) {
        EntryInfo &E = Entries[Target];
        if (E.Kind.empty() || E.Kind == "main")
          E.Kind = S.Model == SpawnModel::Pool ? "pool-job" : "thread-entry";
        ++E.Spawns;
        E.InLoop |= S.LoopDepth > 0;
        if (!E.StartLoc.valid())
          E.StartLoc = S.Loc;
      }
    }
  }
  for (const Workload &W : P.workloads())
    for (const std::string &Target : W.EntryIds) {
      Entries[Target].Workload = W.Name;
      if (!P.function(Target) || !P.function(Target)->IsCoroutine)
        Entries[Target].Kind = "workload";
    }

  std::vector<Advice> All;
  for (const auto &[Id, Info] : Entries) {
    const FunctionProfile *Profile = Work.profile(Id);
    if (!Profile || !Profile->Fn || Info.Kind.empty())
      continue;
    All.push_back(advise(P, *Profile, Info));
  }
  std::sort(All.begin(), All.end(),
            [](const Advice &A, const Advice &B) { return A.Loc < B.Loc; });
  return All;
}

nlohmann::json adviceJson(const std::vector<Advice> &All) {
  nlohmann::json Out = nlohmann::json::array();
  for (const Advice &A : All)
    Out.push_back(
        {{"entry_id", A.EntryId},
         {"entry_name", A.EntryName},
         {"location",
          {{"file", A.Loc.File},
           {"line", A.Loc.Line},
           {"column", A.Loc.Column}}},
         {"kind", A.Kind},
         {"model", A.Model},
         {"class", A.Class},
         {"reason", A.Reason},
         {"many_instances", A.ManyInstances},
         {"evidence", A.EvidenceIds},
         {"workload", A.Workload.empty() ? nlohmann::json(nullptr)
                                         : nlohmann::json(A.Workload)}});
  return Out;
}

/// A function that is not thread-safe (strtok, localtime) reached from task
/// entries that run on different threads at once, whatever their class.
static void reportSharedMtUnsafe(const Program &P, const WorkEstimate &Estimate,
                                 const std::vector<Advice> &All,
                                 const std::set<std::string> &AlreadyWarned,
                                 std::vector<Finding> &Out) {
  // A database often holds several programs; work of different programs
  // never runs together. An entry belongs to the mains that reach it (by
  // calls or by starting it), or, reached by none, to its own file.
  std::map<std::string, std::set<std::string>> MainsOf;
  for (const auto &[Id, F] : P.functions()) {
    if (F.Name != "main" || F.IsLambda)
      continue;
    std::vector<std::string> Work = {Id};
    while (!Work.empty()) {
      std::string Next = Work.back();
      Work.pop_back();
      const FunctionFacts *G = P.function(Next);
      if (!G || !MainsOf[Next].insert(Id).second)
        continue;
      for (const CallSite &C : G->Calls)
        if (C.Kind == CallKind::Direct || C.Kind == CallKind::Callback)
          Work.push_back(C.CalleeId);
      for (const Spawn &S : G->Spawns)
        Work.insert(Work.end(), S.EntryIds.begin(), S.EntryIds.end());
    }
  }
  auto ProgramOf = [&](const Advice &A) {
    auto It = MainsOf.find(A.EntryId);
    if (It == MainsOf.end() || It->second.empty())
      return "file:" + A.Loc.File;
    std::string Key;
    for (const std::string &Main : It->second)
      Key += Main + ";";
    return Key;
  };

  std::map<std::pair<std::string, std::string>, std::vector<const Advice *>>
      Reachers;
  for (const Advice &A : All) {
    const FunctionProfile *F = Estimate.profile(A.EntryId);
    if (!F)
      continue;
    for (const std::string &Api : F->MtUnsafeApis)
      Reachers[{ProgramOf(A), Api}].push_back(&A);
  }
  for (const auto &[Key, Entries] : Reachers) {
    const std::string &Api = Key.second;
    // Coroutines and main share the loop thread; each thread entry or pool
    // job is a thread of its own, several if started many times.
    unsigned Threads = 0;
    bool OnLoop = false;
    for (const Advice *A : Entries) {
      if (A->Kind == "coroutine" || A->Kind == "main")
        OnLoop = true;
      else
        Threads += A->ManyInstances ? 2 : 1;
    }
    if (Threads + (OnLoop ? 1 : 0) < 2 ||
        std::any_of(Entries.begin(), Entries.end(), [&](const Advice *A) {
          return AlreadyWarned.count(A->EntryId) != 0;
        }))
      continue;
    // Report at a call of the API that the entries reach.
    SourceLoc Where;
    std::set<std::string> Seen;
    std::vector<std::string> Work;
    for (const Advice *A : Entries)
      Work.push_back(A->EntryId);
    while (!Work.empty()) {
      std::string Id = Work.back();
      Work.pop_back();
      const FunctionFacts *F = P.function(Id);
      if (!F || !Seen.insert(Id).second)
        continue;
      for (const CallSite &C : F->Calls) {
        for (const ApiUse &U : C.Apis)
          if (U.Kind == ApiKind::MtUnsafe && U.Name == Api &&
              (!Where.valid() || C.Loc < Where))
            Where = C.Loc;
        if (C.Kind == CallKind::Direct || C.Kind == CallKind::Callback)
          Work.push_back(C.CalleeId);
      }
    }
    if (!Where.valid() || P.isSuppressed(Where, ExecutionModelCheck::Name))
      continue;
    Finding F;
    F.Check = ExecutionModelCheck::Name;
    F.Level = Severity::Warning;
    F.Loc = Where;
    std::string Names;
    for (size_t I = 0; I < Entries.size() && I < 3; ++I)
      Names += std::string(I ? ", " : "") + "'" + Entries[I]->EntryName +
               "' (" + Entries[I]->Kind + ")";
    F.Message = "'" + Api +
                "' is not thread-safe and is reached from work that runs on "
                "different threads at once: " +
                Names;
    for (const Advice *A : Entries)
      F.Notes.push_back({A->Loc, "'" + A->EntryName + "' reaches '" + Api +
                                     "' here (" + A->Kind + ")"});
    F.Notes.push_back({{},
                       "use the reentrant form (strtok_r, localtime_r, "
                       "...) or keep the calls on one thread"});
    F.Details = {{"api", Api}, {"kind", "shared-mt-unsafe"}};
    Out.push_back(std::move(F));
  }
}

void ExecutionModelCheck::run(const Program &P, std::vector<Finding> &Out,
                              CheckStats &Stats) {
  const WorkEstimate &Work = WorkEstimate::of(P);
  std::vector<Advice> All = adviseExecutionModels(P, Work);
  std::set<std::string> WarnedForUnsafe;
  for (const Advice &A : All)
    if (A.ProblemIsThreadUnsafe)
      WarnedForUnsafe.insert(A.EntryId);
  reportSharedMtUnsafe(P, Work, All, WarnedForUnsafe, Out);
  for (const Advice &A : All) {
    ++Stats["task_entries"];
    if (A.Problem.empty() || P.isSuppressed(A.ProblemLoc, Name))
      continue;
    Finding F;
    F.Check = Name;
    F.Level = Severity::Warning;
    F.Loc = A.ProblemLoc;
    F.Message = A.Problem;
    F.Notes.push_back({A.Loc, "advice for '" + A.EntryName + "': " + A.Model +
                                  ": " + A.Reason});
    F.Details = {{"entry", {{"id", A.EntryId}, {"name", A.EntryName}}},
                 {"model", A.Model},
                 {"class", A.Class},
                 {"reason", A.Reason}};
    Out.push_back(std::move(F));
  }
}

} // namespace concur
