//===- LockAcrossSuspendCheck.cpp - concur-lock-across-suspend ------------===//

#include "checks/LockAcrossSuspendCheck.h"

#include <algorithm>
#include <optional>

namespace concur {
namespace {

std::string quote(const std::string &S) { return "'" + S + "'"; }

bool sameObject(const AccessPath &A, const AccessPath &B) {
  return A.Root == B.Root && A.RootId == B.RootId && A.Steps == B.Steps;
}

/// A callee's path in the caller's terms: its `this` and parameters are
/// what the call passed.
std::optional<AccessPath> bind(const AccessPath &InCallee,
                               const CallSite &Call) {
  std::optional<AccessPath> Base;
  switch (InCallee.Root) {
  case AccessPath::RootKind::Global:
    return InCallee;
  case AccessPath::RootKind::This:
    Base = Call.This;
    break;
  case AccessPath::RootKind::Param: {
    unsigned Index = std::stoul(InCallee.RootId);
    if (Index < Call.Args.size())
      Base = Call.Args[Index];
    break;
  }
  default:
    return std::nullopt;
  }
  if (!Base)
    return std::nullopt;
  for (const std::string &Step : InCallee.Steps)
    appendPathStep(Base->Steps, Step);
  Base->Name = InCallee.Name;
  return Base;
}

struct Held {
  HeldLock Lock;
  SourceLoc TakenAt;
  std::string TakenBy; // A callee that took it, or empty.
  bool Maybe = false;  // On some paths to the suspension only.
  /// Braces that end the guard's scope before the suspension.
  std::vector<SourceEdit> ScopeEnd;
};

} // namespace

void LockAcrossSuspendCheck::run(const Program &P, std::vector<Finding> &Out,
                                 CheckStats &Stats) {
  unsigned Suspensions = 0;
  for (const auto &[Id, Co] : P.functions()) {
    if (!Co.IsCoroutine)
      continue;
    for (const SuspendPoint &Point : Co.Suspends) {
      ++Suspensions;
      std::vector<Held> Locks;
      for (size_t I = 0; I < Point.Held.size(); ++I)
        Locks.push_back({Point.Held[I], Point.TakenAt[I], "", false,
                         I < Point.ScopeEnds.size()
                             ? Point.ScopeEnds[I]
                             : std::vector<SourceEdit>{}});
      for (size_t I = 0; I < Point.MaybeHeld.size(); ++I)
        Locks.push_back(
            {Point.MaybeHeld[I], Point.MaybeTakenAt[I], "", true, {}});
      // Locks a callee took and left held (a lock() wrapper), unless given
      // back before the suspension.
      for (const CallSite &Call : Co.Calls) {
        if (Call.Order > Point.Order || Call.Kind != CallKind::Direct)
          continue;
        const FunctionFacts *Callee = P.function(Call.CalleeId);
        if (!Callee || Callee->IsConstructor)
          continue;
        for (const HeldLock &L : Callee->AcquiresOnExit) {
          std::optional<AccessPath> Mutex = bind(L.Mutex, Call);
          if (!Mutex || L.Awaited || isPseudoLock(L))
            continue;
          auto Same = [&](const AccessPath &R) {
            return sameObject(R, *Mutex);
          };
          if (std::any_of(Point.ReleasedBefore.begin(),
                          Point.ReleasedBefore.end(), Same))
            continue;
          // Given back by a later callee (an unlock() wrapper).
          bool Released = false;
          for (const CallSite &Later : Co.Calls)
            if (Later.Order > Call.Order && Later.Order < Point.Order)
              if (const FunctionFacts *F = P.function(Later.CalleeId))
                for (const AccessPath &R : F->ReleasesOnExit)
                  if (std::optional<AccessPath> Bound = bind(R, Later))
                    Released = Released || Same(*Bound);
          if (Released ||
              std::any_of(Locks.begin(), Locks.end(), [&](const Held &H) {
                return sameObject(H.Lock.Mutex, *Mutex);
              }))
            continue;
          Locks.push_back({{*Mutex, L.Shared, false},
                           Call.Loc,
                           Call.CalleeName,
                           false,
                           {}});
        }
      }
      for (const Held &H : Locks) {
        if (P.isSuppressed(Point.Loc, Name))
          continue;
        std::string Lock = quote(H.Lock.Mutex.Name);
        std::string Where = Point.Yield ? "co_yield" : "co_await";
        Finding F;
        F.Check = Name;
        F.Level = Severity::Warning;
        F.Loc = Point.Loc;
        F.Message = "coroutine " + quote(Co.Name) + " suspends at " + Where +
                    (H.Maybe ? " while it may hold " : " while it holds ") +
                    Lock + (H.Lock.Shared ? " (shared)" : "") +
                    ", a lock that blocks threads";
        if (H.TakenAt.valid())
          F.Notes.push_back({H.TakenAt, H.TakenBy.empty()
                                            ? Lock + " is locked here"
                                            : Lock + " is locked by " +
                                                  quote(H.TakenBy) +
                                                  ", called here"});
        F.Notes.push_back(
            {{},
             "while the coroutine is suspended, another task on its thread "
             "that locks " +
                 Lock +
                 " blocks the thread for good, and the coroutine may resume "
                 "on another thread and unlock a mutex it does not own "
                 "there; release the lock before the " +
                 Where +
                 ", or use an asynchronous mutex whose lock is "
                 "awaited"});
        // Ending the guard's scope early changes which statements the lock
        // covers: a fix for the reader to judge, attached to a note.
        if (!H.ScopeEnd.empty())
          F.Notes.push_back({H.TakenAt,
                             "end the guard's scope before the " + Where +
                                 ": braces around it and the statements up "
                                 "to the " +
                                 Where +
                                 " (check they need the lock no longer)",
                             H.ScopeEnd});
        nlohmann::json Taken = nullptr;
        if (H.TakenAt.valid())
          Taken = {{"file", H.TakenAt.File},
                   {"line", H.TakenAt.Line},
                   {"column", H.TakenAt.Column}};
        F.Details = {{"coroutine", {{"id", Co.Id}, {"name", Co.Name}}},
                     {"lock", H.Lock.Mutex.Name},
                     {"shared", H.Lock.Shared},
                     {"on_every_path", !H.Maybe},
                     {"locked_at", Taken},
                     {"locked_by", H.TakenBy.empty()
                                       ? nlohmann::json(nullptr)
                                       : nlohmann::json(H.TakenBy)},
                     {"suspension", Where}};
        Out.push_back(std::move(F));
      }
    }
  }
  Stats["suspension_points"] += Suspensions;
}

} // namespace concur
