//===- LoopEntry.cpp - Loops that run at least once -----------------------===//

#include "facts/LoopEntry.h"
#include "facts/ExtractInternal.h"

#include "clang/AST/Expr.h"

#include <optional>

using namespace clang;

namespace concur {

using extract::referencedVar;

/// E's value as an integer constant; side effects (the lock call before
/// the comma) do not change it.
static std::optional<llvm::APSInt> constantOf(const Expr *E, ASTContext &Ctx) {
  Expr::EvalResult Result;
  if (!E || E->isValueDependent() ||
      !E->EvaluateAsInt(Result, Ctx, Expr::SE_AllowSideEffects))
    return std::nullopt;
  return Result.Val.getInt();
}

/// The variable the init of Loop sets, and the value.
static const VarDecl *initialised(const ForStmt *Loop, ASTContext &Ctx,
                                  llvm::APSInt &Value) {
  const Stmt *Init = Loop->getInit();
  const VarDecl *Var = nullptr;
  const Expr *Initial = nullptr;
  if (const auto *DS = dyn_cast_or_null<DeclStmt>(Init)) {
    if (!DS->isSingleDecl())
      return nullptr;
    Var = dyn_cast<VarDecl>(DS->getSingleDecl());
    Initial = Var ? Var->getInit() : nullptr;
  } else if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(Init);
             Assign && Assign->getOpcode() == BO_Assign) {
    Var = referencedVar(Assign->getLHS());
    Initial = Assign->getRHS();
  }
  if (!Var || !Var->getType()->isIntegerType())
    return nullptr;
  std::optional<llvm::APSInt> V = constantOf(Initial, Ctx);
  if (!V)
    return nullptr;
  Value = *V;
  return Var;
}

static bool compare(BinaryOperatorKind Op, const llvm::APSInt &L,
                    const llvm::APSInt &R) {
  // Compared as the wider signed values they are in the usual cases.
  int64_t A = L.getExtValue(), B = R.getExtValue();
  switch (Op) {
  case BO_EQ:
    return A == B;
  case BO_NE:
    return A != B;
  case BO_LT:
    return A < B;
  case BO_LE:
    return A <= B;
  case BO_GT:
    return A > B;
  case BO_GE:
    return A >= B;
  default:
    return false;
  }
}

bool holdsOnFirstTest(const Stmt *Loop, ASTContext &Ctx) {
  const auto *For = dyn_cast_or_null<ForStmt>(Loop);
  if (!For || !For->getCond())
    return false;
  llvm::APSInt Value;
  const VarDecl *Var = initialised(For, Ctx, Value);
  if (!Var || Value.getSignificantBits() > 64)
    return false;
  const Expr *Cond = For->getCond()->IgnoreParenImpCasts();
  if (referencedVar(Cond) == Var)
    return Value != 0;
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot)
    return referencedVar(Not->getSubExpr()) == Var && Value == 0;
  const auto *Cmp = dyn_cast<BinaryOperator>(Cond);
  if (!Cmp || !Cmp->isComparisonOp())
    return false;
  std::optional<llvm::APSInt> Other;
  BinaryOperatorKind Op = Cmp->getOpcode();
  if (referencedVar(Cmp->getLHS()) == Var) {
    Other = constantOf(Cmp->getRHS(), Ctx);
  } else if (referencedVar(Cmp->getRHS()) == Var) {
    Other = constantOf(Cmp->getLHS(), Ctx);
    Op = BinaryOperator::reverseComparisonOp(Op);
  }
  if (!Other || Other->getSignificantBits() > 64)
    return false;
  return compare(Op, Value, *Other);
}

} // namespace concur
