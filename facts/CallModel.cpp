//===- CallModel.cpp - What a call does, as facts
//--------------------------===//

#include "facts/CallModel.h"
#include "facts/DecidedBranches.h"
#include "facts/StructCopies.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <functional>

using namespace clang;

namespace concur {
namespace extract {
namespace {

/// A call whose target depends on the dynamic type: a virtual method, not
/// final, called through a pointer or reference without qualification.
bool isVirtualDispatch(const MemberExpr *ME, const CXXMethodDecl *Method,
                       const ASTContext &Ctx) {
  if (!Method || !Method->isVirtual() ||
      !ME->performsVirtualDispatch(Ctx.getLangOpts()))
    return false;
  if (Method->hasAttr<FinalAttr>() || Method->getParent()->hasAttr<FinalAttr>())
    return false;
  // Calling through an object (not a pointer or reference) names its type.
  if (!ME->isArrow())
    if (const auto *DRE =
            dyn_cast<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts()))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (!VD->getType()->isReferenceType())
          return false;
  return true;
}

std::optional<ApiKind> apiKindOf(EntryKind K) {
  switch (K) {
  case EntryKind::Blocking:
    return ApiKind::Blocking;
  case EntryKind::CpuHeavy:
    return ApiKind::CpuHeavy;
  case EntryKind::MtUnsafe:
    return ApiKind::MtUnsafe;
  default:
    return std::nullopt;
  }
}

} // namespace

CallSite CallModel::makeCall(const Expr *At) {
  CallSite C = callHere(S.TU.loc(At->getExprLoc()));
  S.Paths.noteCall(At, C.Order);
  return C;
}

CallSite CallModel::callHere(SourceLoc Loc) {
  CallSite C;
  C.Loc = std::move(Loc);
  C.LoopDepth = S.Here ? S.Here->LoopDepth : 0;
  C.Loop = S.InGotoLoop             ? GotoLoop
           : S.Here && S.ComesRound ? S.Here->OuterLoop
                                    : 0;
  C.Trips = S.Here ? S.Here->Trips : 1;
  C.OffLoop = S.Locks.Now.OffLoop;
  C.SwitchedTo = S.Locks.Now.SwitchedTo;
  C.EndsProcess = S.EndsProcess;
  C.Order = S.nextOrder();
  C.Locks = S.heldHere();
  C.MaybeLocks = S.maybeHeldHere();
  C.UnreachedCalls = S.unreachedCalls();
  C.GivenBack = S.Locks.Now.GivenBack;
  return C;
}

void CallModel::addScopeEndDestructor(const VarDecl *VD,
                                      const CXXDestructorDecl *Dtor,
                                      const AccessPath &Object) {
  CallSite C = callHere(S.CurrentLoc.valid() ? S.CurrentLoc
                                             : S.TU.loc(VD->getLocation()));
  C.Kind = CallKind::ScopeEnd;
  C.CalleeId = S.TU.usr(Dtor);
  C.CalleeName = S.TU.displayName(Dtor);
  C.This = Object;
  S.Out.Calls.push_back(std::move(C));
}

void CallModel::addJoin(const AccessPath &Handle, const Expr *At) {
  JoinEvent J;
  J.Handle = Handle;
  J.Order = S.nextOrder();
  if (At)
    J.Loc = S.TU.loc(At->getExprLoc());
  for (const HeldLock &L : S.heldHere())
    if (isStartFailure(L) || isImpossibleBranch(L) || isCallableSet(L))
      J.BranchMarks.push_back(L);
  S.Out.Joins.push_back(std::move(J));
}

void CallModel::addAwaitThrough(const Slot &Through, const Expr *At) {
  CallSite C = makeCall(At);
  C.Kind = CallKind::Indirect;
  C.CalleeName = "stored coroutine";
  C.Slot = Through.Id;
  C.SlotName = Through.Name;
  S.Out.Calls.push_back(std::move(C));
}

void CallModel::markStoredCoroutines(llvm::ArrayRef<const Expr *> Made) {
  std::set<unsigned> Orders;
  for (const Expr *Call : Made)
    if (std::optional<unsigned> Order = S.Paths.orderOf(Call))
      Orders.insert(*Order);
  if (Orders.empty())
    return;
  for (CallSite &C : S.Out.Calls)
    if (C.Kind == CallKind::Direct && Orders.count(C.Order))
      C.StoredUnstarted = true;
}

void CallModel::addSpawn(Spawn Sp) {
  Sp.LoopDepth = S.Here ? S.Here->LoopDepth : 0;
  Sp.Loop = S.InGotoLoop             ? GotoLoop
            : S.Here && S.ComesRound ? S.Here->OuterLoop
                                     : 0;
  // A start in a loop follows the loop's earlier passes too, which the
  // flow (not waiting for them) does not see.
  // (An OpenMP region is no call: the flags of the last call are not its.)
  if (Sp.LoopDepth == 0 && Sp.Model != SpawnModel::OpenMP)
    for (const auto &[Key, Flag] : FlagsAtCall)
      Sp.FlagsSet.push_back(Flag);
  FlagsAtCall.clear();
  for (const HeldLock &L : S.heldHere())
    if (isFlagTest(L))
      Sp.FlagTests.push_back(L);
  Sp.Order = S.nextOrder();
  S.Out.Spawns.push_back(std::move(Sp));
}

void CallModel::addSync(const AccessPath &Object, bool Release) {
  S.addSync(Object, Release);
}

void CallModel::addCallbacks(llvm::ArrayRef<const Expr *> Args) {
  for (const Expr *A : Args) {
    std::vector<const FunctionDecl *> Targets;
    S.Lib.callableTargets(A, Targets);
    for (const FunctionDecl *Target : Targets) {
      if (S.TU.inLibraryCode(Target))
        continue;
      CallSite C = makeCall(A);
      C.Kind = CallKind::Callback;
      C.CalleeId = S.TU.usr(Target);
      C.CalleeName = S.TU.displayName(Target);
      if (const auto *MD = dyn_cast<CXXMethodDecl>(Target))
        if (MD->getParent()->isLambda())
          C.This = thisPath();
      S.Out.Calls.push_back(std::move(C));
    }
  }
}

std::optional<AccessPath> CallModel::bindOne(const Expr *Arg,
                                             QualType ParamType) {
  if (!Arg)
    return std::nullopt;
  // std::ref(x) hands over x itself.
  if (const auto *CE = dyn_cast<CallExpr>(S.skip(Arg)))
    if (S.Lib.functionHas(CE->getDirectCallee(),
                          LibraryRole::ReferenceWrapper) &&
        CE->getNumArgs() == 1)
      return S.Paths.pathOf(CE->getArg(0));
  if (!ParamType.isNull() && ParamType->isReferenceType())
    return S.Paths.pathOf(Arg);
  // A thread's handle passed by value (mg_join_thread(pthread_t t)) still
  // names the caller's thread: the callee's join through it joins that.
  if (!ParamType.isNull() && S.Lib.isThreadHandle(ParamType))
    return S.Paths.pathOf(S.skip(Arg));
  QualType T = Arg->getType();
  if (T->isPointerType() || S.Lib.isSmartPointer(T))
    return S.Paths.pointerValueOf(Arg);
  return std::nullopt;
}

void CallModel::bindArguments(const FunctionDecl *Callee,
                              llvm::ArrayRef<const Expr *> Args,
                              std::vector<std::optional<AccessPath>> &Out,
                              std::vector<bool> *Copied) {
  for (unsigned I = 0; I < Callee->getNumParams() && I < Args.size(); ++I) {
    QualType Type = Callee->getParamDecl(I)->getType();
    Out.push_back(bindOne(Args[I], Type));
    if (!Copied || Out.back() || !Type->isRecordType() ||
        S.Lib.isSmartPointer(Type) || !holdsPointer(Type))
      continue;
    // A struct passed by value: the parameter copies the argument's
    // pointers, so what they point to is the caller's.
    if (const Expr *Source = copySource(Args[I], Type)) {
      Out.back() = S.Paths.copiedObject(Source);
      if (Out.back()) {
        Copied->resize(I + 1);
        Copied->back() = true;
      }
    }
  }
}

std::vector<CallableArg>
CallModel::storeArguments(const FunctionDecl *Callee,
                          llvm::ArrayRef<const Expr *> Args) {
  std::vector<CallableArg> Passed;
  for (unsigned I = 0; I < Callee->getNumParams() && I < Args.size(); ++I)
    if (Callee->getParamDecl(I)->getType()->isIntegralOrEnumerationType())
      Fds.copy(Flow.paramSlot(Callee, I), Args[I]);
  for (unsigned I = 0; I < Callee->getNumParams() && I < Args.size(); ++I)
    if (S.Lib.isErasedCallable(Callee->getParamDecl(I)->getType())) {
      Flow.store(Flow.paramSlot(Callee, I), Args[I]);
      CallableArg Arg = Flow.describe(Args[I], I);
      if (!Arg.TargetIds.empty() || !Arg.FromSlot.empty())
        Passed.push_back(std::move(Arg));
    } else if (S.Lib.isCoroutineObject(Callee->getParamDecl(I)->getType())) {
      Flow.store(Flow.paramSlot(Callee, I), Args[I]);
    }
  return Passed;
}

std::optional<AccessPath> CallModel::handleFor(const Expr *SpawnExpr) {
  const Expr *E = S.skip(SpawnExpr);
  auto InPlace = S.InPlaceHandles.find(E);
  if (InPlace != S.InPlaceHandles.end())
    return InPlace->second;
  if (const VarDecl *VD = S.Lexical.initialises(E))
    return S.Paths.varPath(VD);
  if (const Expr *LHS = S.Lexical.assignedTo(E))
    return S.Paths.pathOf(LHS);
  if (const Expr *Container = S.Lexical.insertedInto(E)) {
    auto P = S.Paths.objectOf(Container);
    if (P)
      appendStep(*P, "[]");
    return P;
  }
  // `pool.submit(f).wait()`: the handle is the temporary the call returns.
  if (const auto *Outer =
          dyn_cast_or_null<CXXMemberCallExpr>(S.Lexical.enclosingCall(E)))
    if (S.Lib.skipWrappers(Outer->getImplicitObjectArgument()) == E)
      return S.Paths.temporaryOf(E);
  return std::nullopt;
}

void CallModel::handleSpawn(const CatalogEntry &E, const Expr *Call,
                            const Expr *Receiver,
                            llvm::ArrayRef<const Expr *> Args,
                            std::optional<AccessPath> Handle) {
  Spawn Sp;
  Sp.Api = E.Names.front();
  Sp.Model = E.Model;
  Sp.Loc = S.TU.loc(Call->getExprLoc());

  // The callable, and the arguments it will be called with after it.
  int CallableIndex = -1;
  const CallExpr *CoroutineCall = nullptr;
  std::vector<const FunctionDecl *> Targets;
  for (unsigned I = 0; I < Args.size(); ++I) {
    if (!E.CallableArgs.empty() &&
        std::find(E.CallableArgs.begin(), E.CallableArgs.end(), I) ==
            E.CallableArgs.end())
      continue;
    std::vector<const FunctionDecl *> Found;
    S.Lib.callableTargets(Args[I], Found);
    // co_spawn(ex, session(socket)): the coroutine the call made runs on
    // the executor, with the arguments it was called with.
    if (Found.empty())
      if (const auto *CoCall = dyn_cast<CallExpr>(S.Lib.skipWrappers(Args[I])))
        if (const FunctionDecl *Co = calledCoroutine(CoCall)) {
          Found.push_back(Co);
          CoroutineCall = CoCall;
        }
    if (Found.empty()) {
      // A stored callable (a std::function member, a function pointer):
      // what it holds is known only in the whole program.
      if (S.Lib.isCallable(Args[I]->getType()))
        if (std::optional<Slot> From = Flow.slotOf(Args[I])) {
          Sp.EntrySlots.push_back(From->Id);
          if (CallableIndex < 0)
            CallableIndex = static_cast<int>(I);
        }
      continue;
    }
    if (CallableIndex < 0)
      CallableIndex = static_cast<int>(I);
    Targets.insert(Targets.end(), Found.begin(), Found.end());
  }
  for (const FunctionDecl *T : Targets) {
    Sp.EntryIds.push_back(S.TU.usr(T));
    Sp.EntryNames.push_back(S.TU.displayName(T));
  }

  if (CoroutineCall) {
    // The frame holds copies of by-value parameters; references still
    // reach the caller's objects.
    const auto *Co = dyn_cast_or_null<CXXMemberCallExpr>(CoroutineCall);
    if (Co && Co->getImplicitObjectArgument()) {
      Sp.This = S.Paths.objectOf(Co->getImplicitObjectArgument());
      if (Sp.This)
        appendStep(*Sp.This, "&");
    }
    if (const FunctionDecl *Callee = CoroutineCall->getDirectCallee()) {
      llvm::ArrayRef<const Expr *> CoArgs(CoroutineCall->getArgs(),
                                          CoroutineCall->getNumArgs());
      bindArguments(Callee, CoArgs, Sp.Args);
      Sp.IntegerArgs = integerArguments(Callee, CoArgs, S);
    }
    if (std::optional<unsigned> Order = S.Paths.orderOf(CoroutineCall))
      for (CallSite &C : S.Out.Calls)
        if (C.Order == *Order)
          C.SpawnedElsewhere = true;
  } else if (CallableIndex >= 0) {
    std::vector<const Expr *> Rest(Args.begin() + CallableIndex + 1,
                                   Args.end());
    const auto *Method =
        Targets.empty() ? nullptr : dyn_cast<CXXMethodDecl>(Targets.front());
    if (Method && Method->getParent()->isLambda()) {
      Sp.This = thisPath();
    } else if (Method && !Method->isStatic() && !Rest.empty()) {
      // std::thread(&Server::run, this): the object comes first.
      const Expr *Object = Rest.front();
      Rest.erase(Rest.begin());
      if (Object->getType()->isPointerType())
        Sp.This = S.Paths.pointerValueOf(Object);
      else
        Sp.This = bindOne(Object, QualType());
      if (Sp.This && !Object->getType()->isPointerType() &&
          !S.Lib.isSmartPointer(Object->getType()))
        appendStep(*Sp.This, "&");
    }
    // Arguments of a new thread are copies unless wrapped in std::ref or
    // pointers: a reference parameter binds to the copy, not the original.
    for (const Expr *A : Rest) {
      Sp.Args.push_back(bindOne(A, QualType()));
      Sp.FreshArgs.push_back(pointsToFreshAllocation(A, Call));
    }
    // Constants and null pointers the one entry is given (a thread started
    // with a NULL argument), and loop counters, another in each thread.
    // (Only where each argument is a parameter's: std::jthread hands a
    // stop_token first.)
    if (Targets.size() == 1 && Rest.size() == Targets.front()->getNumParams()) {
      std::vector<IntegerArg> Known(Rest.size());
      bool Any = false;
      for (unsigned I = 0; I < Rest.size(); ++I) {
        Known[I].Constant = constantArgument(
            Rest[I], Targets.front()->getParamDecl(I)->getType(), S.TU.Ctx);
        if (!Known[I].Constant)
          Known[I].Distinct = isLoopCounterArgument(Rest[I], Call, S);
        Any |= Known[I].Constant || Known[I].Distinct;
      }
      if (Any)
        Sp.IntegerArgs = std::move(Known);
    }
  }

  if (Sp.Model == SpawnModel::Pool || Sp.Model == SpawnModel::Executor) {
    if (Receiver)
      Sp.Executor = S.Paths.objectOf(Receiver);
    else if (Args.size() >= 2) // post(executor, task): the executor first.
      Sp.Executor = S.Paths.pathOf(Args[0]);
  }
  // An API that writes the handle through an argument (pthread_create)
  // returns a status: `int rc = pthread_create(&t, ...)` keeps no handle
  // in rc.
  if (Handle) {
    Sp.Handle = Handle;
  } else if (E.HandleArg && *E.HandleArg < Args.size()) {
    Sp.Handle = S.Paths.pointerValueOf(Args[*E.HandleArg]);
    if (Sp.Handle)
      appendStep(*Sp.Handle, "*");
  } else {
    Sp.Handle = handleFor(Call);
  }
  if (!Sp.Handle) {
    if (Receiver) {
      Sp.Handle = S.Paths.objectOf(Receiver);
    } else if ((Sp.Model == SpawnModel::Pool ||
                Sp.Model == SpawnModel::Executor) &&
               !Args.empty()) {
      Sp.Handle = S.Paths.pathOf(Args[0]);
    }
  }
  addSpawn(std::move(Sp));
  if (const auto *CE = dyn_cast<CallExpr>(S.skip(Call)))
    if (const FunctionDecl *Callee = CE->getDirectCallee();
        Callee && Callee->getReturnType()->isIntegerType() &&
        !Callee->getReturnType()->isBooleanType())
      SpawnOrders[CE] = S.Out.Spawns.back().Order;
}

/// The name of the entry the call matched under (an entry lists many).
static std::string matchedName(const CatalogEntry &E, const CallShape &Shape) {
  for (const std::string &N : Shape.Names)
    if (std::find(E.Names.begin(), E.Names.end(), N) != E.Names.end())
      return N;
  return E.Names.front();
}

bool CallModel::handleCatalogued(const FunctionDecl *Callee,
                                 const CallShape &Shape, const Expr *Call,
                                 const Expr *Receiver,
                                 llvm::ArrayRef<const Expr *> Args) {
  std::vector<const CatalogEntry *> Entries = S.Lib.Cat.matchAll(Shape);
  if (Entries.empty())
    return false;
  const Expr *Self = S.skip(Call);
  bool Awaited = S.Lexical.isAwaited(Self);
  bool Discarded = S.Lexical.isDiscarded(Self);

  // An executor switch only means something when awaited; a discarded one
  // is the missing co_await that leaves the rest on the original loop.
  bool HasCallable = std::any_of(Args.begin(), Args.end(), [&](const Expr *A) {
    std::vector<const FunctionDecl *> Targets;
    S.Lib.callableTargets(A, Targets);
    return !Targets.empty();
  });
  if (S.Out.IsCoroutine && (Awaited || Discarded) && !HasCallable) {
    for (const CatalogEntry *E : Entries) {
      if (E->Kind != EntryKind::ExecutorSwitch &&
          E->Kind != EntryKind::ExecutorBounce)
        continue;
      ExecutorSwitch Sw;
      Sw.Api = matchedName(*E, Shape);
      Sw.Loc = S.TU.loc(Call->getExprLoc());
      Sw.Awaited = Awaited;
      Sw.Moves = E->Kind == EntryKind::ExecutorSwitch;
      Sw.To = contextOf(*E, Receiver, Args);
      if (Sw.To == ExecutionContext::None)
        Sw.To = ExecutionContext::Unknown;
      // `co_await` binds tighter than every binary operator, so inserted
      // where the discarded call's expression starts it awaits just that.
      if (!Awaited)
        if (auto Fix = S.TU.insertion(Self->getBeginLoc(), "co_await "))
          Sw.AwaitFix.push_back(*Fix);
      S.Out.Switches.push_back(Sw);
      if (Awaited && Sw.Moves) {
        S.PendingAwait = Self;
        S.PendingContext = Sw.To;
      }
      return true;
    }
  }

  for (const CatalogEntry *E : Entries)
    if (E->Kind == EntryKind::Spawn) {
      handleSpawn(*E, Call, Receiver, Args);
      // A handler posted to an io_context runs on the threads that run it,
      // which for a coroutine is its own loop: keep it as a call there too.
      if (E->Model == SpawnModel::Executor) {
        size_t First = S.Out.Calls.size();
        addCallbacks(Args);
        for (size_t I = First; I < S.Out.Calls.size(); ++I) {
          CallSite &Posted = S.Out.Calls[I];
          Posted.PostedTo = S.Out.Spawns.back().Handle;
          // A coroutine lambda given to co_spawn starts on that context.
          Posted.StartedBy =
              StartInfo{E->Names.front(), ExecutionContext::EventLoop,
                        Posted.PostedTo, Posted.Loc};
        }
      }
      return true; // Work handed to another thread is not called here.
    }

  bool Described = false;
  for (const CatalogEntry *E : Entries)
    if (E->Kind == EntryKind::Sync)
      Described |= handleSync(*E, Call, Receiver, Args);
    else if (E->Kind == EntryKind::Descriptor)
      Fds.handle(*E, Call, Receiver, Args);

  std::vector<ApiUse> Uses;
  for (const CatalogEntry *E : Entries) {
    std::optional<ApiKind> Kind = apiKindOf(E->Kind);
    if (!Kind)
      continue;
    ApiUse U;
    U.Name = matchedName(*E, Shape);
    U.Kind = *Kind;
    U.Category = E->Category;
    // Blocking right before the process ends holds up no other task.
    U.Blocks =
        E->Blocks && !S.EndsProcess && !returnsAtOnce(*E, Receiver, Args);
    U.Severity = severityName(S.Lib.Cat.severityOf(*E));
    U.Alternative = E->Alternative;
    U.FdSlot = Fds.slotOfCall(*E, Receiver, Args);
    U.FdBlocks = U.FdSlot.empty() ? DescriptorBlocking::None : E->FdBlocks;
    Uses.push_back(std::move(U));
  }
  if (!Uses.empty()) {
    CallSite C = makeCall(Call);
    C.CalleeName = Uses.front().Name;
    C.CalleeId = Callee ? S.TU.usr(Callee) : "";
    C.Apis = std::move(Uses);
    for (const CatalogEntry *E : Entries)
      if (C.AwaitableRewrite.empty())
        C.AwaitableRewrite = awaitableRewrite(*E, Call, Args);
    S.Out.Calls.push_back(std::move(C));
    Described = true;
  }
  return Described;
}

bool CallModel::pointsToFreshAllocation(const Expr *Arg, const Expr *Call) {
  // `new`, or a library allocation (malloc): a new object at each run.
  const Expr *E = S.skip(Arg);
  if (isAllocation(S.Lib, E))
    return true;
  const VarDecl *VD = referencedVar(E);
  if (!VD || VD->hasGlobalStorage() || !VD->getType()->isPointerType() ||
      S.Paths.isModified(VD) || !VD->getInit())
    return false;
  return isAllocation(S.Lib, S.skip(VD->getInit())) &&
         declaredOncePerExecution(S.TU.Ctx, Call, VD) &&
         !handedOnBeyondFrame(VD);
}

/// Does the function give VD's value to more than its own locals: return
/// it (a start function returning the object its thread was handed, which
/// the caller keeps in a global), or store it where others reach it?
bool CallModel::handedOnBeyondFrame(const VarDecl *VD) {
  auto IsVD = [&](const Expr *E) {
    return E && referencedVar(S.skip(E)) == VD;
  };
  std::function<bool(const Stmt *)> Visit = [&](const Stmt *St) {
    if (!St)
      return false;
    if (const auto *R = dyn_cast<ReturnStmt>(St); R && IsVD(R->getRetValue()))
      return true;
    if (const auto *B = dyn_cast<BinaryOperator>(St);
        B && B->getOpcode() == BO_Assign && IsVD(B->getRHS())) {
      const VarDecl *Target = referencedVar(B->getLHS()->IgnoreParenImpCasts());
      if (!Target || Target->hasGlobalStorage())
        return true;
    }
    for (const Stmt *Child : St->children())
      if (Visit(Child))
        return true;
    return false;
  };
  return Visit(S.FD ? S.FD->getBody() : nullptr);
}

std::vector<SourceEdit>
CallModel::awaitableRewrite(const CatalogEntry &E, const Expr *Call,
                            llvm::ArrayRef<const Expr *> Args) {
  // Only a call whose value nobody uses can become an awaited operation
  // that has none; in a lambda inside the coroutine, co_await would belong
  // to the lambda.
  if (E.AwaitableRewrites.empty() || !S.Out.IsCoroutine ||
      !S.Lexical.isDiscarded(S.skip(Call)))
    return {};
  // Under a lock that blocks threads the awaited form would suspend holding
  // it: a fix that makes a concur-lock-across-suspend finding.
  if (llvm::any_of(
          S.Locks.Now.Held,
          [](const HeldLock &L) { return !L.Awaited && !isPseudoLock(L); }) ||
      llvm::any_of(S.Locks.Now.MaybeHeld,
                   [](const HeldLock &L) { return !isPseudoLock(L); }))
    return {};
  const CXXRecordDecl *Type = recordOf(S.FD->getReturnType());
  if (!Type)
    return {};
  auto Form = E.AwaitableRewrites.find(catalogName(Type));
  if (Form == E.AwaitableRewrites.end())
    return {};
  const LangOptions &Lang = S.TU.Ctx.getLangOpts();
  std::string Text;
  llvm::StringRef Rest = Form->second;
  while (!Rest.empty()) {
    size_t Dollar = Rest.find('$');
    Text += Rest.take_front(Dollar).str();
    if (Dollar == llvm::StringRef::npos)
      break;
    Rest = Rest.drop_front(Dollar + 1);
    llvm::StringRef Digits =
        Rest.take_while([](char C) { return llvm::isDigit(C); });
    unsigned Index = 0;
    if (Digits.empty() || Digits.getAsInteger(10, Index) ||
        Index >= Args.size() || isa<CXXDefaultArgExpr>(Args[Index]))
      return {};
    CharSourceRange Range =
        CharSourceRange::getTokenRange(Args[Index]->getSourceRange());
    if (Range.getBegin().isMacroID() || Range.getEnd().isMacroID())
      return {};
    Text += Lexer::getSourceText(Range, S.TU.SM, Lang).str();
    Rest = Rest.drop_front(Digits.size());
  }
  auto Edit = S.TU.edit(
      CharSourceRange::getTokenRange(S.skip(Call)->getSourceRange()), Text);
  if (!Edit)
    return {};
  return {*Edit};
}

ExecutionContext CallModel::contextOf(const CatalogEntry &E,
                                      const Expr *Receiver,
                                      llvm::ArrayRef<const Expr *> Args,
                                      std::optional<AccessPath> *Executor) {
  if (E.RunsOn != ExecutionContext::None)
    return E.RunsOn;
  const Expr *On =
      E.ExecutorArg
          ? (*E.ExecutorArg < Args.size() ? Args[*E.ExecutorArg] : nullptr)
          : Receiver;
  if (!On)
    return ExecutionContext::Unknown;
  if (Executor)
    *Executor = On->getType()->isPointerType() ? S.Paths.pointerValueOf(On)
                                               : S.Paths.pathOf(On);
  ExecutionContext C =
      S.Lib.executorContext(On->IgnoreParenImpCasts()->getType());
  return C == ExecutionContext::None ? ExecutionContext::Unknown : C;
}

std::optional<StartInfo> CallModel::startOf(const Expr *Call) {
  // coroutine().via(&pool).start(cb): the nearest start API decides.
  constexpr unsigned MaxHops = 4;
  const Expr *Inner = S.skip(Call);
  for (unsigned Hop = 0; Hop < MaxHops; ++Hop) {
    const Expr *Outer = S.Lexical.enclosingCall(Inner);
    if (!Outer)
      return std::nullopt;
    const FunctionDecl *Callee = nullptr;
    const Expr *Receiver = nullptr;
    std::vector<const Expr *> Args;
    if (const auto *CE = dyn_cast<CallExpr>(Outer)) {
      Callee = CE->getDirectCallee();
      unsigned First = 0;
      if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE))
        Receiver = MCE->getImplicitObjectArgument();
      else if (isa<CXXOperatorCallExpr>(CE) &&
               isa_and_nonnull<CXXMethodDecl>(Callee)) {
        Receiver = CE->getNumArgs() ? CE->getArg(0) : nullptr;
        First = 1;
      }
      for (unsigned I = First; I < CE->getNumArgs(); ++I)
        Args.push_back(CE->getArg(I));
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(Outer)) {
      Callee = Construct->getConstructor();
      Args.assign(Construct->arg_begin(), Construct->arg_end());
    }
    if (!Callee)
      return std::nullopt;
    CallShape Shape =
        shapeOf(Callee, Receiver, Args, S.TU.inLibraryCode(Callee));
    if (const CatalogEntry *E = S.Lib.Cat.match(Shape, EntryKind::Start)) {
      StartInfo Start;
      Start.Api = E->Names.front();
      Start.Context = contextOf(*E, Receiver, Args, &Start.Executor);
      Start.Loc = S.TU.loc(Outer->getExprLoc());
      return Start;
    }
    Inner = S.skip(Outer);
  }
  return std::nullopt;
}

