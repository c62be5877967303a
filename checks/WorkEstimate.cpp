//===- WorkEstimate.cpp - Where each function's time goes -----------------===//

#include "checks/WorkEstimate.h"
#include "checks/ExecutionContexts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <mutex>

namespace concur {

namespace {

constexpr double Cap = 1e15;
/// A CPU-heavy library call (a sort, a regex, a hash of a buffer).
constexpr double CpuHeavyCost = 1e4;
/// A recursive call stands for an unknown amount of repeated work.
constexpr double RecursionCost = 1e3;
/// Below this much work per call, a function is negligible.
constexpr double NegligibleBelow = 5e3;
/// A co_await of an asynchronous operation: waiting, with the thread free.
constexpr double AwaitCost = 1e5;
/// Scores saturate around a millisecond of either kind.
constexpr double ScoreScale = 1e6;

/// Locks and waits for other threads (join, future::get) are not I/O: the
/// time they take is someone else's work, counted where that work is.
bool isIoCategory(const std::string &Category) {
  return Category != "lock" && Category != "wait";
}

} // namespace

std::string roughly(double Value) {
  char Buf[32];
  if (Value >= 1e9)
    std::snprintf(Buf, sizeof(Buf), "%.1fG", Value / 1e9);
  else if (Value >= 1e6)
    std::snprintf(Buf, sizeof(Buf), "%.1fM", Value / 1e6);
  else if (Value >= 1e3)
    std::snprintf(Buf, sizeof(Buf), "%.1fk", Value / 1e3);
  else
    std::snprintf(Buf, sizeof(Buf), "%.0f", Value);
  return Buf;
}

double WorkEstimate::costOf(const std::string &Category) {
  static const std::map<std::string, double> Costs = {
      {"sleep", 1e6},      {"dns", 1e6}, {"process", 1e6}, {"net-io", 1e5},
      {"database", 1e5},   {"wait", 0},  {"file-io", 1e4}, {"ipc", 1e4},
      {"console-io", 1e3}, {"lock", 0}};
  auto It = Costs.find(Category);
  return It == Costs.end() ? 1e4 : It->second;
}

const WorkEstimate &WorkEstimate::of(const Program &P) {
  // Several checks and the report read the same estimate; compute it once
  // per program.
  static std::mutex Lock;
  static std::map<const Program *, std::unique_ptr<WorkEstimate>> Cache;
  std::lock_guard<std::mutex> Guard(Lock);
  std::unique_ptr<WorkEstimate> &Slot = Cache[&P];
  if (!Slot)
    Slot.reset(new WorkEstimate(P));
  return *Slot;
}

WorkEstimate::WorkEstimate(const Program &P) : P(P) {
  for (const auto &[Id, F] : P.functions())
    compute(Id);
  for (auto &[Id, F] : Profiles)
    classify(F);
}

/// A function's own work.
void WorkEstimate::begin(const FunctionFacts &Fn, FunctionProfile &Out) {
  Out.Fn = &Fn;
  Out.CpuUnits = Fn.Ops;
  if (Fn.Awaits > 0) {
    Out.IoUnits += AwaitCost * Fn.Awaits;
    Out.IoCategories.insert("async-wait");
    Out.Evidence.push_back("~" + roughly(Fn.Awaits) +
                           " co_await per call (asynchronous waiting)");
  }
  if (Fn.Loops)
    Out.Evidence.push_back(std::to_string(Fn.Loops) + " loop" +
                           (Fn.Loops == 1 ? "" : "s") + " (nesting " +
                           std::to_string(Fn.MaxLoopDepth) + "), ~" +
                           roughly(Fn.Ops) + " operations per call");
}

/// What a call's catalogued APIs cost.
void WorkEstimate::addApis(const CallSite &C, FunctionProfile &Out) {
  std::string InLoop = C.LoopDepth ? " in a loop" : "";
  for (const ApiUse &A : C.Apis) {
    // Every blocking call is named in the advice (a coroutine waiting on
    // a future blocks its loop), though only I/O counts as waiting time.
    if (A.Kind == ApiKind::Blocking && A.Blocks)
      Out.BlockingApis.emplace(A.Name, A.Alternative);
    if (A.Kind == ApiKind::Blocking && isIoCategory(A.Category)) {
      double Cost = costOf(A.Category) * C.Trips;
      Out.IoUnits += Cost;
      Out.IoCategories.insert(A.Category);
      if (C.LoopDepth)
        Out.IoInLoops.insert(A.Category);
      Out.Evidence.push_back("calls '" + A.Name + "' (" + A.Category + ")" +
                             InLoop + " at " + shortLocation(C.Loc));
    } else if (A.Kind == ApiKind::CpuHeavy) {
      Out.CpuUnits += CpuHeavyCost * C.Trips;
      Out.CpuHeavyApis.insert(A.Name);
      Out.Evidence.push_back("calls '" + A.Name + "' (" + A.Category + ")" +
                             InLoop + " at " + shortLocation(C.Loc));
    } else if (A.Kind == ApiKind::MtUnsafe) {
      Out.MtUnsafeApis.insert(A.Name);
      Out.Evidence.push_back("calls '" + A.Name +
                             "', which is not thread-safe, at " +
                             shortLocation(C.Loc));
    }
  }
}

/// Adds what a call of Callee costs to Out.
void WorkEstimate::addCallee(const CallSite &C, const FunctionProfile &Callee,
                             FunctionProfile &Out, double &TopCpu,
                             double &TopIo) {
  // Calling a coroutine makes a task that runs on its own (co_spawn, or
  // awaited, where the await is already counted): its work is its own.
  if (Callee.Fn->IsCoroutine)
    return;
  std::string InLoop = C.LoopDepth ? " in a loop" : "";
  double Cpu = Callee.CpuUnits * C.Trips, Io = Callee.IoUnits * C.Trips;
  Out.CpuUnits = std::min(Out.CpuUnits + Cpu, Cap);
  Out.IoUnits = std::min(Out.IoUnits + Io, Cap);
  Out.Recursive |= Callee.Recursive;
  Out.IoCategories.insert(Callee.IoCategories.begin(),
                          Callee.IoCategories.end());
  if (C.LoopDepth)
    Out.IoInLoops.insert(Callee.IoCategories.begin(),
                         Callee.IoCategories.end());
  else
    Out.IoInLoops.insert(Callee.IoInLoops.begin(), Callee.IoInLoops.end());
  Out.BlockingApis.insert(Callee.BlockingApis.begin(),
                          Callee.BlockingApis.end());
  Out.CpuHeavyApis.insert(Callee.CpuHeavyApis.begin(),
                          Callee.CpuHeavyApis.end());
  Out.MtUnsafeApis.insert(Callee.MtUnsafeApis.begin(),
                          Callee.MtUnsafeApis.end());
  if (Cpu > TopCpu) {
    TopCpu = Cpu;
    Out.TopCpuCallee = Callee.Fn->Name;
  }
  if (Io > TopIo) {
    TopIo = Io;
    Out.TopIoCallee = Callee.Fn->Name;
  }
  if (Cpu + Io >= NegligibleBelow)
    Out.Evidence.push_back("calls '" + Callee.Fn->Name + "'" + InLoop + " (~" +
                           roughly(Cpu) + " ns computing, ~" + roughly(Io) +
                           " ns waiting)");
}

/// Depth first over the call graph with a stack of its own: a call chain
/// of any length costs memory, not the thread's stack.
void WorkEstimate::compute(const std::string &Root) {
  struct Frame {
    std::string Id;
    size_t Next = 0;
    bool ApisAdded = false; // Of the call at Next.
    double TopCpu = 0, TopIo = 0;
  };
  std::vector<Frame> Stack;
  std::set<std::string> OnStack;
  auto Enter = [&](const std::string &Id) {
    const FunctionFacts *Fn = P.function(Id);
    if (Done.count(Id) || !Fn)
      return;
    begin(*Fn, Profiles[Id]);
    Stack.push_back({Id, 0, false, Fn->Ops, 0});
    OnStack.insert(Id);
  };
  Enter(Root);
  while (!Stack.empty()) {
    size_t Top = Stack.size() - 1;
    FunctionProfile &Out = Profiles[Stack[Top].Id];
    const FunctionFacts &Fn = *Out.Fn;
    if (Stack[Top].Next == Fn.Calls.size()) {
      if (Out.Recursive)
        Out.Evidence.push_back("recursion");
      if (Out.Evidence.size() > 8)
        Out.Evidence.resize(8);
      // A function met again while on the stack keeps its partial sums.
      Done.insert(Stack[Top].Id);
      OnStack.erase(Stack[Top].Id);
      Stack.pop_back();
      continue;
    }
    const CallSite &C = Fn.Calls[Stack[Top].Next];
    if (!Stack[Top].ApisAdded) {
      addApis(C, Out);
      Stack[Top].ApisAdded = true;
    }
    auto Advance = [&] {
      ++Stack[Top].Next;
      Stack[Top].ApisAdded = false;
    };
    if (C.Kind != CallKind::Direct && C.Kind != CallKind::Callback) {
      Advance();
      continue;
    }
    if (OnStack.count(C.CalleeId)) {
      Out.Recursive = true;
      Out.CpuUnits += RecursionCost * C.Trips;
      Advance();
      continue;
    }
    if (!Done.count(C.CalleeId) && P.function(C.CalleeId)) {
      Enter(C.CalleeId); // Back to this call once the callee is done.
      continue;
    }
    Advance();
    auto It = Profiles.find(C.CalleeId);
    if (It != Profiles.end() && It->second.Fn)
      addCallee(C, It->second, Out, Stack[Top].TopCpu, Stack[Top].TopIo);
  }
}

void WorkEstimate::classify(FunctionProfile &F) const {
  F.Cpu = 1 - std::exp(-F.CpuUnits / ScoreScale);
  F.Io = 1 - std::exp(-F.IoUnits / ScoreScale);
  double Total = F.CpuUnits + F.IoUnits;
  if (Total < NegligibleBelow) {
    F.Class = "negligible";
    return;
  }
  double IoShare = F.IoUnits / Total;
  F.Class = IoShare >= 0.8   ? "io-bound"
            : IoShare <= 0.2 ? "cpu-bound"
                             : "mixed";
}

nlohmann::json WorkEstimate::toJson() const {
  // What concur could not follow, per function, for the user to see.
  std::map<std::string, nlohmann::json> Unresolved;
  for (const UnresolvedCall &U : P.unresolvedCalls()) {
    nlohmann::json &List = Unresolved[U.FunctionId];
    if (List.is_null())
      List = nlohmann::json::array();
    List.push_back({{"location",
                     {{"file", U.Loc.File},
                      {"line", U.Loc.Line},
                      {"column", U.Loc.Column}}},
                    {"kind", callKindName(U.Kind)},
                    {"callee", U.Callee},
                    {"reason", U.Reason}});
  }
  // Where each coroutine runs, and why concur believes it.
  ExecutionContexts Contexts(P);
  nlohmann::json Functions = nlohmann::json::array();
  for (const auto &[Id, F] : Profiles) {
    if (!F.Fn)
      continue;
    auto Calls = Unresolved.find(Id);
    nlohmann::json Context = nullptr;
    if (F.Fn->IsCoroutine)
      Context = {{"kind", executionContextName(Contexts.of(Id).Kind)},
                 {"why", Contexts.of(Id).Why}};
    auto Round = [](double V) { return std::round(V * 1000) / 1000; };
    Functions.push_back(
        {{"id", Id},
         {"name", F.Fn->Name},
         {"location",
          {{"file", F.Fn->Loc.File},
           {"line", F.Fn->Loc.Line},
           {"column", F.Fn->Loc.Column}}},
         {"coroutine", F.Fn->IsCoroutine},
         {"class", F.Class},
         {"scores", {{"cpu", Round(F.Cpu)}, {"io", Round(F.Io)}}},
         {"estimates", {{"cpu_ns", F.CpuUnits}, {"io_ns", F.IoUnits}}},
         {"loops", F.Fn->Loops},
         {"max_loop_depth", F.Fn->MaxLoopDepth},
         {"recursive", F.Recursive},
         {"io_categories", F.IoCategories},
         {"cpu_heavy_apis", F.CpuHeavyApis},
         {"mt_unsafe_apis", F.MtUnsafeApis},
         {"evidence", F.Evidence},
         {"context", Context},
         {"unresolved_calls", Calls == Unresolved.end()
                                  ? nlohmann::json::array()
                                  : Calls->second}});
  }
  return Functions;
}

} // namespace concur
