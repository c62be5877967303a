//===- StartResults.cpp - What a start function's result says -------------===//

#include "facts/StartResults.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace concur {
namespace extract {

static bool isNullOrZero(const Expr *E, ASTContext &Ctx) {
  return !E->isValueDependent() &&
         E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) !=
             Expr::NPCK_NotNull;
}

const CallExpr *StartResults::resultCall(const Expr *E,
                                         bool ThroughPointers) const {
  E = E->IgnoreParenCasts();
  if (const auto *B = dyn_cast<BinaryOperator>(E);
      B && B->getOpcode() == BO_Assign)
    E = B->getRHS()->IgnoreParenCasts();
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return Call;
  const VarDecl *VD = referencedVar(E);
  if (!VD || VD->hasGlobalStorage())
    return nullptr;
  if (ThroughPointers)
    if (auto It = ResultOf.find(VD); It != ResultOf.end())
      return It->second;
  if (!S.Paths.isModified(VD) && VD->getInit())
    return dyn_cast<CallExpr>(VD->getInit()->IgnoreParenCasts());
  return nullptr;
}

std::optional<HeldLock> StartResults::classOnEdge(const Expr *Cond,
                                                  bool TrueEdge) const {
  // `!r`, `r == 0`, `r != NULL`: which way the edge found the result.
  bool Negated = false;
  const Expr *E = Cond->IgnoreParenImpCasts();
  while (true) {
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && U->getOpcode() == UO_LNot) {
      Negated = !Negated;
      E = U->getSubExpr()->IgnoreParenImpCasts();
      continue;
    }
    if (const auto *B = dyn_cast<BinaryOperator>(E); B && B->isEqualityOp()) {
      const Expr *Lhs = B->getLHS()->IgnoreParenImpCasts();
      const Expr *Rhs = B->getRHS()->IgnoreParenImpCasts();
      if (isNullOrZero(Lhs, S.TU.Ctx))
        std::swap(Lhs, Rhs);
      if (isNullOrZero(Rhs, S.TU.Ctx)) {
        if (B->getOpcode() == BO_EQ)
          Negated = !Negated;
        E = Lhs;
        continue;
      }
    }
    break;
  }
  const CallExpr *Call = resultCall(E, /*ThroughPointers=*/true);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  // A start's own status is CallModel::startFailureIn's.
  if (!Callee || S.TU.inLibraryCode(Callee) || SpawnOrders.count(S.skip(Call)))
    return std::nullopt;
  QualType Ret = Callee->getReturnType();
  if (!Ret->isPointerType() && !Ret->isIntegralOrEnumerationType())
    return std::nullopt;
  std::optional<unsigned> Order = S.Paths.orderOf(Call);
  if (!Order)
    return std::nullopt;
  HeldLock L;
  L.Mutex = returnPath(*Order, S.TU.displayName(Callee) + "()");
  L.Mutex.Name = "the threads " + L.Mutex.RootName + " started";
  L.Mutex.Steps.push_back(TrueEdge != Negated ? ResultNonZeroMark
                                              : ResultZeroMark);
  L.Mutex.Steps.push_back("?startfailed");
  return L;
}

bool StartResults::takesNull(const VarDecl *VD) {
  auto [It, New] = TakesNull.try_emplace(VD, false);
  if (!New)
    return It->second;
  bool Found = VD->getInit() && isNullOrZero(VD->getInit(), S.TU.Ctx);
  std::vector<const Stmt *> Work{S.FD->getBody()};
  while (!Found && !Work.empty()) {
    const Stmt *St = Work.back();
    Work.pop_back();
    if (!St)
      continue;
    if (const auto *B = dyn_cast<BinaryOperator>(St);
        B && B->getOpcode() == BO_Assign && referencedVar(B->getLHS()) == VD &&
        isNullOrZero(B->getRHS()->IgnoreParenCasts(), S.TU.Ctx))
      Found = true;
    for (const Stmt *Child : St->children())
      Work.push_back(Child);
  }
  return TakesNull[VD] = Found;
}

ReturnOutcome StartResults::outcomeOf(const Expr *Value, QualType Ret) {
  using Kind = ReturnOutcome::Kind;
  ReturnOutcome R;
  R.Block = S.CurrentBlock;
  for (const HeldLock &L : S.Locks.Now.Held)
    if (isStartFailure(L))
      R.StartFailures.push_back(L);
  const Expr *V = Value->IgnoreParenImpCasts();
  Expr::EvalResult Constant;
  if (isNullOrZero(V, S.TU.Ctx)) {
    R.Value = Kind::Zero;
  } else if (!V->isValueDependent() &&
             V->getType()->isIntegralOrEnumerationType() &&
             V->EvaluateAsInt(Constant, S.TU.Ctx)) {
    R.Value = Constant.Val.getInt().isZero() ? Kind::Zero : Kind::NonZero;
  } else if (const CallExpr *Call = resultCall(V, /*ThroughPointers=*/false);
             Call &&
             (!Ret->isPointerType() || isa<CallExpr>(V->IgnoreParenCasts()))) {
    // A status handed on: a start's (`int ret = pthread_create(...);
    // return ret;`) or a call's the caller may test in turn.
    if (auto It = SpawnOrders.find(S.skip(Call)); It != SpawnOrders.end()) {
      R.Value = Kind::StatusOf;
      R.StatusOf = It->second;
    } else if (std::optional<unsigned> Order = S.Paths.orderOf(Call)) {
      R.Value = Kind::StatusOf;
      R.StatusOf = *Order;
    }
  } else if (Ret->isPointerType()) {
    // A pointer that is no null constant: the function's object, taken as
    // not null (failure is told by a null returned as such), unless the
    // local it returns is given a null somewhere.
    const VarDecl *VD = referencedVar(V);
    const Expr *Bare = V->IgnoreParenCasts();
    bool Made = isa<CXXNewExpr, CXXThisExpr, StringLiteral>(Bare) ||
                (isa<UnaryOperator>(Bare) &&
                 cast<UnaryOperator>(Bare)->getOpcode() == UO_AddrOf);
    if (Made || (VD && !VD->hasGlobalStorage() && !takesNull(VD)))
      R.Value = Kind::NonZero;
  }
  return R;
}

} // namespace extract
} // namespace concur