/// A duration argument that is a constant zero (0s, seconds(0)).
static bool isZeroDuration(const Expr *Arg, const ASTContext &Ctx) {
  const CXXRecordDecl *RD = Arg->getType()->getAsCXXRecordDecl();
  if (!RD || Arg->isValueDependent())
    return false;
  Expr::EvalResult R;
  if (!Arg->EvaluateAsRValue(R, Ctx) || !R.Val.isStruct() ||
      R.Val.getStructNumFields() == 0)
    return false;
  const APValue &Count = R.Val.getStructField(0);
  return (Count.isInt() && Count.getInt() == 0) ||
         (Count.isFloat() && Count.getFloat().isZero());
}

bool CallModel::returnsAtOnce(const CatalogEntry &E, const Expr *Receiver,
                              llvm::ArrayRef<const Expr *> Args) {
  if (E.Kind != EntryKind::Blocking)
    return false;
  // File I/O on a constant path that names no disk file (/proc/self/status,
  // an empty path): nothing waits for a disk.
  if (E.Category == "file-io")
    for (const Expr *A : Args)
      if (const auto *Path = dyn_cast<StringLiteral>(A->IgnoreParenImpCasts()))
        if (Path->isOrdinary() &&
            S.Lib.Cat.isMemoryPath(Path->getString().str())) {
          if (S.Current && isa<Expr>(S.Current))
            Fds.memoryFile(cast<Expr>(S.Current));
          return true;
        }
  if (E.Category != "wait")
    return false;
  if (Receiver)
    if (auto Object = S.Paths.objectOf(Receiver))
      if (S.Locks.Now.isReady(*Object))
        return true;
  return std::any_of(Args.begin(), Args.end(), [&](const Expr *A) {
    return S.Lib.typeHas(A->getType(), LibraryRole::LockOption) &&
           isZeroDuration(A, S.TU.Ctx);
  });
}

