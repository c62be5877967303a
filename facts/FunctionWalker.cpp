//===- FunctionWalker.cpp - One function's body reduced to facts ----------===//

#include "facts/FunctionWalker.h"
#include "facts/AddressEscapes.h"
#include "facts/GuardScope.h"
#include "facts/LoopEntry.h"
#include "facts/OpenMPRegions.h"
#include "facts/StartResults.h"
#include "facts/StructCopies.h"
#include "facts/UnpublishedObjects.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/StmtOpenMP.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "llvm/Support/SaveAndRestore.h"

#include <algorithm>

using namespace clang;

namespace concur {
namespace extract {

/// Is VD a local integer of FD, a function that hands back an integer
/// (StartResults' statuses: other functions' locals are never asked about)?
static bool isStatusLocal(const FunctionDecl *FD, const VarDecl *VD) {
  return FD && FD->getReturnType()->isIntegralOrEnumerationType() && VD &&
         !VD->hasGlobalStorage() && !isa<ParmVarDecl>(VD) &&
         VD->getType()->isIntegralOrEnumerationType();
}

/// The status local (isStatusLocal) E names, if it names one.
static const VarDecl *statusLocal(const FunctionDecl *FD, const Expr *E) {
  const VarDecl *VD = referencedVar(E->IgnoreParenImpCasts());
  return isStatusLocal(FD, VD) ? VD : nullptr;
}

/// Clang's CFG builder recurses once per level of nesting; a function
/// nested deeper than this (generated code) is walked as a straight line.
static constexpr unsigned MaxCFGNesting = 100000;

FunctionWalker::FunctionWalker(TranslationUnitFacts &TU, const FunctionDecl *FD,
                               FunctionFacts &Out)
    : S(TU, FD, Out), Recorder(S), Flow(TU, Out.Stores), Fds(S, Flow),
      Calls(S, Recorder, Flow, Fds), Flags(S), Once(S), Taken(S), Counts(S) {}

void FunctionWalker::run() {
  const Stmt *Root = S.FD->getBody();
  if (const auto *Coroutine = dyn_cast<CoroutineBodyStmt>(Root))
    Root = Coroutine->getBody();
  S.Paths.findLocalUses(S.FD->getBody());
  findKeptIdReads(S.FD->getBody(), S.TU, S.KeptIdReads);
  // Thread Safety Analysis: REQUIRES(mu) means the caller holds mu here.
  for (const auto *A : S.FD->specific_attrs<RequiresCapabilityAttr>())
    for (const Expr *Arg : A->args())
      if (auto P = S.Paths.pathOf(Arg))
        S.Locks.Now.Held.push_back({*P, A->isShared()});
  std::vector<HeldLock> Entry = S.Locks.Now.Held;
  S.Lexical.build(S.TU.Ctx, S.Lib, S.FD, Root, /*InRegion=*/false);
  walk(Root);
  // What a lock()/unlock() style function leaves behind for its caller (a
  // once's branch ends with the function that tested the flag; a test of a
  // parameter speaks of this function's parameters, not the caller's, and
  // a flag's test of the value the flag had here).
  auto Taken = [&](const HeldLock &L) {
    return !isParamTest(L) && !isFlagTest(L) &&
           std::none_of(Entry.begin(), Entry.end(), [&](const HeldLock &E) {
             return sameObject(E.Mutex, L.Mutex);
           });
  };
  for (const HeldLock &L : S.Locks.Now.Held)
    if (!isOnceBranch(L) && Taken(L))
      S.Out.AcquiresOnExit.push_back(L);
  auto AmongPaths = [](const std::vector<AccessPath> &Paths,
                       const HeldLock &L) {
    return std::any_of(Paths.begin(), Paths.end(), [&](const AccessPath &P) {
      return sameObject(P, L.Mutex);
    });
  };
  auto AmongLocks = [](const std::vector<HeldLock> &Locks, const HeldLock &L) {
    return std::any_of(Locks.begin(), Locks.end(), [&](const HeldLock &M) {
      return sameObject(M.Mutex, L.Mutex);
    });
  };
  // A lock function that locks only where a setting asks for it
  // (`if (ctx->threaded) pthread_mutex_lock(&ctx->mu);`) leaves its caller
  // no result to tell the cases apart: where it matters, it locked. Not a
  // mutex given back on some path (a lock leaked on another), nor one taken
  // where a test of its own state succeeded (FunctionScope::TriedLocks).
  if (S.FD->getReturnType()->isVoidType())
    for (const HeldLock &L : HeldOnSomeReturn)
      if (!isPseudoLock(L) && Taken(L) && !S.Locks.Now.holds(L.Mutex) &&
          !AmongPaths(S.Locks.EverReleased, L) &&
          !AmongPaths(S.TriedLocks, L) && !AmongLocks(S.Out.AcquiresOnExit, L))
        S.Out.AcquiresOnExit.push_back(L);
  // A trylock wrapper: what it holds only where it returns a pointer.
  if (NonNullReturnLocks)
    for (const HeldLock &L : *NonNullReturnLocks)
      if (Taken(L) && !AmongLocks(S.Out.AcquiresOnExit, L))
        S.Out.AcquiresOnNonNullReturn.push_back(L);
  // What some returns still hold: a lock of its own, or one a callee's
  // result carried (a trylock wrapper's, where it was not null).
  for (const HeldLock &L : HeldOnSomeReturn)
    if ((!isPseudoLock(L) || isLockedOnReturn(L)) && Taken(L) &&
        !AmongLocks(S.Out.AcquiresOnExit, L) &&
        !AmongLocks(S.Out.AcquiresOnNonNullReturn, L) &&
        !AmongLocks(S.Out.MayHoldOnReturn, L))
      S.Out.MayHoldOnReturn.push_back(L);
}

void FunctionWalker::runRegion(const Stmt *Body,
                               const std::set<const VarDecl *> &Private) {
  S.InRegion = true;
  S.RegionPrivate = Private;
  S.Paths.findLocalUses(Body);
  S.Lexical.build(S.TU.Ctx, S.Lib, nullptr, Body, /*InRegion=*/true);
  walk(Body);
}

void FunctionWalker::walk(const Stmt *Root) {
  if (!S.InRegion)
    S.Out.AddressEscapes = findAddressEscapes(Root, S.FD, S.TU);
  S.Out.Ops += S.Lexical.Ops;
  S.Out.Loops += S.Lexical.Loops;
  S.Out.MaxLoopDepth = std::max(S.Out.MaxLoopDepth, S.Lexical.MaxLoopDepth);
  if (S.Lexical.MaxNesting > MaxCFGNesting || !walkCFG(Root)) {
    SourceLoc At = S.TU.loc(
        (S.Lexical.DeepestAt ? S.Lexical.DeepestAt : Root)->getBeginLoc());
    S.Out.Cuts.push_back(
        S.Lexical.MaxNesting > MaxCFGNesting
            ? "statements nested " + std::to_string(S.Lexical.MaxNesting) +
                  " deep (at " + shortLocation(At) +
                  "): walked in order, without branches and loops"
            : "no control-flow graph: walked in order, without branches and "
              "loops");
    S.StraightWalk = true;
    S.Locks.Now.Stored.clear();
    walkStraight();
  }
  if (S.Paths.CutAt)
    S.Out.Cuts.push_back("an access path longer than concur follows (at " +
                         shortLocation(*S.Paths.CutAt) + ")");
  Calls.markStoredCoroutines(Flow.storedCoroutines());
}

bool FunctionWalker::walkCFG(const Stmt *Root) {
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  Options.AddImplicitDtors = true;
  Options.AddInitializers = !S.InRegion;
  Options.PruneTriviallyFalseEdges = true;
  Options.AddEHEdges = true;
  std::unique_ptr<CFG> Graph =
      CFG::buildCFG(S.FD, const_cast<Stmt *>(Root), &S.TU.Ctx, Options);
  if (!Graph)
    return false;
  if (!S.InRegion) {
    S.SoleHandOns.clear();
    S.UnpublishedUses = findUnpublishedUses(*Graph, Root, S, &S.SoleHandOns);
    S.ChangedParamBlocks = changedParamBlocks(*Graph, S.FD);
  }
  S.OwnedThisUses = findOwnedThisUses(*Graph, Root, S);
  FlowState Initial = S.Locks.Now;
  std::vector<std::optional<FlowState>> Exits(Graph->getNumBlockIDs());
  PostOrderCFGView Order(Graph.get());
  std::vector<bool> Ending = processEndingBlocks(*Graph, Order);
  // An OpenMP region's walk has a graph of its own; the function's events
  // are placed in the function's.
  bool KeepsGraph = !S.InRegion && S.Out.BlockSuccessors.empty();
  if (KeepsGraph)
    keepGraph(*Graph, Ending);
  VisitedAt.assign(Graph->getNumBlockIDs(), 0);
  // An OpenMP region's walk, inside the function's, has results of its own.
  KnownResults Walk(S, Graph->getNumBlockIDs());
  llvm::SaveAndRestore<KnownResults *> InWalk(Results, &Walk);
  std::vector<bool> ComesRound = blocksComingRound(*Graph, Order);
  unsigned Visits = 0;
  for (const CFGBlock *Block : Order) {
    VisitedAt[Block->getBlockID()] = ++Visits;
    S.ComesRound = ComesRound[Block->getBlockID()];
    if (KeepsGraph)
      S.CurrentBlock = Block->getBlockID();
    S.Locks.Now =
        Block == &Graph->getEntry() ? Initial : entryState(Block, Exits);
    S.enterBlock();
    Walk.enterBlock(*Block);
    S.EndsProcess = Ending[Block->getBlockID()];
    acquirePolledFlags(Block);
    size_t CallsBefore = S.Out.Calls.size();
    for (const CFGElement &E : *Block)
      visitElement(E);
    for (size_t I = CallsBefore; I < S.Out.Calls.size(); ++I) {
      unsigned Kind = callKind(S.Out.Calls[I]);
      if (S.Locks.Now.MustCalled.size() <= Kind)
        S.Locks.Now.MustCalled.resize(Kind + 1);
      S.Locks.Now.MustCalled.set(Kind);
    }
    Once.noteBranch(Block->getTerminatorStmt());
    Walk.leaveBlock(*Block);
    Exits[Block->getBlockID()] = S.Locks.Now;
  }
  S.EndsProcess = false;
  S.ComesRound = true;
  S.CurrentBlock = UINT_MAX;
  S.Unreached.clear();
  // (An OpenMP region's walk is part of its function's, which settles.)
  if (!S.InRegion)
    StartResults(S, Calls.spawnOrders()).settleStatusLocals();
  // The state every return leaves (none, when nothing returns).
  const std::optional<FlowState> &AtExit = Exits[Graph->getExit().getBlockID()];
  S.Locks.Now = AtExit ? *AtExit : FlowState();
  // The states of the normal returns: not an exception's way out (a call
  // that may throw reaches the exit through its second successor), nor a
  // call that ends the process. (Nor a branch's edge that falls off the
  // function's end, `if (c->threaded) lock(c);` last: a lock function that
  // locks where its setting asks for it is a lock function.) The flags need
  // those edges too (`if (ok) first = false;` last leaves it unset).
  std::optional<FlowState> Returning, Falling;
  for (const CFGBlock::AdjacentBlock &Pred : Graph->getExit().preds()) {
    const CFGBlock *From = Pred.getReachableBlock();
    if (!From || Ending[From->getBlockID()] || !Exits[From->getBlockID()])
      continue;
    const FlowState &State = *Exits[From->getBlockID()];
    bool Normal = From->succ_begin()->getReachableBlock() == &Graph->getExit();
    if (Normal)
      Returning = Returning ? FlowState::join(*Returning, State) : State;
    if (Normal || From->getTerminatorCondition())
      Falling = Falling ? FlowState::join(*Falling, State) : State;
  }
  if (Returning)
    for (CallSite &Call : S.Out.Calls) {
      unsigned Kind = callKind(Call);
      Call.SkippedOnSomeReturn =
          Kind >= Returning->MustCalled.size() || !Returning->MustCalled[Kind];
    }
  // Its own static flags, as every normal return leaves them.
  if (Falling && !S.InRegion)
    for (const auto &[Key, Flag] : Falling->Stored)
      if (S.OwnStaticFlags.count(Key))
        S.Out.FlagsOnReturn.push_back(Flag);
  if (Returning) {
    HeldOnSomeReturn = Returning->Held;
    HeldOnSomeReturn.insert(HeldOnSomeReturn.end(),
                            Returning->MaybeHeld.begin(),
                            Returning->MaybeHeld.end());
  }
  return true;
}

void FunctionWalker::keepGraph(const CFG &Graph,
                               const std::vector<bool> &Ending) {
  S.Out.ExitBlock = Graph.getExit().getBlockID();
  S.Out.BlockSuccessors.assign(Graph.getNumBlockIDs(), {});
  for (const CFGBlock *Block : Graph) {
    if (Ending[Block->getBlockID()])
      continue;
    for (const CFGBlock *To : normalSuccessors(*Block))
      S.Out.BlockSuccessors[Block->getBlockID()].push_back(To->getBlockID());
  }
}

std::vector<const CFGBlock *>
FunctionWalker::normalSuccessors(const CFGBlock &Block) {
  // A call that may throw ends its block with two successors, the normal
  // one first: the exception's way out is no path the code means to take.
  unsigned Considered =
      !Block.getTerminatorStmt() && Block.succ_size() == 2 ? 1 : ~0u;
  std::vector<const CFGBlock *> Successors;
  for (const CFGBlock::AdjacentBlock &Succ : Block.succs()) {
    if (Considered-- == 0)
      break;
    if (const CFGBlock *To = Succ.getReachableBlock())
      Successors.push_back(To);
  }
  return Successors;
}

unsigned FunctionWalker::callKind(const CallSite &Call) {
  std::string Key = Call.CalleeId + "(";
  auto Append = [&](const std::optional<AccessPath> &P) {
    if (P)
      Key += pathKey(*P);
    Key += ",";
  };
  Append(Call.This);
  for (const std::optional<AccessPath> &Arg : Call.Args)
    Append(Arg);
  return CallKinds.try_emplace(Key, CallKinds.size()).first->second;
}

bool FunctionWalker::endsOnlyThread(const CFGBlock &Block) const {
  for (auto It = Block.rbegin(); It != Block.rend(); ++It) {
    auto Element = It->getAs<CFGStmt>();
    if (!Element)
      continue;
    const auto *Call = dyn_cast<CallExpr>(Element->getStmt());
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    return Callee && S.Lib.functionHas(Callee, LibraryRole::EndsThread);
  }
  return false;
}

/// The blocks that reach a loop's way back: a block that does not (a
/// loop's branch that returns or breaks out for good) runs at most once per
/// pass through the loops around it.
std::vector<bool>
FunctionWalker::blocksComingRound(const CFG &Graph,
                                  const PostOrderCFGView &Order) {
  std::vector<bool> Round(Graph.getNumBlockIDs(), false);
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const CFGBlock *Block : Order) {
      if (Round[Block->getBlockID()])
        continue;
      bool Reaches = Block->getLoopTarget() != nullptr;
      for (const CFGBlock *To : Block->succs())
        Reaches = Reaches || (To && Round[To->getBlockID()]);
      if (Reaches) {
        Round[Block->getBlockID()] = true;
        Changed = true;
      }
    }
  }
  return Round;
}

