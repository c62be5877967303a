//===- CallResolution.cpp - Virtual and indirect calls, whole program -----===//

#include "program/CallResolution.h"

#include <algorithm>
#include <deque>
#include <optional>
#include <set>

namespace concur {
namespace {

struct StoredTarget {
  std::string Id;
  std::string Name;
  SourceLoc SetAt;
  /// The one program the stored value exists in, or "" for any.
  std::string Program;
  /// The global objects whose initialisers put it into the slot (a field),
  /// or none when it may be in any object's (CallTarget::Objects).
  std::vector<std::string> Objects;
  /// The functions that stored it, or none when an initialiser did
  /// (CallTarget::StoredBy).
  std::vector<std::string> StoredBy;
};

/// A value that exists in program A and flows through code of program B:
/// B's own code runs only in B, so the value is in both or in neither.
std::optional<std::string> withinProgram(const std::string &A,
                                         const std::string &B) {
  if (A.empty() || A == B)
    return B;
  if (B.empty())
    return A;
  return std::nullopt;
}

/// The same value reaching a slot in two programs: in either.
std::string eitherProgram(const std::string &A, const std::string &B) {
  return A == B ? A : std::string();
}

class Resolver {
public:
  Resolver(std::map<std::string, FunctionFacts> &Functions,
           const std::vector<MethodOverride> &Overrides,
           const std::vector<CallableStore> &GlobalStores,
           const std::set<std::string> &ProgramFiles)
      : Functions(Functions), GlobalStores(GlobalStores),
        ProgramFiles(ProgramFiles) {
    for (const MethodOverride &O : Overrides) {
      auto &List = Overriders[O.OverriddenId];
      if (std::none_of(List.begin(), List.end(),
                       [&](const auto &M) { return M.first == O.MethodId; }))
        List.push_back({O.MethodId, O.MethodName});
    }
  }

  void run(std::vector<UnresolvedCall> &Unresolved) {
    collectStores();
    propagate();
    findParameterCalls();
    for (auto &[Id, F] : Functions) {
      for (CallSite &C : F.Calls) {
        if (C.Kind == CallKind::Virtual)
          resolveVirtual(F, C, Unresolved);
        else if (C.Kind == CallKind::Indirect)
          resolveIndirect(F, C, Unresolved);
      }
      for (CallSite &C : F.Calls)
        if (C.Kind == CallKind::Direct && !C.CallableArgs.empty())
          resolveArguments(F, C);
      for (Spawn &S : F.Spawns)
        for (const std::string &Slot : S.EntrySlots)
          for (const auto &[TargetId, T] : Holds[Slot])
            if (std::find(S.EntryIds.begin(), S.EntryIds.end(), TargetId) ==
                S.EntryIds.end()) {
              S.EntryPrograms.resize(S.EntryIds.size());
              S.EntryFromSlots.resize(S.EntryIds.size());
              S.EntryIds.push_back(TargetId);
              S.EntryNames.push_back(T.Name);
              S.EntryPrograms.push_back(T.Program);
              S.EntryFromSlots.push_back(Slot);
            }
    }
  }

private:
  /// The program a function exists only in: the file holding the main it
  /// is defined next to, or "" for code every program may link.
  std::string programOf(const std::string &Id) const {
    auto It = Functions.find(Id);
    return It == Functions.end()
               ? ""
               : programOfFile(ProgramFiles, It->second.Loc.File);
  }

  /// How messages name a function: by its facts, which carry its name.
  std::string nameOf(const std::string &Id) const {
    auto It = Functions.find(Id);
    return It == Functions.end() ? Id : It->second.Name;
  }

  /// Every method overriding Method, directly or through other overrides.
  std::vector<std::pair<std::string, std::string>>
  overridersOf(const std::string &Method) const {
    std::vector<std::pair<std::string, std::string>> Out;
    std::set<std::string> Seen = {Method};
    std::deque<std::string> Queue = {Method};
    while (!Queue.empty()) {
      auto It = Overriders.find(Queue.front());
      Queue.pop_front();
      if (It == Overriders.end())
        continue;
      for (const auto &M : It->second)
        if (Seen.insert(M.first).second) {
          Out.push_back(M);
          Queue.push_back(M.first);
        }
    }
    return Out;
  }