std::optional<ReadyTest> CallModel::readinessIn(const Expr *Cond) {
  bool Negated = false;
  const Expr *E = Cond->IgnoreParenImpCasts();
  while (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->getOpcode() != UO_LNot)
      break;
    Negated = !Negated;
    E = U->getSubExpr()->IgnoreParenImpCasts();
  }
  const auto *Call = dyn_cast<CXXMemberCallExpr>(E);
  if (!Call ||
      !S.Lib.methodHas(Call->getDirectCallee(), LibraryRole::ReadinessTest))
    return std::nullopt;
  auto Object = S.Paths.objectOf(Call->getImplicitObjectArgument());
  if (!Object)
    return std::nullopt;
  return ReadyTest{*Object, Negated};
}

void CallModel::handleLibraryCall(const FunctionDecl *Callee,
                                  const Expr *Receiver,
                                  llvm::ArrayRef<const Expr *> Args) {
  const auto *M = dyn_cast<CXXMethodDecl>(Callee);
  if (!M || M->isStatic()) {
    handleLibraryArgs(Callee, Args);
    return;
  }
  if (!Receiver)
    return;
  QualType ObjectType = Receiver->getType();
  if (ObjectType->isPointerType())
    ObjectType = ObjectType->getPointeeType();
  if (S.Lib.isAtomic(ObjectType) || S.Lib.isSyncObject(ObjectType) ||
      S.Lib.isThreadSafe(ObjectType))
    return;
  bool Inserts = M->getOverloadedOperator() == OO_Subscript &&
                 S.Lib.recordHas(M->getParent(), LibraryRole::KeyedContainer);
  bool Write = Inserts ||
               !(M->isConst() || S.Lib.methodHas(M, LibraryRole::NonMutating) ||
                 S.Lib.methodHas(M, LibraryRole::ElementAccess));
  if (auto Obj = S.Paths.objectOf(Receiver))
    Recorder.recordPath(*Obj, Write, Receiver);
  handleLibraryArgs(M, Args);
}