/// Blocks from which every path reaches a call that does not return
/// (clang marks them: the call is the block's last element and its only
/// successor is the exit). Computed backwards to a fixpoint: a block ends
/// the process when it holds such a call or all its successors do. A call
/// that ends only the thread (pthread_exit at the end of a worker) leaves
/// the process and its other threads running: no end of the process.
std::vector<bool>
FunctionWalker::processEndingBlocks(const CFG &Graph,
                                    const PostOrderCFGView &Order) {
  std::vector<bool> Ending(Graph.getNumBlockIDs(), false);
  for (const CFGBlock *Block : Order)
    if (Block->hasNoReturnElement() && !endsOnlyThread(*Block))
      Ending[Block->getBlockID()] = true;
  for (bool Changed = true; Changed;) {
    Changed = false;
    // Post order visits successors first, so one pass settles acyclic code.
    for (const CFGBlock *Block : Order) {
      if (Ending[Block->getBlockID()] || Block == &Graph.getExit())
        continue;
      bool All = Block->succ_size() > 0;
      // An exception's way out is not taken as a path back to the loop
      // (the blocking call before it has happened anyway).
      for (const CFGBlock *To : normalSuccessors(*Block))
        if (!Ending[To->getBlockID()]) {
          All = false;
          break;
        }
      if (All) {
        Ending[Block->getBlockID()] = true;
        Changed = true;
      }
    }
  }
  return Ending;
}

