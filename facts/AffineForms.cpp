//===- AffineForms.cpp - Subscripts, loop ranges and conditions as symbols ===//

#include "facts/AffineForms.h"
#include "facts/Affine.h"
#include "facts/ExtractInternal.h"

#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtOpenMP.h"
#include "clang/Basic/OpenMPKinds.h"

#include <algorithm>

using namespace clang;

namespace concur {
namespace extract {

static constexpr unsigned MaxDepth = 64;

std::string AffineForms::querySymbol(const CallExpr *Call) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !FD->getIdentifier())
    return "";
  StringRef Name = FD->getName();
  if (Name == "omp_get_thread_num")
    return "tid";
  if (Name == "omp_get_num_threads")
    return "nthreads";
  if (Name == "omp_get_team_num")
    return "team";
  if (Name == "omp_get_num_teams")
    return "nteams";
  if (Name == "omp_get_max_threads")
    return "maxthreads";
  return "";
}

namespace {
/// Finds a call of omp_set_num_threads outside system headers.
class SetNumThreadsFinder : public RecursiveASTVisitor<SetNumThreadsFinder> {
public:
  explicit SetNumThreadsFinder(const SourceManager &SM) : SM(SM) {}
  bool Found = false;
  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (FD && FD->getIdentifier() && FD->getName() == "omp_set_num_threads")
      Found = true;
    return !Found;
  }

private:
  const SourceManager &SM;
};
} // namespace

bool AffineForms::boundsNextTeam(const CallExpr *Call) const {
  if (!SetsNumThreads) {
    SetNumThreadsFinder Finder(Ctx.getSourceManager());
    Finder.TraverseDecl(Ctx.getTranslationUnitDecl());
    SetsNumThreads = Finder.Found;
  }
  if (*SetsNumThreads)
    return false;
  // Inside a parallel or teams construct the call reads the next nesting
  // level's nthreads-var, not the one the construct itself was formed by.
  DynTypedNodeList Parents = Ctx.getParents(*Call);
  for (unsigned Steps = 0; !Parents.empty() && Steps < 4096; ++Steps) {
    if (const auto *D = Parents[0].get<OMPExecutableDirective>())
      if (isOpenMPParallelDirective(D->getDirectiveKind()) ||
          isOpenMPTeamsDirective(D->getDirectiveKind()))
        return false;
    if (Parents[0].get<FunctionDecl>())
      return true;
    Parents = Ctx.getParents(Parents[0]);
  }
  return true;
}

OmpAffine AffineForms::of(const Expr *E, unsigned Depth) const {
  if (!E || Depth > MaxDepth)
    return affine::unknown();
  E = E->IgnoreParens();
  if (!E->isValueDependent() && !E->isTypeDependent() &&
      E->getType()->isIntegralOrEnumerationType()) {
    Expr::EvalResult R;
    if (E->EvaluateAsInt(R, Ctx) && R.Val.isInt() &&
        R.Val.getInt().getSignificantBits() <= 62)
      return affine::constant(R.Val.getInt().getExtValue());
  }
  if (const auto *Cast = dyn_cast<CastExpr>(E)) {
    switch (Cast->getCastKind()) {
    case CK_LValueToRValue:
      if (!isa<DeclRefExpr>(Cast->getSubExpr()->IgnoreParens()))
        return ResolveRead(Cast->getSubExpr());
      return of(Cast->getSubExpr(), Depth + 1);
    case CK_IntegralCast:
    case CK_NoOp:
    case CK_IntegralToBoolean:
      return of(Cast->getSubExpr(), Depth + 1);
    default:
      return affine::unknown();
    }
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (VD->getType()->isIntegralOrEnumerationType())
        return Resolve(VD);
    return affine::unknown();
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    std::string Q = querySymbol(Call);
    if (Q == "maxthreads" && !boundsNextTeam(Call))
      return affine::unknown();
    return Q.empty() ? affine::unknown() : affine::symbol(Q);
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->getOpcode() == UO_Minus)
      return affine::scale(of(U->getSubExpr(), Depth + 1), -1);
    if (U->getOpcode() == UO_Plus)
      return of(U->getSubExpr(), Depth + 1);
    return affine::unknown();
  }
  if (const auto *B = dyn_cast<BinaryOperator>(E)) {
    switch (B->getOpcode()) {
    case BO_Add:
      return affine::add(of(B->getLHS(), Depth + 1),
                         of(B->getRHS(), Depth + 1));
    case BO_Sub:
      return affine::sub(of(B->getLHS(), Depth + 1),
                         of(B->getRHS(), Depth + 1));
    case BO_Mul:
      return affine::mul(of(B->getLHS(), Depth + 1),
                         of(B->getRHS(), Depth + 1));
    case BO_Shl: {
      OmpAffine Shift = of(B->getRHS(), Depth + 1);
      if (affine::isConstant(Shift) && Shift.Const >= 0 && Shift.Const < 30)
        return affine::scale(of(B->getLHS(), Depth + 1), 1LL << Shift.Const);
      return affine::unknown();
    }
    case BO_Comma:
      return of(B->getRHS(), Depth + 1);
    case BO_Div:
    case BO_Rem:
    case BO_Shr:
    case BO_And:
    case BO_Or:
    case BO_Xor:
      return opaque(B, of(B->getLHS(), Depth + 1), of(B->getRHS(), Depth + 1));
    default:
      return affine::unknown();
    }
  }
  return affine::unknown();
}