/// Is parameter I of Callee, an instantiated template, a forwarding
/// reference (`T&&` of the template's own T, or an element of a pack of
/// them, `Args&&... args`)? An lvalue argument makes it `T&` in the
/// instantiation, which says nothing of a write.
static bool isForwardingParam(const FunctionDecl *Callee, unsigned I) {
  const FunctionDecl *Pattern = Callee->getTemplateInstantiationPattern();
  if (!Pattern)
    return false;
  // A pack of the pattern stands for as many parameters as the
  // instantiation has beyond the pattern's others.
  unsigned Others = 0;
  for (const ParmVarDecl *P : Pattern->parameters())
    Others += P->isParameterPack() ? 0 : 1;
  unsigned PackSize =
      Callee->getNumParams() > Others ? Callee->getNumParams() - Others : 0;
  unsigned At = 0;
  for (const ParmVarDecl *P : Pattern->parameters()) {
    unsigned Count = P->isParameterPack() ? PackSize : 1;
    if (I < At + Count) {
      QualType T = P->getType();
      if (const auto *Pack = T->getAs<PackExpansionType>())
        T = Pack->getPattern();
      const auto *Ref = T->getAs<RValueReferenceType>();
      const auto *Param =
          Ref && !Ref->getPointeeType().hasQualifiers()
              ? Ref->getPointeeType()->getAs<TemplateTypeParmType>()
              : nullptr;
      // The function template's own parameter, deduced from the argument
      // (not a class template's T of `void set(T&&)`).
      const FunctionTemplateDecl *Template =
          Pattern->getDescribedFunctionTemplate();
      return Param && Template &&
             Param->getDepth() == Template->getTemplateParameters()->getDepth();
    }
    At += Count;
  }
  return false;
}