  /// A parameter slot of an overridden method is also the parameter slot of
  /// each method overriding it: a virtual call passes its arguments there.
  std::vector<std::string> withOverrides(const std::string &Slot) const {
    std::vector<std::string> Slots = {Slot};
    if (Slot.rfind("param:", 0) != 0)
      return Slots;
    size_t Hash = Slot.rfind('#');
    if (Hash == std::string::npos)
      return Slots;
    std::string Method = Slot.substr(6, Hash - 6);
    for (const auto &[Id, Name] : overridersOf(Method))
      Slots.push_back("param:" + Id + Slot.substr(Hash));
    return Slots;
  }

  /// A store made by code of one program (Program) exists only there.
  void collectStores() {
    auto Collect = [&](const CallableStore &S, const std::string &Program,
                       const std::string &Function) {
      for (const std::string &Slot : withOverrides(S.Slot)) {
        SlotNames.emplace(Slot, S.SlotName);
        if (!S.TargetId.empty()) {
          auto In = withinProgram(programOf(S.TargetId), Program);
          if (In) {
            Direct[Slot].push_back(
                {S.TargetId, nameOf(S.TargetId), S.Loc, *In, {}, {}});
            if (!S.Object.empty())
              Direct[Slot].back().Objects.push_back(S.Object);
            if (!Function.empty())
              Direct[Slot].back().StoredBy.push_back(Function);
          }
        } else if (!S.FromSlot.empty()) {
          auto [It, New] = Edges[S.FromSlot].emplace(Slot, Program);
          if (!New)
            It->second = eitherProgram(It->second, Program);
        }
      }
    };
    for (const auto &[Id, F] : Functions)
      for (const CallableStore &S : F.Stores)
        Collect(S, programOf(Id), Id);
    for (const CallableStore &S : GlobalStores)
      Collect(S, programOfFile(ProgramFiles, S.Loc.File), "");
  }

  /// Adds T to what a slot holds; true when that changed it.
  static bool hold(std::map<std::string, StoredTarget> &Slot,
                   const StoredTarget &T) {
    auto [It, New] = Slot.emplace(T.Id, T);
    if (New)
      return true;
    // In the fields of these objects and no other, or in any object's.
    std::vector<std::string> &Objects = It->second.Objects;
    if (Objects.empty() || T.Objects.empty())
      Objects.clear();
    else
      for (const std::string &O : T.Objects)
        if (!std::count(Objects.begin(), Objects.end(), O))
          Objects.push_back(O);
    // Stored by any of these functions, or by an initialiser (always there).
    bool Changed = false;
    std::vector<std::string> &By = It->second.StoredBy;
    if (!By.empty() && T.StoredBy.empty()) {
      By.clear();
      Changed = true;
    } else if (!By.empty()) {
      for (const std::string &F : T.StoredBy)
        if (!std::count(By.begin(), By.end(), F)) {
          By.push_back(F);
          Changed = true;
        }
    }
    std::string Either = eitherProgram(It->second.Program, T.Program);
    if (Either == It->second.Program)
      return Changed;
    It->second.Program = Either;
    return true;
  }

