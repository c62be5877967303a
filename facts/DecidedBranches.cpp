//===- DecidedBranches.cpp - Branches a known value decides ---------------===//

#include "facts/DecidedBranches.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"

#include <algorithm>
#include <limits>
#include <set>

using namespace clang;

namespace concur {
namespace extract {

HeldLock impossibleBranch() {
  AccessPath P = channelPath("impossible");
  P.Name = "a branch no result takes";
  appendStep(P, ImpossibleMark);
  return {P, false};
}

namespace {

/// The one unknown a condition depends on: a known-results call, and the
/// local that holds its result, if any.
struct Unknown {
  const CallExpr *Call = nullptr;
  const VarDecl *Holder = nullptr;
  /// The reads of a flag's place (a field or a global) in the condition.
  std::set<const Expr *> Places;
};

/// Cond's value when the unknown is Value; none when it depends on
/// anything else.
/// Compared for equality only (EqualityOnly), every value but the
/// constants compared with behaves alike.
/// Is E (parentheses and implicit casts aside) the unknown itself: the
/// call, a read of the place, or the local holding the call's result?
bool isUnknown(const Expr *E, const Unknown &U) {
  E = E->IgnoreParenImpCasts();
  if (E == U.Call || U.Places.count(E))
    return true;
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  return Ref && U.Holder && Ref->getDecl() == U.Holder;
}

/// Is B, a relational comparison, one that an unsigned unknown takes as a
/// test against zero (`count > 0`, `count >= 1`, `count < 1`, `0 < count`):
/// every value but 0 takes one way, as with `count != 0`?
bool isZeroTest(const BinaryOperator *B, const Unknown &U,
                const ASTContext &Ctx) {
  auto IsUnknown = [&](const Expr *E) {
    return isUnknown(E, U) &&
           E->IgnoreParenImpCasts()->getType()->isUnsignedIntegerType();
  };
  BinaryOperatorKind Op = B->getOpcode();
  const Expr *Other = B->getRHS();
  if (!IsUnknown(B->getLHS())) {
    if (!IsUnknown(B->getRHS()))
      return false;
    Other = B->getLHS();
    Op = BinaryOperator::reverseComparisonOp(Op);
  }
  std::optional<int64_t> C = integerConstant(Other, Ctx);
  if (!C)
    return false;
  return ((Op == BO_GT || Op == BO_LE) && *C == 0) ||
         ((Op == BO_GE || Op == BO_LT) && *C == 1);
}

std::optional<int64_t> evaluate(const Expr *E, const Unknown &U, int64_t Value,
                                const ASTContext &Ctx,
                                bool EqualityOnly = false) {
  if (isUnknown(E, U))
    return Value;
  E = E->IgnoreParenImpCasts();
  if (const auto *Un = dyn_cast<UnaryOperator>(E)) {
    std::optional<int64_t> V =
        evaluate(Un->getSubExpr(), U, Value, Ctx, EqualityOnly);
    if (!V)
      return std::nullopt;
    switch (Un->getOpcode()) {
    case UO_LNot:
      return *V == 0;
    case UO_Minus:
      return EqualityOnly ? std::nullopt : std::optional<int64_t>(-*V);
    case UO_Plus:
      return *V;
    default:
      return std::nullopt;
    }
  }
  if (const auto *B = dyn_cast<BinaryOperator>(E)) {
    // `(rc = pthread_cancel(t)) != 0`: the assignment's value.
    if (B->getOpcode() == BO_Assign || B->getOpcode() == BO_Comma)
      return evaluate(B->getRHS(), U, Value, Ctx, EqualityOnly);
    std::optional<int64_t> L =
        evaluate(B->getLHS(), U, Value, Ctx, EqualityOnly);
    std::optional<int64_t> R =
        evaluate(B->getRHS(), U, Value, Ctx, EqualityOnly);
    if (!L || !R ||
        (EqualityOnly && B->isRelationalOp() && !isZeroTest(B, U, Ctx)))
      return std::nullopt;
    switch (B->getOpcode()) {
    case BO_EQ:
      return *L == *R;
    case BO_NE:
      return *L != *R;
    case BO_LT:
      return *L < *R;
    case BO_GT:
      return *L > *R;
    case BO_LE:
      return *L <= *R;
    case BO_GE:
      return *L >= *R;
    case BO_LAnd:
      return *L != 0 && *R != 0;
    case BO_LOr:
      return *L != 0 || *R != 0;
    default:
      return std::nullopt;
    }
  }
  return integerConstant(E, Ctx);
}

} // namespace

void KnownResults::enterBlock(const CFGBlock &Block) {
  Holders.clear();
  if (Block.pred_size() != 1)
    return;
  const CFGBlock *Pred = Block.pred_begin()->getReachableBlock();
  if (Pred && Pred->getBlockID() < AtExit.size())
    Holders = AtExit[Pred->getBlockID()];
}

void KnownResults::note(const VarDecl *VD, const Expr *Value) {
  const auto *Call =
      Value ? dyn_cast<CallExpr>(Value->IgnoreParenImpCasts()) : nullptr;
  if (Call && VD->getType()->isIntegralOrEnumerationType() &&
      S.Lib.knownResults(Call->getDirectCallee()))
    Holders[VD] = Call;
  else
    Holders.erase(VD);
}

void KnownResults::leaveBlock(const CFGBlock &Block) {
  unsigned Id = Block.getBlockID();
  if (Id >= AtExit.size())
    return;
  AtExit[Id] = Holders;
  if (Block.succ_size() != 2 ||
      isa_and_nonnull<SwitchStmt>(Block.getTerminatorStmt()))
    return;
  if (const auto *Cond = dyn_cast_or_null<Expr>(
          Block.getTerminatorCondition(/*StripParens=*/true)))
    NeverTaken[Id] = neverHas(Cond);
}

bool KnownResults::neverTaken(const CFGBlock &From, bool TrueEdge) const {
  unsigned Id = From.getBlockID();
  return Id < NeverTaken.size() && NeverTaken[Id] &&
         *NeverTaken[Id] == TrueEdge;
}

std::optional<bool> KnownResults::neverHas(const Expr *Cond) const {
  // The one unknown: every known call and every holder in Cond must be
  // the same call.
  Unknown U;
  bool Several = false;
  auto Meet = [&](const CallExpr *Call, const VarDecl *Holder) {
    if (U.Call && U.Call != Call)
      Several = true;
    U.Call = Call;
    if (Holder) {
      if (U.Holder && U.Holder != Holder)
        Several = true;
      U.Holder = Holder;
    }
  };
  std::vector<const Stmt *> Work{Cond};
  while (!Work.empty() && !Several) {
    const Stmt *Node = Work.back();
    Work.pop_back();
    if (!Node || isa<LambdaExpr>(Node))
      continue;
    if (const auto *Call = dyn_cast<CallExpr>(Node);
        Call && S.Lib.knownResults(Call->getDirectCallee())) {
      Meet(Call, nullptr);
      continue;
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Node))
      if (const auto *VD = dyn_cast<VarDecl>(Ref->getDecl())) {
        auto It = Holders.find(VD);
        if (It != Holders.end())
          Meet(It->second, VD);
      }
    for (const Stmt *Child : Node->children())
      Work.push_back(Child);
  }
  if (Several || !U.Call)
    return std::nullopt;
  bool SeenTrue = false, SeenFalse = false;
  for (long long Result : *S.Lib.knownResults(U.Call->getDirectCallee())) {
    std::optional<int64_t> V = evaluate(Cond, U, Result, S.TU.Ctx);
    if (!V)
      return std::nullopt;
    (*V != 0 ? SeenTrue : SeenFalse) = true;
  }
  if (!SeenTrue)
    return true;
  if (!SeenFalse)
    return false;
  return std::nullopt;
}

/// The values of the unknown that take the edge of a branch on Cond, which
/// compares it for equality with Constants only: "=1,3", or "!=0" when
/// every value but those listed does. None when Cond depends on more, or
/// when every value takes the edge.
static std::optional<std::string>
valuesTakingEdge(const Expr *Cond, bool TrueEdge, const Unknown &U,
                 const std::set<int64_t> &Constants, const ASTContext &Ctx) {
  // Compared for equality only, every value but the constants behaves as
  // one more would.
  auto TakesEdge = [&](int64_t Value) -> std::optional<bool> {
    std::optional<int64_t> V =
        evaluate(Cond, U, Value, Ctx, /*EqualityOnly=*/true);
    if (!V)
      return std::nullopt;
    return (*V != 0) == TrueEdge;
  };
  std::string Taken, NotTaken;
  for (int64_t C : Constants) {
    std::optional<bool> Takes = TakesEdge(C);
    if (!Takes)
      return std::nullopt;
    std::string &List = *Takes ? Taken : NotTaken;
    List += (List.empty() ? "" : ",") + std::to_string(C);
  }
  if (*Constants.rbegin() == std::numeric_limits<int64_t>::max())
    return std::nullopt;
  std::optional<bool> OtherTakes = TakesEdge(*Constants.rbegin() + 1);
  // No value at all taking the edge is what a conversion evaluate() does
  // not model would show too (an unsigned compared with a negative
  // constant): no mark.
  if (!OtherTakes || (*OtherTakes && NotTaken.empty()) ||
      (!*OtherTakes && Taken.empty()))
    return std::nullopt;
  return *OtherTakes ? "!=" + NotTaken : "=" + Taken;
}

/// How a scan of a condition takes one of its nodes (equalityTest).
enum class Operand {
  Inside, // Look at its parts.
  Whole,  // The unknown, or a constant: not at its parts.
  Other,  // Something else the condition depends on: no test of one value.
};

/// The constants a condition compares anything with for equality (and 0,
/// which every truth test is), when it calls nothing and TakeNode accepts
/// each of its nodes; none otherwise.
template <typename TakeNodeFn>
static std::optional<std::set<int64_t>>
equalityTest(const Expr *Cond, const ASTContext &Ctx, TakeNodeFn TakeNode) {
  std::set<int64_t> Constants = {0};
  std::vector<const Stmt *> Work{Cond};
  while (!Work.empty()) {
    const Stmt *Node = Work.back();
    Work.pop_back();
    if (!Node)
      continue;
    if (isa<CallExpr>(Node) || isa<LambdaExpr>(Node))
      return std::nullopt;
    Operand Taken = TakeNode(Node);
    if (Taken == Operand::Other)
      return std::nullopt;
    if (Taken == Operand::Whole)
      continue;
    if (const auto *B = dyn_cast<BinaryOperator>(Node); B && B->isEqualityOp())
      for (const Expr *Side : {B->getLHS(), B->getRHS()})
        if (std::optional<int64_t> C = integerConstant(Side, Ctx))
          Constants.insert(*C);
    for (const Stmt *Child : Node->children())
      Work.push_back(Child);
  }
  return Constants;
}

/// "paramtest:<index>" + Values + "?paramtest": held where only the values
/// Values lists ("=1,3"), or all but them ("!=0"), bring Param.
static HeldLock paramTestMark(const ParmVarDecl *Param,
                              const std::string &Values,
                              const FunctionScope &S) {
  noteTestedParam(S.Out, Param->getFunctionScopeIndex());
  AccessPath P;
  P.Root = AccessPath::RootKind::Global;
  P.RootId = ParamTestRoot + std::to_string(Param->getFunctionScopeIndex());
  P.RootName = P.Name = "a test of '" + Param->getNameAsString() + "'";
  appendStep(P, Values);
  appendStep(P, ParamTestMark);
  return HeldLock{P, false};
}

static const ParmVarDecl *copiedParam(const Expr *Pointer, FunctionScope &S);

/// The one parameter of the function Cond (evaluated at the end of the CFG
/// block Block) tests, of an integer type and holding the value passed
/// there, and the constants it is compared with; null when Cond
/// tests anything else. The test may read the parameter itself, or an
/// integer local that only ever holds it (`long n = (long)arg;`, a thread's
/// index handed over as its pointer argument): Holder is what it reads.
static const ParmVarDecl *testedParam(const Expr *Cond, unsigned Block,
                                      FunctionScope &S,
                                      std::set<int64_t> &Constants,
                                      const VarDecl *&Holder) {
  const ParmVarDecl *Param = nullptr;
  Holder = nullptr;
  std::optional<std::set<int64_t>> Found =
      equalityTest(Cond, S.TU.Ctx, [&](const Stmt *Node) {
        const auto *Ref = dyn_cast<DeclRefExpr>(Node);
        const auto *VD = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
        if (!VD)
          return Operand::Inside;
        const auto *P = dyn_cast<ParmVarDecl>(VD);
        if (!P && VD->isLocalVarDecl() &&
            VD->getType()->isIntegralOrEnumerationType())
          P = copiedParam(Ref, S);
        if (!P)
          return Operand::Inside;
        if ((Param && Param != P) || (Holder && Holder != VD) ||
            P->getDeclContext() != S.FD)
          return Operand::Other;
        Param = P;
        Holder = VD;
        return Operand::Inside;
      });
  if (!Found || !Param || S.paramMayBeChanged(Param, Block))
    return nullptr;
  // A pointer compared with integers only through an integer copy.
  QualType Type = Param->getType();
  if (!Type->isIntegralOrEnumerationType() &&
      !(Holder != Param && Type->isPointerType()))
    return nullptr;
  Constants = std::move(*Found);
  return Param;
}

std::optional<HeldLock> paramTestOnEdge(const Expr *Cond, bool TrueEdge,
                                        unsigned Block, FunctionScope &S) {
  std::set<int64_t> Constants;
  const VarDecl *Holder = nullptr;
  const ParmVarDecl *Param = testedParam(Cond, Block, S, Constants, Holder);
  if (!Param)
    return std::nullopt;
  Unknown U;
  U.Holder = Holder;
  std::optional<std::string> Values =
      valuesTakingEdge(Cond, TrueEdge, U, Constants, S.TU.Ctx);
  if (!Values)
    return std::nullopt;
  return paramTestMark(Param, *Values, S);
}

/// The one read of a place (an integer field or global: one object, no
/// element of an array or container) Cond tests, and the constants it is
/// compared with; null when Cond tests anything else.
static const Expr *testedFlag(const Expr *Cond, const ASTContext &Ctx,
                              std::set<int64_t> &Constants) {
  const Expr *Read = nullptr;
  std::optional<std::set<int64_t>> Found =
      equalityTest(Cond, Ctx, [&](const Stmt *Node) {
        if (isa<ArraySubscriptExpr>(Node))
          return Operand::Other;
        const auto *E = dyn_cast<Expr>(Node);
        if (!E || (!isa<MemberExpr>(E) && !isa<DeclRefExpr>(E)))
          return Operand::Inside;
        if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
          if (isa<EnumConstantDecl>(Ref->getDecl()))
            return Operand::Whole;
          const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
          if (!VD || !VD->hasGlobalStorage())
            return Operand::Other;
        }
        if (Read || !E->getType()->isIntegralOrEnumerationType())
          return Operand::Other;
        Read = E;
        // What the place's own expression holds: a pointer read through
        // (`mosq->`), nothing that calls or indexes.
        std::vector<const Stmt *> Inner{E};
        while (!Inner.empty()) {
          const Stmt *N = Inner.back();
          Inner.pop_back();
          if (isa<CallExpr>(N) || isa<ArraySubscriptExpr>(N) ||
              isa<LambdaExpr>(N))
            return Operand::Other;
          for (const Stmt *Child : N->children())
            if (Child)
              Inner.push_back(Child);
        }
        return Operand::Whole;
      });
  if (!Found || !Read)
    return nullptr;
  Constants = std::move(*Found);
  return Read;
}