void CallModel::handleLibraryArgs(const FunctionDecl *Callee,
                                  llvm::ArrayRef<const Expr *> Args) {
  if (S.Lib.functionHas(Callee, LibraryRole::PassThrough))
    return;
  // Calling a callable wrapper (std::function) hands the arguments to the
  // callable it holds: what that does to them is in its own facts, which
  // the whole program follows through the call's targets.
  if (const auto *M = dyn_cast<CXXMethodDecl>(Callee);
      M && M->getOverloadedOperator() == OO_Call &&
      S.Lib.recordHas(M->getParent(), LibraryRole::CallableWrapper))
    return;
  for (unsigned I = 0; I < Args.size(); ++I) {
    if (I >= Callee->getNumParams())
      break;
    QualType T = Callee->getParamDecl(I)->getType();
    if (!T->isReferenceType() || !Args[I]->isGLValue())
      continue;
    QualType Referent = T.getNonReferenceType();
    if (S.Lib.isAtomic(Args[I]->getType()) ||
        S.Lib.isSyncObject(Args[I]->getType()))
      continue;
    // Forwarding references (T&&) of templates are taken as reads: a
    // library template handed an lvalue that way (fmt::format's
    // arguments) copies or reads it.
    bool Write = !Referent.isConstQualified() && T->isLValueReferenceType() &&
                 !isForwardingParam(Callee, I);
    Recorder.record(Args[I], Write);
  }
}

