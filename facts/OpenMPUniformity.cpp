//===- OpenMPUniformity.cpp - Locals every thread computes alike ----------===//

#include "facts/OpenMPUniformity.h"
#include "facts/ExtractInternal.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtOpenMP.h"
#include "clang/Basic/OpenMPKinds.h"

using namespace clang;

namespace concur {
namespace extract {
namespace {

constexpr unsigned MaxDepth = 256;

bool isLocal(const VarDecl *VD) {
  return VD && !VD->hasGlobalStorage() && !isa<ParmVarDecl>(VD);
}

/// Functions that give every thread the same result for the same
/// arguments.
bool pureCall(const CallExpr *Call) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !FD->getIdentifier())
    return false;
  StringRef N = FD->getName();
  for (const char *P : {"omp_get_num_threads",
                        "omp_get_max_threads",
                        "omp_get_num_teams",
                        "omp_get_num_procs",
                        "omp_in_parallel",
                        "omp_get_level",
                        "sqrt",
                        "sqrtf",
                        "pow",
                        "powf",
                        "fabs",
                        "fabsf",
                        "abs",
                        "labs",
                        "floor",
                        "ceil",
                        "exp",
                        "log",
                        "log2",
                        "log10",
                        "sin",
                        "cos",
                        "tan",
                        "fmin",
                        "fmax",
                        "min",
                        "max",
                        "cbrt",
                        "round",
                        "trunc"})
    if (N == P)
      return true;
  return false;
}

class Uniformity {
public:
  Uniformity(const std::set<const VarDecl *> &Written) : Written(Written) {}

  std::set<const VarDecl *> run(const Stmt *Body) {
    // The non-uniform set only grows: a few rounds reach the fixpoint.
    for (unsigned Round = 0; Round < 8; ++Round) {
      size_t Before = NonUniform.size();
      walk(Body, false, 0);
      if (NonUniform.size() == Before)
        break;
    }
    return NonUniform;
  }

private:
  bool uniform(const Expr *E, unsigned Depth) const {
    if (!E || Depth > MaxDepth)
      return false;
    E = E->IgnoreParens();
    if (isa<IntegerLiteral>(E) || isa<FloatingLiteral>(E) ||
        isa<CharacterLiteral>(E) || isa<CXXBoolLiteralExpr>(E) ||
        isa<UnaryExprOrTypeTraitExpr>(E) || isa<StringLiteral>(E))
      return true;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      return !VD || !isLocal(VD) || !NonUniform.count(VD);
    }
    if (const auto *Cast = dyn_cast<CastExpr>(E)) {
      if (Cast->getCastKind() == CK_LValueToRValue &&
          !isa<DeclRefExpr>(Cast->getSubExpr()->IgnoreParens()))
        return readUniform(Cast->getSubExpr(), Depth + 1);
      return uniform(Cast->getSubExpr(), Depth + 1);
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      if (!pureCall(Call))
        return false;
      for (const Expr *Arg : Call->arguments())
        if (!uniform(Arg, Depth + 1))
          return false;
      return true;
    }
    if (isa<UnaryOperator>(E) || isa<BinaryOperator>(E) ||
        isa<AbstractConditionalOperator>(E)) {
      if (const auto *U = dyn_cast<UnaryOperator>(E))
        if (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf ||
            U->getOpcode() == UO_Deref)
          return false;
      if (const auto *B = dyn_cast<BinaryOperator>(E))
        if (B->isAssignmentOp())
          return false;
      for (const Stmt *Child : E->children())
        if (!uniform(dyn_cast_or_null<Expr>(Child), Depth + 1))
          return false;
      return true;
    }
    return false;
  }

  /// A read of an element or field: uniform when nothing in the function
  /// writes the memory and the place is computed uniformly.
  bool readUniform(const Expr *E, unsigned Depth) const {
    const Expr *Base = E;
    while (Base) {
      Base = Base->IgnoreParenImpCasts();
      if (const auto *DRE = dyn_cast<DeclRefExpr>(Base)) {
        const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
        if (!VD || Written.count(VD))
          return false;
        break;
      }
      if (const auto *AS = dyn_cast<ArraySubscriptExpr>(Base)) {
        if (!uniform(AS->getIdx(), Depth + 1))
          return false;
        Base = AS->getBase();
      } else if (const auto *ME = dyn_cast<MemberExpr>(Base)) {
        Base = ME->getBase();
      } else {
        return false;
      }
    }
    return Base != nullptr;
  }

  void assign(const Expr *LHS, bool Uniform) {
    const VarDecl *VD = referencedVar(LHS);
    if (isLocal(VD) && !Uniform)
      NonUniform.insert(VD);
  }

