//===- FunctionScope.h - What one function's analysis shares --------------===//
//
// The state the parts of the per-function analysis share while the CFG walk
// visits the function: the lexical facts computed up front, the access
// paths and their aliases, the lock state at the current point, the context
// of the statement being visited and the program order of events.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_FUNCTIONSCOPE_H
#define CONCUR_FACTS_FUNCTIONSCOPE_H

#include "facts/AccessPaths.h"
#include "facts/ExtractInternal.h"
#include "facts/LexicalContext.h"
#include "facts/LockState.h"
#include "facts/UnpublishedObjects.h"

#include <climits>
#include <map>
#include <set>

namespace concur {
namespace extract {

struct FunctionScope {
  FunctionScope(TranslationUnitFacts &TU, const clang::FunctionDecl *FD,
                FunctionFacts &Out)
      : TU(TU), Lib(TU.Lib), FD(FD), Out(Out), Paths(TU, FD) {}

  TranslationUnitFacts &TU;
  const LibraryModel &Lib;
  const clang::FunctionDecl *FD;
  FunctionFacts &Out;
  LexicalContext Lexical;
  PathBuilder Paths;
  LockState Locks;
  /// The lexical context of the statement being visited, the statement,
  /// and where it is.
  const StmtContext *Here = nullptr;
  const clang::Stmt *Current = nullptr;
  SourceLoc CurrentLoc;
  /// Events in program order: the whole-program stage orders a thread's
  /// start and join against accesses by these numbers.
  unsigned Order = 0;
  /// The CFG block being walked (FunctionFacts::OrderBlocks).
  unsigned CurrentBlock = UINT_MAX;
  /// Walking an OpenMP region: the enclosing function's locals are shared
  /// by the team unless a clause makes them private.
  bool InRegion = false;
  /// Walked in order without its CFG (FunctionWalker::walkStraight): every
  /// branch's code looks as if it ran on every path, so nothing is taken
  /// as holding on every path (a flag's constant, a dereference).
  bool StraightWalk = false;
  /// A `goto` jumps back to code walked before this point: from here on,
  /// code may run again after what follows it (MemoryAccess::InLoop).
  bool InGotoLoop = false;
  /// The block being walked may run again: it reaches a loop's way back.
  /// (A loop's branch that returns or leaves it for good runs at most once
  /// per loop: its events keep no loop, MemoryAccess::Loop.)
  bool ComesRound = true;
  /// Locals that only ever hold one parameter's value, by the parameter
  /// (DecidedBranches.cpp, copiedParam).
  std::map<const clang::VarDecl *, const clang::ParmVarDecl *> ParamCopies;
  /// The keys (pathKey) of the stored flags that are static locals of this
  /// function only ever read or assigned here: no call but a recursive one
  /// can change them, so a call keeps them (FlowState::Stored).
  std::set<std::string> OwnStaticFlags;
  /// Switches with a case inside a loop of their body (DecidedBranches.cpp,
  /// caseInsideLoop), asked once each.
  std::map<const clang::SwitchStmt *, bool> CaseInsideLoop;
  /// In a CFG block from which every path ends the process (exit, abort,
  /// a failed assertion): nothing after it returns to the caller's loop.
  bool EndsProcess = false;
  std::set<const clang::VarDecl *> RegionPrivate;
  /// An awaited executor switch whose co_await is being reached.
  const clang::Expr *PendingAwait = nullptr;
  ExecutionContext PendingContext = ExecutionContext::Unknown;
  /// Variables holding the coroutine's own executor (co_await of an
  /// executor query), and where they were set.
  std::map<const clang::VarDecl *, std::string> ExecutorHolders;
  /// Kept thread ids read to compare them with the current thread's
  /// (findKeptIdReads).
  std::set<const clang::Expr *> KeptIdReads;
  /// Mutexes taken only where a test of their own state succeeded (a
  /// trylock's success edge, a flag's test-and-set): a caller of a function
  /// that may return holding one cannot take it as held.
  std::vector<AccessPath> TriedLocks;
  /// threads.emplace_back(f): where the thread started in place is kept.
  std::map<const clang::Expr *, AccessPath> InPlaceHandles;
  /// Uses of local pointers to an object the function made that nothing
  /// can have handed on yet (findUnpublishedUses).
  std::set<const clang::DeclRefExpr *> UnpublishedUses;
  /// Uses of such locals that hand their object on, alone, once per value
  /// (findUnpublishedUses' SoleHandOnMap).
  SoleHandOnMap SoleHandOns;
  /// In a constructor: the uses of `this` before any hand-on of it
  /// (findOwnedThisUses).
  std::set<const clang::CXXThisExpr *> OwnedThisUses;
  /// unreachedCalls() for the CFG block being walked.
  std::vector<unsigned> Unreached;
  /// For each parameter the function changes, the blocks of its CFG where
  /// it may no longer hold the value passed (changedParamBlocks); empty in
  /// an OpenMP region's walk, whose graph is its own.
  std::map<const clang::ParmVarDecl *, std::vector<bool>> ChangedParamBlocks;
  /// Every value the walk saw given to each integer local, with the CFG
  /// block it was given in; null for a change that is no plain assignment
  /// (`++rc`, `rc |= f()`). For statuses a return hands back
  /// (StartResults::settleStatusLocals).
  std::map<const clang::VarDecl *,
           std::vector<std::pair<const clang::Expr *, unsigned>>>
      IntegerLocalValues;
  /// Returns of such a local's status, settled once the walk is over:
  /// (index in Out.ReturnOutcomes, the local, negated).
  struct PendingStatusReturn {
    size_t Outcome;
    const clang::VarDecl *Local;
    bool Negated;
  };
  std::vector<PendingStatusReturn> PendingStatusReturns;

