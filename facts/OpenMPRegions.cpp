//===- OpenMPRegions.cpp - Parallel regions as teams of threads -----------===//

#include "facts/OpenMPRegions.h"

#include "clang/Basic/OpenMPKinds.h"

using namespace clang;

namespace concur {
namespace extract {

void handleOpenMPDirective(FunctionScope &S, CallModel &Calls,
                           const OMPExecutableDirective *D) {
  if (!isOpenMPParallelDirective(D->getDirectiveKind()))
    return;
  // The associated statement, inside however many captured regions the
  // directive (or a combined one, parallel for) wraps it in.
  const Stmt *Body = D->hasAssociatedStmt() ? D->getAssociatedStmt() : nullptr;
  while (const auto *Captured = dyn_cast_or_null<CapturedStmt>(Body))
    Body = Captured->getCapturedStmt();
  if (!Body)
    return;
  std::set<const VarDecl *> Private;
  for (const OMPClause *C : D->clauses()) {
    auto AddAll = [&](auto Vars) {
      for (const Expr *E : Vars)
        if (const VarDecl *VD = referencedVar(E))
          Private.insert(VD);
    };
    if (const auto *P = dyn_cast<OMPPrivateClause>(C))
      AddAll(P->varlists());
    else if (const auto *FP = dyn_cast<OMPFirstprivateClause>(C))
      AddAll(FP->varlists());
    else if (const auto *LP = dyn_cast<OMPLastprivateClause>(C))
      AddAll(LP->varlists());
    else if (const auto *R = dyn_cast<OMPReductionClause>(C))
      AddAll(R->varlists());
  }
  if (const auto *Loop = dyn_cast<OMPLoopDirective>(D))
    for (const Expr *Counter : Loop->counters())
      if (const VarDecl *VD = referencedVar(Counter))
        Private.insert(VD);

  SourceLoc Loc = S.TU.loc(D->getBeginLoc());
  std::string Id = S.TU.usr(S.FD) + "@omp:" + Loc.File + ":" +
                   std::to_string(Loc.Line) + ":" + std::to_string(Loc.Column);
  std::string Name = "omp parallel region at " + shortLocation(Loc);
  S.TU.analyseRegion(S.FD, Body, Id, Name, Loc, Private);

  Spawn Sp;
  Sp.Api = "#pragma omp parallel";
  Sp.Model = SpawnModel::OpenMP;
  Sp.Loc = Loc;
  Sp.EntryIds.push_back(Id);
  Sp.EntryNames.push_back(Name);
  Sp.This = thisPath();
  // The region sees the enclosing function's parameters as they are.
  for (unsigned I = 0; I < S.FD->getNumParams(); ++I) {
    AccessPath Param;
    Param.Root = AccessPath::RootKind::Param;
    Param.RootId = std::to_string(I);
    Param.RootName = S.FD->getParamDecl(I)->getNameAsString();
    Param.Name = S.TU.displayName(S.FD) + "::" + Param.RootName;
    Sp.Args.push_back(Param);
  }
  AccessPath Team = channelPath("omp:" + Id);
  Sp.Handle = Team;
  Calls.addSpawn(std::move(Sp));
  Calls.addJoin(Team, nullptr);
}

} // namespace extract
} // namespace concur