/// "<place>" + Values + "?flagtest" for the place Read reads. The place's
/// path is asked for only once the test's shape fits: naming a place has
/// effects on the walk (an element's index, a local's use).
/// A place other threads may reach, as a flag's is: not the function's
/// own local, parameter or call result, but what one points to, or an
/// object an allocation made.
static bool isFlagPlace(const AccessPath &Place) {
  return Place.Root == AccessPath::RootKind::Global ||
         Place.Root == AccessPath::RootKind::This ||
         (Place.Root == AccessPath::RootKind::Local &&
          isHeapRoot(Place.RootId)) ||
         (!Place.Steps.empty() && Place.Steps.front() == "*");
}

static std::optional<HeldLock>
flagTestMark(const Expr *Read, const std::string &Values, FunctionScope &S) {
  std::optional<AccessPath> Place = S.Paths.pathOf(Read);
  if (!Place || !isFlagPlace(*Place))
    return std::nullopt;
  AccessPath P = *Place;
  P.Name = "a test of '" + Place->Name + "'";
  appendStep(P, Values);
  appendStep(P, FlagTestMark);
  return HeldLock{P, false};
}

std::optional<HeldLock> flagTestOnEdge(const Expr *Cond, bool TrueEdge,
                                       FunctionScope &S) {
  std::set<int64_t> Constants;
  const Expr *Read = testedFlag(Cond, S.TU.Ctx, Constants);
  if (!Read)
    return std::nullopt;
  Unknown U;
  U.Places.insert(Read);
  std::optional<std::string> Values =
      valuesTakingEdge(Cond, TrueEdge, U, Constants, S.TU.Ctx);
  if (!Values)
    return std::nullopt;
  return flagTestMark(Read, *Values, S);
}