/// The volatile lvalues an expression reads (not through a call).
/// Is VD only read (its value taken) and assigned in Body: no address
/// taken, no reference bound to it, no method called on it? Then only this
/// code changes it.
static bool onlyReadAndAssigned(const VarDecl *VD, const Stmt *Body) {
  auto Names = [&](const Stmt *S) {
    const auto *Ref = dyn_cast_or_null<DeclRefExpr>(S);
    return Ref && Ref->getDecl() == VD;
  };
  // Each node with its parent: a use is fine where the parent reads the
  // value or assigns to it.
  std::vector<std::pair<const Stmt *, const Stmt *>> Work{{Body, nullptr}};
  while (!Work.empty()) {
    auto [N, Parent] = Work.back();
    Work.pop_back();
    if (!N)
      continue;
    if (Names(N)) {
      const auto *Cast = dyn_cast_or_null<ImplicitCastExpr>(Parent);
      const auto *Assign = dyn_cast_or_null<BinaryOperator>(Parent);
      const auto *Step = dyn_cast_or_null<UnaryOperator>(Parent);
      bool Fine = (Cast && Cast->getCastKind() == CK_LValueToRValue) ||
                  (Assign && Assign->isAssignmentOp() &&
                   Assign->getLHS()->IgnoreParens() == N) ||
                  (Step && Step->isIncrementDecrementOp());
      if (!Fine)
        return false;
    }
    for (const Stmt *Child : N->children())
      Work.push_back({Child, isa<ParenExpr>(N) ? Parent : N});
  }
  return true;
}

static void volatileReads(const Expr *E, std::vector<const Expr *> &Out) {
  if (!E)
    return;
  E = E->IgnoreParens();
  if ((isa<DeclRefExpr>(E) || isa<MemberExpr>(E)) && E->isGLValue() &&
      E->getType().isVolatileQualified()) {
    Out.push_back(E);
    return;
  }
  if (isa<CallExpr>(E) || isa<LambdaExpr>(E))
    return;
  for (const Stmt *Child : E->children())
    if (const auto *C = dyn_cast_or_null<Expr>(Child))
      volatileReads(C, Out);
}

/// A loop that waits for a volatile flag (`while (ctx->stop != 2)
/// sleep(1);`) has seen the value some thread wrote once it leaves: what
/// follows would be ordered after what that thread did before writing it
/// if the flag were the atomic it should be. Only the exit edge acquires
/// (the body runs before the flag changed). In C++ the handshake orders
/// nothing (SyncEvent::Volatile): the check reports what it alone orders
/// as a consequence of the flag's race.
void FunctionWalker::acquirePolledFlags(const CFGBlock *Block) {
  for (const CFGBlock::AdjacentBlock &Pred : Block->preds()) {
    const CFGBlock *From = Pred.getReachableBlock();
    if (!From || From->succ_size() != 2 ||
        (From->succ_begin() + 1)->getReachableBlock() != Block)
      continue;
    const Stmt *Loop = From->getTerminatorStmt();
    if (!Loop ||
        !(isa<WhileStmt>(Loop) || isa<DoStmt>(Loop) || isa<ForStmt>(Loop)))
      continue;
    std::vector<const Expr *> Flags;
    if (const Stmt *Cond = From->getTerminatorCondition(/*StripParens=*/true))
      volatileReads(dyn_cast<Expr>(Cond), Flags);
    for (const Expr *Flag : Flags)
      if (auto P = S.Paths.pathOf(Flag))
        S.addSync(*P, /*Release=*/false, /*Volatile=*/true);
  }
}

