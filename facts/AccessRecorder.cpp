//===- AccessRecorder.cpp - Reads and writes another thread might see -----===//

#include "facts/AccessRecorder.h"
#include "facts/DecidedBranches.h"
#include "facts/StructCopies.h"
#include "facts/UnpublishedObjects.h"

#include "clang/AST/Attr.h"
#include "clang/AST/ParentMapContext.h"

#include <algorithm>

using namespace clang;

namespace concur {
namespace extract {

std::vector<HeldLock> AccessRecorder::guardedBy(const Expr *E,
                                                const AccessPath &P) {
  std::vector<HeldLock> Extra;
  const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
  if (!ME)
    return Extra;
  const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
  if (!Field)
    return Extra;
  for (const auto *G : Field->specific_attrs<GuardedByAttr>()) {
    const Expr *Arg = G->getArg()->IgnoreParenImpCasts();
    if (const auto *GuardMember = dyn_cast<MemberExpr>(Arg)) {
      AccessPath M = P;
      if (!M.Steps.empty())
        M.Steps.pop_back();
      M.Steps.push_back("." + GuardMember->getMemberDecl()->getNameAsString());
      Extra.push_back({M, false});
    } else if (const auto *GuardVar = referencedVar(Arg)) {
      if (auto M = S.Paths.varPath(GuardVar))
        Extra.push_back({*M, false});
    }
  }
  return Extra;
}

/// "<record>::<field>" for a field of a named struct (or a struct named by
/// a typedef, C's `typedef struct { ... } bseq1_t;`); "" otherwise.
static std::string fieldRecord(const FieldDecl *F) {
  const RecordDecl *RD = F->getParent();
  std::string Record;
  if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
    Record = TD->getQualifiedNameAsString();
  else if (RD->getIdentifier())
    Record = RD->getQualifiedNameAsString();
  if (Record.empty() || F->getName().empty())
    return "";
  return Record + "::" + F->getName().str();
}

/// The fields the expression names on its way to the place it accesses,
/// in path order (outer object first).
static std::vector<std::string> namedFields(const Expr *E) {
  std::vector<std::string> Fields;
  for (unsigned Depth = 0; E && Depth < 32; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
      if (!F)
        break;
      Fields.push_back(fieldRecord(F));
      E = ME->getBase();
    } else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      E = AS->getBase();
    } else if (const auto *U = dyn_cast<UnaryOperator>(E);
               U && U->getOpcode() == UO_Deref) {
      E = U->getSubExpr();
    } else {
      break;
    }
  }
  std::reverse(Fields.begin(), Fields.end());
  return Fields;
}

void AccessRecorder::record(const Expr *E, bool Write) {
  if (!E)
    return;
  QualType T = E->getType();
  if (S.Lib.isAtomic(T) || S.Lib.isSyncObject(T) || S.Lib.isThreadSafe(T))
    return;
  // Reading what nobody may write: a const variable or field (not merely
  // something reached through a const path, like a member in a const method).
  if (!Write) {
    const Expr *Inner = E->IgnoreParenImpCasts();
    const ValueDecl *Declared = nullptr;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Inner))
      Declared = DRE->getDecl();
    else if (const auto *ME = dyn_cast<MemberExpr>(Inner))
      Declared = ME->getMemberDecl();
    if (Declared && Declared->getType().isConstQualified() &&
        !Declared->getType()->isReferenceType())
      return;
  }
  auto P = S.Paths.accessedPlaceOf(E);
  if (!P) {
    // A write concur cannot place may be any flag's.
    if (Write)
      S.Locks.Now.forgetStored(AccessPath{});
    return;
  }
  size_t Before = S.Out.Accesses.size();
  recordPath(*P, Write, E, guardedBy(E, *P));
  if (!Write && S.Out.Accesses.size() > Before &&
      S.KeptIdReads.count(E->IgnoreParenImpCasts()))
    S.Out.Accesses.back().KeptIdTest = true;
}

