//===- OpenMPModel.cpp - A function's OpenMP skeleton ---------------------===//

#include "facts/OpenMPModel.h"
#include "facts/Affine.h"
#include "facts/AffineForms.h"
#include "facts/OpenMPSharing.h"
#include "facts/OpenMPUniformity.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ExprOpenMP.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/StmtOpenMP.h"
#include "clang/Basic/OpenMPKinds.h"

using namespace clang;

namespace concur {
namespace extract {
namespace {

/// Expressions nested deeper than this (generated code) are not walked.
constexpr unsigned MaxDepth = 256;

/// Variables a statement may change: assigned, incremented, their address
/// taken, bound to a non-const reference, or called a non-const method on.
class ModifiedVars : public RecursiveASTVisitor<ModifiedVars> {
public:
  std::set<const VarDecl *> Vars;

  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->isAssignmentOp())
      note(B->getLHS());
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *U) {
    if (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf)
      note(U->getSubExpr());
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    forEachMutableRefArg(Call, [&](const Expr *Arg) { note(Arg); });
    return true;
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    if (const auto *MD = Call->getMethodDecl())
      if (!MD->isConst())
        note(Call->getImplicitObjectArgument());
    return true;
  }

private:
  void note(const Expr *E) {
    if (const VarDecl *VD = referencedVar(E))
      Vars.insert(VD);
  }
};

/// Variables whose memory a statement writes: the base of every assigned
/// or incremented place (a[i] = ..., s.f++, *p = ...) and what is passed
/// by address or non-const reference.
class WrittenRoots : public RecursiveASTVisitor<WrittenRoots> {
public:
  std::set<const VarDecl *> Vars;

  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->isAssignmentOp())
      note(B->getLHS());
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *U) {
    if (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf)
      note(U->getSubExpr());
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    for (const Expr *Arg : Call->arguments()) {
      QualType T = Arg->getType();
      if (T->isPointerType() || Arg->isGLValue())
        note(Arg);
    }
    return true;
  }

private:
  void note(const Expr *E) {
    while (E) {
      E = E->IgnoreParenCasts();
      if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
          Vars.insert(VD);
        return;
      }
      if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
        E = AS->getBase();
      else if (const auto *ME = dyn_cast<MemberExpr>(E))
        E = ME->getBase();
      else if (const auto *U = dyn_cast<UnaryOperator>(E))
        E = U->getSubExpr();
      else
        return;
    }
  }
};

std::set<const VarDecl *> writtenRootsIn(const Stmt *S) {
  WrittenRoots V;
  if (S)
    V.TraverseStmt(const_cast<Stmt *>(S));
  return V.Vars;
}

std::set<const VarDecl *> modifiedIn(const Stmt *S) {
  ModifiedVars V;
  if (S)
    V.TraverseStmt(const_cast<Stmt *>(S));
  return V.Vars;
}

/// Variables whose address escapes: taken with &, bound to a non-const
/// reference (a parameter, a reference variable) or captured by reference.
/// A call may then store into them (fscanf(fp, "%d", &n)), so what was
/// last assigned is not known to be their value.
class EscapingVars : public RecursiveASTVisitor<EscapingVars> {
public:
  std::set<const VarDecl *> Vars;

  bool VisitUnaryOperator(UnaryOperator *U) {
    if (U->getOpcode() == UO_AddrOf)
      note(U->getSubExpr());
    return true;
  }
  bool VisitVarDecl(VarDecl *VD) {
    if (VD->getType()->isReferenceType() &&
        !VD->getType().getNonReferenceType().isConstQualified() &&
        VD->getInit())
      note(VD->getInit());
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    forEachMutableRefArg(Call, [&](const Expr *Arg) { note(Arg); });
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *L) {
    for (const VarDecl *VD : referenceCaptures(L))
      Vars.insert(VD);
    return true;
  }

private:
  void note(const Expr *E) {
    if (const VarDecl *VD = referencedVar(E))
      Vars.insert(VD);
  }
};

/// Locals of integer type whose every store is the same constant: an
/// initialiser or plain assignments of one value, never incremented,
/// compound-assigned, addressed, bound to a non-const reference, captured
/// by reference or written by a clause (reduction, lastprivate, linear,
/// copyprivate). Their value is that constant wherever they are read, even
/// while other threads store into them: every store stores it (a read
/// before any store reads an indeterminate value).
class OneConstantLocals : public RecursiveASTVisitor<OneConstantLocals> {
public:
  explicit OneConstantLocals(ASTContext &Ctx) : Ctx(Ctx) {}

  std::map<const VarDecl *, long long> result() const {
    std::map<const VarDecl *, long long> Out;
    for (const auto &[VD, Values] : Stored)
      if (!Bad.count(VD) && Values.size() == 1)
        Out[VD] = *Values.begin();
    return Out;
  }

  bool VisitVarDecl(VarDecl *VD) {
    if (VD->getType()->isReferenceType() && VD->getInit())
      bad(VD->getInit());
    if (candidate(VD) && VD->getInit())
      store(VD, VD->getInit());
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->getOpcode() == BO_Assign) {
      if (const VarDecl *VD = local(B->getLHS()))
        store(VD, B->getRHS());
    } else if (B->isAssignmentOp()) {
      bad(B->getLHS());
    }
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *U) {
    if (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf)
      bad(U->getSubExpr());
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *FD = Call->getDirectCallee();
    for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
      const Expr *Arg = Call->getArg(I);
      if (!FD || I >= FD->getNumParams() ||
          (FD->getParamDecl(I)->getType()->isReferenceType() &&
           !FD->getParamDecl(I)
                ->getType()
                .getNonReferenceType()
                .isConstQualified()))
        if (Arg->isGLValue())
          bad(Arg);
    }
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *L) {
    for (const VarDecl *VD : referenceCaptures(L))
      Bad.insert(VD);
    return true;
  }
  bool VisitOMPExecutableDirective(OMPExecutableDirective *D) {
    for (const OMPClause *C : D->clauses()) {
      if (!C)
        continue;
      OpenMPClauseKind K = C->getClauseKind();
      if (K != llvm::omp::OMPC_reduction && K != llvm::omp::OMPC_lastprivate &&
          K != llvm::omp::OMPC_linear && K != llvm::omp::OMPC_copyprivate &&
          K != llvm::omp::OMPC_task_reduction &&
          K != llvm::omp::OMPC_in_reduction)
        continue;
      for (const Stmt *Child : const_cast<OMPClause *>(C)->children())
        if (const auto *E = dyn_cast_or_null<Expr>(Child))
          bad(E);
    }
    return true;
  }

private:
  static bool candidate(const VarDecl *VD) {
    return VD && !VD->hasGlobalStorage() && !isa<ParmVarDecl>(VD) &&
           VD->getType()->isIntegralOrEnumerationType() &&
           !VD->getType().isVolatileQualified();
  }
  static const VarDecl *local(const Expr *E) {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    return candidate(VD) ? VD : nullptr;
  }
  void bad(const Expr *E) {
    if (const VarDecl *VD = referencedVar(E))
      Bad.insert(VD);
  }
  void store(const VarDecl *VD, const Expr *RHS) {
    Expr::EvalResult R;
    if (!RHS->isValueDependent() && RHS->EvaluateAsInt(R, Ctx) &&
        R.Val.isInt() && R.Val.getInt().getSignificantBits() <= 62)
      Stored[VD].insert(R.Val.getInt().getExtValue());
    else
      Bad.insert(VD);
  }

  ASTContext &Ctx;
  std::map<const VarDecl *, std::set<long long>> Stored;
  std::set<const VarDecl *> Bad;
};

/// Where memory is, and what decides whether it is shared.
struct Place {
  OmpRef Ref;
  /// The variable whose storage (or, ThroughPointer, whose value: the
  /// memory it points to) decides sharing.
  const VarDecl *Var = nullptr;
  bool ThroughPointer = false;
  /// Reached from a parameter or `this`: the caller's memory.
  bool External = false;
};

