//===- LockState.cpp - The locks held at a point of a function ------------===//

#include "facts/LockState.h"
#include "facts/AccessPaths.h"

#include <algorithm>
#include <map>

namespace concur {
namespace extract {

/// Does Paths name P's object?
static bool hasObject(const std::vector<AccessPath> &Paths,
                      const AccessPath &P) {
  return std::any_of(Paths.begin(), Paths.end(),
                     [&](const AccessPath &Q) { return sameObject(P, Q); });
}

std::vector<HeldLock> Guard::locks() const {
  std::vector<HeldLock> Locks;
  for (const AccessPath &M : Mutexes)
    Locks.push_back({M, Shared});
  return Locks;
}

bool FlowState::holds(const AccessPath &Mutex) const {
  return std::any_of(Held.begin(), Held.end(), [&](const HeldLock &L) {
    return sameObject(L.Mutex, Mutex);
  });
}

bool FlowState::isReady(const AccessPath &Path) const {
  return std::any_of(Ready.begin(), Ready.end(), [&](const AccessPath &R) {
    return R.Root == Path.Root && R.RootId == Path.RootId &&
           R.Steps.size() <= Path.Steps.size() &&
           std::equal(R.Steps.begin(), R.Steps.end(), Path.Steps.begin());
  });
}

FlowState FlowState::join(const FlowState &A, const FlowState &B) {
  FlowState R;
  R.OffLoop = A.OffLoop && B.OffLoop;
  R.SwitchedTo = !R.OffLoop                     ? ExecutionContext::None
                 : A.SwitchedTo == B.SwitchedTo ? A.SwitchedTo
                                                : ExecutionContext::Unknown;
  auto In = [](const std::vector<HeldLock> &Locks, const HeldLock &L) {
    return std::any_of(Locks.begin(), Locks.end(), [&](const HeldLock &M) {
      return M.Shared == L.Shared && sameObject(M.Mutex, L.Mutex);
    });
  };
  for (const HeldLock &L : A.Held)
    if (In(B.Held, L))
      R.Held.push_back(L);
  // A flag tested on both ways with other values holds one of either's
  // (`if (s == 1) break; ... if (s == 2) break;`: after the loop, s is 1
  // or 2).
  auto Tests = [](const std::vector<HeldLock> &Locks) {
    std::map<std::string, std::pair<AccessPath, FlagValues>> ByPlace;
    for (const HeldLock &L : Locks)
      if (std::optional<FlagTest> T = flagTestOf(L)) {
        FlagValues V = FlagValues::parse(T->Values);
        std::string Key = pathKey(T->Place);
        auto [It, New] = ByPlace.try_emplace(Key, T->Place, V);
        if (!New)
          It->second.second = It->second.second.intersect(V);
      }
    return ByPlace;
  };
  if (std::any_of(A.Held.begin(), A.Held.end(), isFlagTest) &&
      std::any_of(B.Held.begin(), B.Held.end(), isFlagTest)) {
    auto OnB = Tests(B.Held);
    for (const auto &[Key, OnA] : Tests(A.Held)) {
      auto Other = OnB.find(Key);
      if (Other == OnB.end())
        continue;
      FlagValues Either = OnA.second.unite(Other->second.second);
      if (Either.everything())
        continue;
      HeldLock Mark{OnA.first, false};
      appendStep(Mark.Mutex, Either.str());
      appendStep(Mark.Mutex, FlagTestMark);
      if (!In(R.Held, Mark))
        R.Held.push_back(std::move(Mark));
    }
  }
  // Held on either path (and not held for certain): maybe held.
  for (const std::vector<HeldLock> *Locks :
       {&A.Held, &A.MaybeHeld, &B.Held, &B.MaybeHeld})
    for (const HeldLock &L : *Locks)
      if (!In(R.Held, L) && !In(R.MaybeHeld, L))
        R.MaybeHeld.push_back(L);
  // Given back on either path: it may be given back.
  R.Released = A.Released;
  for (const AccessPath &P : B.Released)
    if (!hasObject(R.Released, P))
      R.Released.push_back(P);
  // Given back on both paths: given back for certain.
  for (const AccessPath &P : A.GivenBack)
    if (hasObject(B.GivenBack, P))
      R.GivenBack.push_back(P);
  for (const auto &[Key, Flag] : A.Stored) {
    auto Other = B.Stored.find(Key);
    if (Other != B.Stored.end() && Other->second.Value == Flag.Value)
      R.Stored.emplace(Key, Flag);
  }
  for (const AccessPath &P : A.Ready)
    if (hasObject(B.Ready, P))
      R.Ready.push_back(P);
  R.Reached = A.Reached;
  if (R.Reached.size() < B.Reached.size())
    R.Reached.resize(B.Reached.size());
  R.Reached |= B.Reached;
  // Bits past a state's end are calls that state never made.
  R.MustCalled = A.MustCalled;
  if (R.MustCalled.size() > B.MustCalled.size())
    R.MustCalled.resize(B.MustCalled.size());
  llvm::BitVector Other = B.MustCalled;
  Other.resize(R.MustCalled.size());
  R.MustCalled &= Other;
  for (const clang::VarDecl *VD : A.NonNull)
    if (B.NonNull.count(VD))
      R.NonNull.insert(VD);
  // A guard in scope on both paths; it holds its mutexes only if both
  // paths left them held.
  for (const auto &[Var, G] : A.Guards) {
    auto Other = B.Guards.find(Var);
    if (Other == B.Guards.end())
      continue;
    Guard Joined = G;
    Joined.Held = G.Held && Other->second.Held;
    R.Guards[Var] = std::move(Joined);
  }
  return R;
}

void LockState::lock(const std::vector<HeldLock> &Locks, const SourceLoc &At) {
  for (const HeldLock &L : Locks) {
    Now.Held.push_back(L);
    TakenAt[pathKey(L.Mutex)] = At;
  }
}

SourceLoc LockState::takenAt(const AccessPath &Mutex) const {
  auto It = TakenAt.find(pathKey(Mutex));
  return It == TakenAt.end() ? SourceLoc() : It->second;
}

void LockState::forget(const std::vector<AccessPath> &Mutexes) {
  for (const AccessPath &M : Mutexes) {
    Now.MaybeHeld.erase(std::remove_if(Now.MaybeHeld.begin(),
                                       Now.MaybeHeld.end(),
                                       [&](const HeldLock &L) {
                                         return sameObject(L.Mutex, M);
                                       }),
                        Now.MaybeHeld.end());
    auto It =
        std::find_if(Now.Held.rbegin(), Now.Held.rend(),
                     [&](const HeldLock &L) { return sameObject(L.Mutex, M); });
    if (It != Now.Held.rend())
      Now.Held.erase(std::next(It).base());
  }
}

void LockState::unlock(const std::vector<AccessPath> &Mutexes,
                       std::vector<AccessPath> &ReleasesOnExit) {
  for (const AccessPath &M : Mutexes) {
    EverReleased.push_back(M);
    auto Maybe = std::remove_if(
        Now.MaybeHeld.begin(), Now.MaybeHeld.end(),
        [&](const HeldLock &L) { return sameObject(L.Mutex, M); });
    bool MaybeTaken = Maybe != Now.MaybeHeld.end();
    Now.MaybeHeld.erase(Maybe, Now.MaybeHeld.end());
    auto It =
        std::find_if(Now.Held.rbegin(), Now.Held.rend(),
                     [&](const HeldLock &L) { return sameObject(L.Mutex, M); });
    if (It != Now.Held.rend())
      Now.Held.erase(std::next(It).base());
    else {
      if (!MaybeTaken)
        Untaken.push_back(M);
      // Taken by whoever called us, or by a callee of ours.
      if (!hasObject(ReleasesOnExit, M))
        ReleasesOnExit.push_back(M);
      Now.Released.push_back(M);
      if (!hasObject(Now.GivenBack, M))
        Now.GivenBack.push_back(M);
    }
  }
}

void LockState::addGuard(const clang::VarDecl *Var, Guard G, bool Locks,
                         const SourceLoc &At) {
  if (Locks) {
    lock(G.locks(), At);
    G.Held = true;
  }
  Now.Guards[Var] = std::move(G);
}

Guard *LockState::guardOf(const clang::VarDecl *Var) {
  auto It = Now.Guards.find(Var);
  return It == Now.Guards.end() ? nullptr : &It->second;
}

void LockState::endGuard(const clang::VarDecl *Var,
                         std::vector<AccessPath> &ReleasesOnExit) {
  auto It = Now.Guards.find(Var);
  if (It == Now.Guards.end())
    return;
  if (It->second.Held)
    unlock(It->second.Mutexes, ReleasesOnExit);
  Now.Guards.erase(It);
}

void FlowState::forgetStored(const AccessPath &Written) {
  // Through a pointer concur cannot follow, it may be any flag.
  bool Unknown = Written.RootId.empty() ||
                 (!Written.Steps.empty() && Written.Steps.back() == "*");
  std::string Key = pathKey(Written);
  auto MayBe = [&](const AccessPath &Place) {
    bool SameName = Place.Steps.empty() || Written.Steps.empty()
                        ? Place.RootId == Written.RootId
                        : Place.Steps.back() == Written.Steps.back();
    return Unknown || SameName || pathKey(Place).rfind(Key, 0) == 0;
  };
  for (auto It = Stored.begin(); It != Stored.end();)
    It = MayBe(It->second.Place) ? Stored.erase(It) : std::next(It);
  Held.erase(std::remove_if(Held.begin(), Held.end(),
                            [&](const HeldLock &L) {
                              std::optional<FlagTest> Test = flagTestOf(L);
                              return Test && MayBe(Test->Place);
                            }),
             Held.end());
}

} // namespace extract
} // namespace concur