  void propagate() {
    std::deque<std::string> Work;
    for (const auto &[Slot, Targets] : Direct) {
      for (const StoredTarget &T : Targets)
        hold(Holds[Slot], T);
      Work.push_back(Slot);
    }
    std::set<std::string> Queued(Work.begin(), Work.end());
    while (!Work.empty()) {
      std::string Slot = Work.front();
      Work.pop_front();
      Queued.erase(Slot);
      // A copy of a container copies its elements: edges from X also carry
      // what X[] holds to the copy's X[].
      std::string Base = Slot, Suffix;
      while (true) {
        auto It = Edges.find(Base);
        if (It != Edges.end())
          for (const auto &[To, EdgeProgram] : It->second) {
            std::string Into = To + Suffix;
            if (Into == Slot)
              continue;
            const auto &From = Holds[Slot];
            auto &Dest = Holds[Into];
            bool Changed = false;
            for (const auto &[Id, T] : From)
              if (auto In = withinProgram(T.Program, EdgeProgram)) {
                StoredTarget Copy = T;
                Copy.Program = *In;
                // Copied out of the objects' fields: in any object's now.
                Copy.Objects.clear();
                Changed |= hold(Dest, Copy);
              }
            if (Changed && Queued.insert(Into).second)
              Work.push_back(Into);
          }
        if (Base.size() < 2 || Base.compare(Base.size() - 2, 2, "[]") != 0)
          break;
        Base.resize(Base.size() - 2);
        Suffix += "[]";
      }
    }
  }

  static std::string paramSlot(const std::string &Function, unsigned Index) {
    return "param:" + Function + "#" + std::to_string(Index);
  }

  /// Which parameters each function calls: through the parameter itself,
  /// or by passing it on to a parameter that its callee calls.
  void findParameterCalls() {
    std::map<std::pair<std::string, unsigned>,
             std::vector<std::pair<std::string, unsigned>>>
        PassedOnBy;
    std::deque<std::pair<std::string, unsigned>> Work;
    for (auto &[Id, F] : Functions) {
      std::string Own = "param:" + Id + "#";
      for (CallSite &C : F.Calls)
        if (auto Index = ownParamSlotIndex(C.Slot, Id);
            Index && C.Kind == CallKind::Indirect) {
          C.ThroughParam = static_cast<int>(*Index);
          if (Invokes[Id].insert(C.ThroughParam).second)
            Work.push_back({Id, C.ThroughParam});
        }
      for (const CallableStore &S : F.Stores) {
        if (S.FromSlot.rfind(Own, 0) != 0 || S.Slot.rfind("param:", 0) != 0 ||
            S.FromSlot.find('[') != std::string::npos)
          continue;
        size_t Hash = S.Slot.rfind('#');
        if (Hash == std::string::npos || S.Slot.find('[') != std::string::npos)
          continue;
        PassedOnBy[{S.Slot.substr(6, Hash - 6),
                    static_cast<unsigned>(std::stoi(S.Slot.substr(Hash + 1)))}]
            .push_back({Id, static_cast<unsigned>(
                                std::stoi(S.FromSlot.substr(Own.size())))});
      }
    }
    while (!Work.empty()) {
      auto Called = Work.front();
      Work.pop_front();
      for (const auto &[Caller, Index] : PassedOnBy[Called])
        if (Invokes[Caller].insert(Index).second)
          Work.push_back({Caller, Index});
    }
  }

  /// A call passing callables to parameters its callee calls runs them:
  /// what it passes is known here, precisely, not merged over all callers.
  void resolveArguments(const FunctionFacts &F, CallSite &C) {
    auto Called = Invokes.find(C.CalleeId);
    if (Called == Invokes.end())
      return;
    std::string Own = "param:" + F.Id + "#";
    for (const CallableArg &A : C.CallableArgs) {
      if (!Called->second.count(A.Index))
        continue;
      std::string Param = paramSlot(C.CalleeId, A.Index);
      auto Name = SlotNames.find(Param);
      std::string Via = "through parameter '" +
                        (Name == SlotNames.end() ? std::to_string(A.Index + 1)
                                                 : Name->second) +
                        "' of '" + C.CalleeName + "'";
      for (size_t I = 0; I < A.TargetIds.size(); ++I)
        C.ArgTargets.push_back({A.TargetIds[I], nameOf(A.TargetIds[I]), Via,
                                C.CalleeId, static_cast<int>(A.Index),
                                programOf(A.TargetIds[I])});
      // Passing on one's own parameter: the callers of F give its targets.
      if (A.FromSlot.empty() || A.FromSlot.rfind(Own, 0) == 0)
        continue;
      auto Held = Holds.find(A.FromSlot);
      if (Held != Holds.end())
        for (const auto &[Id, T] : Held->second)
          C.ArgTargets.push_back({Id, T.Name, Via, C.CalleeId,
                                  static_cast<int>(A.Index), T.Program});
    }
  }

