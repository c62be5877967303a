//===- OnceFlags.cpp - One-time initialisation guarded by a flag and a lock
//===//

#include "facts/OnceFlags.h"

#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace concur {
namespace extract {

namespace {

/// An integer constant, or a null pointer (0).
std::optional<int64_t> constantOf(const Expr *E, ASTContext &Ctx) {
  if (E->isValueDependent())
    return std::nullopt;
  if (E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
    return 0;
  return integerConstant(E, Ctx);
}

} // namespace

std::optional<OnceFlags::Test> OnceFlags::testIn(const Stmt *Terminator) {
  ASTContext &Ctx = S.TU.Ctx;
  if (const auto *If = dyn_cast_or_null<IfStmt>(Terminator)) {
    if (If->getConditionVariable() || If->isConsteval())
      return std::nullopt;
    bool OnTrue = false;
    const Expr *C = withoutNegations(If->getCond(), OnTrue);
    Test Out;
    const auto *B = dyn_cast<BinaryOperator>(C);
    if (B && (B->getOpcode() == BO_EQ || B->getOpcode() == BO_NE)) {
      auto Left = constantOf(B->getLHS(), Ctx);
      auto Right = constantOf(B->getRHS(), Ctx);
      if (Left.has_value() == Right.has_value())
        return std::nullopt;
      Out.Flag = Right ? B->getLHS() : B->getRHS();
      Out.First = Right ? *Right : *Left;
      if (B->getOpcode() == BO_EQ)
        OnTrue = !OnTrue;
    } else {
      // `if (ready)`: its first value (false, 0, null) takes the false edge.
      Out.Flag = C;
    }
    Out.Branch = OnTrue ? If->getThen() : If->getElse();
    if (!Out.Branch)
      return std::nullopt;
    return Out;
  }
  // switch (state) { case 0: init(); state = 1; ... }
  if (const auto *Switch = dyn_cast_or_null<SwitchStmt>(Terminator)) {
    if (Switch->getConditionVariable())
      return std::nullopt;
    for (const SwitchCase *SC = Switch->getSwitchCaseList(); SC;
         SC = SC->getNextSwitchCase())
      if (const auto *Case = dyn_cast<CaseStmt>(SC); Case && !Case->getRHS())
        if (auto V = constantOf(Case->getLHS(), Ctx); V && *V == 0)
          return Test{Switch->getCond(), 0, Switch->getBody()};
  }
  return std::nullopt;
}

bool OnceFlags::setsFlag(const Stmt *Branch, const AccessPath &Flag,
                         int64_t First) {
  class Sets : public RecursiveASTVisitor<Sets> {
  public:
    Sets(OnceFlags &O, const AccessPath &Flag, int64_t First)
        : O(O), Flag(Flag), First(First) {}
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool VisitBinaryOperator(BinaryOperator *B) {
      if (B->getOpcode() != BO_Assign)
        return true;
      auto P = O.S.Paths.pathOf(B->getLHS());
      if (!P || !sameObject(*P, Flag))
        return true;
      const Expr *Value = B->getRHS()->IgnoreParenImpCasts();
      auto V = constantOf(Value, O.S.TU.Ctx);
      // Another constant; or, leaving null, an object (`p = new T`).
      Found |=
          V ? *V != First : First == 0 && Value->getType()->isPointerType();
      return !Found;
    }
    OnceFlags &O;
    const AccessPath &Flag;
    int64_t First;
    bool Found = false;
  } Check(*this, Flag, First);
  Check.TraverseStmt(const_cast<Stmt *>(Branch));
  return Check.Found;
}

const std::optional<OnceFlags::Once> &
OnceFlags::onceAt(const Stmt *Terminator) {
  auto [It, New] = Onces.try_emplace(Terminator);
  if (!New)
    return It->second;
  std::optional<Test> T = testIn(Terminator);
  if (!T)
    return It->second;
  const Expr *Flag = T->Flag->IgnoreParenImpCasts();
  if (!isa<DeclRefExpr>(Flag) && !isa<MemberExpr>(Flag))
    return It->second;
  std::optional<AccessPath> P = S.Paths.pathOf(Flag);
  if (P && P->Root != AccessPath::RootKind::Local &&
      setsFlag(T->Branch, *P, T->First))
    It->second = Once{*P, T->Branch};
  return It->second;
}

void OnceFlags::noteBranch(const Stmt *Terminator) {
  if (!Terminator)
    return;
  if (const std::optional<Once> &O = onceAt(Terminator))
    addSync(O->Flag, /*Release=*/false);
}

std::optional<HeldLock> OnceFlags::markOnEdge(const CFGBlock *From,
                                              const CFGBlock *To) {
  const Stmt *Terminator = From->getTerminatorStmt();
  if (!Terminator)
    return std::nullopt;
  const std::optional<Once> &O = onceAt(Terminator);
  if (!O)
    return std::nullopt;
  bool Enters = false;
  if (const auto *If = dyn_cast<IfStmt>(Terminator)) {
    // The first successor is the true edge, the second the false one.
    unsigned Edge = O->Branch == If->getThen() ? 0 : 1;
    Enters = From->succ_size() == 2 &&
             (From->succ_begin() + Edge)->getReachableBlock() == To;
  } else if (const auto *Case = dyn_cast_or_null<CaseStmt>(To->getLabel())) {
    Expr::EvalResult R;
    Enters = !Case->getRHS() && !Case->getLHS()->isValueDependent() &&
             Case->getLHS()->EvaluateAsInt(R, S.TU.Ctx) && R.Val.getInt() == 0;
  }
  if (!Enters)
    return std::nullopt;
  HeldLock Mark;
  Mark.Mutex = O->Flag;
  appendStep(Mark.Mutex, "?oncebranch");
  return Mark;
}

void OnceFlags::noteSet(const BinaryOperator *B) {
  if (B->getOpcode() != BO_Assign)
    return;
  // Only a set inside the branch: where its mark is held.
  bool InBranch = false;
  for (const HeldLock &L : S.Locks.Now.Held)
    InBranch |= isOnceBranch(L);
  if (!InBranch)
    return;
  std::optional<AccessPath> P = S.Paths.pathOf(B->getLHS());
  if (!P)
    return;
  AccessPath Mark = *P;
  appendStep(Mark, "?oncebranch");
  for (const HeldLock &L : S.Locks.Now.Held)
    if (sameObject(L.Mutex, Mark)) {
      addSync(*P, /*Release=*/true);
      return;
    }
}

void OnceFlags::addSync(const AccessPath &Flag, bool Release) {
  SyncEvent E;
  E.Object = Flag;
  appendStep(E.Object, "?once");
  E.Release = Release;
  E.Once = true;
  E.Locks = S.heldHere();
  E.UnreachedCalls = S.unreachedCalls();
  E.Order = S.nextOrder();
  S.Out.Syncs.push_back(std::move(E));
}

} // namespace extract
} // namespace concur
