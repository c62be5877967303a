//===- FlagLocks.cpp - Locks built from a flag inside one atomic step -----===//

#include "facts/FlagLocks.h"
#include "facts/ExtractInternal.h"

#include <optional>

using namespace clang;

namespace concur {
namespace extract {

bool FlagLocks::inAtomicStep() const {
  return (S.FD && S.Lib.Cat.isAtomicFunction(S.FD->getNameAsString())) ||
         S.Locks.Now.holds(channelPath("atomic-section"));
}

void FlagLocks::noteTest(const BinaryOperator *B) {
  if (B->getOpcode() != BO_EQ || !inAtomicStep())
    return;
  const Expr *Sides[2] = {B->getLHS()->IgnoreParenImpCasts(),
                          B->getRHS()->IgnoreParenImpCasts()};
  for (int I = 0; I < 2; ++I) {
    std::optional<int64_t> Value = integerConstant(Sides[1 - I], S.TU.Ctx);
    if (!Value || !Sides[I]->getType()->isIntegerType())
      continue;
    if (std::optional<AccessPath> Flag = S.Paths.pathOf(Sides[I])) {
      Tests.push_back({*Flag, *Value});
      return;
    }
  }
}

void FlagLocks::noteSet(const BinaryOperator *B) {
  if (B->getOpcode() != BO_Assign || Tests.empty() || !inAtomicStep() ||
      !B->getLHS()->getType()->isIntegerType())
    return;
  std::optional<int64_t> Value =
      integerConstant(B->getRHS()->IgnoreParenImpCasts(), S.TU.Ctx);
  std::optional<AccessPath> Flag = S.Paths.pathOf(B->getLHS());
  if (!Value || !Flag)
    return;
  for (const FlagTest &T : Tests) {
    if (!sameObject(T.Flag, *Flag))
      continue;
    if (T.Value == 0 && *Value != 0) {
      S.Locks.lock({{*Flag, false}}, S.CurrentLoc);
      S.TriedLocks.push_back(*Flag);
    } else if (T.Value != 0 && *Value == 0)
      S.Locks.unlock({*Flag}, S.Out.ReleasesOnExit);
    return;
  }
}

} // namespace extract
} // namespace concur
