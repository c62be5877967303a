//===- ClaimedIndexes.h - Indexes taken from a shared counter ------------===//
//
// Work split by a shared counter: each thread takes the counter's old value
// and advances it in one atomic step (`i = next.fetch_add(1)`), so no two
// takes return the same value, and the ranges [start, start + K) that takes
// with a step K return do not meet. An index that is such a value, or a
// for-loop counter that runs over such a range and no further, names an
// element that no other take from that counter names. Its element step is
// "[#<counter>]"; the race check takes two equal ones as different elements.
//
// Also: a local index that is given only constants of k or more (k >= 1)
// and is otherwise only stepped up (`for (i = 1u; i < n; ++i)`) names no
// element below k. Its element step is "[>=k]" (lowerBoundedIndex), which
// the race check takes as apart from "[j]" for j < k, and from `*p`, the
// element 0 (`*workers = start(primary); ... for (i = 1; ...) workers[i]`).
// Wrap-around past the type's maximum is not modelled.
//
// A counter's old value taken holding a lock (`lock(&m); i = next++;
// unlock(&m);`) is a take too, trusted to exclude the counter's other
// takes: where they do not all hold the same lock, the race check reports
// the counter itself.
//
// Does not model: counters advanced in a statement of their own under a
// lock (`c = next; next += 10;`), takes that return the new value
// (`++next`), or a counter set back while threads still take from it (one
// phase of work after another reusing it).
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_CLAIMEDINDEXES_H
#define CONCUR_FACTS_CLAIMEDINDEXES_H

#include "facts/ExtractInternal.h"

#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace concur {
namespace extract {

class ClaimedIndexes {
public:
  /// Body: the function whose locals the indexes are.
  /// LockedTakes: the increments `next++` of the body made holding a lock
  /// (the walk's, filled as it goes), takes as an atomic fetch_add is.
  ClaimedIndexes(TranslationUnitFacts &TU, const clang::Stmt *Body,
                 const std::set<const clang::Expr *> *LockedTakes = nullptr);

  /// "[#<counter>]" when Index names a value taken from a shared counter, or
  /// a loop counter confined to a range taken from one; "" otherwise.
  std::string stepOf(const clang::Expr *Index);

  /// "[>=k]" when Index is a local (plus a constant) that is k or more
  /// wherever the function reads it, k >= 1; "" otherwise.
  std::string lowerBoundStep(const clang::Expr *Index);

private:
  /// One take: the counter's identity and how far it moves the counter.
  struct Take {
    std::string Counter;
    const clang::Expr *Step = nullptr;
  };

  std::optional<Take> takeOf(const clang::Expr *E);
  /// Every value the local holds is a take from one counter with one step.
  std::optional<Take> takenLocal(const clang::VarDecl *VD);
  /// Is Bound at most Start + the take's step (Start + K, or a min of it)?
  bool boundsRange(const clang::Expr *Bound, const clang::VarDecl *Start,
                   const Take &T, unsigned Depth);
  bool sameStep(const clang::Expr *A, const clang::Expr *B);
  std::optional<int64_t> constant(const clang::Expr *E);
  /// Is VD written only by its initialiser (and not referred to otherwise
  /// than read)?
  bool onlyInitialised(const clang::VarDecl *VD) const;

  TranslationUnitFacts &TU;
  const std::set<const clang::Expr *> *LockedTakes;
  /// The values assigned to each local (its initialiser first).
  std::map<const clang::VarDecl *, std::vector<const clang::Expr *>> Values;
  /// Writes that are no plain assignment: increments, compound
  /// assignments; and references that are neither read nor written (the
  /// address taken, a reference bound), which are counted as writes.
  std::map<const clang::VarDecl *, std::vector<const clang::Expr *>> Other;
  /// The for statement that declares each loop counter.
  std::map<const clang::VarDecl *, const clang::ForStmt *> LoopOf;
};

} // namespace extract
} // namespace concur

#endif // CONCUR_FACTS_CLAIMEDINDEXES_H