  /// Directives only some threads or iterations run.
  static bool partial(const OMPExecutableDirective *D) {
    OpenMPDirectiveKind K = D->getDirectiveKind();
    return isOpenMPLoopDirective(K) || isOpenMPTaskingDirective(K) ||
           isa<OMPSingleDirective>(D) || isa<OMPMasterDirective>(D) ||
           isa<OMPMaskedDirective>(D) || isa<OMPSectionDirective>(D) ||
           isa<OMPSectionsDirective>(D) || isa<OMPCriticalDirective>(D) ||
           isa<OMPOrderedDirective>(D);
  }

  void walk(const Stmt *S, bool Partial, unsigned Depth) {
    if (!S || Depth > MaxDepth)
      return;
    if (const auto *D = dyn_cast<OMPExecutableDirective>(S)) {
      bool Inner = Partial || partial(D);
      for (const Stmt *Child : S->children())
        walk(Child, Inner, Depth + 1);
      return;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D)) {
          if (isLocal(VD) && VD->getInit() &&
              (Partial || !uniform(VD->getInit(), 0)))
            NonUniform.insert(VD);
          if (VD->getInit())
            walk(VD->getInit(), Partial, Depth + 1);
        }
      return;
    }
    if (const auto *If = dyn_cast<IfStmt>(S)) {
      walk(If->getInit(), Partial, Depth + 1);
      walk(If->getCond(), Partial, Depth + 1);
      bool Inner = Partial || !uniform(If->getCond(), 0);
      walk(If->getThen(), Inner, Depth + 1);
      walk(If->getElse(), Inner, Depth + 1);
      return;
    }
    if (const auto *For = dyn_cast<ForStmt>(S)) {
      walk(For->getInit(), Partial, Depth + 1);
      bool Inner = Partial || (For->getCond() && !uniform(For->getCond(), 0));
      walk(For->getCond(), Inner, Depth + 1);
      walk(For->getInc(), Inner, Depth + 1);
      walk(For->getBody(), Inner, Depth + 1);
      return;
    }
    if (const auto *While = dyn_cast<WhileStmt>(S)) {
      bool Inner = Partial || !uniform(While->getCond(), 0);
      walk(While->getCond(), Inner, Depth + 1);
      walk(While->getBody(), Inner, Depth + 1);
      return;
    }
    if (const auto *Do = dyn_cast<DoStmt>(S)) {
      bool Inner = Partial || !uniform(Do->getCond(), 0);
      walk(Do->getBody(), Inner, Depth + 1);
      walk(Do->getCond(), Inner, Depth + 1);
      return;
    }
    if (isa<SwitchStmt>(S) || isa<CXXForRangeStmt>(S)) {
      // Arms chosen by a value: uniform when it is; range loops: not
      // followed.
      const Expr *Cond =
          isa<SwitchStmt>(S) ? cast<SwitchStmt>(S)->getCond() : nullptr;
      bool Inner = Partial || !Cond || !uniform(Cond, 0);
      for (const Stmt *Child : S->children())
        walk(Child, Inner, Depth + 1);
      return;
    }
    if (const auto *B = dyn_cast<BinaryOperator>(S)) {
      if (B->getOpcode() == BO_Assign)
        assign(B->getLHS(), !Partial && uniform(B->getRHS(), 0));
      else if (B->isCompoundAssignmentOp())
        assign(B->getLHS(),
               !Partial && uniform(B->getRHS(), 0) && uniform(B->getLHS(), 0));
    } else if (const auto *U = dyn_cast<UnaryOperator>(S)) {
      if (U->isIncrementDecrementOp())
        assign(U->getSubExpr(), !Partial);
      else if (U->getOpcode() == UO_AddrOf)
        assign(U->getSubExpr(), false);
    } else if (const auto *Call = dyn_cast<CallExpr>(S)) {
      const FunctionDecl *FD = Call->getDirectCallee();
      for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
        bool ByReference = !FD || I >= FD->getNumParams() ||
                           FD->getParamDecl(I)->getType()->isReferenceType();
        if (ByReference && Call->getArg(I)->isGLValue())
          assign(Call->getArg(I), false);
      }
    }
    for (const Stmt *Child : S->children())
      walk(Child, Partial, Depth + 1);
  }

  const std::set<const VarDecl *> &Written;
  std::set<const VarDecl *> NonUniform;
};

} // namespace

std::set<const VarDecl *>
nonUniformLocals(const Stmt *Body, const std::set<const VarDecl *> &Written) {
  return Uniformity(Written).run(Body);
}

} // namespace extract
} // namespace concur