  /// May P hold a value the function gave it, at the end of the CFG block
  /// Block (UINT_MAX: anywhere)? A test there of the value passed decides
  /// the branch a call's argument takes only where it may not.
  bool paramMayBeChanged(const clang::ParmVarDecl *P, unsigned Block) const {
    if (!Paths.isModified(P))
      return false;
    if (InRegion)
      return true;
    auto It = ChangedParamBlocks.find(P);
    return It == ChangedParamBlocks.end() || Block >= It->second.size() ||
           It->second[Block];
  }

  unsigned nextOrder() {
    if (Locks.Now.Reached.size() <= Order)
      Locks.Now.Reached.resize(Order + 1);
    Locks.Now.Reached.set(Order);
    if (Out.OrderBlocks.size() <= Order)
      Out.OrderBlocks.resize(Order + 1, UINT_MAX);
    Out.OrderBlocks[Order] = CurrentBlock;
    return Order++;
  }
  /// A mark on what the call Call (to Callee) returned, named by the
  /// call's order and shown as "callee()"; the caller adds its steps.
  /// None where the walk has not numbered the call.
  std::optional<HeldLock> callResultMark(const clang::CallExpr *Call,
                                         const clang::FunctionDecl *Callee) {
    std::optional<unsigned> At = Paths.orderOf(Call);
    if (!At)
      return std::nullopt;
    HeldLock L;
    L.Mutex = returnPath(*At, TU.displayName(Callee) + "()");
    return L;
  }
  /// A release or acquire of an object, in program order (Volatile: a
  /// volatile flag's handshake, SyncEvent::Volatile).
  void addSync(const AccessPath &Object, bool Release, bool Volatile = false) {
    SyncEvent E{Object, Release, nextOrder()};
    E.Volatile = Volatile;
    Out.Syncs.push_back(std::move(E));
  }
  /// The calls so far that are on no path to here (by their order): their
  /// lock effects do not reach here. Set where a CFG block begins (every
  /// call the block itself makes is on the path).
  const std::vector<unsigned> &unreachedCalls() const { return Unreached; }
  void enterBlock() {
    Unreached.clear();
    if (Locks.Now.Reached.count() == Order)
      return;
    for (const CallSite &C : Out.Calls)
      if (C.Order >= Locks.Now.Reached.size() || !Locks.Now.Reached[C.Order])
        Unreached.push_back(C.Order);
  }
  const clang::Expr *skip(const clang::Expr *E) const {
    return Lib.skipWrappers(E);
  }
  /// The locks held here: the flow's and the enclosing critical sections'.
  std::vector<HeldLock> heldHere() const {
    std::vector<HeldLock> Held = Locks.Now.Held;
    if (Here)
      Held.insert(Held.end(), Here->Critical.begin(), Here->Critical.end());
    return Held;
  }
  /// Locks held here on some paths only, as the race check reads them: real
  /// locks, and the lock of a call's result tested not null (a trylock
  /// wrapper's); not the other marks held like locks. A later release in
  /// the whole program may settle them (a lock handed over).
  std::vector<HeldLock> maybeHeldHere() const {
    std::vector<HeldLock> Maybe;
    for (const HeldLock &L : Locks.Now.MaybeHeld)
      if (!isPseudoLock(L) || isLockedOnReturn(L))
        Maybe.push_back(L);
    return Maybe;
  }
};

} // namespace extract
} // namespace concur

#endif // CONCUR_FACTS_FUNCTIONSCOPE_H
