//===- DecidedBranches.h - Branches a known value decides -----------------===//
//
// A branch whose test a value known before the walk decides is taken by
// no thread, or taken by every call that passes that value. Such values:
//
// * A library call's result. Some return one of a few values whenever
//   their arguments are valid: pthread_sigmask with a valid `how` returns
//   0, pthread_cancel 0 or ESRCH. The branch their status test takes on any
//   other value is never taken, and what it does (an error code stored in
//   a global, a cleanup) is done by no thread:
//
//     if (pthread_sigmask(SIG_BLOCK, &set, NULL) != 0) { i_errno = ...; }
//     rc = pthread_cancel(t);
//     if (rc != 0 && rc != ESRCH) { i_errno = ...; }
//
//   A two-way branch's condition is evaluated for each value the catalog's
//   known-results entry lists for the one call it depends on, that call
//   itself or a local holding its result (assigned in the branch's block
//   or in the chain of single-predecessor blocks leading to it, so no
//   other path can have assigned something else). An edge that no listed
//   value takes holds the pseudo-lock "channel:impossible?impossible"
//   (isImpossibleBranch), through the calls made there too; the race check
//   drops what is done while it is held.
//
// * A constant argument. A function that tests its own integer parameter
//   for equality with constants (`if (dir == mosq_md_out) ... else ...`)
//   takes, in a call that passes a constant there (or passes its own
//   parameter on from such a call), only the branch that constant takes.
//   A test that no change of the parameter can reach (the function may
//   change it further on, `if (flags == ADOPT) flags = COPY;` after the
//   test) still sees the value passed.
//   The edge holds "paramtest:<index>?paramtest" with the values that take
//   it; the race check resolves it against the call's arguments
//   (CallSite::IntegerArgs) and drops what is done on an edge the call's
//   value does not take.
//
// * A null pointer. A load or store through the function's own pointer
//   parameter, which it never changes, ends the process when the pointer
//   is null: what follows it on every path runs only where the parameter
//   is not null. The access holds "paramtest:<index>!=0?paramtest" from
//   there on, and a call or a thread's start that passes a null pointer
//   (pthread_create(&t, NULL, worker, NULL) to a worker that reads
//   through its argument first) does none of it.
//
// * A flag's value. A test of one integer field or global for equality
//   with constants (`mosq->threaded == mosq_ts_none`), in a place other
//   threads may reach (a global, a field of `this`, of what a pointer
//   points to or of an allocated object), marks each edge with
//   the values that take it: "<place>=0?flagtest". The race check knows
//   the value a flag keeps while a thread runs (one its starter set before
//   the start) and orders what its starter does under another value after
//   that thread. An unsigned place compared with zero (`count > 0`,
//   `count >= 1`) is tested against 0 as `count != 0` is: the check knows
//   a count of starts that is still 0 (StartCounters).
//
// * A switch on a parameter or a flag is such a test too: each `case`
//   is entered with its values and those of the empty labels falling
//   into it, `default:` with all but the cases'.
//
// Does not model: invalid arguments (they make the call fail; the catalog
// speaks of valid ones), conditions that depend on anything else as well
// (the edge is kept), values that reach the test through a join of paths,
// memory (but for a flag's test), or another function's return; relational
// tests of parameters, and of flags but an unsigned one's against zero, a
// switch on anything but the parameter or place itself, and tests of
// pointers (`if (!arg) return;` decides nothing: only a dereference does).
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_DECIDEDBRANCHES_H
#define CONCUR_FACTS_DECIDEDBRANCHES_H

#include "facts/FunctionScope.h"

#include "clang/Analysis/CFG.h"

#include <map>
#include <optional>
#include <vector>

