//===- BlockingInCoroutineCheck.cpp - concur-blocking-in-coroutine --------===//

#include "checks/BlockingInCoroutineCheck.h"
#include "checks/ExecutionContexts.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <tuple>

namespace concur {
namespace {

/// A function a call may run: its callee, or one of the targets the
/// whole-program stage found for a virtual or indirect call (with the hop
/// described: "through 'Store::get', overridden by 'FileStore::get'").
struct Callee {
  std::string Id;
  std::string Name;
  std::string Via;
  /// A callable passed to a parameter: the function that calls it.
  std::string ThroughFunction;
  int ThroughParam = -1;
};

/// Virtual and indirect calls with more targets than this are not followed.
constexpr size_t MaxTargetsFollowed = 8;

/// InCaller: the call is followed from a caller that gave the function its
/// callable parameters; a call through one of them then runs what that
/// caller passed (the caller's call lists it), not what anyone passed.
std::vector<Callee> calleesOf(const CallSite &C, bool InCaller) {
  std::vector<Callee> Out;
  // On a path that ends the process, nothing the callee blocks is waited
  // for by any other task.
  if (C.EndsProcess)
    return Out;
  // A call the catalog describes is what the catalog says, whatever the
  // library's implementation does inside (its reactor, its wake-up pipe).
  if (!C.Apis.empty())
    return Out;
  if (C.Kind == CallKind::Direct || C.Kind == CallKind::Callback) {
    if (!C.CalleeId.empty())
      Out.push_back({C.CalleeId, C.CalleeName, ""});
    for (const CallTarget &T : C.ArgTargets)
      Out.push_back({T.Id, T.Name, T.Via, T.ThroughFunction, T.ThroughParam});
    return Out;
  }
  if (InCaller && C.ThroughParam >= 0)
    return Out;
  // A call that may reach many functions is generic plumbing (a future's
  // continuation, an executor's queue of every job in the program): which
  // one runs is not known, and a chain through it would be a guess.
  if (C.Targets.size() > MaxTargetsFollowed)
    return Out;
  for (const CallTarget &T : C.Targets)
    Out.push_back({T.Id, T.Name, T.Via});
  return Out;
}

/// The best known way a function reaches a blocking call: through callee
/// Target of call site CallIndex of the function, Depth calls in all.
struct BlockingPath {
  Severity Level = Severity::Remark;
  unsigned Depth = 0;
  size_t CallIndex = 0;
  size_t Target = 0;
};

class PathFinder {
public:
  explicit PathFinder(const Program &P) : P(P) {}