void addIndex(Place &P, const OmpAffine &Index) {
  if (!P.Ref.Path.Steps.empty() && P.Ref.Path.Steps.back() == "[]") {
    P.Ref.Indexes.back() = affine::add(P.Ref.Indexes.back(), Index);
    return;
  }
  P.Ref.Path.Steps.push_back("[]");
  P.Ref.Indexes.push_back(Index);
}

/// Standard library containers whose operator[] and at() name an element.
bool isIndexedContainer(const CXXRecordDecl *RD) {
  if (!RD)
    return false;
  std::string Name = catalogName(RD);
  for (const char *C : {"std::vector", "std::array", "std::deque",
                        "std::valarray", "std::span", "std::basic_string"})
    if (Name == C)
      return true;
  return false;
}

std::string refKey(const OmpRef &R) {
  std::string K = rootKindName(R.Path.Root) + std::string(":") + R.Path.RootId;
  size_t Index = 0;
  for (const std::string &S : R.Path.Steps) {
    K += S;
    if (S == "[]" && Index < R.Indexes.size())
      K += affine::toString(R.Indexes[Index++]);
  }
  return K;
}

class SkeletonBuilder {
public:
  SkeletonBuilder(TranslationUnitFacts &TU, const FunctionDecl *FD)
      : TU(TU), FD(FD),
        Forms(
            TU.Ctx, [this](const VarDecl *VD) { return valueOf(VD); },
            [this](const Expr *E) { return readOf(E); },
            [this](const VarDecl *VD, bool Upper) {
              auto &Map = Upper ? UpperBounds : LowerBounds;
              auto It = Map.find(VD);
              return It == Map.end() ? std::vector<OmpAffine>() : It->second;
            }) {}

  OmpSkeleton run() {
    Forms.onFact(
        [this](const std::string &Symbol, std::vector<OmpConstraint> Facts) {
          if (FactNames.insert(Symbol).second)
            Out.Facts.push_back({Symbol, std::move(Facts)});
        });
    const Stmt *Body = FD->getBody();
    if (const auto *Coroutine = dyn_cast<CoroutineBodyStmt>(Body))
      Body = Coroutine->getBody();
    ModifiedInFunction = modifiedIn(Body);
    {
      EscapingVars E;
      E.TraverseStmt(const_cast<Stmt *>(Body));
      Escaping = std::move(E.Vars);
    }
    {
      OneConstantLocals C(TU.Ctx);
      C.TraverseStmt(const_cast<Stmt *>(Body));
      OneConstant = C.result();
    }
    WrittenRoots = writtenRootsIn(Body);
    NonUniform = nonUniformLocals(Body, WrittenRoots);
    // First walk: what a task or an inner team shares of a thread's own
    // memory. Second walk: the skeleton.
    walkFunction(Body);
    Recording = true;
    walkFunction(Body);
    return std::move(Out);
  }

private:
  void walkFunction(const Stmt *Body) {
    Out = OmpSkeleton();
    FactNames.clear();
    Parents.assign(1, -1);
    Scope = SharingScope();
    Values.clear();
    PointsTo.clear();
    RefersTo.clear();
    Counters.clear();
    UpperBounds.clear();
    LowerBounds.clear();
    Depth = 0;
    for (const ParmVarDecl *P : FD->parameters())
      Scope.declare(P);
    walkStmt(Body);
  }

  //===-- Nodes ---------------------------------------------------------===//

  int add(OmpNode N) {
    N.Parent = Parents.back();
    Out.Nodes.push_back(std::move(N));
    return static_cast<int>(Out.Nodes.size() - 1);
  }

  OmpNode node(OmpNodeKind K, SourceLocation L) {
    OmpNode N;
    N.Kind = K;
    N.Loc = TU.loc(L);
    return N;
  }

  //===-- Values --------------------------------------------------------===//

  static std::string symbolName(const std::string &Kind, const std::string &Id,
                                const VarDecl *VD) {
    return Kind + ":" + Id + "|" + VD->getNameAsString();
  }

  /// The value of an integer variable as a symbol or an expression of
  /// symbols.
  OmpAffine valueOf(const VarDecl *VD) {
    auto C = Counters.find(VD);
    if (C != Counters.end())
      return affine::symbol(C->second);
    auto V = Values.find(VD);
    if (V != Values.end())
      return V->second;
    auto One = OneConstant.find(VD);
    if (One != OneConstant.end())
      return affine::constant(One->second);
    if (VD->getType().isConstQualified() && VD->getInit() &&
        !VD->getInit()->isValueDependent()) {
      OmpAffine Init = Forms.of(VD->getInit());
      if (affine::isConstant(Init))
        return Init;
    }
    const std::set<const VarDecl *> &Modified =
        Scope.frames().empty() ? ModifiedInFunction : ModifiedInTop;
    if (const auto *P = dyn_cast<ParmVarDecl>(VD)) {
      if (!ModifiedInFunction.count(VD) &&
          P->getFunctionScopeIndex() < FD->getNumParams() &&
          FD->getParamDecl(P->getFunctionScopeIndex()) == P)
        return affine::symbol(
            symbolName("p", std::to_string(P->getFunctionScopeIndex()), VD));
    }
    SharingDecision D = Scope.decide(VD, /*ForValue=*/true);
    if (D.ThreadPrivate)
      return affine::unknown();
    if (D.Global)
      return ModifiedInFunction.count(VD)
                 ? affine::unknown()
                 : affine::symbol(symbolName("g", TU.usr(VD), VD));
    // A local every thread computes alike ("u"): one value for two threads
    // in one call with the same arguments.
    bool Uniform = !NonUniform.count(VD) && !VD->hasGlobalStorage();
    if (D.OwnerFrame < 0 && !Modified.count(VD))
      return affine::symbol(symbolName(
          Uniform && !isa<ParmVarDecl>(VD) ? "u" : "s", TU.usr(VD), VD));
    if (D.OwnerFrame >= 0 && !D.Crossing)
      return affine::symbol(symbolName(
          "x",
          TU.usr(VD) + "@" + std::to_string(Scope.frames()[D.OwnerFrame].Node),
          VD));
    return affine::unknown();
  }

  /// An integer read from an element or field of memory the function never
  /// writes (ir[k], grid->n): a symbol "o:" of the place, whose indexes are
  /// symbols plus constants, so that the race check can tell that two reads
  /// with equal indexes read one value. Format: o:<root>{<symbol>;<offset>
  /// ...}|<as written>.
  OmpAffine readOf(const Expr *E) {
    if (!E->getType()->isIntegralOrEnumerationType())
      return affine::unknown();
    std::optional<Place> P = placeOf(E, 0);
    if (!P || !P->Var || P->External || WrittenRoots.count(P->Var))
      return affine::unknown();
    const AccessPath &Path = P->Ref.Path;
    std::string Key =
        std::string(Path.Root == AccessPath::RootKind::Global ? "G:" : "L:") +
        Path.RootId;
    std::string Inner, Shown = Path.RootName;
    size_t Index = 0;
    for (const std::string &Step : Path.Steps) {
      Key += Step;
      if (Step != "[]") {
        if (Step != "*")
          Shown += Step;
        continue;
      }
      const OmpAffine &I = P->Ref.Indexes[Index++];
      if (!I.Known || I.Terms.size() > 1 ||
          (I.Terms.size() == 1 &&
           (I.Terms[0].second != 1 || I.Terms[0].first.size() != 1)))
        return affine::unknown();
      std::string Sym = I.Terms.empty() ? "" : I.Terms[0].first[0];
      if (Sym.find_first_of("{};") != std::string::npos)
        return affine::unknown();
      Inner += (Inner.empty() ? "" : ";") + Sym + ";" + std::to_string(I.Const);
      Shown +=
          "[" +
          affine::toString(affine::rename(I,
                                          [](const std::string &S) {
                                            return S.substr(S.rfind('|') + 1);
                                          })) +
          "]";
    }
    if (Key.find_first_of("{};|") != std::string::npos)
      return affine::unknown();
    return affine::symbol("o:" + Key + "{" + Inner + "}|" + Shown);
  }