namespace concur {
namespace extract {

/// The mark held on an edge no known result takes.
HeldLock impossibleBranch();

/// The mark held on the edge (the true one when TrueEdge) of a branch on
/// Cond, when Cond tests one of the function's own integer parameters
/// (itself, or an integer local that only holds it), which no change the
/// function makes can reach there (FunctionScope::paramMayBeChanged), for
/// equality with constants and
/// depends on nothing else: which values take the edge ("?paramtest").
/// The parameter is noted in the function's TestedParams.
std::optional<HeldLock> paramTestOnEdge(const clang::Expr *Cond, bool TrueEdge,
                                        unsigned Block, FunctionScope &S);

/// The mark held on the edge (the true one when TrueEdge) of a branch on
/// Cond, when Cond tests one integer field or global (one object: no
/// element of an array or container) for equality with constants and
/// depends on nothing else: which values the place holds where the edge is
/// taken ("?flagtest").
std::optional<HeldLock> flagTestOnEdge(const clang::Expr *Cond, bool TrueEdge,
                                       FunctionScope &S);

/// The marks held on the edge from From to To, where From is a switch on
/// one of the function's own integer parameters or on a flag's place (the
/// condition being that parameter or place itself), or an empty `case`
/// label of such a switch that falls into To: the values To is entered
/// with, its own case's and those of the empty labels falling into it
/// ("=1,2,3"), or for `default:` and the way past a switch without one,
/// every value but the cases' ("!=4,5"). Both edges into a case that empty
/// labels fall into hold the same mark, so it survives their join.
std::vector<HeldLock> switchTestsOnEdge(const clang::CFGBlock &From,
                                        const clang::CFGBlock &To,
                                        FunctionScope &S);

/// For each parameter of FD that FD changes (assigns, increments), the
/// blocks of Graph at whose end it may hold a value of FD's own making:
/// those that change it and those a path from such a change reaches.
std::map<const clang::ParmVarDecl *, std::vector<bool>>
changedParamBlocks(const clang::CFG &Graph, const clang::FunctionDecl *FD);

/// The place a call through a function pointer (Through, the callee
/// expression) read the pointer from: a field or element, called as itself
/// or through a local copy made from that one place (`task.fn =
/// pool->queue[h].fn; (*task.fn)(arg)`, `job = q[h]; job.fn(arg)`). The
/// callee runs only where that place held a function: the race check
/// orders what the function does after the store that put it there
/// (CallSite::CalledFrom).
std::optional<AccessPath> calledPointerPlace(const clang::Expr *Through,
                                             FunctionScope &S);
/// The mark held after Accessed (the expression At), a load or store
/// through the function's own pointer parameter, which it never changes
/// nor lets anything change (its address is not taken), named as itself
/// or through a local that only ever holds it: what follows runs only
/// where that parameter is not null, as "!=0" says ("?paramtest"). The
/// parameter is noted in the function's TestedParams.
std::optional<HeldLock> nonNullAfterDereference(const AccessPath &Accessed,
                                                const clang::Expr *At,
                                                FunctionScope &S);

/// Param decides a branch of F, or F passes it on to a call.
void noteTestedParam(FunctionFacts &F, unsigned Param);

/// The value a parameter of type ParamType holds when given A, where a
/// constant decides it: an integer constant as the parameter holds it
/// (through the conversion to its type), or 0 for a null pointer.
std::optional<long long> constantArgument(const clang::Expr *A,
                                          clang::QualType ParamType,
                                          clang::ASTContext &Ctx);

/// Is A (through casts) the counter of the innermost loop around Start: a
/// local of integer type that the for-loop's increment steps by a nonzero
/// constant and that nothing else in the loop changes or takes the address
/// of? Each pass then hands Start another value.
bool isLoopCounterArgument(const clang::Expr *A, const clang::Stmt *Start,
                           const FunctionScope &S);

/// What a call gives each integer or pointer parameter of Callee, where
/// that is known (a constant, a null pointer, or the caller's own
/// parameter passed on unchanged); empty when nothing is.
std::vector<IntegerArg>
integerArguments(const clang::FunctionDecl *Callee,
                 llvm::ArrayRef<const clang::Expr *> Args,
                 const FunctionScope &S);

/// The results of known-results calls that locals hold along one walk of a
/// CFG, and the edges of its branches that no such result takes.
class KnownResults {
public:
  KnownResults(const FunctionScope &S, unsigned NumBlocks)
      : S(S), AtExit(NumBlocks), NeverTaken(NumBlocks) {}

  /// Starts Block from what its only predecessor's locals held (nothing,
  /// where paths join).
  void enterBlock(const clang::CFGBlock &Block);
  /// VD is given Value (null: a value the walk does not know).
  void note(const clang::VarDecl *VD, const clang::Expr *Value);
  /// Ends Block: which edge of its branch, if any, no known result takes.
  void leaveBlock(const clang::CFGBlock &Block);
  /// Is the true (TrueEdge) or false edge out of From never taken?
  bool neverTaken(const clang::CFGBlock &From, bool TrueEdge) const;

private:
  /// The truth value Cond never has, when it depends on one known call.
  std::optional<bool> neverHas(const clang::Expr *Cond) const;

  const FunctionScope &S;
  std::map<const clang::VarDecl *, const clang::CallExpr *> Holders;
  std::vector<std::map<const clang::VarDecl *, const clang::CallExpr *>> AtExit;
  std::vector<std::optional<bool>> NeverTaken;
};

} // namespace extract
} // namespace concur

#endif // CONCUR_FACTS_DECIDEDBRANCHES_H
