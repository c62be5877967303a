//===- OpenMPSharing.cpp - Data-sharing attributes by OpenMP's rules ------===//

#include "facts/OpenMPSharing.h"
#include "facts/ExtractInternal.h"

#include "clang/AST/Attr.h"
#include "clang/AST/ExprOpenMP.h"
#include "clang/Basic/OpenMPKinds.h"

using namespace clang;

namespace concur {
namespace extract {

/// The variable a clause's list item names: x, a[0:n], s.f, p[i].
static const VarDecl *itemVar(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<VarDecl>(DRE->getDecl());
    if (const auto *Section = dyn_cast<ArraySectionExpr>(E))
      E = Section->getBase();
    else if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(E))
      E = Sub->getBase();
    else if (const auto *Member = dyn_cast<MemberExpr>(E))
      E = Member->getBase();
    else if (const auto *Shape = dyn_cast<OMPArrayShapingExpr>(E))
      E = Shape->getBase();
    else if (const auto *U = dyn_cast<UnaryOperator>(E))
      E = U->getSubExpr();
    else
      return nullptr;
  }
  return nullptr;
}

SharingFrame SharingFrame::of(const OMPExecutableDirective *D, int Node) {
  SharingFrame F;
  F.D = D;
  F.Node = Node;
  OpenMPDirectiveKind K = D->getDirectiveKind();
  F.Name = llvm::omp::getOpenMPDirectiveName(K).str();
  F.Team = isOpenMPParallelDirective(K) || isOpenMPTeamsDirective(K);
  F.Target = isOpenMPTargetExecutionDirective(K);
  F.Task = isOpenMPTaskingDirective(K) || F.Target;
  auto List = [&](auto *Clause, const char *Kind) {
    for (const Expr *E : Clause->varlists())
      if (const VarDecl *VD = itemVar(E))
        F.Listed[VD] = Kind;
  };
  for (const OMPClause *C : D->clauses()) {
    // Clauses clang adds for what the rules imply (firstprivate scalars of
    // a target, maps of its arrays): the rules below decide those.
    if (C->isImplicit())
      continue;
    if (const auto *P = dyn_cast<OMPPrivateClause>(C))
      List(P, "private");
    else if (const auto *FP = dyn_cast<OMPFirstprivateClause>(C))
      List(FP, "firstprivate");
    else if (const auto *LP = dyn_cast<OMPLastprivateClause>(C))
      List(LP, "lastprivate");
    else if (const auto *R = dyn_cast<OMPReductionClause>(C))
      List(R, "reduction");
    else if (const auto *TR = dyn_cast<OMPTaskReductionClause>(C))
      List(TR, "task_reduction");
    else if (const auto *IR = dyn_cast<OMPInReductionClause>(C))
      List(IR, "in_reduction");
    else if (const auto *L = dyn_cast<OMPLinearClause>(C))
      List(L, "linear");
    else if (const auto *S = dyn_cast<OMPSharedClause>(C))
      List(S, "shared");
    else if (const auto *M = dyn_cast<OMPMapClause>(C))
      List(M, "map");
    else if (const auto *IDP = dyn_cast<OMPIsDevicePtrClause>(C))
      List(IDP, "is_device_ptr");
    else if (const auto *HDA = dyn_cast<OMPHasDeviceAddrClause>(C))
      List(HDA, "has_device_addr");
    else if (const auto *Def = dyn_cast<OMPDefaultClause>(C)) {
      switch (Def->getDefaultKind()) {
      case llvm::omp::OMP_DEFAULT_shared:
        F.Default = "shared";
        break;
      case llvm::omp::OMP_DEFAULT_none:
        F.Default = "none";
        break;
      case llvm::omp::OMP_DEFAULT_private:
        F.Default = "private";
        break;
      case llvm::omp::OMP_DEFAULT_firstprivate:
        F.Default = "firstprivate";
        break;
      default:
        break;
      }
    }
  }
  if (const auto *Loop = dyn_cast<OMPLoopDirective>(D))
    for (const Expr *Counter : Loop->counters())
      if (const VarDecl *VD = referencedVar(Counter))
        F.Counters.insert(VD);
  return F;
}

int SharingScope::teamBelow(int F) const {
  if (F >= 0 && Frames[F].Team)
    return F;
  for (int G = F - 1; G >= 0; --G)
    if (Frames[G].Team)
      return G;
  return -1;
}

static bool isScalar(const VarDecl *VD) {
  QualType T = VD->getType();
  return !T->isArrayType() && !T->isReferenceType() && !T->isRecordType();
}

SharingDecision SharingScope::decide(const VarDecl *VD, bool ForValue) const {
  return decideFrom(VD, static_cast<int>(Frames.size()) - 1, ForValue);
}

