//===- FunctionWalker.h - One function's body reduced to facts ------------===//
//
// The walk over a function's CFG, as clang's Thread Safety Analysis walks
// it: blocks in reverse post-order, each starting from the join of what its
// already-visited predecessors left (a loop's back edge is not waited for),
// a trylock's locks added on its success edge, every element visited once
// with its sub-expressions before it. Locks, guards (released at their
// scope's end, on every path out of it: the CFG's automatic destructors)
// and executor switches flow along the CFG; the rest of what an element
// means is asked of the parts: access paths (AccessPaths), recording
// (AccessRecorder), calls (CallModel, SyncCalls), stored callables
// (CallableFlow), OpenMP (OpenMPRegions), work (WorkCounting). Every event
// gets an order number, so the whole-program stage can tell what happened
// before a thread started or after it was joined.
//
// A function nested deeper than clang's CFG builder is trusted with is
// walked in evaluation order without flow (a straight line), and the cut is
// recorded in its facts.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_FUNCTIONWALKER_H
#define CONCUR_FACTS_FUNCTIONWALKER_H

#include "facts/AccessRecorder.h"
#include "facts/CallModel.h"
#include "facts/CallableFlow.h"
#include "facts/DecidedBranches.h"
#include "facts/Descriptors.h"
#include "facts/FlagLocks.h"
#include "facts/FunctionScope.h"
#include "facts/LastReference.h"
#include "facts/OnceFlags.h"
#include "facts/TakenObjects.h"

#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/CFG.h"

#include <map>
#include <optional>
#include <set>

namespace concur {
namespace extract {

class FunctionWalker {
public:
  FunctionWalker(TranslationUnitFacts &TU, const clang::FunctionDecl *FD,
                 FunctionFacts &Out);

  /// Walks constructor initialisers and the body.
  void run();

  /// Walks the body of an OpenMP parallel region as a function of its own:
  /// the enclosing function's locals are shared between the region's
  /// threads unless a clause makes them private.
  void runRegion(const clang::Stmt *Body,
                 const std::set<const clang::VarDecl *> &Private);

private:
  void walk(const clang::Stmt *Root);
  bool walkCFG(const clang::Stmt *Root);
  /// The blocks that reach a loop's way back (FunctionScope::ComesRound).
  static std::vector<bool>
  blocksComingRound(const clang::CFG &Graph,
                    const clang::PostOrderCFGView &Order);
  std::vector<bool> processEndingBlocks(const clang::CFG &Graph,
                                        const clang::PostOrderCFGView &Order);
  /// Does the block end in a call that does not return only because it
  /// ends the calling thread (pthread_exit)?
  bool endsOnlyThread(const clang::CFGBlock &Block) const;
  /// The successors a block's normal way on reaches (not a throwing
  /// call's exception edge).
  static std::vector<const clang::CFGBlock *>
  normalSuccessors(const clang::CFGBlock &Block);
  /// Keeps the graph in the facts (FunctionFacts::BlockSuccessors).
  void keepGraph(const clang::CFG &Graph, const std::vector<bool> &Ending);
  void walkStraight();
  /// Calls to one callee with the same arguments are one kind: the unlock
  /// in each branch of an if gives back one lock on every path.
  unsigned callKind(const CallSite &Call);
  std::map<std::string, unsigned> CallKinds;
  void noExecutorEdge(const clang::Expr *Cond, bool TrueEdge);
  /// The questions about an edge of a test against null or zero (Tested:
  /// what nullTested found tested; NullEdge: the edge where it is null).
  /// Where a call's result is found not null, the lock the callee returned
  /// holding (FunctionFacts::AcquiresOnNonNullReturn).
  std::optional<HeldLock> lockedResultOnEdge(const clang::Expr *Tested,
                                             bool NullEdge);
  /// Where a local pointer is found not null: that local
  /// (FlowState::NonNull).
  const clang::VarDecl *nonNullOnEdge(const clang::Expr *Tested,
                                      bool NullEdge) const;
  /// Notes the call a local pointer's new value comes from.
  void noteResult(const clang::VarDecl *VD, const clang::Expr *Value);
  void acquirePolledFlags(const clang::CFGBlock *Block);
  /// The order in which walkCFG visited each block (by id; 0: not yet): a
  /// predecessor visited after a block reaches it by a back edge.
  std::vector<unsigned> VisitedAt;
  FlowState entryState(const clang::CFGBlock *Block,
                       const std::vector<std::optional<FlowState>> &Exits);
  void visitElement(const clang::CFGElement &E);
  /// Moves the releases of locks no path took into the facts, ordered
  /// before the next event.
  void noteUntakenReleases();
  void visitStmt(const clang::Stmt *S);
  void visitDecl(const clang::VarDecl *VD);
  /// A local struct initialised field by field (`struct arg a = {&count,
  /// &g};`, designated or not): each pointer field stores what its
  /// initialiser points at, as an assignment to it would.
  void noteFieldInitialisers(const clang::VarDecl *VD,
                             const clang::InitListExpr *List);
  /// A (write) access A stores the pointer Value: where it points, and
  /// whether it is a new object (InPlace: given back its own, realloc'd).
  void notePointerStore(MemoryAccess &A, const clang::Expr *Value,
                        bool InPlace);
  void visitReturnedGuard(const clang::VarDecl *VD);
  void visitRangeLoop(const clang::VarDecl *RangeVar,
                      const clang::CXXForRangeStmt *Loop);
  void visitAssignment(const clang::BinaryOperator *B);
  bool reallocatesInPlace(const clang::Expr *LHS, const clang::Expr *RHS);
  /// A thread's handle copied into To: a join through To joins the thread.
  void copyHandle(const clang::Expr *From, std::optional<AccessPath> To);
  void visitAwait(const clang::CoroutineSuspendExpr *E);
  /// Awaiting coroutine objects kept in a slot starts what it holds.
  void awaitStored(const clang::Expr *Operand);
  void visitLambda(const clang::LambdaExpr *L);
  /// The edits that end the scope of the guard holding L before E.
  std::vector<SourceEdit> scopeEndFor(const HeldLock &L,
                                      const clang::CoroutineSuspendExpr *E);
  void visitReturn(const clang::ReturnStmt *R);
  void visitInitializer(const clang::CXXCtorInitializer *Init);
  void visitScopeEnd(const clang::VarDecl *VD);
  void finish(const std::vector<HeldLock> &Entry);

  FunctionScope S;
  AccessRecorder Recorder;
  CallableFlow Flow;
  Descriptors Fds;
  CallModel Calls;
  FlagLocks Flags;
  OnceFlags Once;
  TakenObjects Taken;
  CountHolders Counts;
  /// The results of known-results calls in the CFG being walked.
  KnownResults *Results = nullptr;
  /// The real locks held at every return of a non-null pointer so far.
  std::optional<std::vector<HeldLock>> NonNullReturnLocks;
  /// The locks held on some of the function's normal returns (not where an
  /// exception leaves it: unwinding runs the guards' destructors; nor where
  /// a call ends the process).
  std::vector<HeldLock> HeldOnSomeReturn;
  /// The call of the program whose result each local pointer last took
  /// (`h = item_trylock(hv)`).
  std::map<const clang::VarDecl *, const clang::CallExpr *> ResultOf;
};

} // namespace extract
} // namespace concur

#endif // CONCUR_FACTS_FUNCTIONWALKER_H