FlowState
FunctionWalker::entryState(const CFGBlock *Block,
                           const std::vector<std::optional<FlowState>> &Exits) {
  std::optional<FlowState> Joined;
  // Entered by a loop's back edge too (a predecessor not visited yet).
  bool GotoBack = false;
  bool LoopHead = std::any_of(Block->pred_begin(), Block->pred_end(),
                              [&](const CFGBlock::AdjacentBlock &Pred) {
                                const CFGBlock *From = Pred.getReachableBlock();
                                return From && !Exits[From->getBlockID()];
                              });
  for (const CFGBlock::AdjacentBlock &Pred : Block->preds()) {
    const CFGBlock *From = Pred.getReachableBlock();
    // Not visited yet: a loop's back edge (what the loop body does is not
    // waited for, as in clang's Thread Safety Analysis). What the body
    // writes may change a flag, though: none keeps its value here.
    if (!From || !Exits[From->getBlockID()]) {
      // A `goto` back: a loop no statement names, which the lexical loop
      // depth does not see. What follows may run again.
      if (From && isa_and_nonnull<GotoStmt>(From->getTerminatorStmt()))
        S.InGotoLoop = GotoBack = true;
      continue;
    }
    S.Locks.Now = *Exits[From->getBlockID()];
    // The way out of a loop whose condition holds when first tested is
    // taken at a later test only: from the state its passes end in.
    if (From->succ_size() == 2 &&
        (From->succ_begin() + 1)->getReachableBlock() == Block &&
        From->succ_begin()->getReachableBlock() != Block &&
        holdsOnFirstTest(From->getTerminatorStmt(), S.TU.Ctx)) {
      std::optional<FlowState> AfterPass;
      for (const CFGBlock::AdjacentBlock &Back : From->preds()) {
        const CFGBlock *Latch = Back.getReachableBlock();
        if (!Latch || !Exits[Latch->getBlockID()] ||
            VisitedAt[Latch->getBlockID()] <= VisitedAt[From->getBlockID()])
          continue;
        const FlowState &State = *Exits[Latch->getBlockID()];
        AfterPass = AfterPass ? FlowState::join(*AfterPass, State) : State;
      }
      // No pass comes back to the test: this way out is never taken.
      if (!AfterPass)
        continue;
      S.Locks.Now = *AfterPass;
    }
    // A trylock as the branch condition: held on its success edge; a
    // readiness test: the object is ready on its true edge.
    if (const Stmt *Cond = From->getTerminatorCondition(/*StripParens=*/true))
      if (const auto *E = dyn_cast<Expr>(Cond)) {
        bool TrueEdge = From->succ_size() == 2 &&
                        From->succ_begin()->getReachableBlock() == Block;
        if (std::optional<TryLock> Try = Calls.tryLockIn(E))
          if (TrueEdge != Try->Negated) {
            S.Locks.lock(Try->Locks);
            for (const HeldLock &L : Try->Locks)
              S.TriedLocks.push_back(L.Mutex);
            for (const AccessPath &Handle : Try->Joined) {
              Calls.addJoin(Handle, E);
              JoinEvent &J = S.Out.Joins.back();
              J.OnSuccessEdge = true;
              HeldLock Mark;
              Mark.Mutex.Root = AccessPath::RootKind::Return;
              Mark.Mutex.RootId = std::to_string(J.Order);
              Mark.Mutex.Name = Mark.Mutex.RootName = "the join's success";
              Mark.Mutex.Steps.push_back(TryJoinedMark);
              S.Locks.lock({Mark});
            }
          }
        // What the condition tests against null or zero, asked once for
        // the three questions about it.
        bool NullOnTrue = false;
        const Expr *Tested = nullTested(E, S.TU.Ctx, NullOnTrue);
        bool NullEdge = TrueEdge == NullOnTrue;
        if (std::optional<HeldLock> Result =
                lockedResultOnEdge(Tested, NullEdge))
          S.Locks.lock({*Result});
        if (std::optional<HeldLock> Class = StartResults(S, Calls.spawnOrders())
                                                .classOnEdge(Tested, NullEdge))
          S.Locks.lock({*Class});
        if (const VarDecl *Local = nonNullOnEdge(Tested, NullEdge))
          S.Locks.Now.NonNull.insert(Local);
        if (std::optional<HeldLock> Last =
                lastReferenceOnEdge(E, TrueEdge, S, Counts))
          S.Locks.lock({*Last});
        if (std::optional<ReadyTest> Test = Calls.readinessIn(E))
          if (TrueEdge != Test->Negated)
            S.Locks.Now.Ready.push_back(Test->Object);
        // An error branch the call it tests never takes; a branch a
        // constant argument decides (two-way branches only: a switch's
        // edges are its cases).
        bool TwoWay = From->succ_size() == 2 &&
                      !isa_and_nonnull<SwitchStmt>(From->getTerminatorStmt());
        if (TwoWay && Results && Results->neverTaken(*From, TrueEdge))
          S.Locks.lock({impossibleBranch()});
        // The block that evaluates the last operand of `a && b` (its
        // terminator is the branch, not the `&&`, and that operand is the
        // last thing it evaluates) decides the branch by that operand
        // alone. (A do-while's condition block is where both operands'
        // ways meet: it evaluates no operand last of its own.)
        const Expr *Last = E;
        if (!isa_and_nonnull<BinaryOperator>(From->getTerminatorStmt())) {
          const Expr *Operand = E;
          while (const auto *Logical =
                     dyn_cast<BinaryOperator>(Operand->IgnoreParens())) {
            if (!Logical->isLogicalOp())
              break;
            Operand = Logical->getRHS();
          }
          std::optional<CFGStmt> Evaluated =
              From->empty() ? std::nullopt : From->back().getAs<CFGStmt>();
          if (Operand != E && Evaluated &&
              Evaluated->getStmt() == Operand->IgnoreParens())
            Last = Operand;
        }
        if (TwoWay)
          if (std::optional<HeldLock> Test =
                  paramTestOnEdge(Last, TrueEdge, From->getBlockID(), S))
            S.Locks.lock({*Test});
        if (TwoWay)
          if (std::optional<HeldLock> Flag = flagTestOnEdge(Last, TrueEdge, S))
            S.Locks.lock({*Flag});
        noExecutorEdge(E, TrueEdge);
      }
    // A case a loop or a goto comes back to is entered again with any
    // value: the back edge, not walked yet, would not say so.
    if (!LoopHead)
      for (const HeldLock &Case : switchTestsOnEdge(*From, *Block, S))
        S.Locks.lock({Case});
    if (std::optional<HeldLock> Mark = Once.markOnEdge(From, Block))
      S.Locks.lock({*Mark});
    Joined = Joined ? FlowState::join(*Joined, S.Locks.Now) : S.Locks.Now;
  }
  if (Joined && LoopHead)
    Joined->forgetStored(AccessPath{});
  // A goto back may come from a path on which a parameter's test found
  // another value (a label entered from a branch and jumped to from
  // elsewhere): no structured loop's head, which every pass goes through.
  if (Joined && GotoBack)
    Joined->Held.erase(
        std::remove_if(Joined->Held.begin(), Joined->Held.end(), isParamTest),
        Joined->Held.end());
  return Joined ? *Joined : FlowState();
}

const Expr *nullTested(const Expr *Cond, ASTContext &Ctx, bool &NullOnTrue) {
  NullOnTrue = false;
  const Expr *E = Cond->IgnoreParenImpCasts();
  auto IsNull = [&](const Expr *X) {
    return X->IgnoreParenImpCasts()->isNullPointerConstant(
        Ctx, Expr::NPC_ValueDependentIsNotNull);
  };
  while (true) {
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && U->getOpcode() == UO_LNot) {
      NullOnTrue = !NullOnTrue;
      E = U->getSubExpr()->IgnoreParenImpCasts();
      continue;
    }
    if (const auto *B = dyn_cast<BinaryOperator>(E); B && B->isEqualityOp()) {
      const Expr *Tested = IsNull(B->getRHS())   ? B->getLHS()
                           : IsNull(B->getLHS()) ? B->getRHS()
                                                 : nullptr;
      if (!Tested)
        break;
      if (B->getOpcode() == BO_EQ)
        NullOnTrue = !NullOnTrue;
      E = Tested->IgnoreParenImpCasts();
      continue;
    }
    break;
  }
  return E;
}

/// if (!ex) after ex = co_await CurrentExecutor{}: on the edge where the
/// coroutine has no executor, it runs on the thread that started it, which
/// waits for it.
void FunctionWalker::noExecutorEdge(const Expr *Cond, bool TrueEdge) {
  if (S.ExecutorHolders.empty())
    return;
  bool NullOnTrue = false;
  const VarDecl *Var = referencedVar(nullTested(Cond, S.TU.Ctx, NullOnTrue));
  auto Holder = S.ExecutorHolders.find(Var);
  if (Holder == S.ExecutorHolders.end() || TrueEdge != NullOnTrue)
    return;
  ExecutorSwitch None;
  None.Api = Holder->second + " found no executor";
  None.Loc = S.TU.loc(Cond->getExprLoc());
  None.Awaited = true;
  None.To = ExecutionContext::DedicatedThread;
  S.Out.Switches.push_back(None);
  S.Locks.Now.OffLoop = true;
  S.Locks.Now.SwitchedTo = ExecutionContext::DedicatedThread;
}

void FunctionWalker::walkStraight() {
  for (const Stmt *St : S.Lexical.postOrder()) {
    visitStmt(St);
    noteUntakenReleases();
  }
  // Guards still in scope end with the function.
  std::vector<const VarDecl *> InScope;
  for (const auto &[Var, G] : S.Locks.Now.Guards)
    InScope.push_back(Var);
  for (const VarDecl *Var : InScope)
    S.Locks.endGuard(Var, S.Out.ReleasesOnExit);
}