/// Library code we cannot see calls the callables it is given when it is an
/// algorithm (a free function, or a function object's operator() such as
/// std::ranges::for_each); a method of a library object keeps them for
/// later. The catalog names the exceptions both ways.
bool CallModel::libraryCallsItsCallables(const FunctionDecl *Callee) const {
  if (S.Lib.functionHas(Callee, LibraryRole::CallsCallable))
    return true;
  if (S.Lib.functionHas(Callee, LibraryRole::StoresCallable) ||
      S.Lib.functionHas(Callee, LibraryRole::BindsCallable) ||
      S.Lib.functionHas(Callee, LibraryRole::PassThrough))
    return false;
  const auto *M = dyn_cast<CXXMethodDecl>(Callee);
  return !M || M->isStatic() || M->getOverloadedOperator() == OO_Call;
}

void CallModel::storeLibraryCallables(const FunctionDecl *Callee,
                                      const Expr *Receiver,
                                      llvm::ArrayRef<const Expr *> Args) {
  if (!Receiver)
    return;
  const auto *M = dyn_cast<CXXMethodDecl>(Callee);
  if (!M)
    return;
  std::optional<Slot> Object = Flow.slotOf(Receiver);
  if (!Object)
    return;
  // f = g on a callable wrapper; jobs.push_back(g) on a container.
  bool Assigns = M->getOverloadedOperator() == OO_Equal &&
                 S.Lib.recordHas(M->getParent(), LibraryRole::CallableWrapper);
  bool Inserts = S.Lib.methodHas(M, LibraryRole::InsertsElement);
  if (!Assigns && !Inserts)
    return;
  for (const Expr *A : Args)
    if (Flow.tracks(A->getType()))
      Flow.store(Assigns ? *Object : CallableFlow::elements(*Object), A);
}

void CallModel::handleIndirect(const CallExpr *CE, const Expr *Through,
                               const FunctionDecl *Operator) {
  takeStoredFlags();
  CallSite C = makeCall(CE);
  C.Kind = CallKind::Indirect;
  C.CalleeName = Flow.kindOf(Through->getType());
  if (std::optional<Slot> From = Flow.slotOf(Through)) {
    C.Slot = From->Id;
    C.SlotName = From->Name;
  }
  // A field called through (te->entry_func(), (*ops->read)(...)): which
  // object's field, when the path says.
  const Expr *Field = Through->IgnoreParenImpCasts();
  while (const auto *U = dyn_cast<UnaryOperator>(Field)) {
    if (U->getOpcode() != UO_Deref)
      break;
    Field = U->getSubExpr()->IgnoreParenImpCasts();
  }
  if (isa<MemberExpr>(Field))
    C.CalleeObject = S.Paths.pathOf(Field);
  if (!Operator)
    C.CalledFrom = calledPointerPlace(Through, S);
  // The arguments, bound by the parameter types of the call's signature.
  unsigned First = Operator && isa<CXXOperatorCallExpr>(CE) ? 1 : 0;
  std::vector<QualType> Params;
  if (Operator) {
    for (const ParmVarDecl *P : Operator->parameters())
      Params.push_back(P->getType());
  } else if (const auto *Proto = Through->getType()
                                     .getNonReferenceType()
                                     ->getPointeeOrArrayElementType()
                                     ->getAs<FunctionProtoType>()) {
    Params.assign(Proto->param_type_begin(), Proto->param_type_end());
  }
  for (unsigned I = First; I < CE->getNumArgs(); ++I) {
    unsigned P = I - First;
    C.Args.push_back(
        bindOne(CE->getArg(I), P < Params.size() ? Params[P] : QualType()));
  }
  S.Out.Calls.push_back(std::move(C));
}

