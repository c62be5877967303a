//===- SyncCalls.cpp - Calls that lock, order and join
//---------------------===//
//
// Models: what a catalogued synchronisation call (catalog kind "sync", one
// op per entry) does to the lock state and to ordering: lock and unlock
// (shared or not), guards that own mutexes for their scope (deferred ones
// lock later), std::lock on several, trylocks that hold only on their
// success branch, release/acquire pairs on one object or on a named channel
// (a promise and its future), joins of started work, call_once and
// with_lock_guard, which call their callables here, spin locks made of
// test_and_set in a loop condition, and io_context::run, whose thread runs
// the handlers posted to the context. Clang's Thread Safety Analysis
// attributes (ACQUIRE, RELEASE, SCOPED_CAPABILITY) describe the user's own
// lock types the same way.
//
// Does not model: lock ordering (deadlocks), or the success of a blocking
// lock (it always succeeds).
//
//===----------------------------------------------------------------------===//

#include "facts/CallModel.h"

#include "clang/AST/Attr.h"

#include <algorithm>

using namespace clang;

namespace concur {
namespace extract {

std::vector<AccessPath>
CallModel::mutexArgs(llvm::ArrayRef<const Expr *> Args) {
  std::vector<AccessPath> Mutexes;
  for (const Expr *A : Args) {
    // Tags (std::defer_lock) and timeouts are no mutexes; neither is
    // anything that is not an object of a class.
    const CXXRecordDecl *RD =
        A->getType().getNonReferenceType()->getAsCXXRecordDecl();
    if (!RD || S.Lib.recordHas(RD, LibraryRole::LockOption))
      continue;
    if (auto P = S.Paths.pathOf(A))
      Mutexes.push_back(*P);
  }
  return Mutexes;
}

/// `if (mutex_) { lock(*mutex_); ... } else { ... }`: an object made with a
/// mutex locks it, one made without never shares itself (LogFile's
/// threadSafe flag). On the edge where the pointer is null, the code holds
/// the pseudo-lock "<pointer>?absent", which the race check takes as
/// excluding every lock of "*<pointer>": one object cannot be on both sides.
std::optional<TryLock> CallModel::mutexAbsentIn(const Expr *E, bool Negated) {
  const Expr *Pointer = nullptr;
  QualType Pointee;
  if (E->getType()->isPointerType()) {
    Pointer = E;
    Pointee = E->getType()->getPointeeType();
  } else if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(E);
             MCE && isa_and_nonnull<CXXConversionDecl>(MCE->getMethodDecl()) &&
             S.Lib.isSmartPointer(
                 MCE->getImplicitObjectArgument()->getType())) {
    // unique_ptr's operator bool.
    Pointer = MCE->getImplicitObjectArgument()->IgnoreParenImpCasts();
    if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
            Pointer->getType()->getAsCXXRecordDecl()))
      if (Spec->getTemplateArgs().size() > 0 &&
          Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
        Pointee = Spec->getTemplateArgs()[0].getAsType();
  }
  if (!Pointer || Pointee.isNull() || !S.Lib.isSyncObject(Pointee))
    return std::nullopt;
  std::optional<AccessPath> Path = S.Paths.pathOf(Pointer);
  if (!Path)
    return std::nullopt;
  appendStep(*Path, "?absent");
  TryLock T;
  // Held where the pointer is null: the false edge of `if (mutex_)`.
  T.Negated = !Negated;
  T.Locks.push_back({*Path, false});
  return T;
}

/// A start API returning a status (pthread_create, thrd_create, a wrapper
/// declared as a spawn) reports success as zero: on the nonzero edge of
/// the call, or of a local it initialised, its thread was not started.
std::optional<TryLock> CallModel::startFailureIn(const Expr *E, bool Negated) {
  const Expr *Call = E;
  if (const VarDecl *VD = referencedVar(E))
    if (!VD->hasGlobalStorage() && !S.Paths.isModified(VD) && VD->getInit())
      Call = VD->getInit();
  auto It = SpawnOrders.find(S.skip(Call));
  if (It == SpawnOrders.end())
    return std::nullopt;
  AccessPath Start = returnPath(It->second, "the start's failure");
  appendStep(Start, "?startfailed");
  TryLock T;
  T.Negated = Negated;
  T.Locks.push_back({Start, false});
  return T;
}