void FunctionWalker::visitElement(const CFGElement &E) {
  if (std::optional<CFGStmt> Statement = E.getAs<CFGStmt>())
    visitStmt(Statement->getStmt());
  else if (std::optional<CFGInitializer> Init = E.getAs<CFGInitializer>())
    visitInitializer(Init->getInitializer());
  else if (std::optional<CFGAutomaticObjDtor> Dtor =
               E.getAs<CFGAutomaticObjDtor>())
    visitScopeEnd(Dtor->getVarDecl());
  noteUntakenReleases();
}

void FunctionWalker::noteUntakenReleases() {
  for (AccessPath &M : S.Locks.Untaken)
    S.Out.UntakenReleases.push_back({std::move(M), S.Order});
  S.Locks.Untaken.clear();
}

void FunctionWalker::visitStmt(const Stmt *St) {
  // clang's CFG gives each variable of a declaration a statement of its own:
  // declarations are known by their variables.
  if (const auto *DS = dyn_cast<DeclStmt>(St)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        if (!S.Lexical.isSkipped(VD)) {
          S.Here = &S.Lexical.contextOf(VD);
          S.Current = St;
          S.CurrentLoc = S.TU.loc(VD->getLocation());
          visitDecl(VD);
        }
    return;
  }
  if (S.Lexical.isSkipped(St))
    return;
  S.Here = &S.Lexical.contextOf(St);
  S.Current = St;
  S.CurrentLoc = S.TU.loc(St->getBeginLoc());
  if (const auto *Directive = dyn_cast<OMPExecutableDirective>(St)) {
    handleOpenMPDirective(S, Calls, Directive);
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(St)) {
    Calls.handleCall(Call);
    return;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(St)) {
    Calls.handleConstruct(Construct);
    return;
  }
  if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(St)) {
    visitAwait(Suspend);
    return;
  }
  if (const auto *Lambda = dyn_cast<LambdaExpr>(St)) {
    visitLambda(Lambda);
    return;
  }
  if (const auto *Return = dyn_cast<ReturnStmt>(St)) {
    visitReturn(Return);
    return;
  }
  if (const auto *B = dyn_cast<BinaryOperator>(St)) {
    if (B->isAssignmentOp()) {
      visitAssignment(B);
      Flags.noteSet(B);
      Once.noteSet(B);
    } else {
      Flags.noteTest(B);
    }
    return;
  }
  if (const auto *U = dyn_cast<UnaryOperator>(St)) {
    if (U->isIncrementDecrementOp()) {
      if (const VarDecl *Local = statusLocal(S.FD, U->getSubExpr()))
        S.IntegerLocalValues[Local].push_back({nullptr, S.CurrentBlock});
      size_t Before = S.Out.Accesses.size();
      Recorder.record(U->getSubExpr(), /*Write=*/true);
      if (U->isIncrementOp() && U->getType()->isIntegerType() &&
          S.Out.Accesses.size() > Before && S.Out.Accesses.back().Write)
        S.Out.Accesses.back().CountsUp = true;
      if (U->getOpcode() == UO_PostInc && U->getType()->isIntegerType() &&
          holdsRealLock(S.Locks.Now.Held))
        S.Paths.LockedTakes.insert(U);
    }
    return;
  }
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(St))
    if (Cast->getCastKind() == CK_LValueToRValue)
      Recorder.recordCopy(Cast->getSubExpr());
}

void FunctionWalker::notePointerStore(MemoryAccess &A, const Expr *Value,
                                      bool InPlace) {
  A.StoresPointer = true;
  A.Stored = S.Paths.pointerValueOf(Value);
  A.StoresNewObject = isAllocation(S.Lib, Value) || InPlace;
  // `n ? make(n) : NULL` stores what the call made, or nothing.
  auto IsCall = [](const Expr *Value) {
    return isa<CallExpr>(madeValue(Value)->IgnoreParenCasts());
  };
  A.StoresCallResult = IsCall(Value);
  // A local handing on here, and only here, the one object it was given
  // (`state = zmalloc(n); ...; loop->apidata = state;`) stores it as the
  // call that made it would.
  if (const auto *Use = dyn_cast<DeclRefExpr>(Value->IgnoreParenCasts()))
    if (auto It = S.SoleHandOns.find(Use); It != S.SoleHandOns.end()) {
      A.StoresNewObject = isAllocation(S.Lib, It->second);
      A.StoresCallResult = IsCall(It->second);
    }
}

void FunctionWalker::noteFieldInitialisers(const VarDecl *VD,
                                           const InitListExpr *List) {
  const RecordDecl *RD = VD->getType()->getAsRecordDecl();
  if (!RD || RD->isUnion() || VD->hasGlobalStorage())
    return;
  // Bases come first in a C++ aggregate's list: only plain structs.
  if (const auto *Class = dyn_cast<CXXRecordDecl>(RD);
      Class && Class->getNumBases())
    return;
  if (const InitListExpr *Semantic = List->getSemanticForm())
    List = Semantic;
  unsigned I = 0;
  for (const FieldDecl *Field : RD->fields()) {
    if (I >= List->getNumInits())
      break;
    const Expr *Value = List->getInit(I++);
    if (!Field->getType()->isPointerType() || !Field->getIdentifier() ||
        Value->isNullPointerConstant(S.TU.Ctx, Expr::NPC_ValueDependentIsNull))
      continue;
    std::optional<AccessPath> Place = S.Paths.varPath(VD);
    if (!Place)
      continue;
    appendStep(*Place, "." + Field->getNameAsString());
    Place->Name = RD->getIdentifier()
                      ? catalogName(RD) + "::" + Field->getNameAsString()
                      : Place->Name + "." + Field->getNameAsString();
    size_t Before = S.Out.Accesses.size();
    Recorder.recordPath(*Place, /*Write=*/true, Value);
    if (S.Out.Accesses.size() == Before || !S.Out.Accesses.back().Write)
      continue;
    notePointerStore(S.Out.Accesses.back(), Value, /*InPlace=*/false);
  }
}

void FunctionWalker::visitDecl(const VarDecl *VD) {
  if (VD->getInit() && isStatusLocal(S.FD, VD))
    S.IntegerLocalValues[VD].push_back({VD->getInit(), S.CurrentBlock});
  if (const auto *List = dyn_cast_or_null<InitListExpr>(
          VD->getInit() ? VD->getInit()->IgnoreParenImpCasts() : nullptr))
    noteFieldInitialisers(VD, List);
  if (const Expr *Init = VD->getInit()) {
    QualType T = VD->getType();
    if (T->isReferenceType()) {
      if (auto P = S.Paths.pathOf(Init))
        S.Paths.aliasReference(VD, *P);
    } else if (T->isPointerType()) {
      if (S.Paths.isListCursor(VD))
        S.Paths.setPointerValue(VD, S.Paths.listCursorValue(VD, Init));
      else if (auto P = S.Paths.pointerValueOf(Init))
        S.Paths.setPointerValue(VD, P);
      Taken.noteLoad(VD, Init);
      noteResult(VD, Init);
    } else if (S.Lib.isSmartPointer(T) && Init->isGLValue()) {
      if (auto P = S.Paths.pathOf(Init))
        S.Paths.setPointerValue(VD, P);
    } else if (S.Lib.isSmartPointer(T)) {
      if (const auto *Ctor = dyn_cast<CXXConstructExpr>(S.skip(Init)))
        if (Ctor->getNumArgs() == 1)
          if (auto P = S.Paths.pathOf(Ctor->getArg(0)))
            S.Paths.setPointerValue(VD, P);
    }
    // The initialiser of this very object: a call through its field reaches
    // what it put there, not what other objects' initialisers put in theirs.
    if (Flow.mayHoldCallable(T))
      Flow.storeInit(Flow.varSlot(VD), Init, Flow.objectPlace(VD));
    if (T->isIntegralOrEnumerationType()) {
      Fds.copy(Flow.varSlot(VD), Init);
      Counts.note(VD, Init);
      if (Results)
        Results->note(VD, Init);
    }
    if (S.Lib.isThreadHandle(T))
      copyHandle(Init, S.Paths.varPath(VD));
    // What a co_await produced is complete: its results are there.
    if (const auto *Await = dyn_cast<CoroutineSuspendExpr>(S.skip(Init))) {
      if (auto P = S.Paths.varPath(VD))
        S.Locks.Now.Ready.push_back(*P);
      // The coroutine's executor, asked for: none means it has none.
      if (S.Lib.typeHas(S.skip(Await->getOperand())->getType(),
                        LibraryRole::ExecutorQuery))
        S.ExecutorHolders[VD] =
            catalogName(recordOf(S.skip(Await->getOperand())->getType()));
    }
  }
  if (const CXXForRangeStmt *Loop = S.Lexical.rangeLoopOf(VD))
    visitRangeLoop(VD, Loop);
  visitReturnedGuard(VD);
}

