//===- ClaimedIndexes.cpp - Indexes taken from a shared counter ----------===//

#include "facts/ClaimedIndexes.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace concur {
namespace extract {

namespace {

const VarDecl *localOf(const Expr *E) {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParens() : E);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || VD->hasGlobalStorage() || VD->getType()->isReferenceType())
    return nullptr;
  return VD;
}

/// Counts, per local, the references the function makes and those it reads
/// or writes, and collects what it assigns.
class LocalUses : public RecursiveASTVisitor<LocalUses> {
public:
  std::map<const VarDecl *, std::vector<const Expr *>> &Values, &Other;
  std::map<const VarDecl *, const ForStmt *> &LoopOf;
  std::map<const VarDecl *, unsigned> Refs, Explained;

  LocalUses(std::map<const VarDecl *, std::vector<const Expr *>> &Values,
            std::map<const VarDecl *, std::vector<const Expr *>> &Other,
            std::map<const VarDecl *, const ForStmt *> &LoopOf)
      : Values(Values), Other(Other), LoopOf(LoopOf) {}

  bool VisitVarDecl(VarDecl *VD) {
    if (!VD->hasGlobalStorage() && VD->getInit())
      Values[VD].push_back(VD->getInit());
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (const VarDecl *VD = localOf(DRE))
      ++Refs[VD];
    return true;
  }
  bool VisitImplicitCastExpr(ImplicitCastExpr *C) {
    if (C->getCastKind() == CK_LValueToRValue)
      if (const VarDecl *VD = localOf(C->getSubExpr()))
        ++Explained[VD];
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *B) {
    if (!B->isAssignmentOp())
      return true;
    if (const VarDecl *VD = localOf(B->getLHS())) {
      ++Explained[VD];
      if (B->getOpcode() == BO_Assign)
        Values[VD].push_back(B->getRHS());
      else
        Other[VD].push_back(B);
    }
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *U) {
    if (!U->isIncrementDecrementOp())
      return true;
    if (const VarDecl *VD = localOf(U->getSubExpr())) {
      ++Explained[VD];
      Other[VD].push_back(U);
    }
    return true;
  }
  bool VisitForStmt(ForStmt *F) {
    if (const auto *Init = dyn_cast_or_null<DeclStmt>(F->getInit()))
      for (const Decl *D : Init->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          LoopOf[VD] = F;
    return true;
  }
};

/// Is E (an increment of a loop) a step of one up?
bool stepsByOne(const Expr *E, const ASTContext &Ctx) {
  E = E->IgnoreParens();
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    return U->isIncrementOp();
  const auto *B = dyn_cast<CompoundAssignOperator>(E);
  Expr::EvalResult R;
  return B && B->getOpcode() == BO_AddAssign &&
         !B->getRHS()->isValueDependent() &&
         B->getRHS()->EvaluateAsInt(R, Ctx) && R.Val.getInt() == 1;
}

} // namespace

ClaimedIndexes::ClaimedIndexes(TranslationUnitFacts &TU, const Stmt *Body,
                               const std::set<const Expr *> *LockedTakes)
    : TU(TU), LockedTakes(LockedTakes) {
  LocalUses Uses(Values, Other, LoopOf);
  Uses.TraverseStmt(const_cast<Stmt *>(Body));
  // A reference neither read nor written (its address taken, a reference
  // bound to it) may change it anywhere: counted as a write we cannot see.
  for (const auto &[VD, N] : Uses.Refs)
    if (N > Uses.Explained[VD])
      Other[VD].push_back(nullptr);
}

std::optional<int64_t> ClaimedIndexes::constant(const Expr *E) {
  if (!E) // A take by ++: a step of one.
    return 1;
  Expr::EvalResult R;
  if (E->isValueDependent() || !E->EvaluateAsInt(R, TU.Ctx))
    return std::nullopt;
  return R.Val.getInt().getExtValue();
}

bool ClaimedIndexes::onlyInitialised(const VarDecl *VD) const {
  auto V = Values.find(VD);
  return VD->getInit() && V != Values.end() && V->second.size() == 1 &&
         !Other.count(VD);
}

bool ClaimedIndexes::sameStep(const Expr *A, const Expr *B) {
  auto CA = constant(A), CB = constant(B);
  if (CA || CB)
    return CA && CB && *CA == *CB;
  A = A->IgnoreParenCasts();
  B = B->IgnoreParenCasts();
  // One variable the function does not change, or one member.
  if (const auto *DA = dyn_cast<DeclRefExpr>(A)) {
    const auto *DB = dyn_cast<DeclRefExpr>(B);
    if (!DB || DA->getDecl() != DB->getDecl())
      return false;
    const auto *VD = dyn_cast<VarDecl>(DA->getDecl());
    return VD &&
           (VD->hasGlobalStorage() || !Values.count(VD) ||
            onlyInitialised(VD)) &&
           !Other.count(VD);
  }
  const auto *MA = dyn_cast<MemberExpr>(A);
  const auto *MB = dyn_cast<MemberExpr>(B);
  return MA && MB && MA->getMemberDecl() == MB->getMemberDecl() &&
         isa<CXXThisExpr>(MA->getBase()->IgnoreParenImpCasts()) &&
         isa<CXXThisExpr>(MB->getBase()->IgnoreParenImpCasts());
}

