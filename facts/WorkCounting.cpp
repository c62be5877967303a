//===- WorkCounting.cpp - How much computation a function's own code does -===//

#include "facts/WorkCounting.h"
#include "facts/ExtractInternal.h"

#include "clang/AST/Expr.h"
#include "clang/AST/StmtCXX.h"

#include <algorithm>
#include <cmath>
#include <optional>

using namespace clang;

namespace concur {
namespace extract {

double tripsOf(const Stmt *Loop, const ASTContext &Ctx) {
  constexpr double Unknown = 100;
  auto Constant = [&](const Expr *E) -> std::optional<double> {
    Expr::EvalResult R;
    if (E && !E->isValueDependent() &&
        E->IgnoreParenImpCasts()->EvaluateAsInt(R, Ctx))
      return std::abs(static_cast<double>(R.Val.getInt().getExtValue()));
    return std::nullopt;
  };
  if (const auto *F = dyn_cast<ForStmt>(Loop)) {
    const auto *Cond = dyn_cast_or_null<BinaryOperator>(
        F->getCond() ? F->getCond()->IgnoreParenImpCasts() : nullptr);
    if (Cond && Cond->isComparisonOp()) {
      std::optional<double> Bound = Constant(Cond->getRHS());
      if (!Bound)
        Bound = Constant(Cond->getLHS());
      // The start, when the loop variable is declared with a constant.
      double Start = 0;
      if (const auto *Init = dyn_cast_or_null<DeclStmt>(F->getInit()))
        if (Init->isSingleDecl())
          if (const auto *VD = dyn_cast<VarDecl>(Init->getSingleDecl()))
            if (auto Value = Constant(VD->getInit()))
              Start = *Value;
      if (Bound)
        return std::clamp(std::abs(*Bound - Start), 1.0, 1e9);
    }
    return Unknown;
  }
  // while (n > 0) { --n; } with n starting from a constant: that many.
  const Expr *WhileCond = nullptr;
  if (const auto *W = dyn_cast<WhileStmt>(Loop))
    WhileCond = W->getCond();
  else if (const auto *D = dyn_cast<DoStmt>(Loop))
    WhileCond = D->getCond();
  if (const auto *Cond = dyn_cast_or_null<BinaryOperator>(
          WhileCond ? WhileCond->IgnoreParenImpCasts() : nullptr))
    if (Cond->isComparisonOp())
      for (auto [Var, Limit] : {std::pair(Cond->getLHS(), Cond->getRHS()),
                                std::pair(Cond->getRHS(), Cond->getLHS())})
        if (const auto *VD = referencedVar(Var))
          if (VD->isLocalVarDecl() && VD->getInit())
            if (auto Start = Constant(VD->getInit()))
              if (auto End = Constant(Limit))
                return std::clamp(std::abs(*Start - *End), 1.0, 1e9);
  if (const auto *R = dyn_cast<CXXForRangeStmt>(Loop))
    if (R->getRangeInit())
      if (const auto *Array = Ctx.getAsConstantArrayType(
              R->getRangeInit()->getType().getNonReferenceType()))
        return std::clamp(static_cast<double>(Array->getSize().getZExtValue()),
                          1.0, 1e9);
  return Unknown;
}

bool countsAsOperation(const Stmt *S) {
  if (isa<BinaryOperator, ArraySubscriptExpr>(S))
    return true;
  if (const auto *U = dyn_cast<UnaryOperator>(S))
    return U->getOpcode() != UO_AddrOf;
  return false;
}

} // namespace extract
} // namespace concur