/// std::unique_lock<std::mutex> Lk = acquire(): a guard a function of the
/// program returns holds what that function locked.
void FunctionWalker::visitReturnedGuard(const VarDecl *VD) {
  const auto *Call = dyn_cast_or_null<CallExpr>(
      VD->getInit() ? S.skip(VD->getInit()) : nullptr);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  const CXXRecordDecl *Type = VD->getType()->getAsCXXRecordDecl();
  if (!Callee || !Type || S.TU.inLibraryCode(Callee) || S.Locks.guardOf(VD))
    return;
  CallShape Shape;
  Shape.Names.push_back(catalogName(Type) + "::" + Type->getNameAsString());
  const CatalogEntry *Entry = S.Lib.Cat.match(Shape, EntryKind::Sync);
  if (!Entry ||
      (Entry->Op != SyncOp::Guard && Entry->Op != SyncOp::GuardShared))
    return;
  AccessPath Returned = channelPath("returned-lock:" + S.TU.usr(Callee));
  Returned.Name = "the lock " + S.TU.displayName(Callee) + "() returned";
  Guard G;
  G.Mutexes.push_back(Returned);
  G.Shared = Entry->Op == SyncOp::GuardShared;
  S.Locks.addGuard(VD, std::move(G), /*Locks=*/true, S.CurrentLoc);
}

void FunctionWalker::visitRangeLoop(const VarDecl *RangeVar,
                                    const CXXForRangeStmt *Loop) {
  const VarDecl *LoopVar = Loop->getLoopVariable();
  const Expr *Range = Loop->getRangeInit();
  if (!LoopVar || !Range)
    return;
  // The loop variable names an element of the range.
  if (auto Element = S.Paths.pathOf(Range)) {
    appendStep(*Element, "[]");
    if (LoopVar->getType()->isReferenceType())
      S.Paths.aliasReference(LoopVar, *Element);
    // A loop variable that is a copy reads every element.
    else if (Range->isGLValue() && !S.Lib.isAtomic(Range->getType()))
      Recorder.recordPath(*Element, /*Write=*/false, Range);
  }
  // The loop variable holds what the range's elements hold (callables, or
  // containers of them).
  if (Flow.mayHoldCallable(LoopVar->getType()))
    if (std::optional<Slot> From = Flow.slotOf(Range))
      Flow.link(Flow.varSlot(LoopVar), CallableFlow::elements(*From), Range);
}

/// `p->buf = realloc(p->buf, n)`: what the place held, or a new object in
/// its stead. For telling whether a place points at an object of its own,
/// as good as an allocation.
bool FunctionWalker::reallocatesInPlace(const Expr *LHS, const Expr *RHS) {
  const auto *Call = dyn_cast<CallExpr>(RHS->IgnoreParenCasts());
  if (!Call || Call->getNumArgs() < 1 ||
      !S.Lib.functionHas(Call->getDirectCallee(), LibraryRole::Reallocates))
    return false;
  // The same place (its casts to void * aside), as the facts name places.
  std::optional<AccessPath> Place = S.Paths.pathOf(LHS);
  std::optional<AccessPath> Argument =
      S.Paths.pathOf(Call->getArg(0)->IgnoreParenCasts());
  return Place && Argument && sameObject(*Place, *Argument);
}

void FunctionWalker::visitAssignment(const BinaryOperator *B) {
  const Expr *LHS = B->getLHS(), *RHS = B->getRHS();
  if (const VarDecl *Local = statusLocal(S.FD, LHS))
    S.IntegerLocalValues[Local].push_back(
        {B->getOpcode() == BO_Assign ? RHS : nullptr, S.CurrentBlock});
  // `p->seq = p->qual = 0` stores what the inner assignment stores.
  while (const auto *Inner = dyn_cast<BinaryOperator>(RHS->IgnoreParens()))
    if (Inner->getOpcode() == BO_Assign && B->getOpcode() == BO_Assign)
      RHS = Inner->getRHS();
    else
      break;
  size_t Before = S.Out.Accesses.size();
  Recorder.record(LHS, /*Write=*/true);
  if (B->getOpcode() == BO_Assign)
    Recorder.noteCopiedPointers(Before, LHS->getType(), RHS);
  if (B->getOpcode() == BO_Assign && LHS->getType()->isPointerType() &&
      S.Out.Accesses.size() == Before &&
      !RHS->isNullPointerConstant(S.TU.Ctx, Expr::NPC_ValueDependentIsNull))
    Recorder.recordOwnElementStore(LHS);
  // A pointer store keeps where it points; null points nowhere.
  if (B->getOpcode() == BO_Assign && LHS->getType()->isPointerType() &&
      S.Out.Accesses.size() > Before && S.Out.Accesses.back().Write &&
      !RHS->isNullPointerConstant(S.TU.Ctx, Expr::NPC_ValueDependentIsNull)) {
    notePointerStore(S.Out.Accesses.back(), RHS, reallocatesInPlace(LHS, RHS));
  }
  if (B->getOpcode() == BO_Assign && S.Out.Accesses.size() > Before &&
      S.Out.Accesses.back().Write && isCurrentThreadIdValue(RHS, S.TU))
    S.Out.Accesses.back().StoresCurrentThreadId = true;
  // `mosq->threaded = mosq_ts_self`: a flag the code set (StoredFlag).
  // (`a = b = 0` stores the inner assignment's value.)
  const Expr *Value = RHS->IgnoreParenImpCasts();
  while (const auto *Inner = dyn_cast<BinaryOperator>(Value))
    if (Inner->getOpcode() == BO_Assign)
      Value = Inner->getRHS()->IgnoreParenImpCasts();
    else
      break;
  if (B->getOpcode() == BO_Assign && S.Out.Accesses.size() > Before &&
      S.Out.Accesses.back().Write &&
      LHS->getType()->isIntegralOrEnumerationType())
    if (std::optional<long long> Constant =
            constantArgument(Value, LHS->getType(), S.TU.Ctx)) {
      S.Out.Accesses.back().StoredConstant = *Constant;
      const AccessPath &Place = S.Out.Accesses.back().Path;
      if (!S.StraightWalk) {
        S.Locks.Now.Stored[pathKey(Place)] = {Place, *Constant};
        if (const VarDecl *VD = referencedVar(LHS);
            VD && VD->isStaticLocal() && VD->getDeclContext() == S.FD &&
            onlyReadAndAssigned(VD, S.FD->getBody()))
          S.OwnStaticFlags.insert(pathKey(Place));
      }
    }
  if (const VarDecl *VD = referencedVar(LHS); VD && !VD->hasGlobalStorage()) {
    const Expr *Assigned = B->getOpcode() == BO_Assign ? RHS : nullptr;
    Counts.note(VD, Assigned);
    if (Results)
      Results->note(VD, Assigned);
    // A local pointer now points where the right-hand side points.
    if (VD->getType()->isPointerType()) {
      S.Paths.setPointerValue(VD, S.Paths.isListCursor(VD)
                                      ? S.Paths.listCursorValue(VD, RHS)
                                      : S.Paths.pointerValueOf(RHS));
      Taken.noteLoad(VD, Assigned);
      noteResult(VD, Assigned);
    }
  }
  if (B->getOpcode() == BO_Assign)
    Taken.noteStore(LHS);
  if (B->getOpcode() == BO_Assign && isa<CoroutineSuspendExpr>(S.skip(RHS)))
    if (auto P = S.Paths.pathOf(LHS))
      S.Locks.Now.Ready.push_back(*P);
  if (B->getOpcode() == BO_Assign && S.Lib.isThreadHandle(LHS->getType()))
    copyHandle(RHS, S.Paths.pathOf(LHS));
  if (B->getOpcode() == BO_Assign &&
      LHS->getType()->isIntegralOrEnumerationType())
    if (std::optional<Slot> Into = Flow.slotOf(LHS))
      Fds.copy(*Into, RHS);
  if (B->getOpcode() == BO_Assign && S.Lib.isErasedCallable(LHS->getType()))
    if (std::optional<Slot> Into = Flow.slotOf(LHS)) {
      // A field of an object this function names: the check binds what
      // a call passed to the function's own parameter to that very field.
      std::optional<AccessPath> Place;
      if (isa<MemberExpr>(LHS->IgnoreParenImpCasts()))
        Place = S.Paths.pathOf(LHS);
      Flow.store(*Into, RHS, "", Place);
    }
}