SharingDecision SharingScope::decideFrom(const VarDecl *VD, int Top,
                                         bool ForValue) const {
  SharingDecision D;
  std::string Name = "'" + VD->getNameAsString() + "'";
  if (VD->getTLSKind() != VarDecl::TLS_None ||
      VD->hasAttr<OMPThreadPrivateDeclAttr>()) {
    D.ThreadPrivate = true;
    D.Rule = Name + " is threadprivate";
    return D;
  }
  // The innermost construct that crosses threads or tasks and does not
  // copy the variable names why it is shared.
  std::string SharedBy;
  bool Crossed = false;
  auto Crosses = [&](const SharingFrame &F, const std::string &Why) {
    if (SharedBy.empty())
      SharedBy = Why;
    Crossed = true;
    (void)F;
  };
  auto Declared = DeclaredIn.find(VD);
  for (int I = Top; I >= 0; --I) {
    const SharingFrame &F = Frames[I];
    std::string Where = "'" + F.Name + "'";
    if (Declared != DeclaredIn.end() && Declared->second == I) {
      if (VD->isStaticLocal()) {
        D.Global = true;
        D.Crossing = true;
        D.Rule = Name + " is static: shared even though declared in " + Where;
        return D;
      }
      D.OwnerFrame = I;
      D.Crossing = Crossed;
      D.Rule =
          Crossed ? SharedBy : Name + " is declared in " + Where + ": private";
      return D;
    }
    auto L = F.Listed.find(VD);
    if (L != F.Listed.end()) {
      const std::string &Clause = L->second;
      if (Clause == "shared") {
        if (F.Team || F.Task)
          Crosses(F, "shared(" + VD->getNameAsString() + ") on " + Where);
        continue;
      }
      if (Clause == "map" || Clause == "is_device_ptr" ||
          Clause == "has_device_addr") {
        if (F.Team)
          Crosses(F, Name + " is mapped by " + Where +
                         ": one copy for the device's threads");
        continue;
      }
      if (ForValue && Clause == "firstprivate")
        continue; // The copy starts with the original's value.
      D.OwnerFrame = I;
      D.Crossing = Crossed;
      D.Rule = Crossed ? SharedBy
                       : Clause + "(" + VD->getNameAsString() + ") on " + Where;
      return D;
    }
    if (F.Counters.count(VD)) {
      D.OwnerFrame = I;
      D.Crossing = Crossed;
      D.Rule = Crossed ? SharedBy
                       : Name + " is the loop counter of " + Where +
                             ": predetermined private";
      return D;
    }
    if (F.Task && !F.Listed.count(VD)) {
      if (F.Default == "shared") {
        Crosses(F, "default(shared) on " + Where);
        continue;
      }
      bool Copies = F.Default == "private" || F.Default == "firstprivate";
      if (F.Target && !Copies && isScalar(VD) && !ForValue) {
        // A scalar a target construct does not map is its task's
        // firstprivate copy; teams and threads inside share that copy.
        // Combined with teams or parallel, the copy is the whole
        // construct's: owned where the construct starts.
        D.OwnerFrame = F.Team ? I - 1 : I;
        D.Crossing = Crossed || F.Team;
        D.Rule = D.Crossing ? Name + " is firstprivate in " + Where +
                                  " (not mapped) and shared by its threads"
                            : Name + " is firstprivate in " + Where;
        return D;
      }
      if (!Copies && !F.Target) {
        // Shared in the task when every implicit task of the team shares
        // it where the task is created; otherwise a firstprivate copy.
        SharingDecision Outer = decideFrom(VD, I - 1, ForValue);
        int Team = teamBelow(I - 1);
        bool TeamShared =
            !Outer.ThreadPrivate &&
            (Outer.Global ||
             (VD->getType()->isReferenceType() && Outer.OwnerFrame == -1) ||
             (Team >= 0 && Outer.OwnerFrame < Team));
        if (TeamShared || ForValue) {
          if (TeamShared)
            Crosses(F, Name + " is shared where " + Where +
                           " is created, so shared in the task");
          continue;
        }
      } else if (F.Target) {
        // Arrays and what is mapped: the device's copy, one for its teams.
        if (F.Team)
          Crosses(F, Name + " is mapped by " + Where +
                         ": one copy for the device's threads");
        continue;
      }
      if (ForValue)
        continue;
      D.OwnerFrame = I;
      D.Crossing = Crossed;
      D.Rule = Crossed ? SharedBy
                       : Name + " is firstprivate in " + Where +
                             " (private where the task is created)";
      return D;
    }
    if (F.Team) {
      if (F.Default == "private" ||
          (F.Default == "firstprivate" && !ForValue)) {
        D.OwnerFrame = I;
        D.Crossing = Crossed;
        D.Rule = Crossed ? SharedBy : "default(" + F.Default + ") on " + Where;
        return D;
      }
      Crosses(F, Name + " is shared by default in " + Where);
    }
  }
  D.OwnerFrame = -1;
  D.Global = VD->hasGlobalStorage();
  D.Crossing = Crossed || D.Global;
  if (Crossed)
    D.Rule = SharedBy;
  else if (VD->isStaticLocal())
    D.Rule = Name + " is a static local";
  else if (D.Global)
    D.Rule = Name + " is global";
  else
    D.Rule = Name + " is a local of the enclosing function";
  return D;
}

} // namespace extract
} // namespace concur