/// The pointer fields of a struct type, and of the structs it holds by
/// value (".data"), at most Depth levels down; Records: the record of each.
static void pointerFields(QualType T, std::vector<std::string> &Out,
                          std::vector<std::string> &Records,
                          unsigned Depth = 4) {
  const RecordDecl *RD = T->getAsRecordDecl();
  if (!RD || !RD->getDefinition() || Depth == 0)
    return;
  for (const FieldDecl *F : RD->getDefinition()->fields()) {
    QualType FT = F->getType().getCanonicalType();
    while (const auto *A = dyn_cast<ConstantArrayType>(FT.getTypePtr()))
      FT = A->getElementType().getCanonicalType();
    if (FT->isPointerType() && !F->getName().empty()) {
      std::string Name = "." + F->getName().str();
      std::string Record = fieldRecord(F);
      bool Seen = false;
      for (size_t I = 0; I < Out.size(); ++I)
        Seen |= Out[I] == Name && Records[I] == Record;
      if (!Seen) {
        Out.push_back(std::move(Name));
        Records.push_back(std::move(Record));
      }
    } else if (FT->isRecordType()) {
      pointerFields(FT, Out, Records, Depth - 1);
    }
  }
}

void AccessRecorder::noteCopiedPointers(size_t Before, QualType T,
                                        const Expr *Source) {
  if (S.Out.Accesses.size() <= Before || !T->isRecordType())
    return;
  MemoryAccess &A = S.Out.Accesses.back();
  pointerFields(T, A.CopiedPointerFields, A.CopiedPointerRecords);
  if (!A.CopiedPointerFields.empty() && Source)
    if (const Expr *Copied = copySource(Source, T))
      A.CopiedFrom = S.Paths.copiedObject(Copied);
}

void AccessRecorder::recordCopy(const Expr *E) {
  size_t Before = S.Out.Accesses.size();
  record(E, /*Write=*/false);
  if (S.Out.Accesses.size() > Before && E->getType()->isRecordType())
    S.Out.Accesses.back().WholeValue = true;
}

/// Does S assign to V anywhere?
static bool assigns(const Stmt *S, const VarDecl *V) {
  if (!S)
    return false;
  if (const auto *B = dyn_cast<BinaryOperator>(S))
    if (B->isAssignmentOp())
      if (const auto *DRE =
              dyn_cast<DeclRefExpr>(B->getLHS()->IgnoreParenImpCasts()))
        if (DRE->getDecl() == V)
          return true;
  for (const Stmt *Child : S->children())
    if (assigns(Child, V))
      return true;
  return false;
}

/// The variable a condition tests for zero (`!v`, `v == 0`, `v == NULL`).
static const VarDecl *testedForZero(const Expr *Cond, ASTContext &Ctx) {
  Cond = Cond->IgnoreParenImpCasts();
  auto VarOf = [](const Expr *E) -> const VarDecl * {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
      return dyn_cast<VarDecl>(DRE->getDecl());
    return nullptr;
  };
  auto IsZero = [&](const Expr *E) {
    if (E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
      return true;
    Expr::EvalResult R;
    return !E->isValueDependent() && E->EvaluateAsInt(R, Ctx) &&
           R.Val.getInt() == 0;
  };
  if (const auto *U = dyn_cast<UnaryOperator>(Cond))
    if (U->getOpcode() == UO_LNot)
      return VarOf(U->getSubExpr());
  if (const auto *B = dyn_cast<BinaryOperator>(Cond))
    if (B->getOpcode() == BO_EQ) {
      if (IsZero(B->getRHS()))
        return VarOf(B->getLHS());
      if (IsZero(B->getLHS()))
        return VarOf(B->getRHS());
    }
  return nullptr;
}

/// `if (v == 0) { v = ...; ... }` around At, v of static storage: the
/// branch initialises v on first use, and runs only while v is still zero.
static const VarDecl *lazyInitialisation(const Expr *At, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*At);
  for (unsigned Depth = 0; Depth < 32; ++Depth) {
    auto Parents = Ctx.getParents(Node);
    if (Parents.size() != 1)
      return nullptr;
    if (const auto *If = Parents[0].get<IfStmt>()) {
      const Stmt *Child = Node.get<Stmt>();
      if (Child && Child == If->getThen())
        if (const VarDecl *V = testedForZero(If->getCond(), Ctx))
          if (V->hasGlobalStorage() && assigns(If->getThen(), V))
            return V;
    }
    if (Parents[0].get<FunctionDecl>() || Parents[0].get<LambdaExpr>())
      return nullptr;
    Node = Parents[0];
  }
  return nullptr;
}

void AccessRecorder::recordPath(AccessPath P, bool Write, const Expr *At,
                                std::vector<HeldLock> Extra, bool Atomic) {
  if (!isSharedCandidate(P))
    return;
  // Objects the catalog calls thread-safe by name (std::cout: using the
  // standard streams from several threads is no data race).
  if (S.Lib.isThreadSafeGlobal(P))
    return;
  append(std::move(P), Write, At, std::move(Extra), Atomic);
}