void FunctionWalker::copyHandle(const Expr *From,
                                std::optional<AccessPath> To) {
  // A call's result is the handle its callee returned (Returns).
  std::optional<AccessPath> Source = S.Paths.copiedObject(S.skip(From));
  if (!Source || !To)
    return;
  S.Out.HandleCopies.push_back({*Source, *To, S.nextOrder()});
}

void FunctionWalker::visitLambda(const LambdaExpr *L) {
  // An init-capture is a variable of the lambda's body, initialised here:
  // [tasks = std::move(tasks)] keeps what tasks held.
  for (const LambdaCapture &C : L->captures()) {
    if (!C.capturesVariable())
      continue;
    const auto *VD = dyn_cast<VarDecl>(C.getCapturedVar());
    if (VD && VD->isInitCapture() && Flow.mayHoldCallable(VD->getType()))
      Flow.storeInit(Flow.varSlot(VD), VD->getInit());
  }
}

void FunctionWalker::awaitStored(const Expr *Operand) {
  // co_await task, co_await std::move(tasks[0]): the stored coroutine;
  // co_await collectAll(std::move(tasks)): every stored one.
  const Expr *E = S.skip(Operand);
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    // when_all may be a coroutine itself: what it is given is still
    // awaited here.
    if (S.Lib.functionHas(Call->getDirectCallee(), LibraryRole::AwaitsAll)) {
      for (const Expr *Arg : Call->arguments())
        awaitStored(Arg);
      return;
    }
    if (calledCoroutine(Call))
      return; // A direct call: the call itself is the start.
  }
  QualType T = E->getType();
  if (!Flow.mayHoldCallable(T) || S.Lib.isErasedCallable(T))
    return;
  std::optional<Slot> From = Flow.slotOf(E);
  if (!From)
    return;
  Calls.addAwaitThrough(
      S.Lib.isCoroutineObject(T) ? *From : CallableFlow::elements(*From),
      Operand);
}

std::vector<SourceEdit>
FunctionWalker::scopeEndFor(const HeldLock &L, const CoroutineSuspendExpr *E) {
  for (const auto &[Var, G] : S.Locks.Now.Guards)
    if (G.Held && llvm::any_of(G.Mutexes, [&](const AccessPath &M) {
          return sameObject(M, L.Mutex);
        }))
      return endGuardScopeBefore(S.TU, Var, E);
  return {};
}

void FunctionWalker::visitAwait(const CoroutineSuspendExpr *E) {
  S.Out.Awaits += S.Here->Trips;
  // Thread-blocking locks held while the coroutine is suspended, except
  // those handed to the awaited operation (cv.wait(mutex, pred), wait(lk)):
  // it releases them while the coroutine waits, as a condition variable
  // does.
  if (S.Out.IsCoroutine) {
    std::vector<AccessPath> Handed;
    if (const auto *Call = dyn_cast<CallExpr>(S.skip(E->getOperand())))
      for (const Expr *Arg : Call->arguments()) {
        if (const Guard *G = S.Locks.guardOf(referencedVar(Arg)))
          Handed.insert(Handed.end(), G->Mutexes.begin(), G->Mutexes.end());
        else if (auto P = S.Paths.pathOf(Arg))
          Handed.push_back(*P);
        else if (auto Q = S.Paths.pointerValueOf(Arg)) {
          appendStep(*Q, "*");
          Handed.push_back(*Q);
        }
      }
    auto Kept = [&](const HeldLock &L) {
      return !L.Awaited && !isPseudoLock(L) &&
             std::none_of(
                 Handed.begin(), Handed.end(),
                 [&](const AccessPath &H) { return sameObject(H, L.Mutex); });
    };
    SuspendPoint Point;
    Point.Loc = S.TU.loc(E->getExprLoc());
    Point.Order = S.nextOrder();
    Point.Yield = isa<CoyieldExpr>(E);
    for (const HeldLock &L : S.Locks.Now.Held)
      if (Kept(L)) {
        Point.Held.push_back(L);
        Point.TakenAt.push_back(S.Locks.takenAt(L.Mutex));
        Point.ScopeEnds.push_back(scopeEndFor(L, E));
      }
    if (llvm::all_of(Point.ScopeEnds, [](const auto &F) { return F.empty(); }))
      Point.ScopeEnds.clear();
    for (const HeldLock &L : S.Locks.Now.MaybeHeld)
      if (Kept(L)) {
        Point.MaybeHeld.push_back(L);
        Point.MaybeTakenAt.push_back(S.Locks.takenAt(L.Mutex));
      }
    Point.ReleasedBefore = S.Locks.Now.Released;
    S.Out.Suspends.push_back(std::move(Point));
  }
  awaitStored(E->getOperand());
  // What was awaited has completed, and so has everything awaited together
  // with when_all.
  const Expr *Operand = S.skip(E->getOperand());
  if (auto P = S.Paths.pathOf(Operand))
    S.Locks.Now.Ready.push_back(*P);
  if (const auto *Call = dyn_cast<CallExpr>(Operand))
    if (S.Lib.functionHas(Call->getDirectCallee(), LibraryRole::AwaitsAll))
      for (const Expr *Arg : Call->arguments())
        if (auto P = S.Paths.pathOf(Arg))
          S.Locks.Now.Ready.push_back(*P);
  // Everything after an awaited switch runs on the other executor.
  if (S.PendingAwait && S.PendingAwait == S.skip(E->getOperand())) {
    S.Locks.Now.OffLoop = true;
    S.Locks.Now.SwitchedTo = S.PendingContext;
  }
  S.PendingAwait = nullptr;
}