/// A field of function-pointer type tested for null: on the edge where it
/// is set, the slot holds some function.
std::optional<TryLock> CallModel::callableSetIn(const Expr *E, bool Negated) {
  const auto *Field = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
  if (!Field || !Field->getType()->isFunctionPointerType())
    return std::nullopt;
  std::optional<Slot> Held = Flow.slotOf(Field);
  if (!Held)
    return std::nullopt;
  AccessPath Set = channelPath(CallableSlotChannel + Held->Id);
  Set.Name = "'" + Held->Name + "' is set";
  appendStep(Set, CallableSetMark);
  TryLock T;
  T.Negated = Negated;
  T.Locks.push_back({Set, false});
  return T;
}

std::optional<TryLock> CallModel::tryLockIn(const Expr *Cond) {
  if (!Cond)
    return std::nullopt;
  bool Negated = false;
  const Expr *E = Cond->IgnoreParenImpCasts();
  while (true) {
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && U->getOpcode() == UO_LNot) {
      Negated = !Negated;
      E = U->getSubExpr()->IgnoreParenImpCasts();
      continue;
    }
    // pthread_mutex_trylock(&m) == 0 means success.
    if (const auto *B = dyn_cast<BinaryOperator>(E);
        B && (B->getOpcode() == BO_EQ || B->getOpcode() == BO_NE)) {
      Expr::EvalResult R;
      const Expr *Rhs = B->getRHS()->IgnoreParenImpCasts();
      // "x == 0" is "!x"; "x != 0" is "x".
      if (!Rhs->isValueDependent() && Rhs->EvaluateAsInt(R, S.TU.Ctx) &&
          R.Val.getInt() == 0) {
        if (B->getOpcode() == BO_EQ)
          Negated = !Negated;
        E = B->getLHS()->IgnoreParenImpCasts();
        continue;
      }
    }
    break;
  }
  if (std::optional<TryLock> Failed = startFailureIn(E, Negated))
    return Failed;
  if (std::optional<TryLock> Absent = mutexAbsentIn(E, Negated))
    return Absent;
  if (std::optional<TryLock> Owner = ownerTestIn(E, Negated))
    return Owner;
  if (std::optional<TryLock> Set = callableSetIn(E, Negated))
    return Set;
  const auto *CE = dyn_cast<CallExpr>(E);
  if (!CE || !CE->getDirectCallee())
    return std::nullopt;
  const FunctionDecl *Callee = CE->getDirectCallee();
  const Expr *Receiver = nullptr;
  std::vector<const Expr *> Args;
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE))
    Receiver = MCE->getImplicitObjectArgument();
  unsigned First =
      isa<CXXOperatorCallExpr>(CE) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
  if (First && CE->getNumArgs() > 0)
    Receiver = CE->getArg(0);
  for (unsigned I = First; I < CE->getNumArgs(); ++I)
    Args.push_back(CE->getArg(I));
  CallShape Shape;
  Shape.Names.push_back(catalogName(Callee));
  if (Receiver)
    if (const CXXRecordDecl *RD =
            recordOf(Receiver->IgnoreParenImpCasts()->getType()))
      Shape.Names.insert(Shape.Names.begin(),
                         catalogName(RD) + "::" + Callee->getNameAsString());
  ShapeBuilder Builder;
  for (const Expr *A : Args)
    Shape.ArgTokens.push_back(Builder.argTokens(A));
  const CatalogEntry *Entry = S.Lib.Cat.match(Shape, EntryKind::Sync);
  if (!Entry)
    return std::nullopt;
  TryLock T;
  // A trylock returning int reports success as zero: "if (trylock(&m))" is
  // the failure branch.
  bool ReturnsInt = Callee->getReturnType()->isIntegerType() &&
                    !Callee->getReturnType()->isBooleanType();
  T.Negated = ReturnsInt ? !Negated : Negated;
  if (Entry->Op == SyncOp::TryLock || Entry->Op == SyncOp::TryLockShared) {
    std::optional<AccessPath> Obj;
    if (Receiver) {
      Obj = S.Paths.objectOf(Receiver);
    } else if (!Args.empty()) {
      Obj = S.Paths.pointerValueOf(Args[0]);
      if (Obj)
        appendStep(*Obj, "*");
    }
    if (!Obj)
      return std::nullopt;
    T.Locks.push_back({*Obj, Entry->Op == SyncOp::TryLockShared});
    return T;
  }
  if (Entry->Op == SyncOp::TryJoin) {
    // pthread_tryjoin_np(t, ...) takes the handle by value.
    if (Args.empty())
      return std::nullopt;
    std::optional<AccessPath> Handle =
        S.Paths.pathOf(Args[0]->IgnoreParenImpCasts());
    if (!Handle)
      return std::nullopt;
    T.Joined.push_back(*Handle);
    return T;
  }
  if (Entry->Op == SyncOp::GuardOwns) {
    Guard *G = S.Locks.guardOf(referencedVar(Receiver));
    if (!G)
      return std::nullopt;
    T.Locks = G->locks();
    return T;
  }
  return std::nullopt;
}

