//===- Program.cpp - The whole-program view -------------------------------===//

#include "program/Program.h"
#include "program/DescriptorResolution.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace concur {

bool globMatches(const std::string &Pattern, const std::string &Name) {
  size_t P = 0, N = 0, Star = std::string::npos, Mark = 0;
  while (N < Name.size()) {
    if (P < Pattern.size() && Pattern[P] == '*') {
      Star = P++;
      Mark = N;
    } else if (P < Pattern.size() && Pattern[P] == Name[N]) {
      ++P;
      ++N;
    } else if (Star != std::string::npos) {
      P = Star + 1;
      N = ++Mark;
    } else {
      return false;
    }
  }
  while (P < Pattern.size() && Pattern[P] == '*')
    ++P;
  return P == Pattern.size();
}

Program Program::merge(std::vector<FileFacts> Inputs) {
  Program P;
  std::map<
      std::string,
      std::set<std::tuple<unsigned, std::string, std::vector<std::string>>>>
      SeenSuppressions;
  std::vector<MethodOverride> Overrides;
  std::vector<CallableStore> GlobalStores;
  for (FileFacts &F : Inputs) {
    GlobalStores.insert(GlobalStores.end(), F.GlobalStores.begin(),
                        F.GlobalStores.end());
    P.GlobalAddressEscapes.insert(P.GlobalAddressEscapes.end(),
                                  F.GlobalAddressEscapes.begin(),
                                  F.GlobalAddressEscapes.end());
    P.Files.push_back({F.File, F.Parsed, F.FirstError});
    Overrides.insert(Overrides.end(), F.Overrides.begin(), F.Overrides.end());
    for (FunctionFacts &Fn : F.Functions) {
      auto It = P.Functions.find(Fn.Id);
      if (It == P.Functions.end()) {
        P.Functions.emplace(Fn.Id, std::move(Fn));
      } else if (It->second.Loc.File != Fn.Loc.File) {
        // Another definition elsewhere: a second program in the same
        // database (each test or tool has its own main). Calls resolve to
        // the first (unless it is a program's own and this one is not:
        // below); this one stays visible under its own id.
        std::string Id = Fn.Id + "@" + Fn.Loc.File;
        Fn.Id = Id;
        P.Functions.emplace(Id, std::move(Fn));
      }
      // The same definition seen again through a header: kept once.
    }
    for (Workload &W : F.Workloads)
      if (std::none_of(P.Workloads.begin(), P.Workloads.end(),
                       [&](const Workload &Seen) {
                         return Seen.Name == W.Name && Seen.Loc == W.Loc;
                       }))
        P.Workloads.push_back(std::move(W));
    for (Suppression &S : F.Suppressions)
      if (SeenSuppressions[S.File].insert({S.Line, S.Kind, S.Checks}).second)
        P.Suppressions[S.File].push_back(std::move(S));
  }
  // Each file defining a main is a program of its own, linked with the
  // code of files that define none.
  for (const auto &[Id, F] : P.Functions)
    if (F.Name == "main" && !F.IsLambda)
      P.ProgramFiles.insert(F.Loc.File);
  // A function defined in a program's own file (a test's stub of a lock
  // wrapper) and in code every program links: the calls from elsewhere are
  // to the linked one, whichever file came first.
  std::vector<std::pair<std::string, std::string>> Linked;
  for (const auto &[Id, F] : P.Functions) {
    size_t At = Id.rfind("@" + F.Loc.File);
    if (At == std::string::npos || At + 1 + F.Loc.File.size() != Id.size())
      continue;
    auto First = P.Functions.find(Id.substr(0, At));
    if (First != P.Functions.end() &&
        !programOfFile(P.ProgramFiles, First->second.Loc.File).empty() &&
        programOfFile(P.ProgramFiles, F.Loc.File).empty())
      Linked.push_back({First->first, Id});
  }
  for (const auto &[Plain, Copy] : Linked) {
    FunctionFacts Shared = std::move(P.Functions.at(Copy));
    FunctionFacts Own = std::move(P.Functions.at(Plain));
    P.Functions.erase(Copy);
    Shared.Id = Plain;
    Own.Id = Plain + "@" + Own.Loc.File;
    P.Functions[Plain] = std::move(Shared);
    P.Functions[Own.Id] = std::move(Own);
  }
  // A second program's calls to its own copy of a function (same USR,
  // another file) stay in that file: rewrite the calls made from it.
  std::map<std::pair<std::string, std::string>, std::string> LocalCopies;
  for (const auto &[Id, F] : P.Functions) {
    size_t At = Id.rfind("@" + F.Loc.File);
    if (At != std::string::npos && At + 1 + F.Loc.File.size() == Id.size())
      LocalCopies[{Id.substr(0, At), F.Loc.File}] = Id;
  }
  if (!LocalCopies.empty())
    for (auto &[Id, F] : P.Functions) {
      auto Local = [&](std::string &Callee) {
        auto It = LocalCopies.find({Callee, F.Loc.File});
        if (It != LocalCopies.end())
          Callee = It->second;
      };
      for (CallSite &C : F.Calls)
        Local(C.CalleeId);
      for (Spawn &S : F.Spawns)
        for (std::string &Entry : S.EntryIds)
          Local(Entry);
      if (F.OpenMP)
        for (OmpNode &N : F.OpenMP->Nodes)
          if (N.Kind == OmpNodeKind::Call)
            Local(N.Callee);
    }
  resolveCalls(P.Functions, Overrides, GlobalStores, P.ProgramFiles,
               P.Unresolved);
  resolveDescriptors(P.Functions);
  for (auto &[File, List] : P.Suppressions)
    std::sort(List.begin(), List.end(),
              [](const Suppression &A, const Suppression &B) {
                return A.Line < B.Line;
              });
  return P;
}

std::string Program::programOf(const FunctionFacts &F) const {
  return programOfFile(ProgramFiles, F.Loc.File);
}

static bool names(const Suppression &S, const std::string &Check) {
  if (S.Checks.empty())
    return true;
  return std::any_of(
      S.Checks.begin(), S.Checks.end(),
      [&](const std::string &Pattern) { return globMatches(Pattern, Check); });
}

bool Program::isSuppressed(const SourceLoc &Loc,
                           const std::string &Check) const {
  auto It = Suppressions.find(Loc.File);
  if (It == Suppressions.end())
    return false;
  int Open = 0;
  for (const Suppression &S : It->second) {
    if (S.Kind == "NOLINT" && S.Line == Loc.Line && names(S, Check))
      return true;
    if (S.Kind == "NOLINTNEXTLINE" && S.Line + 1 == Loc.Line && names(S, Check))
      return true;
    if (S.Line < Loc.Line && names(S, Check)) {
      if (S.Kind == "NOLINTBEGIN")
        ++Open;
      else if (S.Kind == "NOLINTEND" && Open > 0)
        --Open;
    }
  }
  return Open > 0;
}

} // namespace concur