/// The switch whose case labels Block (a case's own block).
static const SwitchStmt *switchOfCase(const CFGBlock &Block,
                                      const CFGBlock *&SwitchBlock) {
  const auto *Case = dyn_cast_or_null<SwitchCase>(Block.getLabel());
  if (!Case)
    return nullptr;
  for (const CFGBlock::AdjacentBlock &Pred : Block.preds())
    if (const CFGBlock *From = Pred.getReachableBlock())
      if (const auto *Switch =
              dyn_cast_or_null<SwitchStmt>(From->getTerminatorStmt()))
        for (const SwitchCase *C = Switch->getSwitchCaseList(); C;
             C = C->getNextSwitchCase())
          if (C == Case) {
            SwitchBlock = From;
            return Switch;
          }
  return nullptr;
}

/// The values of Switch's condition with which Block, the block of one of
/// its `case`s, is entered: its own, and those of the empty `case` labels
/// that fall into it (`case 1: case 2: x = 1;`). None for a range, a
/// constant concur cannot evaluate, or a `default` among them.
static std::optional<std::set<int64_t>>
caseValues(const CFGBlock &Block, const CFGBlock &SwitchBlock,
           const SwitchStmt &Switch, const ASTContext &Ctx, unsigned Depth) {
  const auto *Case = dyn_cast_or_null<CaseStmt>(Block.getLabel());
  if (!Case || Case->caseStmtIsGNURange() || Depth > 64)
    return std::nullopt;
  std::optional<int64_t> Value = integerConstant(Case->getLHS(), Ctx);
  if (!Value)
    return std::nullopt;
  std::set<int64_t> Values = {*Value};
  for (const CFGBlock::AdjacentBlock &Pred : Block.preds()) {
    const CFGBlock *From = Pred.getReachableBlock();
    if (!From || From == &SwitchBlock || !From->empty() ||
        From->succ_size() != 1 ||
        !isa_and_nonnull<SwitchCase>(From->getLabel()))
      continue;
    const CFGBlock *OfFrom = nullptr;
    if (switchOfCase(*From, OfFrom) != &Switch)
      continue;
    std::optional<std::set<int64_t>> More =
        caseValues(*From, SwitchBlock, Switch, Ctx, Depth + 1);
    if (!More)
      return std::nullopt;
    Values.insert(More->begin(), More->end());
  }
  return Values;
}