  /// Only what one thread keeps to itself has a value that flows.
  bool tracked(const VarDecl *VD) const {
    if (!VD || VD->hasGlobalStorage() || VD->getType()->isReferenceType() ||
        Escaping.count(VD))
      return false;
    SharingDecision D = Scope.decide(VD, /*ForValue=*/false);
    return !D.Crossing && !D.ThreadPrivate;
  }

  void forget(const std::set<const VarDecl *> &Vars) {
    for (const VarDecl *VD : Vars) {
      Values.erase(VD);
      PointsTo.erase(VD);
      UpperBounds.erase(VD);
      LowerBounds.erase(VD);
    }
  }

  void assigned(const VarDecl *VD, const Expr *RHS) {
    Values.erase(VD);
    PointsTo.erase(VD);
    UpperBounds.erase(VD);
    LowerBounds.erase(VD);
    if (!tracked(VD) || !RHS)
      return;
    QualType T = VD->getType();
    if (T->isIntegralOrEnumerationType()) {
      OmpAffine V = Forms.of(RHS);
      if (V.Known)
        Values[VD] = V;
      else
        minOrMax(VD, RHS);
    } else if (T->isPointerType()) {
      if (auto P = pointeeOf(RHS, 0))
        PointsTo[VD] = *P;
    }
  }

  struct FlowState {
    std::map<const VarDecl *, OmpAffine> Values;
    std::map<const VarDecl *, Place> PointsTo;
    std::map<const VarDecl *, std::vector<OmpAffine>> UpperBounds, LowerBounds;
  };
  FlowState saveFlow() const {
    return {Values, PointsTo, UpperBounds, LowerBounds};
  }
  void restoreFlow(const FlowState &F) {
    Values = F.Values;
    PointsTo = F.PointsTo;
    UpperBounds = F.UpperBounds;
    LowerBounds = F.LowerBounds;
  }
  static bool sameValue(const OmpAffine &A, const OmpAffine &B) {
    return affine::equal(A, B);
  }
  static bool sameValue(const std::vector<OmpAffine> &A,
                        const std::vector<OmpAffine> &B) {
    if (A.size() != B.size())
      return false;
    for (size_t I = 0; I < A.size(); ++I)
      if (!affine::equal(A[I], B[I]))
        return false;
    return true;
  }
  template <class T>
  static void agree(const std::vector<FlowState> &Arms,
                    std::map<const VarDecl *, T> FlowState::*Field,
                    std::map<const VarDecl *, T> &Out) {
    Out.clear();
    for (const auto &[VD, V] : Arms[0].*Field) {
      bool Same = true;
      for (const FlowState &A : Arms) {
        auto It = (A.*Field).find(VD);
        Same &= It != (A.*Field).end() && sameValue(It->second, V);
      }
      if (Same)
        Out[VD] = V;
    }
  }
  /// After a branch: what every arm agrees on.
  void joinFlow(const std::vector<FlowState> &Arms) {
    Values.clear();
    PointsTo.clear();
    UpperBounds.clear();
    LowerBounds.clear();
    if (Arms.empty())
      return;
    agree(Arms, &FlowState::Values, Values);
    agree(Arms, &FlowState::UpperBounds, UpperBounds);
    agree(Arms, &FlowState::LowerBounds, LowerBounds);
    for (const auto &[VD, P] : Arms[0].PointsTo) {
      bool Same = true;
      for (const FlowState &A : Arms) {
        auto It = A.PointsTo.find(VD);
        Same &=
            It != A.PointsTo.end() && refKey(It->second.Ref) == refKey(P.Ref);
      }
      if (Same)
        PointsTo[VD] = P;
    }
  }

  //===-- Places --------------------------------------------------------===//

  Place varPlace(const VarDecl *VD) {
    Place P;
    P.Var = VD;
    AccessPath &Path = P.Ref.Path;
    Path.Root = VD->hasGlobalStorage() ? AccessPath::RootKind::Global
                                       : AccessPath::RootKind::Local;
    Path.RootId = TU.usr(VD);
    Path.RootName = Path.Name = VD->getNameAsString();
    if (!VD->hasGlobalStorage())
      Path.OwnerId = TU.usr(FD);
    return P;
  }

  Place paramPlace(const ParmVarDecl *PV, bool Pointee) {
    Place P;
    P.Var = PV;
    P.External = true;
    AccessPath &Path = P.Ref.Path;
    Path.Root = AccessPath::RootKind::Param;
    Path.RootId = std::to_string(PV->getFunctionScopeIndex());
    Path.RootName = Path.Name = PV->getNameAsString();
    if (Pointee) {
      Path.Steps = {"*", "[]"};
      P.Ref.Indexes = {affine::constant(0)};
    }
    return P;
  }

  bool isOwnParam(const VarDecl *VD) const {
    const auto *PV = dyn_cast<ParmVarDecl>(VD);
    return PV && PV->getFunctionScopeIndex() < FD->getNumParams() &&
           FD->getParamDecl(PV->getFunctionScopeIndex()) == PV;
  }

