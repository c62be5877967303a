//===- TakenObjects.cpp - Objects unlinked from shared lists under a lock -===//

#include "facts/TakenObjects.h"

#include <algorithm>

using namespace clang;

namespace concur {
namespace extract {

namespace {

/// Is P a place in the object the pointer at Pointer points to?
bool throughPointer(const AccessPath &P, const AccessPath &Pointer) {
  size_t N = Pointer.Steps.size();
  return P.Root == Pointer.Root && P.RootId == Pointer.RootId &&
         P.OwnerId == Pointer.OwnerId && P.Steps.size() > N &&
         std::equal(Pointer.Steps.begin(), Pointer.Steps.end(),
                    P.Steps.begin()) &&
         P.Steps[N] == "*";
}

} // namespace

void TakenObjects::noteLoad(const VarDecl *X, const Expr *Value) {
  // A new value for X ends what an earlier load into it may have become.
  Loads.erase(std::remove_if(Loads.begin(), Loads.end(),
                             [&](const Load &L) { return L.Local == X; }),
              Loads.end());
  if (!X || X->hasGlobalStorage() || !X->getType()->isPointerType() ||
      S.Paths.isEscaping(X) || !Value)
    return;
  const Expr *Loaded = Value->IgnoreParenCasts();
  // A pointer stored in memory others reach: a field or a global, not a
  // local of this function.
  if (!isa<MemberExpr>(Loaded) && !isa<DeclRefExpr>(Loaded))
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Loaded)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD || !VD->hasGlobalStorage())
      return;
  }
  if (!Loaded->getType()->isPointerType())
    return;
  Load L;
  L.Local = X;
  auto Source = S.Paths.pathOf(Loaded);
  auto Held = S.Paths.pointerValueOf(Value);
  if (!Source || !Held || Source->Root == AccessPath::RootKind::Local)
    return;
  L.Source = *Source;
  L.Value = *Held;
  for (const HeldLock &H : S.Locks.Now.Held)
    if (!isPseudoLock(H) && !H.Shared)
      L.Locks.push_back({H.Mutex, S.Locks.takenAt(H.Mutex)});
  if (L.Locks.empty())
    return;
  L.FirstAccess = S.Out.Accesses.size();
  Loads.push_back(std::move(L));
}

void TakenObjects::noteStore(const Expr *Target) {
  if (Loads.empty() || !Target->getType()->isPointerType())
    return;
  auto Written = S.Paths.pathOf(Target);
  if (!Written)
    return;
  for (auto It = Loads.begin(); It != Loads.end(); ++It) {
    if (!sameObject(It->Source, *Written))
      continue;
    // Under one of the load's locks, not let go and taken again since.
    bool Held = false;
    for (const auto &[Mutex, TakenAt] : It->Locks)
      if (S.Locks.Now.holds(Mutex) && S.Locks.takenAt(Mutex) == TakenAt)
        Held = true;
    // The local still holds what it loaded.
    auto Now = S.Paths.pointerValue(It->Local);
    if (!Held || !Now || !sameObject(*Now, It->Value))
      continue;
    // The object, marked as one take's: two takes never hold one object.
    AccessPath Taken = It->Value;
    Taken.Steps.push_back(TakenMark);
    // Until the write, the head was the object taken: what was done
    // through it since the load was done to that object.
    for (size_t I = It->FirstAccess; I < S.Out.Accesses.size(); ++I) {
      AccessPath &P = S.Out.Accesses[I].Path;
      if (throughPointer(P, It->Value))
        P.Steps.insert(P.Steps.begin() + It->Value.Steps.size(), TakenMark);
    }
    S.Paths.setPointerValue(It->Local, Taken);
    Loads.erase(It);
    return;
  }
}

} // namespace extract
} // namespace concur