/// Does a loop inside Switch's body hold one of its case labels (Duff's
/// device)? A pass of that loop may then start at one case and go round
/// to another: no case's block is entered with its own values only.
static bool caseInsideLoop(const SwitchStmt &Switch) {
  std::set<const Stmt *> Cases;
  for (const SwitchCase *C = Switch.getSwitchCaseList(); C;
       C = C->getNextSwitchCase())
    Cases.insert(C);
  std::vector<std::pair<const Stmt *, bool>> Work{{Switch.getBody(), false}};
  while (!Work.empty()) {
    auto [Node, InLoop] = Work.back();
    Work.pop_back();
    if (!Node)
      continue;
    if (InLoop && Cases.count(Node))
      return true;
    bool Loop = InLoop || isa<DoStmt>(Node) || isa<WhileStmt>(Node) ||
                isa<ForStmt>(Node) || isa<CXXForRangeStmt>(Node);
    for (const Stmt *Child : Node->children())
      Work.push_back({Child, Loop});
  }
  return false;
}

std::vector<HeldLock> switchTestsOnEdge(const CFGBlock &From,
                                        const CFGBlock &To, FunctionScope &S) {
  // The switch, from its own block or from an empty case label of it
  // falling into To: both edges hold what To is entered with.
  const CFGBlock *SwitchBlock = &From;
  const auto *Switch = dyn_cast_or_null<SwitchStmt>(From.getTerminatorStmt());
  if (!Switch) {
    if (!From.empty() || From.succ_size() != 1 ||
        !isa_and_nonnull<SwitchCase>(From.getLabel()))
      return {};
    Switch = switchOfCase(From, SwitchBlock);
    const CFGBlock *OfTo = nullptr;
    if (!Switch || switchOfCase(To, OfTo) != Switch)
      return {};
  }
  // The condition is the parameter or the place itself.
  const Expr *Cond = Switch->getCond()->IgnoreParenImpCasts();
  if (Switch->getConditionVariable() ||
      (!isa<DeclRefExpr>(Cond) && !isa<MemberExpr>(Cond)))
    return {};
  // Asked once per switch, not once per edge: it reads the whole body.
  auto [Known, New] = S.CaseInsideLoop.try_emplace(Switch, false);
  if (New)
    Known->second = caseInsideLoop(*Switch);
  if (Known->second)
    return {};
  const ASTContext &Ctx = S.TU.Ctx;
  std::string Values;
  auto List = [](const std::set<int64_t> &Set) {
    std::string Out;
    for (int64_t V : Set)
      Out += (Out.empty() ? "" : ",") + std::to_string(V);
    return Out;
  };
  const CFGBlock *Default =
      SwitchBlock->succ_empty()
          ? nullptr
          : (SwitchBlock->succ_end() - 1)->getReachableBlock();
  if (&To == Default && &From == SwitchBlock &&
      !isa_and_nonnull<CaseStmt>(To.getLabel())) {
    // `default:`, or past the switch: every value no case lists.
    std::set<int64_t> Cases;
    for (const SwitchCase *C = Switch->getSwitchCaseList(); C;
         C = C->getNextSwitchCase()) {
      const auto *Case = dyn_cast<CaseStmt>(C);
      if (!Case)
        continue;
      std::optional<int64_t> Value = Case->caseStmtIsGNURange()
                                         ? std::nullopt
                                         : integerConstant(Case->getLHS(), Ctx);
      if (!Value)
        return {};
      Cases.insert(*Value);
    }
    if (Cases.empty())
      return {};
    Values = "!=" + List(Cases);
  } else {
    std::optional<std::set<int64_t>> Entered =
        caseValues(To, *SwitchBlock, *Switch, Ctx, 0);
    if (!Entered)
      return {};
    Values = "=" + List(*Entered);
  }
  std::vector<HeldLock> Marks;
  std::set<int64_t> Constants;
  const VarDecl *Holder = nullptr;
  if (const ParmVarDecl *Param =
          testedParam(Cond, SwitchBlock->getBlockID(), S, Constants, Holder))
    Marks.push_back(paramTestMark(Param, Values, S));
  else if (const Expr *Read = testedFlag(Cond, Ctx, Constants))
    if (std::optional<HeldLock> Mark = flagTestMark(Read, Values, S))
      Marks.push_back(*Mark);
  return Marks;
}