/// Operations on a synchronisation object that need the object alive. An
/// unlock is left out: it ends a use its lock began, and the lock stands
/// for the whole use. (Counting it would pair a destruction with the
/// unlock that follows a signal, `lock; n++; signal; unlock`, which the
/// signal does not order, though the waiter's wakeup, taking the mutex
/// back, does.)
static bool usesObject(SyncOp Op) {
  switch (Op) {
  case SyncOp::Lock:
  case SyncOp::LockShared:
  case SyncOp::Release:
  case SyncOp::Acquire:
  case SyncOp::ReleaseAcquire:
  case SyncOp::TryLock:
  case SyncOp::TryLockShared:
    return true;
  default:
    return false;
  }
}

/// Is the object Arg points to (or is) a struct or union a library
/// declares (pthread_mutex_t, sem_t)? Not an integer, even one named by a
/// library's typedef (`__atomic_load_n(&count)` on a size_t: that call is
/// an atomic access of its own), nor a struct of the program.
bool CallModel::isLibraryObject(const Expr *Arg) const {
  QualType T = Arg->getType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const TagDecl *Tag = T->getAsTagDecl();
  return Tag && S.TU.inLibraryCode(Tag);
}

bool CallModel::handleSync(const CatalogEntry &E, const Expr *Call,
                           const Expr *Receiver,
                           llvm::ArrayRef<const Expr *> Args) {
  std::optional<AccessPath> Object;
  if (!E.Channel.empty()) {
    Object = channelPath(E.Channel);
  } else if (Receiver) {
    Object = S.Paths.objectOf(Receiver);
  } else if (!Args.empty()) {
    if (Args[0]->getType()->isPointerType()) {
      Object = S.Paths.pointerValueOf(Args[0]);
      if (Object)
        appendStep(*Object, "*");
    } else {
      Object = S.Paths.pathOf(Args[0]);
    }
  }
  // pthread_mutex_lock(&m), pthread_cond_wait(&c, &m): a use of the object
  // the pointer points to, which reads it. It races with nothing but a
  // write of the object: its destruction (pthread_mutex_destroy writes
  // it, the catalog says) or the free of a block holding it. Only a
  // library's own kind of object (isLibraryObject).
  if (Object && E.Channel.empty() && !Receiver && usesObject(E.Op) &&
      isLibraryObject(Args[0]))
    Recorder.recordPath(*Object, /*Write=*/false, Args[0]);
  switch (E.Op) {
  case SyncOp::Lock:
  case SyncOp::LockShared:
    if (Object)
      lock({{*Object, E.Op == SyncOp::LockShared}});
    break;
  case SyncOp::Unlock:
  case SyncOp::UnlockShared:
    if (Object)
      unlock({*Object});
    break;
  case SyncOp::LockAll: {
    // std::lock(a, b) takes mutexes, or deferred guards that then own them.
    std::vector<const Expr *> Mutexes;
    for (const Expr *A : Args) {
      Guard *G = S.Locks.guardOf(referencedVar(A));
      if (!G) {
        Mutexes.push_back(A);
      } else if (!G->Held) {
        lock(G->locks());
        G->Held = true;
      }
    }
    std::vector<HeldLock> Locks;
    for (const AccessPath &M : mutexArgs(Mutexes))
      Locks.push_back({M, false});
    lock(Locks);
    break;
  }
  case SyncOp::Guard:
  case SyncOp::GuardShared:
  case SyncOp::GuardDeferred:
    if (const VarDecl *Var = S.Lexical.initialises(S.skip(Call))) {

      Guard G;
      G.Mutexes = mutexArgs(Args);
      G.Shared = E.Op == SyncOp::GuardShared;
      if (E.Op == SyncOp::GuardDeferred) {
        // A deferred guard of a kind that guards shared (std::shared_lock)
        // takes its mutex shared when it locks later.
        CallShape Plain;
        Plain.Names = E.Names;
        for (const CatalogEntry *Other : S.Lib.Cat.matchAll(Plain))
          G.Shared = G.Shared || Other->Op == SyncOp::GuardShared;
      }
      S.Locks.addGuard(Var, std::move(G), E.Op != SyncOp::GuardDeferred,
                       S.CurrentLoc);
    }
    break;
  case SyncOp::GuardLock:
  case SyncOp::GuardUnlock:
    if (Guard *G = S.Locks.guardOf(referencedVar(Receiver))) {
      if (E.Op == SyncOp::GuardLock && !G->Held) {
        lock(G->locks());
        G->Held = true;
      } else if (E.Op == SyncOp::GuardUnlock && G->Held) {
        unlock(G->Mutexes);
        G->Held = false;
      }
    }
    break;
  case SyncOp::Release:
    if (Object)
      addSync(*Object, true);
    break;
  case SyncOp::Acquire:
    if (Object)
      addSync(*Object, false);
    break;
  case SyncOp::ReleaseAcquire:
    if (Object) {
      addSync(*Object, false);
      addSync(*Object, true);
    }
    break;
  case SyncOp::TestAndSet:
    // while (flag.test_and_set()) {} is a spin lock.
    if (Object) {
      if (S.Here && S.Here->InLoopCondition) {
        lock({{*Object, false}});
      } else {
        addSync(*Object, false);
        addSync(*Object, true);
      }
    }
    break;
  case SyncOp::Clear:
    if (Object) {
      if (S.Locks.Now.holds(*Object))
        unlock({*Object});
      else
        addSync(*Object, true);
    }
    break;
  case SyncOp::Join: {
    // pthread_join(t, ...) takes the handle by value.
    std::optional<AccessPath> Handle =
        Receiver
            ? S.Paths.objectOf(Receiver)
            : (Args.empty() ? std::nullopt
                            : S.Paths.pathOf(Args[0]->IgnoreParenImpCasts()));
    if (Handle)
      addJoin(*Handle, Call);
    break;
  }
  case SyncOp::RunsExecutor:
    if (Object)
      S.Out.ExecutorRuns.push_back(*Object);
    break;
  case SyncOp::WithLock:
    // with_lock_guard(m, f, args...): f runs here with m locked.
    if (!Args.empty())
      if (auto Mutex = S.Paths.pathOf(Args[0])) {
        lock({{*Mutex, false}});
        addCallbacks(Args.drop_front());
        unlock({*Mutex});
      }
    break;
  case SyncOp::Once:
    // std::call_once(flag, f, args...): f runs here, at most once. (Old
    // Boost takes the function first: boost::call_once(f, flag); POSIX
    // takes the flag's address: pthread_once(&flag, f).)
    if (Args.size() >= 2) {
      std::vector<const FunctionDecl *> Targets;
      S.Lib.callableTargets(Args[1], Targets);
      size_t FlagIndex = 0;
      if (Targets.empty()) {
        S.Lib.callableTargets(Args[0], Targets);
        FlagIndex = 1;
      }
      for (const FunctionDecl *T : Targets) {
        CallSite C = makeCall(Call);
        C.CalleeId = S.TU.usr(T);
        C.CalleeName = S.TU.displayName(T);
        if (Args[FlagIndex]->getType()->isPointerType()) {
          C.OnceFlag = S.Paths.pointerValueOf(Args[FlagIndex]);
          if (C.OnceFlag)
            appendStep(*C.OnceFlag, "*");
        } else {
          C.OnceFlag = S.Paths.pathOf(Args[FlagIndex]);
        }
        if (const auto *MD = dyn_cast<CXXMethodDecl>(T))
          if (MD->getParent()->isLambda())
            C.This = thisPath();
        bindArguments(T, Args.drop_front(2), C.Args);
        S.Out.Calls.push_back(std::move(C));
      }
    }
    break;
  case SyncOp::TryLock:
  case SyncOp::TryLockShared:
  case SyncOp::GuardOwns:
  case SyncOp::TryJoin:
  case SyncOp::None:
    break; // Branch conditions: the CFG walk asks tryLockIn.
  }
  return true;
}

