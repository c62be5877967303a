//===- LastReference.h - The branch where a reference count reached zero --===//
//
// Reference counting hands an object from thread to thread without a lock
// around its uses: every holder of a reference may use the object, and the
// holder whose decrement takes the count to zero holds the last one. Every
// other holder let go of its reference before that decrement, after its
// last use (an atomic decrement orders them; a count kept under a lock is
// ordered by the lock), and no shared structure points to the object any
// more (a list's link is a reference too). So what the last holder then
// does to the object (frees it, puts it back on a free list) races with
// nothing: RacerD's ownership, reached through the count.
//
//   if (--(it->refcount) == 0)          // or __atomic_sub_fetch(&..., 1, o)
//     item_free(it);                    //   == 0, or fetch_sub(1) == 1
//
// Here: the branch edge of such a test holds the pseudo-lock
// "<object>?lastref" (isLastReference), through the call it makes as well;
// the whole-program stage drops the accesses to the object's own fields
// made while it is held. A count decremented by more than one, or compared
// with anything but the value zero is reached at, is no such test.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_LASTREFERENCE_H
#define CONCUR_FACTS_LASTREFERENCE_H

#include "facts/FunctionScope.h"

#include "clang/AST/Expr.h"

#include <map>
#include <optional>

namespace concur {
namespace extract {

/// Locals that hold what a decrement of a count left (`int left =
/// --o->refs;`, tested later), by the walk's order of assignments.
class CountHolders {
public:
  explicit CountHolders(const FunctionScope &S) : S(S) {}
  /// VD is given Value (null: a value the walk does not know).
  void note(const clang::VarDecl *VD, const clang::Expr *Value);
  /// The decrement VD holds the value of, or null.
  const clang::Expr *valueOf(const clang::VarDecl *VD) const;

private:
  const FunctionScope &S;
  std::map<const clang::VarDecl *, const clang::Expr *> Values;
};

/// The mark held on the edge (its true edge when TrueEdge) of a branch on
/// Cond, when that edge is taken only where a decrement in Cond, or one
/// whose value a local of Held holds, took an object's reference count to
/// zero.
std::optional<HeldLock> lastReferenceOnEdge(const clang::Expr *Cond,
                                            bool TrueEdge, FunctionScope &S,
                                            const CountHolders &Held);

} // namespace extract
} // namespace concur

#endif // CONCUR_FACTS_LASTREFERENCE_H