/// n / 2 of values no thread changes is one of them too: a symbol of its
/// own, the same wherever the same expression is written. With a counter
/// or a private value in it, it is unknown.
OmpAffine AffineForms::opaque(const BinaryOperator *B, const OmpAffine &L,
                              const OmpAffine &R) const {
  if (!L.Known || !R.Known)
    return affine::unknown();
  auto Id = [](const OmpAffine &A) {
    std::string T = affine::toString(A);
    std::replace(T.begin(), T.end(), '|', '#');
    return T;
  };
  auto Shown = [](const OmpAffine &A) {
    std::string T = affine::toString(affine::rename(
        A, [](const std::string &S) { return S.substr(S.rfind('|') + 1); }));
    return A.Terms.size() + (A.Const != 0) > 1 ? "(" + T + ")" : T;
  };
  if ((B->getOpcode() == BO_Div || B->getOpcode() == BO_Rem) &&
      affine::isConstant(R) && R.Const > 0 && R.Const < (1 << 20) && Facts) {
    long long K = R.Const;
    std::string Key = Id(L) + "," + std::to_string(K);
    OmpAffine Q = affine::symbol("q:(" + Key + ")|" + Shown(L) + " / " +
                                 std::to_string(K));
    OmpConstraint Low, High;
    Low.Expr = affine::sub(L, affine::scale(Q, K)); // L - K*q >= 0
    High.Expr =
        affine::sub(affine::add(affine::scale(Q, K), affine::constant(K - 1)),
                    L); // K*q + K - 1 - L >= 0
    Facts(Q.Terms[0].first[0], {Low, High});
    if (B->getOpcode() == BO_Div)
      return Q;
    OmpAffine Rem = affine::symbol("r:(" + Key + ")|" + Shown(L) + " % " +
                                   std::to_string(K));
    OmpConstraint Split, Positive, Below;
    Split.Equal = true;
    Split.Expr = affine::sub(L, affine::add(affine::scale(Q, K), Rem));
    Positive.Expr = Rem;
    Below.Expr = affine::sub(affine::constant(K - 1), Rem);
    Facts(Rem.Terms[0].first[0], {Split, Positive, Below});
    return Rem;
  }
  std::set<std::string> Used = affine::symbols(L);
  for (const std::string &S : affine::symbols(R))
    Used.insert(S);
  for (const std::string &S : Used) {
    std::string Kind = S.substr(0, S.find(':'));
    if (Kind != "s" && Kind != "g" && Kind != "p" && S != "nthreads" &&
        S != "nteams")
      return affine::unknown();
  }
  std::string Op = BinaryOperator::getOpcodeStr(B->getOpcode()).str();
  return affine::symbol("s:(" + Id(L) + Op + Id(R) + ")|" + Shown(L) + " " +
                        Op + " " + Shown(R));
}