CallShape CallModel::shapeOf(const FunctionDecl *Callee, const Expr *Receiver,
                             llvm::ArrayRef<const Expr *> Args, bool System) {
  CallShape Shape;
  ShapeBuilder Builder;
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  bool IsMember = Method && !Method->isStatic();
  std::string Name = catalogName(Callee);
  if (IsMember) {
    // The class of the object as written, before its conversion to the base
    // class that declares the method: std::future::wait is declared in a
    // base of std::future.
    if (const CXXRecordDecl *RD =
            Receiver ? recordOf(Receiver->IgnoreParenImpCasts()->getType())
                     : nullptr) {
      std::string ViaReceiver =
          catalogName(RD) + "::" + Callee->getNameAsString();
      if (ViaReceiver != Name)
        Shape.Names.push_back(ViaReceiver);
    }
    Builder.addReceiver(Receiver, Shape);
  } else if (!Args.empty()) {
    Builder.addReceiver(Args.front(), Shape);
  }
  Shape.Names.push_back(Name);
  for (const Expr *A : Args)
    Shape.ArgTokens.push_back(Builder.argTokens(A));
  Shape.UserGlobalFunction =
      !System && !Callee->isExternC() &&
      Callee->getDeclContext()->getRedeclContext()->isTranslationUnit();
  return Shape;
}

/// threads.emplace_back(f, args...) starts the element, a thread, in place:
/// the element type's constructor is the spawn.
bool CallModel::handleInPlaceSpawn(const CallExpr *CE, const Expr *Receiver,
                                   llvm::ArrayRef<const Expr *> Args) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      recordOf(Receiver->getType()));
  if (!Spec)
    return false;
  for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray()) {
    if (Arg.getKind() != TemplateArgument::Type)
      continue;
    const CXXRecordDecl *Element = Arg.getAsType()->getAsCXXRecordDecl();
    if (!Element)
      continue;
    // Inserting an element that already exists is no construction.
    if (std::any_of(Args.begin(), Args.end(), [&](const Expr *A) {
          return recordOf(A->getType()) == Element;
        }))
      continue;
    CallShape ThreadShape;
    ThreadShape.Names.push_back(catalogName(Element) +
                                "::" + Element->getNameAsString());
    if (const CatalogEntry *E =
            S.Lib.Cat.match(ThreadShape, EntryKind::Spawn)) {
      std::optional<AccessPath> Handle = S.Paths.objectOf(Receiver);
      if (Handle)
        appendStep(*Handle, "[]");
      handleSpawn(*E, CE, nullptr, Args, Handle);
      return true;
    }
  }
  return false;
}

void CallModel::handleCall(const CallExpr *CE) {
  takeStoredFlags();
  const FunctionDecl *Callee = CE->getDirectCallee();
  if (!Callee) {
    if (!isa<CXXPseudoDestructorExpr>(CE->getCallee()->IgnoreParens()))
      handleIndirect(CE, CE->getCallee(), nullptr);
    return;
  }
  std::string Name = catalogName(Callee);
  // Compiler builtins do nothing a check cares about, except the atomic
  // ones; library functions clang also knows as builtins (fopen, printf)
  // still go to the catalog.
  bool AtomicBuiltin = false;
  if (unsigned ID = Callee->getBuiltinID()) {
    AtomicBuiltin = llvm::StringRef(Name).starts_with("__atomic") ||
                    llvm::StringRef(Name).starts_with("__sync");
    if (!S.TU.Ctx.BuiltinInfo.isPredefinedLibFunction(ID) && !AtomicBuiltin)
      return;
  }

  // Explicit arguments, and the object for member calls.
  std::vector<const Expr *> Args;
  const Expr *Receiver = nullptr;
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  bool IsMember = Method && !Method->isStatic();
  unsigned First = 0;
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE)) {
    Receiver = MCE->getImplicitObjectArgument();
  } else if (isa<CXXOperatorCallExpr>(CE) && IsMember && CE->getNumArgs() > 0) {
    Receiver = CE->getArg(0);
    First = 1;
  }
  for (unsigned I = First; I < CE->getNumArgs(); ++I)
    Args.push_back(CE->getArg(I));

  bool System = S.TU.inLibraryCode(Callee);
  CallShape Shape = shapeOf(Callee, Receiver, Args, System);
  // A guard moved into the call (an awaiter that unlocks it) leaves us.
  moveGuards(Args, nullptr);

  if (IsMember && Receiver &&
      S.Lib.methodHas(Callee, LibraryRole::InsertsElement) &&
      handleInPlaceSpawn(CE, Receiver, Args))
    return;

  // Library code we cannot see may call the callables it is given, here
  // and before it waits (a condition variable's predicate runs first).
  // User code we can see shows its own calls.
  const CatalogEntry *Sync = S.Lib.Cat.match(Shape, EntryKind::Sync);
  bool CallsItself =
      Sync && (Sync->Op == SyncOp::Once || Sync->Op == SyncOp::WithLock);
  if (System && !S.Lib.Cat.match(Shape, EntryKind::Spawn) && !CallsItself &&
      libraryCallsItsCallables(Callee))
    addCallbacks(Args);

  // __atomic_fetch_add(&x, ...): an atomic access of x.
  if (AtomicBuiltin && !Args.empty())
    recordPointee(Args[0], /*Write=*/Name.find("load") == std::string::npos, CE,
                  /*Atomic=*/true);

  bool Catalogued = handleCatalogued(Callee, Shape, CE, Receiver, Args);
  if (Receiver && !System)
    handleCapabilityAttributes(Callee, Receiver);

  if (System) {
    recordPointeeAccesses(Callee, Args);
    storeLibraryCallables(Callee, Receiver, Args);
    // A callable wrapper's operator() calls whatever was stored in it.
    if (!Catalogued && IsMember && Receiver &&
        Callee->getOverloadedOperator() == OO_Call &&
        S.Lib.recordHas(Method->getParent(), LibraryRole::CallableWrapper))
      handleIndirect(CE, Receiver, Callee);
    if (!Sync)
      handleLibraryCall(Callee, Receiver, Args);
    return;
  }
  if (Catalogued)
    return; // A user-configured API: its entry says what it does.
  handleUserCall(CE, Callee, Receiver, Args);
}

void CallModel::recordPointee(const Expr *Pointer, bool Write, const Expr *At,
                              bool Atomic) {
  if (auto Target = S.Paths.pointerValueOf(Pointer)) {
    appendStep(*Target, "*");
    size_t Before = S.Out.Accesses.size();
    Recorder.recordPath(*Target, Write, At, {}, Atomic);
    // The catalog's pointee roles are those of block functions: what they
    // touch runs on from the pointee.
    if (S.Out.Accesses.size() > Before)
      S.Out.Accesses.back().Block = true;
  }
}