std::optional<ClaimedIndexes::Take> ClaimedIndexes::takeOf(const Expr *E) {
  E = E->IgnoreParenCasts();
  const Expr *Counter = nullptr;
  Take T;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    if (!M || !M->getIdentifier() || M->getName() != "fetch_add" ||
        MC->getNumArgs() < 1)
      return std::nullopt;
    Counter = MC->getImplicitObjectArgument();
    T.Step = MC->getArg(0);
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    // x++ on an atomic: the old value, a step of one. (Its second argument
    // is the dummy int of a postfix operator.)
    if (Op->getOperator() != OO_PlusPlus || Op->getNumArgs() != 2)
      return std::nullopt;
    Counter = Op->getArg(0);
  } else if (const auto *A = dyn_cast<AtomicExpr>(E)) {
    if (A->getOp() != AtomicExpr::AO__c11_atomic_fetch_add &&
        A->getOp() != AtomicExpr::AO__atomic_fetch_add)
      return std::nullopt;
    Counter = A->getPtr();
    T.Step = A->getVal1();
  } else if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    // next++ holding a lock: the old value, a step of one.
    if (U->getOpcode() != UO_PostInc || !LockedTakes || !LockedTakes->count(U))
      return std::nullopt;
    Counter = U->getSubExpr();
    if (localOf(Counter->IgnoreParenImpCasts()))
      return std::nullopt;
  } else if (const auto *C = dyn_cast<CallExpr>(E)) {
    // __sync_fetch_and_add(&x, k), std::atomic_fetch_add(&x, k).
    const FunctionDecl *F = C->getDirectCallee();
    if (!F || !F->getIdentifier() || C->getNumArgs() < 2)
      return std::nullopt;
    StringRef Name = F->getName();
    if (!Name.starts_with("__sync_fetch_and_add") &&
        Name != "atomic_fetch_add" && Name != "atomic_fetch_add_explicit")
      return std::nullopt;
    Counter = C->getArg(0);
    T.Step = C->getArg(1);
  } else {
    return std::nullopt;
  }
  // The counter: a variable or a member, named or pointed to.
  Counter = Counter->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(Counter);
      U && U->getOpcode() == UO_AddrOf)
    Counter = U->getSubExpr()->IgnoreParenImpCasts();
  const ValueDecl *D = nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Counter))
    D = DRE->getDecl();
  else if (const auto *ME = dyn_cast<MemberExpr>(Counter))
    D = ME->getMemberDecl();
  if (!D || D->getType()->isPointerType())
    return std::nullopt;
  T.Counter = TU.usr(D);
  if (T.Counter.empty())
    return std::nullopt;
  return T;
}

std::optional<ClaimedIndexes::Take>
ClaimedIndexes::takenLocal(const VarDecl *VD) {
  auto V = Values.find(VD);
  if (V == Values.end() || V->second.empty() || Other.count(VD))
    return std::nullopt;
  std::optional<Take> First;
  for (const Expr *Value : V->second) {
    auto T = takeOf(Value);
    if (!T || (First && (T->Counter != First->Counter ||
                         !sameStep(T->Step, First->Step))))
      return std::nullopt;
    if (!First)
      First = T;
  }
  return First;
}

bool ClaimedIndexes::boundsRange(const Expr *Bound, const VarDecl *Start,
                                 const Take &T, unsigned Depth) {
  if (Depth > 4)
    return false;
  Bound = Bound->IgnoreParenCasts();
  if (const auto *B = dyn_cast<BinaryOperator>(Bound)) {
    if (B->getOpcode() != BO_Add)
      return false;
    return (localOf(B->getLHS()->IgnoreParenCasts()) == Start &&
            sameStep(B->getRHS(), T.Step)) ||
           (localOf(B->getRHS()->IgnoreParenCasts()) == Start &&
            sameStep(B->getLHS(), T.Step));
  }
  // std::min(start + k, n) is no more than start + k.
  if (const auto *C = dyn_cast<CallExpr>(Bound)) {
    const FunctionDecl *F = C->getDirectCallee();
    if (!F || !F->getIdentifier() || F->getName() != "min")
      return false;
    for (const Expr *Arg : C->arguments())
      if (boundsRange(Arg, Start, T, Depth + 1))
        return true;
    return false;
  }
  if (const VarDecl *End = localOf(Bound))
    return End != Start && onlyInitialised(End) &&
           boundsRange(End->getInit(), Start, T, Depth + 1);
  return false;
}