void AccessRecorder::recordOwnElementStore(const Expr *LHS) {
  const auto *AS = dyn_cast<ArraySubscriptExpr>(LHS->IgnoreParenImpCasts());
  const VarDecl *VD = AS ? referencedVar(indexedArray(AS)) : nullptr;
  if (!VD || VD->hasGlobalStorage() || !VD->isLocalVarDecl())
    return;
  if (auto P = S.Paths.accessedPlaceOf(LHS))
    append(std::move(*P), /*Write=*/true, LHS, {}, false);
}

void AccessRecorder::append(AccessPath P, bool Write, const Expr *At,
                            std::vector<HeldLock> Extra, bool Atomic) {
  MemoryAccess A;
  A.Path = std::move(P);
  A.Write = Write;
  A.Loc = S.TU.loc(At->getExprLoc());
  A.Order = S.nextOrder();
  A.Locks = S.heldHere();
  A.Locks.insert(A.Locks.end(), Extra.begin(), Extra.end());
  A.MaybeLocks = S.maybeHeldHere();
  A.UnreachedCalls = S.unreachedCalls();
  A.GivenBack = S.Locks.Now.GivenBack;
  A.InLoop = S.InGotoLoop || (S.Here && S.Here->LoopDepth > 0);
  A.Loop = S.InGotoLoop             ? GotoLoop
           : S.Here && S.ComesRound ? S.Here->OuterLoop
                                    : 0;
  if (Write)
    S.Locks.Now.forgetStored(A.Path);
  A.Volatile = At->getType().isVolatileQualified();
  A.Atomic = Atomic || (S.Here && S.Here->Atomic);
  const Expr *Base = accessBase(At);
  if (const auto *Local = dyn_cast_or_null<DeclRefExpr>(Base))
    A.Unpublished = S.UnpublishedUses.count(Local) != 0;
  else if (const auto *This = dyn_cast_or_null<CXXThisExpr>(Base))
    A.Unpublished = S.OwnedThisUses.count(This) != 0;
  if (const VarDecl *V = lazyInitialisation(At, S.TU.Ctx))
    A.LazyInitOf = S.TU.usr(V);
  A.FieldRecords = namedFields(At);
  // Writing a volatile flag would publish what came before it to a loop
  // that waits for it, were it atomic (FunctionWalker::acquirePolledFlags).
  bool Publishes = A.Write && A.Volatile;
  // Through a null parameter, this access ends the process: what follows
  // it runs only where the parameter is not null.
  std::optional<HeldLock> NonNull =
      S.StraightWalk ? std::nullopt : nonNullAfterDereference(A.Path, At, S);
  S.Out.Accesses.push_back(std::move(A));
  if (Publishes)
    S.addSync(S.Out.Accesses.back().Path, /*Release=*/true, /*Volatile=*/true);
  if (NonNull && !S.Locks.Now.holds(NonNull->Mutex))
    S.Locks.lock({*NonNull});
}

bool AccessRecorder::isSharedCandidate(const AccessPath &P) const {
  if (P.isAddress())
    return false;
  bool Dereferences =
      std::find(P.Steps.begin(), P.Steps.end(), "*") != P.Steps.end();
  switch (P.Root) {
  case AccessPath::RootKind::Global:
  case AccessPath::RootKind::This:
  case AccessPath::RootKind::Return:
    return true;
  case AccessPath::RootKind::Param: {
    unsigned Index = std::stoul(P.RootId);
    if (Index < S.FD->getNumParams() &&
        S.FD->getParamDecl(Index)->getType()->isReferenceType())
      return true;
    return Dereferences;
  }
  case AccessPath::RootKind::Local: {
    // An allocated object is shared once its address is handed on.
    if (Dereferences || isHeapRoot(P.RootId))
      return true;
    if (P.ByCopy)
      return false;
    const VarDecl *VD = S.Paths.localDecl(P.RootId);
    if (!VD)
      return false;
    // In an OpenMP region, the enclosing function's locals are shared by
    // the team unless private; the region's own are per thread.
    if (S.InRegion)
      return !S.Lexical.RegionLocals.count(VD) && !S.RegionPrivate.count(VD);
    // Captured by reference from an enclosing function, or escaping here.
    return VD->getParentFunctionOrMethod() != S.FD || S.Paths.isEscaping(VD);
  }
  }
  return false;
}

} // namespace extract
} // namespace concur