/// Lhs - Rhs, for a comparison.
static bool difference(const AffineForms &F, const BinaryOperator *B,
                       OmpAffine &Out) {
  Out = affine::sub(F.of(B->getLHS()), F.of(B->getRHS()));
  return Out.Known;
}

void AffineForms::conditions(const Expr *Cond, bool Negated,
                             std::vector<OmpConstraint> &Out) const {
  if (!Cond)
    return;
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(Cond)) {
    if (U->getOpcode() == UO_LNot)
      conditions(U->getSubExpr(), !Negated, Out);
    return;
  }
  const auto *B = dyn_cast<BinaryOperator>(Cond);
  if (!B)
    return;
  // a && b holds both where true; a || b holds both negated where false.
  if ((B->getOpcode() == BO_LAnd && !Negated) ||
      (B->getOpcode() == BO_LOr && Negated)) {
    conditions(B->getLHS(), Negated, Out);
    conditions(B->getRHS(), Negated, Out);
    return;
  }
  if (!B->isComparisonOp())
    return;
  OmpAffine D; // Lhs - Rhs
  if (!difference(*this, B, D))
    return;
  BinaryOperatorKind Op = B->getOpcode();
  if (Negated) {
    switch (Op) {
    case BO_LT:
      Op = BO_GE;
      break;
    case BO_LE:
      Op = BO_GT;
      break;
    case BO_GT:
      Op = BO_LE;
      break;
    case BO_GE:
      Op = BO_LT;
      break;
    case BO_EQ:
      Op = BO_NE;
      break;
    case BO_NE:
      Op = BO_EQ;
      break;
    default:
      return;
    }
  }
  OmpConstraint C;
  switch (Op) {
  case BO_EQ:
    C.Expr = D;
    C.Equal = true;
    break;
  case BO_GE: // D >= 0
    C.Expr = D;
    break;
  case BO_GT: // D - 1 >= 0
    C.Expr = affine::sub(D, affine::constant(1));
    break;
  case BO_LE: // -D >= 0
    C.Expr = affine::scale(D, -1);
    break;
  case BO_LT: // -D - 1 >= 0
    C.Expr = affine::sub(affine::scale(D, -1), affine::constant(1));
    break;
  default:
    return; // != is a disjunction: nothing simple holds.
  }
  if (C.Expr.Known)
    Out.push_back(std::move(C));
}

void AffineForms::operands(const Expr *Cond,
                           std::vector<OmpAffine> &Out) const {
  if (!Cond)
    return;
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(Cond))
    if (U->getOpcode() == UO_LNot) {
      operands(U->getSubExpr(), Out);
      return;
    }
  if (const auto *B = dyn_cast<BinaryOperator>(Cond))
    if (B->isLogicalOp() || B->isComparisonOp()) {
      operands(B->getLHS(), Out);
      operands(B->getRHS(), Out);
      return;
    }
  Out.push_back(Cond->getType()->isIntegralOrEnumerationType() ||
                        Cond->getType()->isBooleanType()
                    ? of(Cond)
                    : affine::unknown());
}

/// The variable E names (through parentheses and implicit casts).
static const VarDecl *counterRef(const Expr *E) {
  return E ? referencedVar(E->IgnoreParenImpCasts()) : nullptr;
}

