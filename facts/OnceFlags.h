//===- OnceFlags.h - One-time initialisation guarded by a flag and a lock -===//
//
// A hand-made once: holding a lock, test a flag; on the branch where it is
// still at its first value, initialise and set it.
//
//   lock(m); if (!ready) { init(); ready = true; } unlock(m); use();
//
// Whichever thread comes first runs the branch; every other thread finds
// the flag set, under the same lock, after the first one let go of it. So
// what the branch does happens before whatever any thread does after its
// own test. The branch holds the mark "<flag>?oncebranch" (two places in
// it never run at once); the test is recorded as an acquire and the set as
// a release of the flag's "?once" object. The race check orders by them
// only where a lock is held, and only what holds the mark (the branch, not
// code before the test).
//
// Does not model: a flag set back to its first value (taken not to be), a
// set outside the branch that tested it, or a test without a lock (which is
// a race on the flag, reported as one).
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_ONCEFLAGS_H
#define CONCUR_FACTS_ONCEFLAGS_H

#include "facts/FunctionScope.h"

#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/Analysis/CFG.h"

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace concur {
namespace extract {

class OnceFlags {
public:
  explicit OnceFlags(FunctionScope &S) : S(S) {}

  /// The statement that ends a CFG block (an if, a switch): a test of a
  /// flag whose first-value branch sets it.
  void noteBranch(const clang::Stmt *Terminator);
  /// The mark held on the edge From -> To when it enters a once's branch.
  std::optional<HeldLock> markOnEdge(const clang::CFGBlock *From,
                                     const clang::CFGBlock *To);
  /// flag = value: the release of a flag tested here before.
  void noteSet(const clang::BinaryOperator *B);

private:
  struct Test {
    const clang::Expr *Flag = nullptr;
    int64_t First = 0;
    /// The statement that runs while the flag still has its first value.
    const clang::Stmt *Branch = nullptr;
  };
  /// A once's test: the flag and the branch that sets it.
  struct Once {
    AccessPath Flag;
    const clang::Stmt *Branch = nullptr;
  };
  std::optional<Test> testIn(const clang::Stmt *Terminator);
  const std::optional<Once> &onceAt(const clang::Stmt *Terminator);
  bool setsFlag(const clang::Stmt *Branch, const AccessPath &Flag,
                int64_t First);
  void addSync(const AccessPath &Flag, bool Release);

  FunctionScope &S;
  std::map<const clang::Stmt *, std::optional<Once>> Onces;
};

} // namespace extract
} // namespace concur

#endif // CONCUR_FACTS_ONCEFLAGS_H