void CallModel::recordPointeeAccesses(const FunctionDecl *Callee,
                                      llvm::ArrayRef<const Expr *> Args) {
  if (Args.size() > 0 &&
      S.Lib.functionHas(Callee, LibraryRole::WritesFirstPointee))
    recordPointee(Args[0], /*Write=*/true, Args[0]);
  if (Args.size() > 1 &&
      S.Lib.functionHas(Callee, LibraryRole::ReadsSecondPointee))
    recordPointee(Args[1], /*Write=*/false, Args[1]);
}

void CallModel::handleUserCall(const CallExpr *CE, const FunctionDecl *Callee,
                               const Expr *Receiver,
                               llvm::ArrayRef<const Expr *> Args) {
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  bool IsMember = Method && !Method->isStatic();
  // a = b on a struct calls its implicit operator=, which has no body to
  // walk: it writes the left side and reads the right.
  if (Method && (Method->isImplicit() || Method->isDefaulted()) &&
      Method->isOverloadedOperator() && Receiver) {
    if (auto Obj = S.Paths.objectOf(Receiver)) {
      size_t Before = S.Out.Accesses.size();
      Recorder.recordPath(*Obj, /*Write=*/true, Receiver);
      Recorder.noteCopiedPointers(Before, Receiver->getType(),
                                  Args.empty() ? nullptr : Args.front());
    }
    for (const Expr *A : Args)
      if (A->isGLValue())
        Recorder.recordCopy(A);
    return;
  }

  std::vector<CallableArg> Passed = storeArguments(Callee, Args);
  // A function the verifier's API runs as one atomic step: its body holds
  // the API's atomic section, as __VERIFIER_atomic_begin() takes it.
  bool Atomic =
      !IsMember && S.Lib.Cat.isAtomicFunction(Callee->getNameAsString());
  if (Atomic)
    lock({{channelPath("atomic-section"), false}});
  CallSite C = makeCall(CE);
  C.CalleeId = S.TU.usr(Callee);
  C.CalleeName = S.TU.displayName(Callee);
  C.CallableArgs = std::move(Passed);
  C.StartedBy = startOf(CE);
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE))
    if (const auto *ME = dyn_cast<MemberExpr>(MCE->getCallee()->IgnoreParens()))
      if (isVirtualDispatch(ME, Method, S.TU.Ctx))
        C.Kind = CallKind::Virtual;
  if (IsMember && Method->getParent()->isLambda()) {
    // A lambda's `this` is its creator's.
    C.This = thisPath();
  } else if (IsMember && Receiver) {
    if (Receiver->getType()->isPointerType()) {
      C.This = S.Paths.pointerValueOf(Receiver);
    } else if (auto Obj = S.Paths.pathOf(Receiver)) {
      appendStep(*Obj, "&");
      C.This = Obj;
    }
  }
  bindArguments(Callee, Args, C.Args, &C.CopiedArgs);
  C.IntegerArgs = integerArguments(Callee, Args, S);
  for (const IntegerArg &A : C.IntegerArgs)
    if (A.Param >= 0)
      noteTestedParam(S.Out, static_cast<unsigned>(A.Param));
  S.Out.Calls.push_back(std::move(C));
  if (Atomic)
    unlock({channelPath("atomic-section")});
  if (IsMember)
    handleOwnerAssertion(Callee, Receiver);
}

void CallModel::handleConstruct(const CXXConstructExpr *CE) {
  takeStoredFlags();
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  if (!Ctor)
    return;
  std::vector<const Expr *> Args;
  for (const Expr *A : CE->arguments())
    if (!isa<CXXDefaultArgExpr>(A))
      Args.push_back(A);
  // A guard moved into another guard variable hands its lock over; moved
  // into anything else (an awaiter, a temporary), it leaves us.
  const VarDecl *Into =
      S.Lib.recordHas(Ctor->getParent(), LibraryRole::SyncObject)
          ? S.Lexical.initialises(S.skip(CE))
          : nullptr;
  if (moveGuards(Args, Into))
    return;
  // A copy reads its source; a move writes it.
  // An implicit one copies every member, as a C struct copy does.
  if (Ctor->isCopyOrMoveConstructor() && Args.size() == 1 &&
      Args[0]->isGLValue() && !S.Lib.isAtomic(Args[0]->getType())) {
    if (Ctor->isMoveConstructor())
      Recorder.record(Args[0], /*Write=*/true);
    else if (Ctor->isImplicit() || Ctor->isDefaulted())
      Recorder.recordCopy(Args[0]);
    else
      Recorder.record(Args[0], /*Write=*/false);
  }

  // std::atomic_ref<T>(x): atomic operations on x.
  if (S.Lib.recordHas(Ctor->getParent(), LibraryRole::AtomicRef) &&
      !Args.empty())
    if (auto Target = S.Paths.pathOf(Args[0]))
      Recorder.recordPath(*Target, /*Write=*/true, CE, {}, /*Atomic=*/true);

  bool System = S.TU.inLibraryCode(Ctor);
  if (System || !Ctor->isImplicit()) {
    CallShape Shape;
    ShapeBuilder Builder;
    Shape.Names.push_back(catalogName(Ctor));
    for (const Expr *A : Args)
      Shape.ArgTokens.push_back(Builder.argTokens(A));
    if (handleCatalogued(Ctor, Shape, CE, nullptr, Args) || System)
      return;
  }
  if (Ctor->isImplicit() || Ctor->isTrivial())
    return;
  handleScopedCapability(CE, Args);
  std::vector<CallableArg> Passed = storeArguments(Ctor, Args);
  CallSite C = makeCall(CE);
  C.CalleeId = S.TU.usr(Ctor);
  C.CalleeName = S.TU.displayName(Ctor);
  C.CallableArgs = std::move(Passed);
  if (const VarDecl *Var = S.Lexical.initialises(S.skip(CE))) {
    if (auto P = S.Paths.varPath(Var)) {
      appendStep(*P, "&");
      C.This = P;
    }
  } else {
    // `new T(...)`: the object the allocation makes, as the pointer it
    // returns names it.
    for (const DynTypedNode &Parent : S.TU.Ctx.getParents(*CE))
      if (const auto *New = Parent.get<CXXNewExpr>())
        C.This = S.Paths.pointerValueOf(New);
  }
  bindArguments(Ctor, Args, C.Args, &C.CopiedArgs);
  S.Out.Calls.push_back(std::move(C));
}

} // namespace extract
} // namespace concur
