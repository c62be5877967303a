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
// zero test of the call, or of a local it set) marks its edges with the
// class of result found there (StartResults::classOnEdge), and each
// return records what it hands back, where it is, and the start failures
// held at it (FunctionFacts::ReturnOutcomes). Which function started
// threads, and whether a class of its results is returned only where they
// did not start, is the whole program's to decide
// (UnsynchronizedSharedStateCheck: failsWithoutStarts).
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_STARTRESULTS_H
#define CONCUR_FACTS_STARTRESULTS_H

#include "facts/FunctionScope.h"

#include "clang/AST/Expr.h"

#include <map>
#include <optional>

namespace concur {
namespace extract {

class StartResults {
public:
  using CallResults = std::map<const clang::VarDecl *, const clang::CallExpr *>;

  /// SpawnOrders: the order of each status-returning start call;
  /// ResultOf: the call each local pointer last took its value from.
  StartResults(FunctionScope &S,
               const std::map<const clang::Expr *, unsigned> &SpawnOrders,
               const CallResults &ResultOf)
      : S(S), SpawnOrders(SpawnOrders), ResultOf(ResultOf) {}

  /// On this edge of Cond, a test of a program call's result: the mark of
  /// the class of result found ("<call>?zero?startfailed" or
  /// "?nonzero?startfailed").
  std::optional<HeldLock> classOnEdge(const clang::Expr *Cond,
                                      bool TrueEdge) const;

  /// What the return of Value (of type Ret, a scalar or pointer) hands
  /// back, from the current block with the locks held now.
  ReturnOutcome outcomeOf(const clang::Expr *Value, clang::QualType Ret);

private:
  /// The call whose result E holds: the call, a local it initialised that
  /// nothing changes, or a local pointer's last call (ResultOf).
  const clang::CallExpr *resultCall(const clang::Expr *E,
                                    bool ThroughPointers) const;
  /// Does the function store a null pointer into VD anywhere?
  bool takesNull(const clang::VarDecl *VD);

  FunctionScope &S;
  const std::map<const clang::Expr *, unsigned> &SpawnOrders;
  const CallResults &ResultOf;
  std::map<const clang::VarDecl *, bool> TakesNull;
};

} // namespace extract
} // namespace concur

#endif
