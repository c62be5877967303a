//===- BlockingInCoroutineCheck.cpp - concur-blocking-in-coroutine --------===//

#include "checks/BlockingInCoroutineCheck.h"

#include <deque>
#include <map>

namespace concur {
namespace {

/// The best known way a function reaches a blocking call: through call site
/// CallIndex of the function, Depth calls in all.
struct BlockingPath {
  Severity Level = Severity::Remark;
  unsigned Depth = 0;
  size_t CallIndex = 0;
};

bool followsInto(const CallSite &C) {
  return C.Kind == CallKind::Direct || C.Kind == CallKind::Callback;
}

class PathFinder {
public:
  explicit PathFinder(const Program &P) : P(P) {}

  /// Shortest path to a blocking call, preferring the most severe: breadth
  /// first from the blocking calls, one severity level at a time.
  void solve() {
    std::map<std::string, std::vector<std::pair<std::string, size_t>>> Callers;
    for (const auto &[Id, F] : P.functions())
      for (size_t I = 0; I < F.Calls.size(); ++I) {
        const CallSite &C = F.Calls[I];
        if (!C.blockingApi() && followsInto(C) && !C.CalleeId.empty())
          Callers[C.CalleeId].push_back({Id, I});
      }
    for (Severity Level :
         {Severity::Error, Severity::Warning, Severity::Remark}) {
      std::deque<std::string> Queue;
      for (const auto &[Id, F] : P.functions()) {
        if (F.IsCoroutine || Best.count(Id))
          continue;
        for (size_t I = 0; I < F.Calls.size(); ++I)
          if (const ApiUse *A = F.Calls[I].blockingApi())
            if (parseSeverity(A->Severity).value_or(Severity::Warning) ==
                Level) {
              Best[Id] = {Level, 1, I};
              Queue.push_back(Id);
              break;
            }
      }
      while (!Queue.empty()) {
        std::string Id = Queue.front();
        Queue.pop_front();
        auto It = Callers.find(Id);
        if (It == Callers.end())
          continue;
        for (const auto &[Caller, Index] : It->second) {
          const FunctionFacts *F = P.function(Caller);
          if (F->IsCoroutine || Best.count(Caller))
            continue;
          Best[Caller] = {Level, Best[Id].Depth + 1, Index};
          Queue.push_back(Caller);
        }
      }
    }
  }

  const BlockingPath *pathFrom(const std::string &Id) const {
    auto It = Best.find(Id);
    return It == Best.end() ? nullptr : &It->second;
  }

private:
  const Program &P;
  std::map<std::string, BlockingPath> Best;
};

std::string quote(const std::string &S) { return "'" + S + "'"; }

} // namespace

void BlockingInCoroutineCheck::run(const Program &P, std::vector<Finding> &Out,
                                   CheckStats &Stats) {
  PathFinder Paths(P);
  Paths.solve();
  unsigned Unresolved = 0;

  for (const auto &[Id, Co] : P.functions()) {
    if (!Co.IsCoroutine)
      continue;

    for (const ExecutorSwitch &Sw : Co.Switches) {
      if (Sw.Awaited || P.isSuppressed(Sw.Loc, Name))
        continue;
      Finding F;
      F.Check = Name;
      F.Level = Severity::Warning;
      F.Loc = Sw.Loc;
      F.Message = "coroutine " + quote(Co.Name) + " calls " + quote(Sw.Api) +
                  " without co_await; it does not switch executors, so the "
                  "code after it still runs on the event loop";
      F.Notes.push_back({{},
                         "write 'co_await' before the call to move the "
                         "rest of the coroutine to the other executor"});
      F.Details = {{"kind", "unawaited-switch"},
                   {"coroutine", {{"id", Co.Id}, {"name", Co.Name}}},
                   {"api", Sw.Api}};
      Out.push_back(std::move(F));
    }

    for (const CallSite &Call : Co.Calls) {
      if (Call.OffLoop)
        continue;
      if (Call.Kind == CallKind::Indirect || Call.Kind == CallKind::Virtual) {
        ++Unresolved;
        continue;
      }
      // The chain of (function, call site) hops down to the blocking call.
      std::vector<std::pair<const FunctionFacts *, const CallSite *>> Hops = {
          {&Co, &Call}};
      const ApiUse *Api = Call.blockingApi();
      if (!Api) {
        const FunctionFacts *Callee = P.function(Call.CalleeId);
        if (!Callee || Callee->IsCoroutine)
          continue;
        const BlockingPath *Path = Paths.pathFrom(Callee->Id);
        if (!Path)
          continue;
        while (Callee) {
          const BlockingPath *Step = Paths.pathFrom(Callee->Id);
          const CallSite &Next = Callee->Calls[Step->CallIndex];
          Hops.push_back({Callee, &Next});
          if ((Api = Next.blockingApi()))
            break;
          Callee = P.function(Next.CalleeId);
        }
      }
      if (!Api || P.isSuppressed(Call.Loc, Name))
        continue;

      Finding F;
      F.Check = Name;
      F.Level = parseSeverity(Api->Severity).value_or(Severity::Warning);
      F.Loc = Call.Loc;
      std::string What = quote(Api->Name) + " (" + Api->Category + ")";
      if (Hops.size() == 1) {
        F.Message = "coroutine " + quote(Co.Name) + " blocks: it calls " + What;
      } else {
        F.Message = "coroutine " + quote(Co.Name) + " blocks: it calls " +
                    quote(Call.CalleeName) + ", which calls " + What;
        if (Hops.size() > 2) {
          F.Message += " via ";
          for (size_t I = 1; I + 1 < Hops.size(); ++I)
            F.Message +=
                (I > 1 ? " -> " : "") + quote(Hops[I].second->CalleeName);
        }
      }
      for (size_t I = 1; I < Hops.size(); ++I)
        F.Notes.push_back({Hops[I].second->Loc,
                           quote(Hops[I].first->Name) + " calls " +
                               quote(Hops[I].second->CalleeName) + " here"});
      for (const ExecutorSwitch &Sw : Co.Switches)
        if (Sw.Awaited && !Sw.Moves && Sw.Loc.File == Call.Loc.File &&
            Sw.Loc.Line <= Call.Loc.Line)
          F.Notes.push_back(
              {Sw.Loc, "co_await " + Sw.Api +
                           "(pool, asio::use_awaitable) resumes the coroutine "
                           "on its own executor, not on the pool; use "
                           "asio::bind_executor(pool, asio::use_awaitable) to "
                           "move there"});
      std::string Why = Api->Category == "lock" ? "while it waits for the lock"
                                                : "while it blocks";
      F.Notes.push_back(
          {{},
           Why + ", no other task on this coroutine's event loop runs" +
               (Api->Alternative.empty() ? std::string(".")
                                         : "; " + Api->Alternative)});

      nlohmann::json Chain = nlohmann::json::array();
      for (const auto &[Fn, Site] : Hops)
        Chain.push_back({{"function", {{"id", Fn->Id}, {"name", Fn->Name}}},
                         {"location",
                          {{"file", Site->Loc.File},
                           {"line", Site->Loc.Line},
                           {"column", Site->Loc.Column}}},
                         {"callee", Site->CalleeName}});
      F.Details = {{"kind", "blocking-call"},
                   {"coroutine", {{"id", Co.Id}, {"name", Co.Name}}},
                   {"api", Api->Name},
                   {"category", Api->Category},
                   {"suggestion", Api->Alternative},
                   {"chain", Chain}};
      Out.push_back(std::move(F));
    }
  }
  Stats["unresolved_calls_in_coroutines"] += Unresolved;
}

} // namespace concur