/// The pointer At reads or writes through: the base of `p->f`, `*p`,
/// `p[i]` (through the fields of a struct reached on the way, `p->a.b`).
static const Expr *dereferencedPointer(const Expr *At) {
  const Expr *E = At->IgnoreParenImpCasts();
  while (true) {
    if (const auto *M = dyn_cast<MemberExpr>(E)) {
      if (M->isArrow())
        return M->getBase();
      E = M->getBase()->IgnoreParenImpCasts();
    } else if (const auto *U = dyn_cast<UnaryOperator>(E);
               U && U->getOpcode() == UO_Deref) {
      return U->getSubExpr();
    } else if (const auto *A = dyn_cast<ArraySubscriptExpr>(E)) {
      return A->getBase();
    } else {
      return nullptr;
    }
  }
}

/// Calls Visit on each node under Root (Root first, then depth first, a
/// node's last child first) until it returns false: false then.
template <typename VisitFn>
static bool everyNode(const Stmt *Root, VisitFn Visit) {
  std::vector<const Stmt *> Work{Root};
  while (!Work.empty()) {
    const Stmt *N = Work.back();
    Work.pop_back();
    if (!N)
      continue;
    if (!Visit(N))
      return false;
    for (const Stmt *Child : N->children())
      Work.push_back(Child);
  }
  return true;
}