  void resolveVirtual(const FunctionFacts &F, CallSite &C,
                      std::vector<UnresolvedCall> &Unresolved) {
    if (Functions.count(C.CalleeId))
      C.Targets.push_back({C.CalleeId, C.CalleeName,
                           "through '" + C.CalleeName + "' (virtual)"});
    for (const auto &[Id, Name] : overridersOf(C.CalleeId))
      if (Functions.count(Id))
        C.Targets.push_back(
            {Id, Name,
             "through '" + C.CalleeName + "', overridden by '" + Name + "'", "",
             -1, programOf(Id)});
    if (C.Targets.empty())
      Unresolved.push_back({F.Id, F.Name, C.Loc, C.Kind, C.CalleeName,
                            "no definition of '" + C.CalleeName +
                                "' or of an override in the analysed files"});
  }

  void resolveIndirect(const FunctionFacts &F, CallSite &C,
                       std::vector<UnresolvedCall> &Unresolved) {
    if (C.Slot.empty()) {
      Unresolved.push_back({F.Id, F.Name, C.Loc, C.Kind, C.CalleeName,
                            "called through an expression concur does not "
                            "follow"});
      return;
    }
    auto It = Holds.find(C.Slot);
    if (It == Holds.end() || It->second.empty()) {
      Unresolved.push_back(
          {F.Id, F.Name, C.Loc, C.Kind, C.CalleeName,
           "nothing concur sees is stored into '" + C.SlotName + "'"});
      return;
    }
    for (const auto &[Id, T] : It->second)
      C.Targets.push_back({Id, T.Name,
                           "through '" + C.SlotName + "' (" + C.CalleeName +
                               "), set at " + shortLocation(T.SetAt),
                           "", -1, T.Program, T.Objects, T.StoredBy});
  }

  std::map<std::string, FunctionFacts> &Functions;
  const std::vector<CallableStore> &GlobalStores;
  const std::set<std::string> &ProgramFiles;
  std::map<std::string, std::vector<std::pair<std::string, std::string>>>
      Overriders;
  std::map<std::string, std::vector<StoredTarget>> Direct;
  /// Copies from slot to slot, each with the program whose code makes it.
  std::map<std::string, std::map<std::string, std::string>> Edges;
  std::map<std::string, std::map<std::string, StoredTarget>> Holds;
  std::map<std::string, std::string> SlotNames;
  std::map<std::string, std::set<unsigned>> Invokes;
};

} // namespace

std::optional<unsigned> ownParamSlotIndex(const std::string &Slot,
                                          const std::string &Function) {
  std::string Own = "param:" + Function + "#";
  if (Slot.size() == Own.size() || Slot.compare(0, Own.size(), Own) != 0 ||
      Slot.find_first_not_of("0123456789", Own.size()) != std::string::npos)
    return std::nullopt;
  return static_cast<unsigned>(std::stoul(Slot.substr(Own.size())));
}

std::string programOfFile(const std::set<std::string> &ProgramFiles,
                          const std::string &File) {
  return ProgramFiles.count(File) ? File : std::string();
}

void resolveCalls(std::map<std::string, FunctionFacts> &Functions,
                  const std::vector<MethodOverride> &Overrides,
                  const std::vector<CallableStore> &GlobalStores,
                  const std::set<std::string> &ProgramFiles,
                  std::vector<UnresolvedCall> &Unresolved) {
  Resolver(Functions, Overrides, GlobalStores, ProgramFiles).run(Unresolved);
}

} // namespace concur