  /// Shortest path to a blocking call, preferring the most severe: breadth
  /// first from the blocking calls, one severity level at a time.
  void solve() {
    struct Caller {
      std::string Id;
      size_t CallIndex;
      size_t Target;
    };
    std::map<std::string, std::vector<Caller>> Callers;
    for (const auto &[Id, F] : P.functions())
      for (size_t I = 0; I < F.Calls.size(); ++I) {
        const CallSite &C = F.Calls[I];
        if (C.blockingApi())
          continue;
        std::vector<Callee> Targets = calleesOf(C, /*InCaller=*/true);
        for (size_t T = 0; T < Targets.size(); ++T)
          Callers[Targets[T].Id].push_back({Id, I, T});
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
              Best[Id] = {Level, 1, I, 0};
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
        for (const Caller &C : It->second) {
          const FunctionFacts *F = P.function(C.Id);
          if (F->IsCoroutine || Best.count(C.Id))
            continue;
          Best[C.Id] = {Level, Best[Id].Depth + 1, C.CallIndex, C.Target};
          Queue.push_back(C.Id);
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

/// One hop of a chain: a function, the call it makes, and what it calls.
struct Hop {
  const FunctionFacts *Fn;
  const CallSite *Site;
  std::string CalleeName;
  std::string Via;
};

std::string quote(const std::string &S) { return "'" + S + "'"; }

/// The hops of a call from Fn at Site to callee To: a callable passed as an
/// argument is called inside the callee, which the chain shows.
void appendHops(const Program &P, const FunctionFacts &Fn, const CallSite &Site,
                const Callee &To, std::vector<Hop> &Hops) {
  bool Named = Site.Kind == CallKind::Direct || Site.Kind == CallKind::Callback;
  if (To.ThroughFunction.empty()) {
    Hops.push_back({&Fn, &Site, Named ? Site.CalleeName : To.Name, To.Via});
    return;
  }
  Hops.push_back({&Fn, &Site, Site.CalleeName, ""});
  if (const FunctionFacts *Through = P.function(To.ThroughFunction))
    for (const CallSite &Inner : Through->Calls)
      if (Inner.ThroughParam == To.ThroughParam) {
        Hops.push_back({Through, &Inner, To.Name, To.Via});
        return;
      }
}

} // namespace

/// One finding per place: the instantiations of a template coroutine (and
/// copies of one coroutine in several programs) make the same call at the
/// same place; they are listed in the JSON and counted in the text.
static void mergeInstantiations(std::vector<Finding> &Found,
                                std::vector<Finding> &Out) {
  std::map<std::tuple<SourceLoc, std::string, std::string>, size_t> First;
  std::vector<Finding> Merged;
  for (Finding &F : Found) {
    std::string Kind = F.Details.value("kind", "");
    std::string Api = F.Details.value("api", "");
    auto Key = std::make_tuple(F.Loc, Kind, Api);
    std::string Coroutine = F.Details["coroutine"].value("name", "");
    auto It = First.find(Key);
    if (It == First.end()) {
      F.Details["instantiations"] = nlohmann::json::array({Coroutine});
      First.emplace(Key, Merged.size());
      Merged.push_back(std::move(F));
      continue;
    }
    Finding &Kept = Merged[It->second];
    // The worst context of the copies decides the severity.
    Kept.Level = std::max(Kept.Level, F.Level);
    nlohmann::json &Names = Kept.Details["instantiations"];
    if (std::find(Names.begin(), Names.end(), Coroutine) == Names.end())
      Names.push_back(Coroutine);
  }
  for (Finding &F : Merged) {
    size_t Copies = F.Details["instantiations"].size();
    if (Copies > 1)
      F.Notes.push_back({{},
                         "the same call is made by " + std::to_string(Copies) +
                             " instantiations of the coroutine; the JSON "
                             "report lists them"});
    Out.push_back(std::move(F));
  }
}

void BlockingInCoroutineCheck::run(const Program &P, std::vector<Finding> &Out,
                                   CheckStats &Stats) {
  PathFinder Paths(P);
  Paths.solve();
  ExecutionContexts Contexts(P);
  std::set<std::string> MainFiles;
  for (const FileStatus &File : P.files())
    MainFiles.insert(File.File);
  unsigned Unresolved = 0;
  std::vector<Finding> Found;

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
      F.Fixes = Sw.AwaitFix;
      F.Details = {{"kind", "unawaited-switch"},
                   {"coroutine", {{"id", Co.Id}, {"name", Co.Name}}},
                   {"api", Sw.Api}};
      Found.push_back(std::move(F));
    }

    for (const CallSite &Call : Co.Calls) {
      // Where the coroutine runs when it makes the call decides what its
      // blocking holds up: nothing else on a thread of its own.
      ContextInfo Where = Contexts.atCall(Co, Call);
      if (Where.Kind == ExecutionContext::DedicatedThread)
        continue;
      bool OnPool = Where.Kind == ExecutionContext::SharedPool;
      // The chain of (function, call site) hops down to the blocking call.
      std::vector<Hop> Hops;
      const ApiUse *Api = Call.blockingApi();
      if (Api) {
        Hops.push_back({&Co, &Call, Call.CalleeName, ""});
      } else {
        std::vector<Callee> Targets = calleesOf(Call, /*InCaller=*/false);
        if (Targets.empty() && (Call.Kind == CallKind::Indirect ||
                                Call.Kind == CallKind::Virtual)) {
          ++Unresolved;
          continue;
        }
        // Of several targets, the one whose blocking is worst and nearest.
        const Callee *Chosen = nullptr;
        const BlockingPath *ChosenPath = nullptr;
        for (const Callee &T : Targets) {
          const FunctionFacts *Fn = P.function(T.Id);
          const BlockingPath *Path =
              Fn && !Fn->IsCoroutine ? Paths.pathFrom(T.Id) : nullptr;
          if (Path && (!ChosenPath || Path->Level > ChosenPath->Level ||
                       (Path->Level == ChosenPath->Level &&
                        Path->Depth < ChosenPath->Depth))) {
            Chosen = &T;
            ChosenPath = Path;
          }
        }
        if (!Chosen)
          continue;
        appendHops(P, Co, Call, *Chosen, Hops);
        const FunctionFacts *Fn = P.function(Chosen->Id);
        while (Fn) {
          const BlockingPath *Step = Paths.pathFrom(Fn->Id);
          const CallSite &Next = Fn->Calls[Step->CallIndex];
          if ((Api = Next.blockingApi())) {
            Hops.push_back({Fn, &Next, Next.CalleeName, ""});
            break;
          }
          Callee To = calleesOf(Next, /*InCaller=*/true)[Step->Target];
          appendHops(P, *Fn, Next, To, Hops);
          Fn = P.function(To.Id);
        }
      }
      if (!Api || P.isSuppressed(Call.Loc, Name))
        continue;

      Finding F;
      F.Check = Name;
      F.Level = parseSeverity(Api->Severity).value_or(Severity::Warning);
      if (OnPool)
        F.Level = Severity::Remark;
      F.Loc = Call.Loc;
      std::string What = quote(Api->Name) + " (" + Api->Category + ")";
      std::string Blocks =
          "coroutine " + quote(Co.Name) +
          (OnPool ? " holds a pool worker: it calls " : " blocks: it calls ");
      if (Hops.size() == 1) {
        F.Message = Blocks + What;
      } else {
        F.Message =
            Blocks + quote(Hops[0].CalleeName) + ", which calls " + What;
        if (Hops.size() > 2) {
          // A long chain is named by its ends; the notes and the JSON
          // chain have every hop.
          constexpr size_t Shown = 4;
          size_t Middle = Hops.size() - 2;
          F.Message += " via ";
          for (size_t I = 1; I + 1 < Hops.size(); ++I) {
            if (Middle > Shown + 1 && I == Shown) {
              F.Message +=
                  " -> ... (" + std::to_string(Middle - Shown) + " more)";
              I = Hops.size() - 2;
            }
            F.Message += (I > 1 ? " -> " : "") + quote(Hops[I].CalleeName);
          }
        }
      }
      if (!Hops[0].Via.empty())
        F.Notes.push_back({Call.Loc, "the call goes " + Hops[0].Via});
      for (size_t I = 1; I < Hops.size(); ++I)
        F.Notes.push_back(
            {Hops[I].Site->Loc,
             quote(Hops[I].Fn->Name) + " calls " + quote(Hops[I].CalleeName) +
                 " here" +
                 (Hops[I].Via.empty() ? "" : " (" + Hops[I].Via + ")")});
      for (const ExecutorSwitch &Sw : Co.Switches)
        if (Sw.Awaited && !Sw.Moves && Sw.Loc.File == Call.Loc.File &&
            Sw.Loc.Line <= Call.Loc.Line)
          F.Notes.push_back(
              {Sw.Loc, "co_await " + Sw.Api +
                           "(pool, asio::use_awaitable) resumes the coroutine "
                           "on its own executor, not on the pool; use "
                           "asio::bind_executor(pool, asio::use_awaitable) to "
                           "move there"});
      std::string While = Api->Category == "lock"
                              ? "while it waits for the lock"
                              : "while it blocks";
      // Where the coroutine runs is unknown: say what is certain, not that
      // it stalls an event loop.
      bool Unplaced = Where.Kind == ExecutionContext::Unknown ||
                      Where.Kind == ExecutionContext::CallingThread;
      std::string Harm =
          OnPool     ? ", one of its pool's workers runs nothing else"
          : Unplaced ? ", the thread it runs on runs nothing else (on an "
                       "event loop, none of the loop's other tasks)"
                     : ", no other task on this coroutine's event loop runs";
      F.Notes.push_back(
          {{},
           While + Harm +
               (Api->Alternative.empty() ? std::string(".")
                                         : "; " + Api->Alternative)});
      // The catalog's awaited form of the call itself, for the reader to
      // judge: while the coroutine waits, other tasks run and may change
      // what it sees.
      if (Hops.size() == 1 && !Call.AwaitableRewrite.empty())
        F.Notes.push_back(
            {Call.Loc,
             "await instead, letting the loop run other tasks meanwhile: '" +
                 Call.AwaitableRewrite.front().Text + "'",
             Call.AwaitableRewrite});
      if (Where.Kind == ExecutionContext::Unknown ||
          Where.Kind == ExecutionContext::CallingThread)
        F.Notes.push_back({Co.Loc, "where " + quote(Co.Name) +
                                       " runs is unknown: " + Where.Why});
      else
        F.Notes.push_back({Co.Loc, quote(Co.Name) + " runs on " +
                                       describeContext(Where.Kind) + ": " +
                                       Where.Why});
      // A coroutine in a library's header running the user's callable (an
      // executor calling the submitted lambda): the place to change is in
      // the user's own code, the first hop in a file the database compiles.
      if (!MainFiles.count(Call.Loc.File))
        for (size_t I = 1; I < Hops.size(); ++I)
          if (MainFiles.count(Hops[I].Site->Loc.File)) {
            F.Notes.insert(F.Notes.begin(),
                           {Call.Loc, quote(Co.Name) + " calls " +
                                          quote(Hops[0].CalleeName) + " here"});
            F.Loc = Hops[I].Site->Loc;
            break;
          }

      nlohmann::json Chain = nlohmann::json::array();
      for (const Hop &H : Hops) {
        nlohmann::json Link = {
            {"function", {{"id", H.Fn->Id}, {"name", H.Fn->Name}}},
            {"location",
             {{"file", H.Site->Loc.File},
              {"line", H.Site->Loc.Line},
              {"column", H.Site->Loc.Column}}},
            {"callee", H.CalleeName}};
        if (!H.Via.empty())
          Link["via"] = H.Via;
        Chain.push_back(std::move(Link));
      }
      F.Details = {
          {"kind", "blocking-call"},
          {"coroutine", {{"id", Co.Id}, {"name", Co.Name}}},
          {"api", Api->Name},
          {"category", Api->Category},
          {"suggestion", Api->Alternative},
          {"context",
           {{"kind", executionContextName(Where.Kind)}, {"why", Where.Why}}},
          {"chain", Chain}};
      Found.push_back(std::move(F));
    }
  }
  mergeInstantiations(Found, Out);
  Stats["unresolved_calls_in_coroutines"] += Unresolved;
  Stats["coroutines_context_unknown"] += Contexts.unknownCount();
}

} // namespace concur