bool AffineForms::forLoop(const ForStmt *F, const VarDecl *&Counter,
                          OmpCounter &Out) const {
  Counter = nullptr;
  const Expr *Init = nullptr;
  if (const auto *DS = dyn_cast_or_null<DeclStmt>(F->getInit())) {
    if (!DS->isSingleDecl())
      return false;
    if (const auto *VD = dyn_cast<VarDecl>(DS->getSingleDecl())) {
      Counter = VD;
      Init = VD->getInit();
    }
  } else if (const auto *B = dyn_cast_or_null<BinaryOperator>(
                 dyn_cast_or_null<Expr>(F->getInit())
                     ? cast<Expr>(F->getInit())->IgnoreParens()
                     : nullptr)) {
    if (B->getOpcode() == BO_Assign) {
      Counter = counterRef(B->getLHS());
      Init = B->getRHS();
    }
  }
  if (!Counter || !Init || !Counter->getType()->isIntegralOrEnumerationType())
    return false;
  // The step.
  long long Step = 0;
  const Expr *Inc = F->getInc() ? F->getInc()->IgnoreParens() : nullptr;
  if (const auto *U = dyn_cast_or_null<UnaryOperator>(Inc)) {
    if (counterRef(U->getSubExpr()) != Counter)
      return false;
    Step = U->isIncrementOp() ? 1 : U->isDecrementOp() ? -1 : 0;
  } else if (const auto *B = dyn_cast_or_null<BinaryOperator>(Inc)) {
    if (counterRef(B->getLHS()) != Counter)
      return false;
    OmpAffine By;
    if (B->getOpcode() == BO_AddAssign || B->getOpcode() == BO_SubAssign) {
      By = of(B->getRHS());
      if (B->getOpcode() == BO_SubAssign)
        By = affine::scale(By, -1);
    } else if (B->getOpcode() == BO_Assign) {
      // i = i + c, i = c + i, i = i - c
      const auto *Sum = dyn_cast<BinaryOperator>(B->getRHS()->IgnoreParens());
      if (!Sum || (Sum->getOpcode() != BO_Add && Sum->getOpcode() != BO_Sub))
        return false;
      if (counterRef(Sum->getLHS()) == Counter)
        By = of(Sum->getRHS());
      else if (Sum->getOpcode() == BO_Add &&
               counterRef(Sum->getRHS()) == Counter)
        By = of(Sum->getLHS());
      if (Sum->getOpcode() == BO_Sub)
        By = affine::scale(By, -1);
    }
    if (!affine::isConstant(By))
      return false;
    Step = By.Const;
  }
  if (Step == 0)
    return false;
  // The bound: counter OP bound, or bound OP counter.
  const auto *Cond = dyn_cast_or_null<BinaryOperator>(
      F->getCond() ? F->getCond()->IgnoreParenImpCasts() : nullptr);
  if (!Cond || !Cond->isComparisonOp())
    return false;
  BinaryOperatorKind Op = Cond->getOpcode();
  const Expr *Bound = nullptr;
  if (counterRef(Cond->getLHS()) == Counter) {
    Bound = Cond->getRHS();
  } else if (counterRef(Cond->getRHS()) == Counter) {
    Bound = Cond->getLHS();
    Op = BinaryOperator::reverseComparisonOp(Op);
  } else {
    return false;
  }
  OmpAffine Start = of(Init), End = of(Bound);
  // Known bounds say more about the range than a symbol for a value
  // nothing tracks: the first replaces it, the others are kept as well.
  std::vector<OmpAffine> StartBounds, EndBounds;
  auto Widen = [&](OmpAffine &V, const Expr *E, bool Upper,
                   std::vector<OmpAffine> &More) {
    if (const VarDecl *VD = counterRef(E)) {
      std::vector<OmpAffine> B = ResolveBound(VD, Upper);
      if (!B.empty()) {
        V = B.front();
        More.assign(B.begin() + 1, B.end());
      }
    }
  };
  Widen(Start, Init, Step < 0, StartBounds);
  Widen(End, Bound, Step > 0, EndBounds);
  Out.Name = Counter->getNameAsString();
  Out.Step = Step;
  auto Shift = [](std::vector<OmpAffine> V, long long By) {
    for (OmpAffine &A : V)
      A = affine::add(A, affine::constant(By));
    return V;
  };
  if (Step > 0) {
    Out.Lower = Start;
    Out.MoreLower = StartBounds;
    if (Op == BO_LT || (Op == BO_NE && Step == 1)) {
      Out.Upper = affine::sub(End, affine::constant(1));
      Out.MoreUpper = Shift(EndBounds, -1);
    } else if (Op == BO_LE) {
      Out.Upper = End;
      Out.MoreUpper = EndBounds;
    } else {
      return false;
    }
  } else {
    Out.Upper = Start;
    Out.MoreUpper = StartBounds;
    if (Op == BO_GT || (Op == BO_NE && Step == -1)) {
      Out.Lower = affine::add(End, affine::constant(1));
      Out.MoreLower = Shift(EndBounds, 1);
    } else if (Op == BO_GE) {
      Out.Lower = End;
      Out.MoreLower = EndBounds;
    } else {
      return false;
    }
  }
  return true;
}

} // namespace extract
} // namespace concur
