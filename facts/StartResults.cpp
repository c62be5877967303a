//===- StartResults.cpp - What a start function's result says -------------===//

#include "facts/StartResults.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"

#include <algorithm>

using namespace clang;

namespace concur {
namespace extract {

static bool isNullOrZero(const Expr *E, ASTContext &Ctx) {
  return !E->isValueDependent() &&
         E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) !=
             Expr::NPCK_NotNull;
}

const CallExpr *StartResults::resultCall(const Expr *E) const {
  E = E->IgnoreParenCasts();
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return Call;
  const VarDecl *VD = referencedVar(E);
  if (!VD || VD->hasGlobalStorage() || VD->getType()->isReferenceType() ||
      S.Paths.isModified(VD) || S.Paths.isEscaping(VD) || !VD->getInit())
    return nullptr;
  return dyn_cast<CallExpr>(VD->getInit()->IgnoreParenCasts());
}

std::optional<HeldLock> StartResults::classOnEdge(const Expr *Tested,
                                                  bool NullEdge) const {
  if (!Tested)
    return std::nullopt;
  const CallExpr *Call = resultCall(Tested);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  // A start's own status is CallModel::startFailureIn's.
  if (!Callee || S.TU.inLibraryCode(Callee) ||
      SpawnOrders.count(S.skip(Call)) || S.InGotoLoop)
    return std::nullopt;
  QualType Ret = Callee->getReturnType();
  if (!Ret->isPointerType() && !Ret->isIntegralOrEnumerationType())
    return std::nullopt;
  std::optional<HeldLock> L = S.callResultMark(Call, Callee);
  if (!L)
    return std::nullopt;
  L->Mutex.Name = "the threads " + L->Mutex.RootName + " started";
  // Made in a loop (`while (start_worker() == 0);`): the threads of the
  // passes before run whatever this pass found. Only a return of the
  // function that holds it asks about this pass alone. (A call is
  // recorded before any test of its result: looked for from the end.)
  unsigned At = *S.Paths.orderOf(Call);
  auto Site = std::find_if(S.Out.Calls.rbegin(), S.Out.Calls.rend(),
                           [&](const CallSite &C) { return C.Order == At; });
  if (Site != S.Out.Calls.rend() && Site->LoopDepth > 0)
    L->Mutex.Steps.push_back(ResultInLoopMark);
  L->Mutex.Steps.push_back(NullEdge ? ResultZeroMark : ResultNonZeroMark);
  L->Mutex.Steps.push_back("?startfailed");
  return L;
}

const CallExpr *StartResults::handedOnStatus(const Expr *V,
                                             QualType Ret) const {
  const CallExpr *Call = resultCall(V);
  if (!Call)
    return nullptr;
  // A pointer local set from a call (`s = calloc(...)`) is that call's
  // result only until the function tests it: the null test says more.
  if (Ret->isPointerType() && !isa<CallExpr>(V->IgnoreParenCasts()))
    return nullptr;
  if (SpawnOrders.count(S.skip(Call)))
    return Call;
  const FunctionDecl *Callee = Call->getDirectCallee();
  return Callee && !S.TU.inLibraryCode(Callee) ? Call : nullptr;
}

bool StartResults::inCatchHandler(const Stmt *St) const {
  DynTypedNodeList Parents = S.TU.Ctx.getParents(*St);
  while (!Parents.empty()) {
    if (Parents[0].get<CXXCatchStmt>())
      return true;
    if (Parents[0].get<FunctionDecl>() || Parents[0].get<LambdaExpr>())
      return false;
    Parents = S.TU.Ctx.getParents(Parents[0]);
  }
  return false;
}

ReturnOutcome StartResults::outcomeOf(const ReturnStmt *Return, QualType Ret) {
  using Kind = ReturnOutcome::Kind;
  ReturnOutcome R;
  R.Block = inCatchHandler(Return) ? UINT_MAX : S.CurrentBlock;
  for (const HeldLock &L : S.Locks.Now.Held)
    if (isStartFailure(L))
      R.StartFailures.push_back(L);
  const Expr *V = Return->getRetValue()->IgnoreParenImpCasts();
  const Expr *Bare = V->IgnoreParenCasts();
  // An integer result may hand on a status negated or tested (`return
  // !res;`, `return pthread_create(...) == 0;`).
  // (nullTested's "zero when the condition holds" is the status negated.)
  bool Negated = false;
  const Expr *Status =
      Ret->isIntegralOrEnumerationType() ? nullTested(V, S.TU.Ctx, Negated) : V;
  Expr::EvalResult Constant;
  if (isNullOrZero(V, S.TU.Ctx)) {
    R.Value = Kind::Zero;
  } else if (!V->isValueDependent() &&
             V->getType()->isIntegralOrEnumerationType() &&
             V->EvaluateAsInt(Constant, S.TU.Ctx)) {
    R.Value = Constant.Val.getInt().isZero() ? Kind::Zero : Kind::NonZero;
  } else if (const CallExpr *Call = handedOnStatus(Status, Ret)) {
    // A status handed on: a start's (`int ret = pthread_create(...);
    // return ret;`) or a program call's the caller may test in turn.
    if (std::optional<unsigned> Order = orderOfCall(Call)) {
      R.Value = Kind::StatusOf;
      R.StatusOf = *Order;
      R.Negated = Negated;
    }
  } else if (const VarDecl *Local = referencedVar(Status);
             Ret->isIntegralOrEnumerationType() && Local &&
             !isa<ParmVarDecl>(Local) && !Local->hasGlobalStorage() &&
             !Local->getType()->isReferenceType() &&
             Local->getType()->isIntegralOrEnumerationType() &&
             !S.Paths.isEscaping(Local) && R.Block != UINT_MAX) {
    // A local given several statuses (`res = pthread_attr_init(...)`, then
    // `res = pthread_create(...)`): which it holds here is the walk's to
    // tell once it has seen every assignment.
    S.PendingStatusReturns.push_back(
        {S.Out.ReturnOutcomes.size(), Local, Negated});
  } else if (Ret->isPointerType()) {
    // A new object, an address, or a local every path to here found not
    // null (`if (ctx == NULL) return NULL;`).
    const VarDecl *VD = referencedVar(V);
    if (isa<CXXNewExpr, CXXThisExpr, StringLiteral>(Bare) ||
        (isa<UnaryOperator>(Bare) &&
         cast<UnaryOperator>(Bare)->getOpcode() == UO_AddrOf) ||
        (VD && S.Locks.Now.NonNull.count(VD)))
      R.Value = Kind::NonZero;
  }
  return R;
}

std::optional<unsigned> StartResults::orderOfCall(const CallExpr *Call) const {
  if (auto It = SpawnOrders.find(S.skip(Call)); It != SpawnOrders.end())
    return It->second;
  return S.Paths.orderOf(Call);
}

void StartResults::settleStatusLocals() {
  for (const FunctionScope::PendingStatusReturn &P : S.PendingStatusReturns) {
    if (P.Outcome >= S.Out.ReturnOutcomes.size())
      continue;
    auto Values = S.IntegerLocalValues.find(P.Local);
    if (Values == S.IntegerLocalValues.end())
      continue;
    std::vector<std::pair<unsigned, unsigned>> Assignments;
    bool Known = true;
    for (const auto &[Value, Block] : Values->second) {
      const Expr *E = Value ? Value->IgnoreParenCasts() : nullptr;
      Expr::EvalResult Constant;
      if (!E || Block == UINT_MAX) {
        Known = false;
        break;
      }
      if (const auto *Call = dyn_cast<CallExpr>(E)) {
        Assignments.push_back({orderOfCall(Call).value_or(UINT_MAX), Block});
      } else if (!E->isValueDependent() &&
                 E->EvaluateAsInt(Constant, S.TU.Ctx)) {
        Assignments.push_back({UINT_MAX, Block});
      } else {
        Known = false;
        break;
      }
    }
    if (!Known || Assignments.empty())
      continue;
    ReturnOutcome &R = S.Out.ReturnOutcomes[P.Outcome];
    R.Value = ReturnOutcome::Kind::LastStatus;
    R.Negated = P.Negated;
    R.StatusAssignments = std::move(Assignments);
  }
  S.PendingStatusReturns.clear();
}

} // namespace extract
} // namespace concur