/// Is E (through parentheses and casts) the variable V itself?
static bool namesVar(const Expr *E, const VarDecl *V) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts());
  return Ref && Ref->getDecl() == V;
}

/// Does Body change VD other than by `VD = Param` (through casts), or take
/// its address? Param itself (VD == Param): does Body change it, or take its
/// address?
static bool onlyHolds(const VarDecl *VD, const VarDecl *Param,
                      const Stmt *Body) {
  if (VD != Param && VD->getInit() && !namesVar(VD->getInit(), Param))
    return false;
  return everyNode(Body, [&](const Stmt *N) {
    if (const auto *U = dyn_cast<UnaryOperator>(N);
        U && (U->getOpcode() == UO_AddrOf || U->isIncrementDecrementOp()) &&
        namesVar(U->getSubExpr(), VD))
      return false;
    if (const auto *B = dyn_cast<BinaryOperator>(N);
        B && B->isAssignmentOp() && namesVar(B->getLHS(), VD) &&
        (VD == Param || B->getOpcode() != BO_Assign ||
         !namesVar(B->getRHS(), Param)))
      return false;
    return true;
  });
}

/// The parameter a pointer expression is, as itself or through a local
/// that only ever holds it (`queue *fifo = (queue *)q;`), when neither
/// changes otherwise.
static const ParmVarDecl *copiedParam(const Expr *Pointer, FunctionScope &S) {
  const auto *Ref =
      Pointer ? dyn_cast<DeclRefExpr>(Pointer->IgnoreParenCasts()) : nullptr;
  const auto *VD = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!VD || VD->getType()->isReferenceType() || VD->hasGlobalStorage())
    return nullptr;
  auto [It, New] = S.ParamCopies.try_emplace(VD, nullptr);
  if (!New)
    return It->second;
  const ParmVarDecl *Param = dyn_cast<ParmVarDecl>(VD);
  if (!Param) {
    // The parameter the local's initialiser or first plain assignment
    // names; onlyHolds checks every other.
    const Expr *From = VD->getInit();
    if (!From)
      everyNode(S.FD->getBody(), [&](const Stmt *N) {
        if (const auto *B = dyn_cast<BinaryOperator>(N);
            B && B->getOpcode() == BO_Assign) {
          const auto *L =
              dyn_cast<DeclRefExpr>(B->getLHS()->IgnoreParenCasts());
          if (L && L->getDecl() == VD)
            From = B->getRHS();
        }
        return !From;
      });
    const auto *FromRef =
        From ? dyn_cast<DeclRefExpr>(From->IgnoreParenCasts()) : nullptr;
    Param = FromRef ? dyn_cast<ParmVarDecl>(FromRef->getDecl()) : nullptr;
  }
  if (Param && Param->getDeclContext() == S.FD &&
      onlyHolds(VD, Param, S.FD->getBody()) &&
      (VD == Param || onlyHolds(Param, Param, S.FD->getBody())))
    It->second = Param;
  return It->second;
}

/// The one definition of the part of local VD that the member chain Fields
/// (outermost last) names: VD's initialiser, or the one assignment to VD or
/// to a member chain leading to that part (`task.fn = q[h].fn`, `job = q[h]`),
/// with the fields it leaves to name (`job` = ..., then `.fn`). None when
/// there are more, or the address of VD or of a part of it is taken.
static const Expr *soleDefinition(const VarDecl *VD,
                                  const std::vector<const FieldDecl *> &Fields,
                                  const Stmt *Body,
                                  std::vector<const FieldDecl *> &Rest) {
  // The member chain E names on VD (outermost last), or false.
  auto ChainOn = [&](const Expr *E, std::vector<const FieldDecl *> &Chain) {
    E = E->IgnoreParenCasts();
    while (const auto *M = dyn_cast<MemberExpr>(E)) {
      const auto *F = dyn_cast<FieldDecl>(M->getMemberDecl());
      if (M->isArrow() || !F)
        return false;
      Chain.push_back(F);
      E = M->getBase()->IgnoreParenCasts();
    }
    const auto *Ref = dyn_cast<DeclRefExpr>(E);
    return Ref && Ref->getDecl() == VD;
  };
  // Does a chain (outermost last) lead to the called part, or lie inside it?
  auto Overlaps = [&](const std::vector<const FieldDecl *> &Chain) {
    for (size_t I = 0; I < Chain.size() && I < Fields.size(); ++I)
      if (Chain[Chain.size() - 1 - I] != Fields[Fields.size() - 1 - I])
        return false;
    return true;
  };
  const Expr *Def = nullptr;
  unsigned Defs = 0;
  if (VD->getInit()) {
    Def = VD->getInit();
    Rest = Fields;
    ++Defs;
  }
  bool Followed = everyNode(Body, [&](const Stmt *N) {
    std::vector<const FieldDecl *> Chain;
    if (const auto *U = dyn_cast<UnaryOperator>(N);
        U && U->getOpcode() == UO_AddrOf && ChainOn(U->getSubExpr(), Chain))
      return false;
    if (const auto *B = dyn_cast<BinaryOperator>(N);
        B && B->isAssignmentOp() && ChainOn(B->getLHS(), Chain) &&
        Overlaps(Chain)) {
      if (B->getOpcode() != BO_Assign || Chain.size() > Fields.size())
        return false;
      Def = B->getRHS();
      Rest.assign(Fields.begin(), Fields.end() - Chain.size());
      ++Defs;
    }
    return true;
  });
  return Followed && Defs == 1 ? Def : nullptr;
}

