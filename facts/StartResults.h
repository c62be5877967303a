//===- StartResults.h - What a start function's result says ---------------===//
//
// A function that starts threads and tells its caller whether it did:
//
//   struct mg_context *ctx = mg_start2(&init, &err);
//   if (ctx == NULL) { mg_exit_library(); return 1; }
//
// mg_start2 returns NULL before it starts anything, or where its first
// worker failed to start; on the null edge of the caller's test none of
// its threads runs, as none of pthread_create's runs on its nonzero edge.
//
// Here, per function: each test of a program call's result (a null or
// zero test of the call, or of a local it initialised that nothing
// changes, escapes or binds a reference to; not a call made in a loop,
// whose earlier passes' threads run whatever the last pass found) marks
// its edges with the class of result found there
// (StartResults::classOnEdge), and each return records what it hands back,
// where it is, and the start failures held at it
// (FunctionFacts::ReturnOutcomes). Which function started threads, and
// whether a class of its results is returned only where they did not
// start, is the whole program's to decide (UnsynchronizedSharedStateCheck:
// failsWithoutStarts).
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_STARTRESULTS_H
#define CONCUR_FACTS_STARTRESULTS_H

#include "facts/FunctionScope.h"

#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"

#include <map>
#include <optional>

namespace concur {
namespace extract {

class StartResults {
public:
  /// SpawnOrders: the order of each status-returning start call.
  StartResults(FunctionScope &S,
               const std::map<const clang::Expr *, unsigned> &SpawnOrders)
      : S(S), SpawnOrders(SpawnOrders) {}

  /// On an edge of a test of Tested against null or zero (nullTested;
  /// NullEdge: the edge where it is null or zero), where Tested is a
  /// program call's result: the mark of the class of result found
  /// ("<call>?zero?startfailed" or "?nonzero?startfailed").
  std::optional<HeldLock> classOnEdge(const clang::Expr *Tested,
                                      bool NullEdge) const;

  /// What the return R (of a scalar or pointer, Ret) hands back, from the
  /// current block with the locks held now. A local given the statuses of
  /// several calls is settled after the walk (settleStatusLocals); R is
  /// then the next of Out.ReturnOutcomes.
  ReturnOutcome outcomeOf(const clang::ReturnStmt *R, clang::QualType Ret);

  /// Once the walk is over, with every value each local was given: the
  /// returns of a local that is only ever given calls' statuses or
  /// constants become LastStatus.
  void settleStatusLocals();

private:
  /// The order of Call's event: a start's, or a program call's.
  std::optional<unsigned> orderOfCall(const clang::CallExpr *Call) const;
  /// The call whose result E holds: the call, or a local it initialised
  /// that nothing changes, escapes or binds a reference to.
  const clang::CallExpr *resultCall(const clang::Expr *E) const;
  /// The start or program call whose status V hands back, if it does.
  const clang::CallExpr *handedOnStatus(const clang::Expr *V,
                                        clang::QualType Ret) const;
  /// Is St inside a catch handler of its function?
  bool inCatchHandler(const clang::Stmt *St) const;

  FunctionScope &S;
  const std::map<const clang::Expr *, unsigned> &SpawnOrders;
};

} // namespace extract
} // namespace concur

#endif