std::string ClaimedIndexes::stepOf(const Expr *Index) {
  // a[next.fetch_add(1)]: the take itself.
  if (auto T = takeOf(Index)) {
    auto K = constant(T->Step);
    return K && *K >= 1 ? "[#" + T->Counter + "]" : "";
  }
  const VarDecl *VD = localOf(Index->IgnoreParenCasts());
  if (!VD)
    return "";
  // The value a take returned, with a step of one or more.
  if (auto T = takenLocal(VD)) {
    auto K = constant(T->Step);
    return K && *K >= 1 ? "[#" + T->Counter + "]" : "";
  }
  // for (j = start; j < start + k; ++j), start taken with the step k.
  auto Loop = LoopOf.find(VD);
  auto Assigned = Values.find(VD);
  if (Loop == LoopOf.end() || !VD->getInit() || Assigned == Values.end() ||
      Assigned->second.size() != 1)
    return "";
  const ForStmt *F = Loop->second;
  const VarDecl *Start = localOf(VD->getInit()->IgnoreParenCasts());
  std::optional<Take> T = Start ? takenLocal(Start) : std::nullopt;
  if (!T)
    return "";
  // Changed only by the loop's increment, by one.
  auto Writes = Other.find(VD);
  if (!F->getInc() || Writes == Other.end() || Writes->second.size() != 1 ||
      Writes->second.front() != F->getInc()->IgnoreParens() ||
      !stepsByOne(F->getInc(), TU.Ctx))
    return "";
  // Some conjunct of the condition keeps it below start + k.
  std::vector<const Expr *> Conjuncts;
  if (F->getCond())
    Conjuncts.push_back(F->getCond());
  while (!Conjuncts.empty()) {
    const Expr *C = Conjuncts.back()->IgnoreParenImpCasts();
    Conjuncts.pop_back();
    const auto *B = dyn_cast<BinaryOperator>(C);
    if (!B)
      continue;
    if (B->getOpcode() == BO_LAnd) {
      Conjuncts.push_back(B->getLHS());
      Conjuncts.push_back(B->getRHS());
    } else if ((B->getOpcode() == BO_LT &&
                localOf(B->getLHS()->IgnoreParenCasts()) == VD &&
                boundsRange(B->getRHS(), Start, *T, 0)) ||
               (B->getOpcode() == BO_GT &&
                localOf(B->getRHS()->IgnoreParenCasts()) == VD &&
                boundsRange(B->getLHS(), Start, *T, 0))) {
      return "[#" + T->Counter + "]";
    }
  }
  return "";
}

std::string ClaimedIndexes::lowerBoundStep(const Expr *Index) {
  // i, or i + c with a constant c >= 0.
  int64_t Offset = 0;
  const Expr *E = Index->IgnoreParenImpCasts();
  if (const auto *B = dyn_cast<BinaryOperator>(E);
      B && B->getOpcode() == BO_Add) {
    auto C = constant(B->getRHS());
    if (!C || *C < 0)
      return "";
    Offset = *C;
    E = B->getLHS()->IgnoreParenImpCasts();
  }
  const VarDecl *VD = localOf(E);
  if (!VD || isa<ParmVarDecl>(VD) || !VD->getType()->isIntegerType() ||
      VD->getType().isVolatileQualified())
    return "";
  // Every value it is given is a constant; the least is the bound.
  auto Assigned = Values.find(VD);
  if (Assigned == Values.end())
    return "";
  std::optional<int64_t> Least;
  for (const Expr *V : Assigned->second) {
    auto C = constant(V);
    if (!C)
      return "";
    Least = Least ? std::min(*Least, *C) : *C;
  }
  // Otherwise only stepped up: ++, or += a positive constant (a reference
  // the walk cannot explain, recorded as null, may do anything).
  if (auto Writes = Other.find(VD); Writes != Other.end())
    for (const Expr *W : Writes->second) {
      const auto *U = dyn_cast_or_null<UnaryOperator>(W);
      const auto *C = dyn_cast_or_null<CompoundAssignOperator>(W);
      std::optional<int64_t> Step = C && C->getOpcode() == BO_AddAssign
                                        ? constant(C->getRHS())
                                        : std::nullopt;
      if (!(U && U->isIncrementOp()) && !(Step && *Step > 0))
        return "";
    }
  int64_t Bound = *Least + Offset;
  return Bound >= 1 ? lowerBoundedIndex(Bound) : "";
}

} // namespace extract
} // namespace concur