std::optional<AccessPath> calledPointerPlace(const Expr *Through,
                                             FunctionScope &S) {
  const Expr *E = Through->IgnoreParenImpCasts();
  while (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->getOpcode() != UO_Deref)
      break;
    E = U->getSubExpr()->IgnoreParenImpCasts();
  }
  if (!E->getType()->isPointerType() ||
      !E->getType()->getPointeeType()->isFunctionType())
    return std::nullopt;
  // A copy in a local (`task.fn = q[h].fn; task.fn(arg)`): the place the
  // copy was made from.
  std::vector<const FieldDecl *> Fields;
  const Expr *Base = E;
  while (const auto *M = dyn_cast<MemberExpr>(Base)) {
    const auto *F = dyn_cast<FieldDecl>(M->getMemberDecl());
    if (M->isArrow() || !F)
      break;
    Fields.push_back(F);
    Base = M->getBase()->IgnoreParenImpCasts();
  }
  std::optional<AccessPath> Place;
  const auto *Ref = dyn_cast<DeclRefExpr>(Base);
  const auto *VD = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (VD && VD->isLocalVarDecl() && !VD->isStaticLocal() &&
      !VD->getType()->isReferenceType()) {
    std::vector<const FieldDecl *> Rest;
    const Expr *Def = soleDefinition(VD, Fields, S.FD->getBody(), Rest);
    if (!Def)
      return std::nullopt;
    Def = Def->IgnoreParenCasts();
    if (!isa<MemberExpr>(Def) && !isa<ArraySubscriptExpr>(Def))
      return std::nullopt;
    Place = S.Paths.pathOf(Def);
    if (!Place)
      return std::nullopt;
    for (auto It = Rest.rbegin(); It != Rest.rend(); ++It) {
      appendStep(*Place, "." + (*It)->getNameAsString());
      Place->Name += "." + (*It)->getNameAsString();
    }
  } else if (isa<MemberExpr>(E)) {
    Place = S.Paths.pathOf(E);
  }
  if (!Place || !isFlagPlace(*Place))
    return std::nullopt;
  return Place;
}

std::optional<HeldLock> nonNullAfterDereference(const AccessPath &Accessed,
                                                const Expr *At,
                                                FunctionScope &S) {
  if (Accessed.Root != AccessPath::RootKind::Param || Accessed.Steps.empty() ||
      Accessed.Steps.front() != "*")
    return std::nullopt;
  unsigned Index = std::stoul(Accessed.RootId);
  if (Index >= S.FD->getNumParams())
    return std::nullopt;
  const ParmVarDecl *Param = S.FD->getParamDecl(Index);
  if (!Param->getType()->isPointerType() || S.Paths.isModified(Param) ||
      copiedParam(dereferencedPointer(At), S) != Param)
    return std::nullopt;
  return paramTestMark(Param, "!=0", S);
}

void noteTestedParam(FunctionFacts &F, unsigned Param) {
  if (!std::count(F.TestedParams.begin(), F.TestedParams.end(), Param))
    F.TestedParams.push_back(Param);
}

std::optional<long long> constantArgument(const Expr *A, QualType ParamType,
                                          ASTContext &Ctx) {
  if (ParamType->isPointerType())
    return A->IgnoreParenCasts()->isNullPointerConstant(
               Ctx, Expr::NPC_ValueDependentIsNotNull)
               ? std::optional<long long>(0)
               : std::nullopt;
  if (!ParamType->isIntegralOrEnumerationType())
    return std::nullopt;
  // The value as the parameter holds it: through the conversion to its
  // type (300 passed to a signed char, 2 to a bool), which a call's
  // argument shows and a thread's start, forwarding it, does not.
  std::optional<int64_t> C = integerConstant(A, Ctx);
  if (!C)
    return std::nullopt;
  if (ParamType->isBooleanType())
    return *C != 0;
  llvm::APSInt Value(llvm::APInt(64, static_cast<uint64_t>(*C), true),
                     /*isUnsigned=*/false);
  Value = Value.extOrTrunc(Ctx.getIntWidth(ParamType));
  Value.setIsUnsigned(ParamType->isUnsignedIntegerOrEnumerationType());
  return Value.getExtValue();
}

