//===- LockState.h - The locks held at a point of a function --------------===//
//
// Models (as clang's Thread Safety Analysis does with its FactSet): the
// locks held at a point of the CFG, each a mutex path and whether it is
// shared; the guard variables in scope (lock_guard, unique_lock, a
// SCOPED_CAPABILITY class), which mutexes they own and whether they hold
// them now; and whether a coroutine has moved to another executor. Where
// paths meet, a lock is held only if it is held on every incoming path, and
// a switch of executor counts only if every path made it.
//
// Also here: which objects (futures, tasks, results) are known complete,
// and which integer flags hold a constant set on every path (StoredFlag),
// with the same join.
//
// Does not model: lock counts of recursive mutexes (a lock is held or not).
// Locks held on some paths but not others are dropped at the join (where
// TSA would warn) and kept as MaybeHeld: the race check counts them held
// only where a later release of the lock settles which path was taken.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_LOCKSTATE_H
#define CONCUR_FACTS_LOCKSTATE_H

#include "facts/Facts.h"

#include "clang/AST/Decl.h"
#include "llvm/ADT/BitVector.h"

#include <map>
#include <set>
#include <vector>

namespace concur {
namespace extract {

/// A guard variable: the mutexes it owns, and whether it holds them now
/// (not after unlock(), nor when constructed deferred).
struct Guard {
  std::vector<AccessPath> Mutexes;
  bool Shared = false;
  bool Held = false;

  std::vector<HeldLock> locks() const;
};

struct FlowState {
  bool OffLoop = false;
  /// Where a coroutine runs after its awaited switches (None: where it
  /// started).
  ExecutionContext SwitchedTo = ExecutionContext::None;
  std::vector<HeldLock> Held;
  /// Held on some path here, not on every one (a guard unlocked in one
  /// branch): what a suspension may hold.
  std::vector<HeldLock> MaybeHeld;
  std::map<const clang::VarDecl *, Guard> Guards;
  /// Locks given back here that were not taken here (a callee took them).
  std::vector<AccessPath> Released;
  /// Those of Released given back on every path here: the callers' locks
  /// this call of the function no longer holds, unless it took them again
  /// (Held says).
  std::vector<AccessPath> GivenBack;
  /// Objects known complete here: awaited, awaited together (when_all),
  /// produced by a co_await, or tested ready. Waiting on them returns at
  /// once.
  std::vector<AccessPath> Ready;
  /// Integer fields and globals given a constant on every path to here,
  /// by key (StoredFlag).
  std::map<std::string, StoredFlag> Stored;
  /// The events (by program order) on some path to here: a call's lock
  /// effects reach what it is on a path to, not what merely follows it in
  /// program order (an unlock() in the branch that returns early).
  llvm::BitVector Reached;
  /// The kinds of call (callee and arguments, FunctionWalker::callKind)
  /// made on every path to here.
  llvm::BitVector MustCalled;
  /// Local pointers tested not null on every path to here, not assigned
  /// since (a start function's `if (ctx == NULL) return NULL; ... return
  /// ctx;`).
  std::set<const clang::VarDecl *> NonNull;

  bool holds(const AccessPath &Mutex) const;
  /// A write of Written: a flag it may be (the same place, a place of the
  /// same field or variable name through another path, or the object
  /// holding it) no longer holds its constant for certain, nor the values
  /// a test found it at ("?flagtest"). An empty path: a write concur
  /// cannot place, which may be any flag.
  void forgetStored(const AccessPath &Written);
  /// Is the object at Path, or the object holding it, known ready?
  bool isReady(const AccessPath &Path) const;
  /// What is certain after either of two paths.
  static FlowState join(const FlowState &A, const FlowState &B);
};

/// The state at the point the walk has reached, and what the function
/// leaves its caller (locks released that it did not take).
class LockState {
public:
  FlowState Now;
  /// Every mutex the function gives back somewhere, on any path.
  std::vector<AccessPath> EverReleased;
  /// Mutexes given back where no path so far took them (not even on some
  /// paths only: a lock taken where a flag says so): the walk drains them
  /// into FunctionFacts::UntakenReleases with their order.
  std::vector<AccessPath> Untaken;

  void lock(const std::vector<HeldLock> &Locks, const SourceLoc &At = {});
  /// Where each lock held now was taken (the last time).
  SourceLoc takenAt(const AccessPath &Mutex) const;
  /// Ownership moved away (a guard moved into an awaiter): no longer held
  /// here, and not given back by this function either.
  void forget(const std::vector<AccessPath> &Mutexes);
  /// Unlocks each mutex; one not held here was taken by whoever called the
  /// function, which it then gives back (an unlock() method).
  void unlock(const std::vector<AccessPath> &Mutexes,
              std::vector<AccessPath> &ReleasesOnExit);

  /// A guard variable: locks its mutexes now (unless deferred).
  void addGuard(const clang::VarDecl *Var, Guard G, bool Locks,
                const SourceLoc &At = {});
  Guard *guardOf(const clang::VarDecl *Var);
  /// The guard's scope ends: it unlocks what it still holds.
  void endGuard(const clang::VarDecl *Var,
                std::vector<AccessPath> &ReleasesOnExit);

private:
  std::map<std::string, SourceLoc> TakenAt;
};

} // namespace extract
} // namespace concur

#endif // CONCUR_FACTS_LOCKSTATE_H