  std::optional<Place> placeOf(const Expr *E, unsigned D) {
    if (!E || D > MaxDepth)
      return std::nullopt;
    E = E->IgnoreParens();
    if (const auto *Cast = dyn_cast<CastExpr>(E)) {
      switch (Cast->getCastKind()) {
      case CK_NoOp:
      case CK_DerivedToBase:
      case CK_UncheckedDerivedToBase:
      case CK_LValueBitCast:
        return placeOf(Cast->getSubExpr(), D + 1);
      default:
        return std::nullopt;
      }
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      if (!VD)
        return std::nullopt;
      if (VD->getType()->isReferenceType()) {
        auto R = RefersTo.find(VD);
        if (R != RefersTo.end())
          return R->second;
        if (isOwnParam(VD))
          return paramPlace(cast<ParmVarDecl>(VD), /*Pointee=*/false);
        return std::nullopt;
      }
      return varPlace(VD);
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (const auto *Static = dyn_cast<VarDecl>(ME->getMemberDecl()))
        return varPlace(Static);
      const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
      if (!Field)
        return std::nullopt;
      std::optional<Place> Base = ME->isArrow()
                                      ? pointeeOf(ME->getBase(), D + 1)
                                      : placeOf(ME->getBase(), D + 1);
      if (!Base)
        return std::nullopt;
      Base->Ref.Path.Steps.push_back("." + Field->getNameAsString());
      Base->Ref.Path.Name = Field->getNameAsString();
      return Base;
    }
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      std::optional<Place> Base = pointeeOf(AS->getBase(), D + 1);
      if (!Base)
        return std::nullopt;
      addIndex(*Base, Forms.of(AS->getIdx()));
      return Base;
    }
    if (const auto *U = dyn_cast<UnaryOperator>(E)) {
      if (U->getOpcode() == UO_Deref)
        return pointeeOf(U->getSubExpr(), D + 1);
      return std::nullopt;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      if (Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2 &&
          isIndexedContainer(recordOf(Op->getArg(0)->getType()))) {
        std::optional<Place> Base = placeOf(Op->getArg(0), D + 1);
        if (!Base)
          return std::nullopt;
        Base->Ref.Path.Steps.push_back("[]");
        Base->Ref.Indexes.push_back(Forms.of(Op->getArg(1)));
        return Base;
      }
      return std::nullopt;
    }
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *MD = Member->getMethodDecl();
      if (MD && MD->getIdentifier() && MD->getName() == "at" &&
          Member->getNumArgs() == 1 && isIndexedContainer(MD->getParent())) {
        std::optional<Place> Base = objectPlace(Member, D + 1);
        if (!Base)
          return std::nullopt;
        Base->Ref.Path.Steps.push_back("[]");
        Base->Ref.Indexes.push_back(Forms.of(Member->getArg(0)));
        return Base;
      }
    }
    return std::nullopt;
  }

  /// The object a member call is made on.
  std::optional<Place> objectPlace(const CXXMemberCallExpr *Call, unsigned D) {
    const Expr *Object = Call->getImplicitObjectArgument();
    if (!Object)
      return std::nullopt;
    if (Object->getType()->isPointerType())
      return pointeeOf(Object, D);
    return placeOf(Object, D);
  }

  /// The element a pointer-valued expression points to.
  std::optional<Place> pointeeOf(const Expr *E, unsigned D) {
    if (!E || D > MaxDepth)
      return std::nullopt;
    E = E->IgnoreParens();
    if (isa<CXXThisExpr>(E)) {
      Place P;
      P.External = true;
      P.Ref.Path.Root = AccessPath::RootKind::This;
      P.Ref.Path.RootName = P.Ref.Path.Name = "this";
      return P;
    }
    if (const auto *Cast = dyn_cast<CastExpr>(E)) {
      switch (Cast->getCastKind()) {
      case CK_ArrayToPointerDecay: {
        std::optional<Place> P = placeOf(Cast->getSubExpr(), D + 1);
        if (P) {
          P->Ref.Path.Steps.push_back("[]");
          P->Ref.Indexes.push_back(affine::constant(0));
        }
        return P;
      }
      case CK_LValueToRValue:
        return loadedPointee(Cast->getSubExpr(), D + 1);
      case CK_NoOp:
      case CK_BitCast:
      case CK_DerivedToBase:
      case CK_UncheckedDerivedToBase:
        return pointeeOf(Cast->getSubExpr(), D + 1);
      default:
        return std::nullopt;
      }
    }
    if (const auto *U = dyn_cast<UnaryOperator>(E)) {
      if (U->getOpcode() == UO_AddrOf)
        return placeOf(U->getSubExpr(), D + 1);
      return std::nullopt;
    }
    if (const auto *B = dyn_cast<BinaryOperator>(E)) {
      if (B->getOpcode() != BO_Add && B->getOpcode() != BO_Sub)
        return std::nullopt;
      const Expr *Ptr = B->getLHS(), *Offset = B->getRHS();
      if (!Ptr->getType()->isPointerType())
        std::swap(Ptr, Offset);
      if (!Ptr->getType()->isPointerType() ||
          !Offset->getType()->isIntegralOrEnumerationType())
        return std::nullopt;
      std::optional<Place> P = pointeeOf(Ptr, D + 1);
      if (!P)
        return std::nullopt;
      OmpAffine By = Forms.of(Offset);
      addIndex(*P, B->getOpcode() == BO_Sub ? affine::scale(By, -1) : By);
      return P;
    }
    return std::nullopt;
  }

  /// What a pointer read from an lvalue points to.
  std::optional<Place> loadedPointee(const Expr *L, unsigned D) {
    L = L->IgnoreParens();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(L))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
        auto It = PointsTo.find(VD);
        if (It != PointsTo.end())
          return It->second;
        if (isOwnParam(VD) && !ModifiedInFunction.count(VD) &&
            !VD->getType()->isReferenceType())
          return paramPlace(cast<ParmVarDecl>(VD), /*Pointee=*/true);
      }
    std::optional<Place> P = placeOf(L, D);
    if (!P)
      return std::nullopt;
    P->Ref.Path.Steps.push_back("*");
    P->Ref.Path.Steps.push_back("[]");
    P->Ref.Indexes.push_back(affine::constant(0));
    P->ThroughPointer = true;
    return P;
  }

  //===-- Accesses ------------------------------------------------------===//

  /// The access node for a place, if another thread or task may reach it.
  std::optional<OmpNode> accessNode(const Place &P, bool Write,
                                    SourceLocation L,
                                    const std::string &Event = "") {
    OmpNode N = node(OmpNodeKind::Access, L);
    N.Ref = P.Ref;
    N.Write = Write;
    N.Name = Event;
    if (P.External || !P.Var) {
      N.Sharing =
          P.Ref.Path.Root == AccessPath::RootKind::This
              ? "a member of the object the function is called on"
              : "reached through parameter '" + P.Ref.Path.RootName + "'";
    } else {
      SharingDecision D = Scope.decide(P.Var, P.ThroughPointer);
      if (D.ThreadPrivate)
        return std::nullopt;
      if (!Recording && D.Crossing && !D.Global)
        SharedAcross.insert(P.Var);
      if (!D.Global && !D.Crossing && !SharedAcross.count(P.Var))
        return std::nullopt;
      N.Owner = D.OwnerFrame >= 0 ? Scope.frames()[D.OwnerFrame].Node : -1;
      N.Sharing = P.ThroughPointer
                      ? "through '" + P.Var->getNameAsString() + "': " + D.Rule
                      : D.Rule;
      if (D.Crossing && !P.ThroughPointer && SequentialCounters.count(P.Var))
        N.Sharing += " (only the counters of the loops a worksharing or "
                     "simd construct is associated with are private)";
    }
    if (AtomicTarget && refKey(*AtomicTarget) == refKey(P.Ref))
      N.Atomic = true;
    return N;
  }

  void access(const Expr *E, bool Write) {
    if (!E)
      return;
    // Reading what nobody may write: a const variable.
    if (!Write)
      if (const VarDecl *VD = referencedVar(E->IgnoreParenImpCasts()))
        if (VD->getType().isConstQualified() &&
            !VD->getType()->isReferenceType())
          return;
    std::optional<Place> P = placeOf(E, 0);
    if (!P)
      return;
    if (auto N = accessNode(*P, Write, E->getExprLoc()))
      add(std::move(*N));
  }

  //===-- Statements ----------------------------------------------------===//

  struct DepthGuard {
    unsigned &D;
    explicit DepthGuard(unsigned &D) : D(D) { ++D; }
    ~DepthGuard() { --D; }
  };

  void walkStmt(const Stmt *S) {
    if (!S || Depth > MaxDepth)
      return;
    DepthGuard G(Depth);
    if (const auto *E = dyn_cast<Expr>(S)) {
      walkExpr(E);
      return;
    }
    if (const auto *D = dyn_cast<OMPExecutableDirective>(S)) {
      walkDirective(D);
      return;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *Dc : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(Dc))
          walkDecl(VD);
      return;
    }
    if (const auto *If = dyn_cast<IfStmt>(S)) {
      walkIf(If);
      return;
    }
    if (isa<ForStmt>(S) || isa<WhileStmt>(S) || isa<DoStmt>(S) ||
        isa<CXXForRangeStmt>(S)) {
      walkLoop(S);
      return;
    }
    if (const auto *Switch = dyn_cast<SwitchStmt>(S)) {
      walkStmt(Switch->getInit());
      if (Switch->getConditionVariableDeclStmt())
        walkStmt(Switch->getConditionVariableDeclStmt());
      walkExpr(Switch->getCond());
      FlowState Before = saveFlow();
      OmpNode Branch = node(OmpNodeKind::Branch, S->getBeginLoc());
      Forms.operands(Switch->getCond(), Branch.Operands);
      Parents.push_back(add(std::move(Branch)));
      Parents.push_back(add(node(OmpNodeKind::Arm, S->getBeginLoc())));
      forget(modifiedIn(Switch->getBody()));
      walkStmt(Switch->getBody());
      Parents.pop_back();
      Parents.pop_back();
      joinFlow({Before, saveFlow()});
      return;
    }
    if (const auto *Captured = dyn_cast<CapturedStmt>(S)) {
      walkStmt(Captured->getCapturedStmt());
      return;
    }
    if (isa<LambdaExpr>(S))
      return;
    for (const Stmt *Child : S->children())
      walkStmt(Child);
  }

  void walkDecl(const VarDecl *VD) {
    Scope.declare(VD);
    const Expr *Init = VD->getInit();
    if (!Init || VD->isStaticLocal() || VD->hasGlobalStorage())
      return;
    QualType T = VD->getType();
    if (T->isReferenceType()) {
      walkLValue(Init);
      if (auto P = placeOf(Init, 0))
        RefersTo[VD] = *P;
      return;
    }
    walkExpr(Init);
    assigned(VD, Init);
    // A variable a task shares: its initialisation is a write of it.
    if (SharedAcross.count(VD))
      if (auto N = accessNode(varPlace(VD), true, VD->getLocation()))
        add(std::move(*N));
  }

  void walkIf(const IfStmt *If) {
    walkStmt(If->getInit());
    if (If->getConditionVariableDeclStmt())
      walkStmt(If->getConditionVariableDeclStmt());
    walkExpr(If->getCond());
    // if (omp_test_lock(&l)): the then arm holds the lock.
    const CallExpr *Test = nullptr;
    if (const auto *Call =
            dyn_cast<CallExpr>(If->getCond()->IgnoreParenImpCasts()))
      if (const FunctionDecl *Callee = Call->getDirectCallee())
        if (Callee->getIdentifier() &&
            (Callee->getName() == "omp_test_lock" ||
             Callee->getName() == "omp_test_nest_lock"))
          Test = Call;
    FlowState Before = saveFlow();
    std::vector<FlowState> Arms;
    OmpNode Branch = node(OmpNodeKind::Branch, If->getBeginLoc());
    Forms.operands(If->getCond(), Branch.Operands);
    Parents.push_back(add(std::move(Branch)));
    for (bool Then : {true, false}) {
      const Stmt *Body = Then ? If->getThen() : If->getElse();
      OmpNode Arm =
          node(OmpNodeKind::Arm, Body ? Body->getBeginLoc() : If->getEndLoc());
      Forms.conditions(If->getCond(), /*Negated=*/!Then, Arm.Conditions);
      restoreFlow(Before);
      Parents.push_back(add(std::move(Arm)));
      if (Then && Test && Test->getNumArgs() == 1)
        if (auto Lock = pointeeOf(Test->getArg(0), 0)) {
          OmpNode N = node(OmpNodeKind::Lock, Test->getBeginLoc());
          N.Name = "set";
          N.Ref = Lock->Ref;
          add(std::move(N));
        }
      walkStmt(Body);
      Parents.pop_back();
      Arms.push_back(saveFlow());
    }
    Parents.pop_back();
    joinFlow(Arms);
    clamp(If, Before);
  }

  /// if (x > e) x = e; (and the other comparisons): x is now at most (at
  /// least) both e and what it was.
  void clamp(const IfStmt *If, const FlowState &Before) {
    const auto *Cond =
        dyn_cast<BinaryOperator>(If->getCond()->IgnoreParenImpCasts());
    const auto *Then = If->getThen();
    if (const auto *Block = dyn_cast_or_null<CompoundStmt>(Then))
      Then = Block->size() == 1 ? Block->body_front() : nullptr;
    const auto *Set = dyn_cast_or_null<BinaryOperator>(Then);
    if (If->getElse() || !Cond || !Cond->isRelationalOp() || !Set ||
        Set->getOpcode() != BO_Assign)
      return;
    const VarDecl *X = referencedVar(Set->getLHS());
    if (!X || !tracked(X))
      return;
    BinaryOperatorKind Op = Cond->getOpcode();
    const Expr *Other = nullptr;
    if (referencedVar(Cond->getLHS()) == X) {
      Other = Cond->getRHS();
    } else if (referencedVar(Cond->getRHS()) == X) {
      Other = Cond->getLHS();
      Op = BinaryOperator::reverseComparisonOp(Op);
    }
    if (!Other || !affine::equal(Forms.of(Other), Forms.of(Set->getRHS())))
      return;
    auto Old = Before.Values.find(X);
    if (Old == Before.Values.end())
      return;
    // x > e -> x = e: x <= old and x <= e; x < e -> x = e: the reverse.
    OmpAffine E = Forms.of(Other);
    auto &Bounds = Op == BO_GT || Op == BO_GE ? UpperBounds[X] : LowerBounds[X];
    Bounds = {Old->second};
    if (E.Known)
      Bounds.push_back(E);
  }

  /// x = a < b ? a : b and the like: x is at most (least) both.
  void minOrMax(const VarDecl *X, const Expr *RHS) {
    const auto *Cond =
        dyn_cast_or_null<ConditionalOperator>(RHS->IgnoreParenImpCasts());
    if (!Cond || !tracked(X))
      return;
    const auto *Test =
        dyn_cast<BinaryOperator>(Cond->getCond()->IgnoreParenImpCasts());
    if (!Test || !Test->isRelationalOp())
      return;
    OmpAffine L = Forms.of(Test->getLHS()), R = Forms.of(Test->getRHS());
    OmpAffine T = Forms.of(Cond->getTrueExpr()),
              F = Forms.of(Cond->getFalseExpr());
    if (!L.Known || !R.Known || !T.Known || !F.Known)
      return;
    bool Greater = Test->getOpcode() == BO_GT || Test->getOpcode() == BO_GE;
    // (l > r ? r : l) and (l < r ? l : r) are minima; the others maxima.
    bool Min;
    if (affine::equal(T, R) && affine::equal(F, L))
      Min = Greater;
    else if (affine::equal(T, L) && affine::equal(F, R))
      Min = !Greater;
    else
      return;
    (Min ? UpperBounds : LowerBounds)[X] = {L, R};
  }

  void walkLoop(const Stmt *S) {
    if (const auto *For = dyn_cast<ForStmt>(S)) {
      const VarDecl *Counter = nullptr;
      OmpCounter C;
      if (Forms.forLoop(For, Counter, C))
        SequentialCounters.insert(Counter);
      walkStmt(For->getInit());
    }
    if (const auto *Range = dyn_cast<CXXForRangeStmt>(S)) {
      walkStmt(Range->getInit());
      walkStmt(Range->getRangeStmt());
    }
    std::set<const VarDecl *> Changed = modifiedIn(S);
    forget(Changed);
    OmpNode Loop = node(OmpNodeKind::Loop, S->getBeginLoc());
    const VarDecl *Counter = nullptr;
    if (const auto *For = dyn_cast<ForStmt>(S)) {
      OmpCounter C;
      // A counter the body changes is no counter.
      if (Forms.forLoop(For, Counter, C) &&
          !modifiedIn(For->getBody()).count(Counter))
        Loop.Counters.push_back(C);
      else
        Counter = nullptr;
    }
    int Index = add(std::move(Loop));
    Parents.push_back(Index);
    if (Counter)
      Counters[Counter] =
          symbolName("i", std::to_string(Index) + ".0", Counter);
    if (const auto *For = dyn_cast<ForStmt>(S)) {
      if (For->getConditionVariableDeclStmt())
        walkStmt(For->getConditionVariableDeclStmt());
      walkExpr(For->getCond());
      walkStmt(For->getBody());
      walkExpr(For->getInc());
    } else if (const auto *While = dyn_cast<WhileStmt>(S)) {
      if (While->getConditionVariableDeclStmt())
        walkStmt(While->getConditionVariableDeclStmt());
      walkExpr(While->getCond());
      walkStmt(While->getBody());
    } else if (const auto *Do = dyn_cast<DoStmt>(S)) {
      walkStmt(Do->getBody());
      walkExpr(Do->getCond());
    } else if (const auto *Range = dyn_cast<CXXForRangeStmt>(S)) {
      walkStmt(Range->getBeginStmt());
      walkStmt(Range->getEndStmt());
      walkStmt(Range->getLoopVarStmt());
      walkStmt(Range->getBody());
    }
    Parents.pop_back();
    if (Counter)
      Counters.erase(Counter);
    forget(Changed);
  }

  //===-- Directives ----------------------------------------------------===//

  OmpClause clauseOf(const OMPClause *C) {
    OmpClause Out;
    OpenMPClauseKind K = C->getClauseKind();
    Out.Kind = llvm::omp::getOpenMPClauseName(K).str();
    auto Constant = [&](const Expr *E) -> long long {
      OmpAffine V = E ? Forms.of(E) : affine::unknown();
      return affine::isConstant(V) ? V.Const : -1;
    };
    auto Items = [&](auto *List) {
      for (const Expr *E : List->varlists()) {
        const Expr *Item = E;
        OmpAffine Lower = affine::constant(0);
        if (const auto *Section =
                dyn_cast<ArraySectionExpr>(E->IgnoreParenImpCasts())) {
          Item = Section->getBase();
          if (Section->getLowerBound())
            Lower = Forms.of(Section->getLowerBound());
          std::optional<Place> P = pointeeOf(Item, 0);
          if (!P)
            P = placeOf(Item, 0);
          if (P) {
            addIndex(*P, Lower);
            Out.Items.push_back(P->Ref);
          }
          continue;
        }
        if (auto P = placeOf(Item, 0))
          Out.Items.push_back(P->Ref);
      }
    };
    if (const auto *S = dyn_cast<OMPScheduleClause>(C)) {
      Out.Modifier =
          std::string(getOpenMPSimpleClauseTypeName(K, S->getScheduleKind()));
      Out.Value = Constant(S->getChunkSize());
    } else if (const auto *Co = dyn_cast<OMPCollapseClause>(C)) {
      Out.Value = Constant(Co->getNumForLoops());
    } else if (const auto *O = dyn_cast<OMPOrderedClause>(C)) {
      Out.Value = O->getNumForLoops() ? Constant(O->getNumForLoops()) : 0;
    } else if (const auto *Dep = dyn_cast<OMPDependClause>(C)) {
      Out.Modifier = std::string(
          getOpenMPSimpleClauseTypeName(K, Dep->getDependencyKind()));
      Items(Dep);
    } else if (const auto *Doa = dyn_cast<OMPDoacrossClause>(C)) {
      Out.Modifier = Doa->getDependenceType() == OMPC_DOACROSS_source ||
                             Doa->getDependenceType() ==
                                 OMPC_DOACROSS_source_omp_cur_iteration
                         ? "source"
                         : "sink";
    } else if (const auto *If = dyn_cast<OMPIfClause>(C)) {
      Out.Value = Constant(If->getCondition());
      if (If->getNameModifier() != llvm::omp::OMPD_unknown)
        Out.Modifier =
            llvm::omp::getOpenMPDirectiveName(If->getNameModifier()).str();
    } else if (const auto *NT = dyn_cast<OMPNumThreadsClause>(C)) {
      Out.Value = Constant(NT->getNumThreads());
    } else if (const auto *SL = dyn_cast<OMPSafelenClause>(C)) {
      Out.Value = Constant(SL->getSafelen());
    } else if (const auto *SI = dyn_cast<OMPSimdlenClause>(C)) {
      Out.Value = Constant(SI->getSimdlen());
    } else if (const auto *F = dyn_cast<OMPFilterClause>(C)) {
      Out.Value = Constant(F->getThreadID());
    } else if (const auto *M = dyn_cast<OMPMapClause>(C)) {
      Out.Modifier =
          std::string(getOpenMPSimpleClauseTypeName(K, M->getMapType()));
      Items(M);
    } else if (const auto *R = dyn_cast<OMPReductionClause>(C)) {
      Out.Modifier = R->getNameInfo().getAsString();
      Items(R);
    } else if (const auto *P = dyn_cast<OMPPrivateClause>(C)) {
      Items(P);
    } else if (const auto *FP = dyn_cast<OMPFirstprivateClause>(C)) {
      Items(FP);
    } else if (const auto *LP = dyn_cast<OMPLastprivateClause>(C)) {
      Items(LP);
    } else if (const auto *L = dyn_cast<OMPLinearClause>(C)) {
      Items(L);
    } else if (const auto *Sh = dyn_cast<OMPSharedClause>(C)) {
      Items(Sh);
    } else if (const auto *Fl = dyn_cast<OMPFlushClause>(C)) {
      Items(Fl);
    } else if (const auto *Def = dyn_cast<OMPDefaultClause>(C)) {
      Out.Modifier = getOpenMPSimpleClauseTypeName(
          K, static_cast<unsigned>(Def->getDefaultKind()));
    } else if (const auto *Fin = dyn_cast<OMPFinalClause>(C)) {
      Out.Value = Constant(Fin->getCondition());
    }
    return Out;
  }

  /// The loops a loop directive is associated with, outermost first.
  static std::vector<const ForStmt *> loopNest(const Stmt *S, unsigned N) {
    std::vector<const ForStmt *> Nest;
    while (S && Nest.size() < N) {
      if (const auto *Compound = dyn_cast<CompoundStmt>(S)) {
        if (Compound->size() != 1)
          break;
        S = Compound->body_front();
        continue;
      }
      if (const auto *Captured = dyn_cast<CapturedStmt>(S)) {
        S = Captured->getCapturedStmt();
        continue;
      }
      const auto *For = dyn_cast<ForStmt>(S);
      if (!For)
        break;
      Nest.push_back(For);
      S = For->getBody();
    }
    return Nest;
  }

  /// Data-sharing clauses that read or write the original variable outside
  /// the construct's body: firstprivate copies it in at the start;
  /// lastprivate and linear copy the last iteration's value out; a
  /// reduction combines every copy into it at the end.
  void clauseAccesses(const OMPExecutableDirective *D,
                      std::vector<OmpNode> &Before,
                      std::vector<OmpNode> &AtEnd) {
    auto Each = [&](auto *List, auto &&Fn) {
      for (const Expr *E : List->varlists())
        if (auto P = placeOf(E, 0))
          Fn(*P, E->getExprLoc());
    };
    for (const OMPClause *C : D->clauses()) {
      if (C->isImplicit())
        continue;
      if (const auto *FP = dyn_cast<OMPFirstprivateClause>(C)) {
        Each(FP, [&](const Place &P, SourceLocation L) {
          if (auto N = accessNode(P, false, L, "firstprivate"))
            Before.push_back(std::move(*N));
        });
      } else if (isa<OMPLastprivateClause>(C) || isa<OMPLinearClause>(C)) {
        auto Out = [&](const Place &P, SourceLocation L) {
          if (auto N = accessNode(P, true, L, "lastprivate"))
            AtEnd.push_back(std::move(*N));
        };
        if (const auto *LP = dyn_cast<OMPLastprivateClause>(C))
          Each(LP, Out);
        else
          Each(cast<OMPLinearClause>(C), Out);
      } else if (const auto *R = dyn_cast<OMPReductionClause>(C)) {
        Each(R, [&](const Place &P, SourceLocation L) {
          if (auto N = accessNode(P, true, L, "reduction")) {
            N->Atomic = true;
            AtEnd.push_back(std::move(*N));
          }
        });
      }
    }
  }

  void walkDirective(const OMPExecutableDirective *D) {
    OpenMPDirectiveKind K = D->getDirectiveKind();
    Out.HasDirectives = true;
    std::vector<OmpNode> Before, AtEnd;
    clauseAccesses(D, Before, AtEnd);
    for (OmpNode &N : Before)
      add(std::move(N));
    const Stmt *Body =
        D->hasAssociatedStmt() ? D->getAssociatedStmt() : nullptr;
    while (const auto *Captured = dyn_cast_or_null<CapturedStmt>(Body))
      Body = Captured->getCapturedStmt();
    OmpNode N = node(Body ? OmpNodeKind::Directive : OmpNodeKind::Standalone,
                     D->getBeginLoc());
    N.Name = llvm::omp::getOpenMPDirectiveName(K).str();
    if (const auto *Critical = dyn_cast<OMPCriticalDirective>(D))
      N.CriticalName = Critical->getDirectiveName().getAsString();
    for (const OMPClause *C : D->clauses())
      if (!C->isImplicit())
        N.Clauses.push_back(clauseOf(C));
    std::set<const VarDecl *> Changed = modifiedIn(Body);
    // Inside a construct, its private copies hold their own values.
    forget(Changed);
    int Index = add(std::move(N));
    if (!Body)
      return;
    if (Scope.frames().empty())
      ModifiedInTop = Changed;
    Scope.push(SharingFrame::of(D, Index));
    Parents.push_back(Index);
    std::vector<const VarDecl *> LoopCounters;
    if (const auto *Loop = dyn_cast<OMPLoopDirective>(D)) {
      unsigned N = Loop->getLoopsNumber();
      std::vector<const ForStmt *> Nest = loopNest(Body, N);
      std::vector<OmpCounter> Counted;
      for (unsigned I = 0; I < Nest.size(); ++I) {
        const VarDecl *Counter = nullptr;
        OmpCounter C;
        if (!Forms.forLoop(Nest[I], Counter, C)) {
          Counter = nullptr;
          if (I < Loop->counters().size())
            Counter = referencedVar(Loop->counters()[I]);
          if (Counter)
            C.Name = Counter->getNameAsString();
        }
        Counted.push_back(C);
        if (Counter) {
          Counters[Counter] = symbolName(
              "i", std::to_string(Index) + "." + std::to_string(I), Counter);
          LoopCounters.push_back(Counter);
        }
      }
      Out.Nodes[Index].Counters = Counted;
      if (Nest.size() == N && N > 0) {
        for (const ForStmt *For : Nest)
          walkStmt(For->getInit()); // Declares counters in the construct.
        Body = Nest.back()->getBody();
      }
    }
    if (const auto *Atomic = dyn_cast<OMPAtomicDirective>(D)) {
      if (const Expr *X = Atomic->getX())
        if (auto P = placeOf(X, 0))
          AtomicTarget = P->Ref;
    }
    walkStmt(Body);
    AtomicTarget.reset();
    for (OmpNode &End : AtEnd)
      add(std::move(End));
    for (const VarDecl *C : LoopCounters)
      Counters.erase(C);
    Parents.pop_back();
    Scope.pop();
    forget(Changed);
  }

  //===-- Expressions ---------------------------------------------------===//

  void walkExpr(const Expr *E) {
    if (!E || Depth > MaxDepth)
      return;
    DepthGuard G(Depth);
    E = E->IgnoreParens();
    if (const auto *B = dyn_cast<BinaryOperator>(E)) {
      if (B->getOpcode() == BO_Assign) {
        walkExpr(B->getRHS());
        walkLValue(B->getLHS());
        access(B->getLHS(), /*Write=*/true);
        if (const VarDecl *VD = referencedVar(B->getLHS()))
          assigned(VD, B->getRHS());
        return;
      }
      if (B->isCompoundAssignmentOp()) {
        walkExpr(B->getRHS());
        walkLValue(B->getLHS());
        access(B->getLHS(), false);
        access(B->getLHS(), true);
        if (const VarDecl *VD = referencedVar(B->getLHS())) {
          // x += e with both known: x has a known value still.
          OmpAffine Old = Forms.of(B->getLHS()), By = Forms.of(B->getRHS());
          OmpAffine New =
              B->getOpcode() == BO_AddAssign   ? affine::add(Old, By)
              : B->getOpcode() == BO_SubAssign ? affine::sub(Old, By)
              : B->getOpcode() == BO_MulAssign ? affine::mul(Old, By)
                                               : affine::unknown();
          bool Tracked = Values.count(VD) && tracked(VD);
          assigned(VD, nullptr);
          if (Tracked && New.Known)
            Values[VD] = New;
        }
        return;
      }
      walkExpr(B->getLHS());
      walkExpr(B->getRHS());
      return;
    }
    if (const auto *U = dyn_cast<UnaryOperator>(E)) {
      if (U->isIncrementDecrementOp()) {
        walkLValue(U->getSubExpr());
        access(U->getSubExpr(), false);
        access(U->getSubExpr(), true);
        if (const VarDecl *VD = referencedVar(U->getSubExpr())) {
          bool Tracked = Values.count(VD) && tracked(VD) && !Counters.count(VD);
          OmpAffine New =
              affine::add(Forms.of(U->getSubExpr()),
                          affine::constant(U->isIncrementOp() ? 1 : -1));
          assigned(VD, nullptr);
          if (Tracked && New.Known)
            Values[VD] = New;
        }
        return;
      }
      if (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Deref) {
        walkLValue(E);
        return;
      }
      walkExpr(U->getSubExpr());
      return;
    }
    if (const auto *Cast = dyn_cast<CastExpr>(E)) {
      if (Cast->getCastKind() == CK_LValueToRValue) {
        walkLValue(Cast->getSubExpr());
        access(Cast->getSubExpr(), false);
        return;
      }
      if (Cast->getCastKind() == CK_ArrayToPointerDecay) {
        walkLValue(Cast->getSubExpr());
        return;
      }
      walkExpr(Cast->getSubExpr());
      return;
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      walkCall(Call);
      return;
    }
    if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(E)) {
      walkExpr(Cond->getCond());
      FlowState Before = saveFlow();
      std::vector<FlowState> Arms;
      OmpNode Branch = node(OmpNodeKind::Branch, E->getBeginLoc());
      Forms.operands(Cond->getCond(), Branch.Operands);
      Parents.push_back(add(std::move(Branch)));
      for (bool Then : {true, false}) {
        OmpNode Arm = node(OmpNodeKind::Arm, E->getBeginLoc());
        Forms.conditions(Cond->getCond(), !Then, Arm.Conditions);
        restoreFlow(Before);
        Parents.push_back(add(std::move(Arm)));
        const Expr *Side = Then ? Cond->getTrueExpr() : Cond->getFalseExpr();
        if (Side->isGLValue())
          walkLValue(Side);
        else
          walkExpr(Side);
        Parents.pop_back();
        Arms.push_back(saveFlow());
      }
      Parents.pop_back();
      joinFlow(Arms);
      return;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      for (const Expr *Arg : Construct->arguments())
        readArgument(Arg);
      return;
    }
    if (isa<LambdaExpr>(E) || isa<UnaryExprOrTypeTraitExpr>(E) ||
        isa<CXXNoexceptExpr>(E) || isa<CXXTypeidExpr>(E))
      return;
    if (const auto *StmtE = dyn_cast<StmtExpr>(E)) {
      walkStmt(StmtE->getSubStmt());
      return;
    }
    if (E->isGLValue() && (isa<DeclRefExpr>(E) || isa<MemberExpr>(E) ||
                           isa<ArraySubscriptExpr>(E))) {
      walkLValue(E);
      return;
    }
    for (const Stmt *Child : E->children())
      if (const auto *ChildE = dyn_cast_or_null<Expr>(Child))
        walkExpr(ChildE);
  }

  /// What finding an lvalue's place evaluates: indexes and pointers, not
  /// the place itself.
  void walkLValue(const Expr *E) {
    if (!E || Depth > MaxDepth)
      return;
    DepthGuard G(Depth);
    E = E->IgnoreParens();
    if (isa<DeclRefExpr>(E))
      return;
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (ME->isArrow())
        walkExpr(ME->getBase());
      else
        walkLValue(ME->getBase());
      return;
    }
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      walkExpr(AS->getBase());
      walkExpr(AS->getIdx());
      return;
    }
    if (const auto *U = dyn_cast<UnaryOperator>(E)) {
      if (U->getOpcode() == UO_Deref)
        walkExpr(U->getSubExpr());
      else if (U->getOpcode() == UO_AddrOf)
        walkLValue(U->getSubExpr());
      else
        walkExpr(E);
      return;
    }
    if (const auto *Cast = dyn_cast<CastExpr>(E)) {
      if (Cast->getCastKind() == CK_NoOp ||
          Cast->getCastKind() == CK_DerivedToBase ||
          Cast->getCastKind() == CK_UncheckedDerivedToBase ||
          Cast->getCastKind() == CK_LValueBitCast) {
        walkLValue(Cast->getSubExpr());
        return;
      }
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
      if (Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2 &&
          isIndexedContainer(recordOf(Op->getArg(0)->getType()))) {
        walkLValue(Op->getArg(0));
        walkExpr(Op->getArg(1));
        return;
      }
    walkExpr(E);
  }

  /// An argument passed by value: a class object passed as an lvalue is
  /// copied (read).
  void readArgument(const Expr *Arg) {
    if (Arg->isGLValue() && !Arg->getType()->isReferenceType() &&
        Arg->getType()->isRecordType()) {
      walkLValue(Arg);
      access(Arg, false);
      return;
    }
    walkExpr(Arg);
  }

  static bool isLockCall(StringRef Name, std::string &Op) {
    if (Name == "omp_set_lock" || Name == "omp_set_nest_lock")
      Op = "set";
    else if (Name == "omp_unset_lock" || Name == "omp_unset_nest_lock")
      Op = "unset";
    else if (Name == "omp_test_lock" || Name == "omp_test_nest_lock")
      Op = "test";
    else
      return false;
    return true;
  }

  /// A place passed to a callee, and which construct's instance owns it.
  void argPlace(const Place &P, OmpArg &A) {
    if (P.Var && !P.External) {
      SharingDecision D = Scope.decide(P.Var, P.ThroughPointer);
      if (D.ThreadPrivate)
        return;
      if (!D.Global && !D.Crossing && D.OwnerFrame >= 0)
        A.Owner = Scope.frames()[D.OwnerFrame].Node;
      A.Sharing = D.Rule;
    }
    A.Place = P.Ref;
  }

  bool userFunction(const FunctionDecl *Callee) const {
    return Callee && !TU.inLibraryCode(Callee) && !Callee->isImplicit() &&
           !Callee->getBuiltinID();
  }

  void walkCall(const CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    std::string LockOp;
    if (Callee && Callee->getIdentifier() &&
        isLockCall(Callee->getName(), LockOp)) {
      for (const Expr *Arg : Call->arguments())
        walkExpr(Arg);
      if (Call->getNumArgs() == 1)
        if (auto P = pointeeOf(Call->getArg(0), 0)) {
          OmpNode N = node(OmpNodeKind::Lock, Call->getBeginLoc());
          N.Name = LockOp;
          N.Ref = P->Ref;
          add(std::move(N));
        }
      return;
    }
    if (!AffineForms::querySymbol(Call).empty())
      return;
    const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
    const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
    // Element access of a standard container is a place, not a call.
    if (Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2 &&
        isIndexedContainer(recordOf(Op->getArg(0)->getType()))) {
      walkLValue(Call);
      return;
    }
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
    // Copy assignment of class objects: a write of the left side.
    if (Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
        Method &&
        (Method->isCopyAssignmentOperator() ||
         Method->isMoveAssignmentOperator())) {
      readArgument(Op->getArg(1));
      walkLValue(Op->getArg(0));
      access(Op->getArg(0), true);
      return;
    }
    // A method of a library class (a container's size(), push_back()):
    // a read of the object, or a write when the method is not const.
    if (Method && !Method->isStatic() && !userFunction(Method)) {
      const Expr *Object = Member ? Member->getImplicitObjectArgument()
                           : Op   ? Op->getArg(0)
                                  : nullptr;
      if (Object) {
        if (Object->getType()->isPointerType())
          walkExpr(Object);
        else
          walkLValue(Object);
        std::optional<Place> P = Object->getType()->isPointerType()
                                     ? pointeeOf(Object, 0)
                                     : placeOf(Object, 0);
        for (unsigned I = Op ? 1 : 0; I < Call->getNumArgs(); ++I)
          readArgument(Call->getArg(I));
        if (P && !(Member && Member->getMethodDecl() &&
                   isIndexedContainer(Method->getParent()) &&
                   Method->getName() == "at"))
          if (auto N = accessNode(*P, !Method->isConst(), Call->getExprLoc()))
            add(std::move(*N));
        return;
      }
    }
    if (!userFunction(Callee)) {
      if (!Callee)
        walkExpr(Call->getCallee());
      for (const Expr *Arg : Call->arguments())
        walkExpr(Arg);
      return;
    }
    OmpNode N = node(OmpNodeKind::Call, Call->getBeginLoc());
    N.Callee = TU.usr(Callee);
    N.CalleeName = TU.displayName(Callee);
    unsigned First = 0;
    if (Member) {
      if (auto P = objectPlace(Member, 0))
        N.Ref = P->Ref;
      const Expr *Object = Member->getImplicitObjectArgument();
      if (Object && Object->getType()->isPointerType())
        walkExpr(Object);
      else if (Object)
        walkLValue(Object);
    } else if (Op && Method) {
      if (auto P = placeOf(Op->getArg(0), 0))
        N.Ref = P->Ref;
      walkLValue(Op->getArg(0));
      First = 1;
    }
    for (unsigned I = First; I < Call->getNumArgs(); ++I) {
      const Expr *Arg = Call->getArg(I);
      unsigned Param = I - First;
      OmpArg A;
      QualType T = Param < Callee->getNumParams()
                       ? Callee->getParamDecl(Param)->getType()
                       : Arg->getType();
      if (T->isReferenceType()) {
        walkLValue(Arg);
        if (auto P = placeOf(Arg, 0))
          argPlace(*P, A);
      } else if (T->isPointerType() || T->isArrayType()) {
        walkExpr(Arg);
        if (auto P = pointeeOf(Arg, 0))
          argPlace(*P, A);
      } else {
        readArgument(Arg);
        if (T->isIntegralOrEnumerationType())
          A.Value = Forms.of(Arg);
      }
      N.Args.push_back(std::move(A));
    }
    add(std::move(N));
  }

  TranslationUnitFacts &TU;
  const FunctionDecl *FD;
  AffineForms Forms;
  bool Recording = false;
  OmpSkeleton Out;
  std::vector<int> Parents;
  SharingScope Scope;
  std::map<const VarDecl *, OmpAffine> Values;
  /// Bounds of variables whose value is not known (a min or max).
  std::map<const VarDecl *, std::vector<OmpAffine>> UpperBounds, LowerBounds;
  std::map<const VarDecl *, Place> PointsTo;
  std::map<const VarDecl *, Place> RefersTo;
  std::map<const VarDecl *, std::string> Counters;
  /// Private to one thread or task, yet shared by a task or inner team.
  std::set<const VarDecl *> SharedAcross;
  std::set<const VarDecl *> ModifiedInFunction, ModifiedInTop;
  /// Variables whose address escapes: their assigned values are not kept.
  std::set<const VarDecl *> Escaping;
  /// Locals whose every store is one constant (OneConstantLocals).
  std::map<const VarDecl *, long long> OneConstant;
  /// Variables whose memory the function writes (reads of the rest are
  /// values: readOf).
  std::set<const VarDecl *> WrittenRoots;
  std::set<const VarDecl *> NonUniform;
  std::optional<OmpRef> AtomicTarget;
  /// Counters of sequential loops: shared unless a clause or the
  /// declaration makes them private, unlike a worksharing loop's.
  std::set<const VarDecl *> SequentialCounters;
  std::set<std::string> FactNames;
  unsigned Depth = 0;
};

} // namespace

std::optional<OmpSkeleton> buildOpenMPSkeleton(TranslationUnitFacts &TU,
                                               const FunctionDecl *FD) {
  if (!FD || !FD->getBody())
    return std::nullopt;
  return SkeletonBuilder(TU, FD).run();
}

} // namespace extract
} // namespace concur