void CallModel::lock(std::vector<HeldLock> Locks) {
  // co_await Mutex.lock(): an asynchronous mutex's lock, taken by awaiting.
  bool Awaited = false;
  if (const auto *E = dyn_cast_or_null<Expr>(S.Current))
    Awaited = S.Lexical.isAwaited(S.skip(E));
  for (HeldLock &L : Locks)
    L.Awaited = L.Awaited || Awaited;
  S.Locks.lock(Locks, S.CurrentLoc);
}

bool CallModel::moveGuards(llvm::ArrayRef<const Expr *> Args,
                           const VarDecl *Into) {
  bool Moved = false;
  for (const Expr *A : Args) {
    const Expr *E = S.skip(A);
    if (const auto *CE = dyn_cast<CallExpr>(E)) {
      if (!S.Lib.functionHas(CE->getDirectCallee(), LibraryRole::PassThrough) ||
          CE->getNumArgs() != 1)
        continue;
      E = CE->getArg(0);
    } else if (!A->isXValue()) {
      continue;
    }
    const VarDecl *From = referencedVar(E);
    Guard *G = S.Locks.guardOf(From);
    if (!G || From == Into)
      continue;
    Guard Taken = *G;
    G->Held = false;
    Moved = true;
    if (Into)
      S.Locks.Now.Guards[Into] = Taken; // Still held, by the new guard.
    else if (Taken.Held)
      S.Locks.forget(Taken.Mutexes); // Gone with the argument.
  }
  return Moved;
}

