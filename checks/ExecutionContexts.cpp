//===- ExecutionContexts.cpp - Where each coroutine runs ------------------===//

#include "checks/ExecutionContexts.h"
#include "program/ExecutorRunners.h"

#include <deque>
#include <set>

namespace concur {
namespace {

/// How bad blocking is there: the context a coroutine started in several
/// ways is the worst of them.
int harm(ExecutionContext C) {
  switch (C) {
  case ExecutionContext::EventLoop:
    return 4;
  case ExecutionContext::Unknown:
  case ExecutionContext::CallingThread:
    return 3;
  case ExecutionContext::SharedPool:
    return 2;
  case ExecutionContext::DedicatedThread:
    return 1;
  case ExecutionContext::None:
    return 0;
  }
  return 0;
}

std::string quote(const std::string &S) { return "'" + S + "'"; }

} // namespace

const char *describeContext(ExecutionContext C) {
  switch (C) {
  case ExecutionContext::EventLoop:
    return "an event loop";
  case ExecutionContext::SharedPool:
    return "a shared thread pool";
  case ExecutionContext::DedicatedThread:
    return "a thread of its own";
  case ExecutionContext::CallingThread:
    return "the thread that starts it";
  case ExecutionContext::Unknown:
  case ExecutionContext::None:
    return "an executor concur cannot place";
  }
  return "";
}

ExecutionContexts::ExecutionContexts(const Program &P) : P(P) {
  MultiThreaded = multiThreadedExecutors(P);
  findThreadContexts();

  // Every call that starts, awaits or creates each coroutine. Plain code
  // that makes a coroutine object and keeps it (in a container, a capture)
  // does not start it: a co_await of what a slot holds does. The keeping
  // call counts as a start (of unknown context) unless some such await
  // reaches the coroutine: kept objects handed on some other way (to a
  // spawn through a variable, to code in another file) are not followed.
  using StartList =
      std::vector<std::pair<const FunctionFacts *, const CallSite *>>;
  std::map<std::string, StartList> Starts, Kept;
  std::set<std::string> AwaitedFromSlots;
  for (const auto &[Id, F] : P.functions())
    for (const CallSite &C : F.Calls) {
      std::vector<std::string> Callees;
      if (C.Kind == CallKind::Direct || C.Kind == CallKind::Callback)
        Callees.push_back(C.CalleeId);
      for (const CallTarget &T : C.Targets)
        Callees.push_back(T.Id);
      bool Keeps = C.StoredUnstarted && !C.StartedBy && !F.IsCoroutine;
      for (const std::string &Callee : Callees)
        if (const FunctionFacts *Co = P.function(Callee))
          if (Co->IsCoroutine) {
            (Keeps ? Kept : Starts)[Callee].push_back({&F, &C});
            if (C.Kind == CallKind::Indirect && F.IsCoroutine)
              AwaitedFromSlots.insert(Callee);
          }
    }
  for (auto &[Id, List] : Kept)
    if (!AwaitedFromSlots.count(Id))
      Starts[Id].insert(Starts[Id].end(), List.begin(), List.end());
  for (const auto &[Id, F] : P.functions())
    if (F.IsCoroutine)
      Coroutines[Id] = {ExecutionContext::None, ""};

  // Awaited coroutines run where their awaiter does: to a fixed point (each
  // round can only make a context worse, and there are five).
  bool Changed = true;
  for (unsigned Round = 0; Changed && Round < 16; ++Round) {
    Changed = false;
    for (auto &[Id, Current] : Coroutines) {
      auto It = Starts.find(Id);
      ContextInfo Best = {ExecutionContext::None, ""};
      if (It == Starts.end())
        Best = {ExecutionContext::Unknown,
                "nothing in the analysed files starts it"};
      else
        for (const auto &[Caller, Call] : It->second) {
          ContextInfo C = startContext(*Caller, *Call);
          if (harm(C.Kind) > harm(Best.Kind))
            Best = std::move(C);
        }
      if (Best.Kind != Current.Kind) {
        Current = std::move(Best);
        Changed = true;
      }
    }
  }
  // Started only by coroutines nothing starts (or by each other).
  for (auto &[Id, Current] : Coroutines)
    if (Current.Kind == ExecutionContext::None)
      Current = {ExecutionContext::Unknown,
                 "only coroutines that nothing starts start it"};
}

void ExecutionContexts::findThreadContexts() {
  // The threads code starts, and main, run what they call.
  std::deque<std::string> Queue;
  auto Seed = [&](const std::string &Id, ContextInfo C) {
    ContextInfo &Known = Threads[Id];
    if (harm(C.Kind) > harm(Known.Kind) ||
        Known.Kind == ExecutionContext::Unknown) {
      Known = std::move(C);
      Queue.push_back(Id);
    }
  };
  for (const auto &[Id, F] : P.functions()) {
    if (F.Name == "main" && !F.IsLambda)
      Seed(Id, {ExecutionContext::DedicatedThread, "main's thread"});
    for (const Spawn &S : F.Spawns)
      for (const std::string &Entry : S.EntryIds) {
        bool Own =
            S.Model == SpawnModel::Thread || S.Model == SpawnModel::Async;
        Seed(Entry, {Own ? ExecutionContext::DedicatedThread
                         : ExecutionContext::SharedPool,
                     std::string(Own ? "a thread" : "a pool") + " started at " +
                         shortLocation(S.Loc)});
      }
  }
  while (!Queue.empty()) {
    std::string Id = Queue.front();
    Queue.pop_front();
    const FunctionFacts *F = P.function(Id);
    if (!F)
      continue;
    ContextInfo Here = Threads[Id];
    for (const CallSite &C : F->Calls) {
      if (C.Kind != CallKind::Direct)
        continue;
      const FunctionFacts *Callee = P.function(C.CalleeId);
      if (!Callee || Callee->IsCoroutine)
        continue;
      auto Known = Threads.find(C.CalleeId);
      if (Known == Threads.end() ||
          harm(Here.Kind) > harm(Known->second.Kind)) {
        Threads[C.CalleeId] = Here;
        Queue.push_back(C.CalleeId);
      }
    }
  }
}

ContextInfo ExecutionContexts::threadContextOf(const std::string &Id) const {
  auto It = Threads.find(Id);
  if (It == Threads.end())
    return {ExecutionContext::Unknown, "the thread that runs it is unknown"};
  return It->second;
}

ContextInfo ExecutionContexts::startContext(const FunctionFacts &Caller,
                                            const CallSite &Call) {
  std::string At = " (" + shortLocation(Call.Loc) + ")";
  if (Call.StartedBy) {
    const StartInfo &S = *Call.StartedBy;
    std::string By = "started by " + S.Api;
    switch (S.Context) {
    case ExecutionContext::EventLoop:
      if (S.Executor && MultiThreaded.count(executorKey(*S.Executor)))
        return {ExecutionContext::SharedPool,
                By + " on an io_context that several threads run" + At};
      return {ExecutionContext::EventLoop, By + " on an event loop" + At};
    case ExecutionContext::SharedPool:
      return {ExecutionContext::SharedPool, By + " on a thread pool" + At};
    case ExecutionContext::DedicatedThread:
      return {ExecutionContext::DedicatedThread,
              By + " on a thread of its own" + At};
    case ExecutionContext::CallingThread: {
      ContextInfo Where = Caller.IsCoroutine ? atCall(Caller, Call)
                                             : threadContextOf(Caller.Id);
      if (Where.Kind == ExecutionContext::None)
        return Where;
      // Plain code that waits for the coroutine gives it its thread while
      // it waits, whichever thread that is.
      if (!Caller.IsCoroutine && Where.Kind == ExecutionContext::Unknown)
        return {ExecutionContext::DedicatedThread,
                "run by " + S.Api + " in " + quote(Caller.Name) + At +
                    ", which waits for it on its own thread"};
      return {Where.Kind, "run by " + S.Api + " in " + quote(Caller.Name) + At +
                              ", on " + describeContext(Where.Kind)};
    }
    case ExecutionContext::Unknown:
    case ExecutionContext::None:
      return {ExecutionContext::Unknown,
              By + " on an executor concur cannot place" + At};
    }
  }
  if (Caller.IsCoroutine) {
    ContextInfo Where = atCall(Caller, Call);
    if (Where.Kind == ExecutionContext::None)
      return Where;
    return {Where.Kind, "awaited by " + quote(Caller.Name) + At + ", on " +
                            describeContext(Where.Kind)};
  }
  return {ExecutionContext::Unknown, "created in " + quote(Caller.Name) + At +
                                         " and started where concur cannot "
                                         "see"};
}

const ContextInfo &ExecutionContexts::of(const std::string &Id) const {
  static const ContextInfo None = {ExecutionContext::Unknown, ""};
  auto It = Coroutines.find(Id);
  return It == Coroutines.end() ? None : It->second;
}

ContextInfo ExecutionContexts::atCall(const FunctionFacts &Co,
                                      const CallSite &Call) const {
  if (Call.SwitchedTo == ExecutionContext::None)
    return of(Co.Id);
  // The last awaited switch before the call names the move.
  const ExecutorSwitch *Last = nullptr;
  for (const ExecutorSwitch &Sw : Co.Switches)
    if (Sw.Awaited && Sw.Moves && Sw.Loc.File == Call.Loc.File &&
        Sw.Loc < Call.Loc)
      Last = &Sw;
  std::string Why = Last ? "after co_await " + Last->Api + " (" +
                               shortLocation(Last->Loc) + ")"
                         : "after an awaited switch of executor";
  return {Call.SwitchedTo, Why};
}

unsigned ExecutionContexts::unknownCount() const {
  unsigned N = 0;
  for (const auto &[Id, C] : Coroutines)
    N += C.Kind == ExecutionContext::Unknown;
  return N;
}

} // namespace concur
