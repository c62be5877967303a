//===- StructCopies.cpp - Locals that copy a struct and keep its pointers -===//

#include "facts/StructCopies.h"
#include "facts/ExtractInternal.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

#include <set>

using namespace clang;

namespace concur {
namespace extract {

const VarDecl *memberChainBase(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MemberExpr>(E)) {
      if (M->isArrow())
        return nullptr;
      E = M->getBase();
      continue;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<VarDecl>(DRE->getDecl());
    return nullptr;
  }
  return nullptr;
}

const Expr *copySource(const Expr *E, QualType Type) {
  E = E->IgnoreParens();
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
    E = Cleanups->getSubExpr()->IgnoreParens();
  if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E))
    E = Temporary->getSubExpr()->IgnoreParens();
  if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
    E = Bind->getSubExpr()->IgnoreParens();
  auto OfType = [&](const Expr *Copied) {
    return Copied->getType().getCanonicalType().getUnqualifiedType() ==
           Type.getCanonicalType().getUnqualifiedType();
  };
  // A struct a function returns by value: the returned object's copy.
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return OfType(Call) ? Call : nullptr;
  const Expr *Source = nullptr;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (!Ctor->isCopyConstructor() || Ctor->isUserProvided() ||
        Construct->getNumArgs() != 1)
      return nullptr;
    Source = Construct->getArg(0)->IgnoreParenImpCasts();
  } else if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E)) {
    if (Cast->getCastKind() != CK_LValueToRValue)
      return nullptr;
    Source = Cast->getSubExpr()->IgnoreParens();
  }
  return Source && Source->isGLValue() && OfType(Source) ? Source : nullptr;
}

bool holdsPointer(QualType Type) {
  Type = Type.getCanonicalType();
  while (const auto *Array = Type->getAsArrayTypeUnsafe())
    Type = Array->getElementType().getCanonicalType();
  if (Type->isPointerType() || Type->isReferenceType() ||
      Type->isMemberPointerType())
    return true;
  const auto *Record = Type->getAsRecordDecl();
  if (!Record || !Record->getDefinition())
    return false;
  Record = Record->getDefinition();
  if (const auto *Class = dyn_cast<CXXRecordDecl>(Record))
    for (const CXXBaseSpecifier &Base : Class->bases())
      if (holdsPointer(Base.getType()))
        return true;
  for (const FieldDecl *Field : Record->fields())
    if (holdsPointer(Field->getType()))
      return true;
  return false;
}

namespace {

/// The lvalue a record-typed initialiser copies, or null.
const Expr *copiedLValue(const VarDecl *VD) {
  const Expr *Init = VD->getInit();
  return Init ? copySource(Init, VD->getType()) : nullptr;
}

/// Locals changed after their initialisation, in whole or through `.`
/// members: assigned, stepped, their address taken or bound to a
/// reference that may change them.
class PartChanges : public RecursiveASTVisitor<PartChanges> {
public:
  std::set<const VarDecl *> Changed;

  // A change of a part that holds no pointer (`copy.level = 3`) leaves
  // the copy's pointers the original's.
  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->isAssignmentOp() && holdsPointer(B->getLHS()->getType()))
      mark(B->getLHS());
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *U) {
    if ((U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf) &&
        holdsPointer(U->getSubExpr()->getType()))
      mark(U->getSubExpr());
    return true;
  }
  bool VisitCallExpr(CallExpr *CE) {
    // A member function called on the copy or a part of it may change it.
    if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE))
      if (!MCE->getMethodDecl() || !MCE->getMethodDecl()->isConst())
        mark(MCE->getImplicitObjectArgument());
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE))
      if (OC->getNumArgs() > 0)
        mark(OC->getArg(0));
    // A call through a pointer may bind any argument to a reference.
    if (!CE->getDirectCallee()) {
      for (const Expr *Arg : CE->arguments())
        if (Arg->isGLValue())
          mark(Arg);
      return true;
    }
    forEachMutableRefArg(CE, [&](const Expr *Arg) { mark(Arg); });
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    for (unsigned I = 0; I < CE->getNumArgs() && I < Ctor->getNumParams();
         ++I) {
      QualType T = Ctor->getParamDecl(I)->getType();
      if (T->isReferenceType() && !T.getNonReferenceType().isConstQualified())
        mark(CE->getArg(I));
    }
    return true;
  }
  bool VisitVarDecl(VarDecl *VD) {
    if (VD->getType()->isReferenceType() &&
        !VD->getType().getNonReferenceType().isConstQualified() &&
        VD->getInit())
      mark(VD->getInit());
    return true;
  }

private:
  void mark(const Expr *E) {
    if (const VarDecl *VD = memberChainBase(E))
      Changed.insert(VD);
  }
};

/// The record-typed locals Body declares, with their initialisers.
class Declarations : public RecursiveASTVisitor<Declarations> {
public:
  std::map<const VarDecl *, const Expr *> Copies;
  bool VisitVarDecl(VarDecl *VD) {
    if (VD->hasLocalStorage() && !isa<ParmVarDecl>(VD) &&
        VD->getType()->isRecordType())
      if (const Expr *Source = copiedLValue(VD))
        Copies[VD] = Source;
    return true;
  }
};

} // namespace

std::map<const VarDecl *, const Expr *>
findUnchangedStructCopies(const Stmt *Body) {
  if (!Body)
    return {};
  Declarations Decls;
  Decls.TraverseStmt(const_cast<Stmt *>(Body));
  if (Decls.Copies.empty())
    return {};
  PartChanges Changes;
  Changes.TraverseStmt(const_cast<Stmt *>(Body));
  for (const VarDecl *VD : Changes.Changed)
    Decls.Copies.erase(VD);
  return std::move(Decls.Copies);
}

} // namespace extract
} // namespace concur