bool isLoopCounterArgument(const Expr *A, const Stmt *Start,
                           const FunctionScope &S) {
  const auto *Ref = dyn_cast<DeclRefExpr>(A->IgnoreParenCasts());
  const auto *VD = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!VD || !VD->isLocalVarDecl() || VD->isStaticLocal() ||
      !VD->getType()->isIntegralOrEnumerationType())
    return false;
  // The innermost loop around the start, which must be a for-loop's body.
  const ForStmt *Loop = nullptr;
  DynTypedNode Node = DynTypedNode::create(*Start);
  while (!Loop) {
    DynTypedNodeList Parents = S.TU.Ctx.getParents(Node);
    if (Parents.empty())
      return false;
    Node = Parents[0];
    if (Node.get<FunctionDecl>() || Node.get<LambdaExpr>() ||
        Node.get<WhileStmt>() || Node.get<DoStmt>() ||
        Node.get<CXXForRangeStmt>())
      return false;
    Loop = Node.get<ForStmt>();
  }
  const Expr *Inc = Loop->getInc();
  if (!Inc || !Loop->getBody())
    return false;
  Inc = Inc->IgnoreParenImpCasts();
  bool Steps = false;
  if (const auto *U = dyn_cast<UnaryOperator>(Inc))
    Steps = U->isIncrementDecrementOp() && namesVar(U->getSubExpr(), VD);
  else if (const auto *B = dyn_cast<CompoundAssignOperator>(Inc))
    if ((B->getOpcode() == BO_AddAssign || B->getOpcode() == BO_SubAssign) &&
        namesVar(B->getLHS(), VD))
      if (std::optional<int64_t> C = integerConstant(B->getRHS(), S.TU.Ctx))
        Steps = *C != 0;
  // Nothing else in the loop changes it or takes its address.
  return Steps && onlyHolds(VD, VD, Loop->getBody()) &&
         (!Loop->getCond() || onlyHolds(VD, VD, Loop->getCond()));
}

std::vector<IntegerArg> integerArguments(const FunctionDecl *Callee,
                                         llvm::ArrayRef<const Expr *> Args,
                                         const FunctionScope &S) {
  std::vector<IntegerArg> Out;
  bool Known = false;
  for (unsigned I = 0; I < Callee->getNumParams() && I < Args.size(); ++I) {
    Out.emplace_back();
    QualType Type = Callee->getParamDecl(I)->getType();
    if (!Type->isIntegralOrEnumerationType() && !Type->isPointerType())
      continue;
    const Expr *A = Args[I]->IgnoreParenImpCasts();
    if (std::optional<long long> C =
            constantArgument(Args[I], Type, S.TU.Ctx)) {
      Out.back().Constant = *C;
      Known = true;
    } else if (const auto *Ref = dyn_cast<DeclRefExpr>(A)) {
      // The caller's own parameter, passed on as it came.
      const auto *P = dyn_cast<ParmVarDecl>(Ref->getDecl());
      if (P && P->getDeclContext() == S.FD && !S.Paths.isModified(P)) {
        Out.back().Param = static_cast<int>(P->getFunctionScopeIndex());
        Known = true;
      }
    }
  }
  if (!Known)
    Out.clear();
  return Out;
}

std::map<const ParmVarDecl *, std::vector<bool>>
changedParamBlocks(const CFG &Graph, const FunctionDecl *FD) {
  std::map<const ParmVarDecl *, std::vector<bool>> Changed;
  auto ChangedParam = [&](const Stmt *St) -> const ParmVarDecl * {
    const Expr *Target = nullptr;
    if (const auto *B = dyn_cast<BinaryOperator>(St); B && B->isAssignmentOp())
      Target = B->getLHS();
    else if (const auto *U = dyn_cast<UnaryOperator>(St);
             U && U->isIncrementDecrementOp())
      Target = U->getSubExpr();
    const auto *P = dyn_cast_or_null<ParmVarDecl>(referencedVar(Target));
    return P && P->getDeclContext() == FD ? P : nullptr;
  };
  // The blocks that change each parameter, then all they reach.
  std::map<const ParmVarDecl *, std::vector<const CFGBlock *>> Work;
  for (const CFGBlock *Block : Graph)
    for (const CFGElement &Element : *Block)
      if (std::optional<CFGStmt> St = Element.getAs<CFGStmt>())
        if (const ParmVarDecl *P = ChangedParam(St->getStmt()))
          Work[P].push_back(Block);
  for (auto &[P, Pending] : Work) {
    std::vector<bool> &Blocks = Changed[P];
    Blocks.assign(Graph.getNumBlockIDs(), false);
    while (!Pending.empty()) {
      const CFGBlock *Block = Pending.back();
      Pending.pop_back();
      if (Blocks[Block->getBlockID()])
        continue;
      Blocks[Block->getBlockID()] = true;
      for (const CFGBlock::AdjacentBlock &Next : Block->succs())
        if (const CFGBlock *To = Next.getReachableBlock())
          Pending.push_back(To);
    }
  }
  return Changed;
}

} // namespace extract
} // namespace concur