/// A constant struct (`return kNullSeqStore;`) is what a null pointer is to
/// a pointer return: its pointers lead nowhere, so it stands for none of
/// the function's results.
static bool isConstantObject(const Expr *Source) {
  const auto *DRE = dyn_cast<DeclRefExpr>(Source->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && VD->hasGlobalStorage() && VD->getType().isConstQualified();
}

void FunctionWalker::visitReturn(const ReturnStmt *R) {
  const Expr *Value = R->getRetValue();
  if (!Value)
    return;
  QualType Ret = S.FD->getReturnType();
  // The marks of a branch some callers never take, held here.
  auto Deciding = [&] {
    std::vector<HeldLock> Marks;
    for (const HeldLock &L : S.Locks.Now.Held)
      if (isCallableSet(L) || isImpossibleBranch(L) || isParamTest(L))
        Marks.push_back(L);
    return Marks;
  };
  bool Null =
      Value->isNullPointerConstant(S.TU.Ctx, Expr::NPC_ValueDependentIsNotNull);
  if ((Ret->isPointerType() || Ret->isIntegralOrEnumerationType()) &&
      !Value->isValueDependent())
    S.Out.ReturnOutcomes.push_back(
        StartResults(S, Calls.spawnOrders()).outcomeOf(R, Ret));
  if (S.Out.Returns && !S.Out.ReturnsUnder.empty() && Ret->isPointerType() &&
      !Null)
    if (std::optional<AccessPath> Other = S.Paths.pointerValueOf(Value))
      S.Out.OtherReturns.push_back({*Other, Deciding()});
  if (!S.Out.Returns) {
    if (Ret->isReferenceType()) {
      S.Out.Returns = S.Paths.pathOf(Value);
    } else if (Ret->isPointerType()) {
      S.Out.Returns = S.Paths.pointerValueOf(Value);
      if (S.Out.Returns)
        S.Out.ReturnsUnder = Deciding();
    }
    // A struct returned by value: the object it copies, whose pointers the
    // caller's copy holds (StructCopies.h).
    else if (Ret->isRecordType() && holdsPointer(Ret))
      if (const Expr *Source = copySource(Value, Ret);
          Source && !isConstantObject(Source))
        S.Out.Returns = S.Paths.copiedObject(Source);
    // A thread's handle returned by value (a start wrapper's `return t;`):
    // the caller's copy joins the thread the handle names.
    if (!S.Out.Returns && S.Lib.isThreadHandle(Ret) &&
        S.skip(Value)->isGLValue())
      S.Out.Returns = S.Paths.pathOf(S.skip(Value));
    // A reference to a thread-safe global (a logger's stream() returning
    // std::cerr) leads callers to no shared memory, as the global itself
    // does not.
    if (S.Out.Returns && S.Lib.isThreadSafeGlobal(*S.Out.Returns))
      S.Out.Returns.reset();
  }
  if (Flow.tracks(Ret))
    Flow.store(Flow.returnSlot(S.FD), Value);
  // The locks held where a pointer that is not null is returned.
  if (Ret->isPointerType() && !Null) {
    std::vector<HeldLock> Held;
    for (const HeldLock &L : S.Locks.Now.Held)
      if (!isPseudoLock(L))
        Held.push_back(L);
    if (!NonNullReturnLocks) {
      NonNullReturnLocks = std::move(Held);
    } else {
      auto &Kept = *NonNullReturnLocks;
      Kept.erase(std::remove_if(Kept.begin(), Kept.end(),
                                [&](const HeldLock &K) {
                                  return std::none_of(Held.begin(), Held.end(),
                                                      [&](const HeldLock &H) {
                                                        return sameObject(
                                                            H.Mutex, K.Mutex);
                                                      });
                                }),
                 Kept.end());
    }
  }
}

void FunctionWalker::noteResult(const VarDecl *VD, const Expr *Value) {
  S.Locks.Now.NonNull.erase(VD);
  const auto *Call =
      Value ? dyn_cast<CallExpr>(Value->IgnoreParenCasts()) : nullptr;
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (Callee && !S.TU.inLibraryCode(Callee) &&
      Callee->getReturnType()->isPointerType())
    ResultOf[VD] = Call;
  else
    ResultOf.erase(VD);
}

const VarDecl *FunctionWalker::nonNullOnEdge(const Expr *Tested,
                                             bool NullEdge) const {
  if (NullEdge)
    return nullptr;
  const VarDecl *VD = referencedVar(Tested);
  if (!VD || VD->hasGlobalStorage() || !VD->getType()->isPointerType() ||
      S.Paths.isEscaping(VD))
    return nullptr;
  return VD;
}

std::optional<HeldLock> FunctionWalker::lockedResultOnEdge(const Expr *Tested,
                                                           bool NullEdge) {
  if (NullEdge)
    return std::nullopt;
  const Expr *E = Tested;
  // The result: the call itself, assigned in the test, or a local holding
  // it.
  if (const auto *B = dyn_cast<BinaryOperator>(E);
      B && B->getOpcode() == BO_Assign)
    E = B->getRHS()->IgnoreParenCasts();
  const CallExpr *Call = dyn_cast<CallExpr>(E);
  if (const VarDecl *VD = referencedVar(E)) {
    auto It = ResultOf.find(VD);
    Call = It == ResultOf.end() ? nullptr : It->second;
  }
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || S.TU.inLibraryCode(Callee) ||
      !Callee->getReturnType()->isPointerType())
    return std::nullopt;
  std::optional<HeldLock> L = S.callResultMark(Call, Callee);
  if (!L)
    return std::nullopt;
  L->Mutex.Name = "the lock " + L->Mutex.RootName + " returned holding";
  L->Mutex.Steps.push_back("?lockedonreturn");
  return L;
}

void FunctionWalker::visitInitializer(const CXXCtorInitializer *Init) {
  if (!Init->isWritten() || !Init->isMemberInitializer())
    return;
  const FieldDecl *Field = Init->getMember();
  if (Flow.mayHoldCallable(Field->getType()))
    Flow.storeInit(Flow.fieldSlot(Field), Init->getInit());
  if (Field->getType()->isIntegralOrEnumerationType())
    Fds.copy(Flow.fieldSlot(Field), Init->getInit());
}

void FunctionWalker::visitScopeEnd(const VarDecl *VD) {
  // Leaving the scope: a guard unlocks what it holds, a jthread joins.
  if (S.Locks.guardOf(VD)) {
    S.Locks.endGuard(VD, S.Out.ReleasesOnExit);
    return;
  }
  // A destructor the program defines (a pool of its own that joins its
  // workers) is not walked: walking every local's destructor spent the race
  // check's budgets on cpp-httplib and lost real findings. Pools of
  // libraries join by the catalog's joins-on-destruction role below.
  QualType T = VD->getType();
  // The race check follows it only where it joins (CallKind::ScopeEnd).
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl())
    if (const CXXDestructorDecl *Dtor = RD->getDestructor();
        Dtor && Dtor->isUserProvided() && !VD->hasGlobalStorage() &&
        !T->isReferenceType())
      if (auto P = S.Paths.varPath(VD)) {
        AccessPath Object = *P;
        appendStep(Object, "&");
        Calls.addScopeEndDestructor(VD, Dtor, Object);
      }
  bool Joins = S.Lib.typeHas(T, LibraryRole::JoinsOnDestruction);
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          T->getAsCXXRecordDecl()))
    for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
      if (Arg.getKind() == TemplateArgument::Type &&
          S.Lib.typeHas(Arg.getAsType(), LibraryRole::JoinsOnDestruction))
        Joins = true;
  if (!Joins || VD->hasGlobalStorage())
    return;
  if (auto P = S.Paths.varPath(VD)) {
    Calls.addJoin(*P, nullptr);
    AccessPath Elements = *P;
    appendStep(Elements, "[]");
    Calls.addJoin(Elements, nullptr);
  }
}

} // namespace extract
} // namespace concur
