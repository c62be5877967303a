//===- FlagLocks.h - Locks built from a flag inside one atomic step -------===//
//
// Inside one atomic step (a function the verifier's API runs atomically, or
// code between __VERIFIER_atomic_begin() and _end()), waiting until a flag
// is 0 and then setting it is a test-and-set: the step takes a lock named by
// the flag, and setting the flag back to 0 after finding it set gives the
// lock back:
//
//   void __VERIFIER_atomic_acquire() { assume(m == 0); m = 1; }
//   void __VERIFIER_atomic_release() { assume(m == 1); m = 0; }
//
// The test that makes the set an acquire may take any form the step can
// stop on (an assume, a branch that aborts): only its comparison of the flag
// with a constant is looked at.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_FLAGLOCKS_H
#define CONCUR_FACTS_FLAGLOCKS_H

#include "facts/FunctionScope.h"

#include "clang/AST/Expr.h"

#include <cstdint>
#include <vector>

namespace concur {
namespace extract {

class FlagLocks {
public:
  explicit FlagLocks(FunctionScope &S) : S(S) {}

  /// flag == constant, seen in an atomic step.
  void noteTest(const clang::BinaryOperator *B);
  /// flag = constant: takes or gives back the flag's lock when an earlier
  /// test in the same step found the flag free or set.
  void noteSet(const clang::BinaryOperator *B);

private:
  bool inAtomicStep() const;

  struct FlagTest {
    AccessPath Flag;
    int64_t Value;
  };
  FunctionScope &S;
  std::vector<FlagTest> Tests;
};

} // namespace extract
} // namespace concur

#endif