void CallModel::handleCapabilityAttributes(const FunctionDecl *Callee,
                                           const Expr *Receiver) {
  // ACQUIRE()/RELEASE() on a method of a mutex wrapper locks or unlocks
  // the object itself.
  for (const auto *A : Callee->specific_attrs<AcquireCapabilityAttr>())
    if (A->args_size() == 0)
      if (auto Obj = S.Paths.objectOf(Receiver))
        lock({{*Obj, A->isShared()}});
  for (const auto *A : Callee->specific_attrs<ReleaseCapabilityAttr>())
    if (A->args_size() == 0)
      if (auto Obj = S.Paths.objectOf(Receiver))
        unlock({*Obj});
}

void CallModel::handleScopedCapability(const CXXConstructExpr *CE,
                                       llvm::ArrayRef<const Expr *> Args) {
  // A SCOPED_CAPABILITY guard of the user's own: its constructor acquires.
  const VarDecl *Var = S.Lexical.initialises(S.skip(CE));
  if (!Var)
    return;
  for (const auto *A :
       CE->getConstructor()->specific_attrs<AcquireCapabilityAttr>()) {
    Guard G;
    G.Mutexes = mutexArgs(Args);
    G.Shared = A->isShared();
    S.Locks.addGuard(Var, std::move(G), /*Locks=*/true, S.CurrentLoc);
    break;
  }
}

} // namespace extract
} // namespace concur
