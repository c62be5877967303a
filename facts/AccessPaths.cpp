//===- AccessPaths.cpp - Expressions as symbolic places in memory ---------===//

#include "facts/AccessPaths.h"
#include "facts/StructCopies.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace concur {
namespace extract {

/// Paths are followed this many steps into an expression; a longer chain
/// (v.at(0).at(0)... written by a generator) is cut, not overflowed.
static constexpr unsigned MaxPathDepth = 256;

AccessPath thisPath() {
  AccessPath P;
  P.Root = AccessPath::RootKind::This;
  P.RootName = P.Name = "this";
  return P;
}

AccessPath returnPath(unsigned Order, const std::string &RootName) {
  AccessPath P;
  P.Root = AccessPath::RootKind::Return;
  P.RootId = std::to_string(Order);
  P.RootName = P.Name = RootName;
  return P;
}

AccessPath channelPath(const std::string &Channel) {
  AccessPath P;
  P.Root = AccessPath::RootKind::Global;
  P.RootId = "channel:" + Channel;
  P.RootName = P.Name = Channel;
  return P;
}

void appendStep(AccessPath &P, const std::string &Step) {
  appendPathStep(P.Steps, Step);
}

bool sameObject(const AccessPath &A, const AccessPath &B) {
  return A.Root == B.Root && A.RootId == B.RootId && A.Steps == B.Steps;
}

namespace {

/// Adjacent bit-fields share one memory location: writing one races with
/// writing its neighbour. The first field of the run names the location.
const FieldDecl *memoryLocationOf(const FieldDecl *Field) {
  if (!Field->isBitField())
    return Field;
  const FieldDecl *First = nullptr;
  for (const FieldDecl *F : Field->getParent()->fields()) {
    if (F == Field)
      return First ? First : Field;
    // A non-bit-field or a zero-width bit-field ends a run.
    if (!F->isBitField() || F->isZeroLengthBitField(F->getASTContext()))
      First = nullptr;
    else if (!First)
      First = F;
  }
  return Field;
}

std::string indexStep(const Expr *Index, const ASTContext &Ctx) {
  if (Index) {
    Expr::EvalResult R;
    if (!Index->isValueDependent() && Index->EvaluateAsInt(R, Ctx))
      return "[" + std::to_string(R.Val.getInt().getExtValue()) + "]";
  }
  return "[]";
}

/// Locals another thread (or a lambda) may reach.
class EscapeFinder : public RecursiveASTVisitor<EscapeFinder> {
public:
  explicit EscapeFinder(std::set<const VarDecl *> &Escaping)
      : Escaping(Escaping) {}

  bool VisitLambdaExpr(LambdaExpr *L) {
    for (const VarDecl *VD : referenceCaptures(L))
      Escaping.insert(VD);
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *U) {
    if (U->getOpcode() == UO_AddrOf)
      mark(U->getSubExpr());
    return true;
  }
  // An array used as a pointer hands its address on (`start(worker, ids)`,
  // `fill(states, n)`), except as the base of its own subscript.
  bool VisitArraySubscriptExpr(ArraySubscriptExpr *AS) {
    SubscriptBases.insert(AS->getBase()->IgnoreParens());
    return true;
  }
  bool VisitImplicitCastExpr(ImplicitCastExpr *C) {
    if (C->getCastKind() == CK_ArrayToPointerDecay && !SubscriptBases.count(C))
      mark(C->getSubExpr());
    return true;
  }
  bool VisitCallExpr(CallExpr *CE) {
    if (const FunctionDecl *F = CE->getDirectCallee())
      markArgs(F, llvm::ArrayRef(CE->getArgs(), CE->getNumArgs()),
               isa<CXXOperatorCallExpr>(CE) && isa<CXXMethodDecl>(F));
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    markArgs(CE->getConstructor(),
             llvm::ArrayRef(CE->getArgs(), CE->getNumArgs()), false);
    return true;
  }
  bool VisitVarDecl(VarDecl *VD) {
    // A reference bound to a local makes the local reachable through it.
    if (VD->getType()->isReferenceType() && VD->getInit())
      mark(VD->getInit());
    return true;
  }

private:
  /// The local whose address, or the address of a part of it (`&conns[i]`,
  /// `&ctx.queue`), E takes.
  void mark(const Expr *E) {
    E = E->IgnoreParens();
    for (unsigned Depth = 0; Depth < 64; ++Depth) {
      if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
        E = indexedArray(AS);
        if (!E)
          return; // An element of what a pointer points to: not the local.
      } else if (const auto *ME = dyn_cast<MemberExpr>(E);
                 ME && !ME->isArrow()) {
        E = ME->getBase()->IgnoreParens();
      } else {
        break;
      }
    }
    if (const VarDecl *VD = referencedVar(E))
      if (VD->isLocalVarDeclOrParm())
        Escaping.insert(VD);
  }
  std::set<const Expr *> SubscriptBases;
  void markArgs(const FunctionDecl *F, llvm::ArrayRef<const Expr *> Args,
                bool SkipObject) {
    unsigned First = SkipObject ? 1 : 0;
    for (unsigned I = First; I < Args.size(); ++I) {
      unsigned P = I - First;
      if (P >= F->getNumParams())
        break;
      QualType T = F->getParamDecl(P)->getType();
      if (T->isReferenceType() && !T.getNonReferenceType().isConstQualified())
        mark(Args[I]);
    }
  }
  std::set<const VarDecl *> &Escaping;
};

/// Does Value step from what VD points at along one of its links?
static bool advancesAlongLink(const VarDecl *VD, const Expr *Value) {
  // p->next, p->link.next, (*p).next: a member chain through at least one
  // dereference of p itself.
  const Expr *E = Value->IgnoreParenImpCasts();
  bool Dereferenced = false;
  while (const auto *ME = dyn_cast<MemberExpr>(E)) {
    Dereferenced |= ME->isArrow();
    E = ME->getBase()->IgnoreParenImpCasts();
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && U->getOpcode() == UO_Deref) {
      Dereferenced = true;
      E = U->getSubExpr()->IgnoreParenImpCasts();
    }
  }
  return Dereferenced && referencedVar(E) == VD;
}

/// Locals a function changes after their initialisation, the counters
/// declared by its for loops, and the pointers that walk linked lists.
class ModificationFinder : public RecursiveASTVisitor<ModificationFinder> {
public:
  ModificationFinder(std::set<const VarDecl *> &Modified,
                     std::set<const VarDecl *> &ForCounters,
                     std::set<const VarDecl *> &ListCursors,
                     std::map<const VarDecl *, const Expr *> &StridedCounters)
      : Modified(Modified), ForCounters(ForCounters), ListCursors(ListCursors),
        StridedCounters(StridedCounters) {}
  /// After the traversal: a strided counter is written by its loop's start
  /// and step, and nowhere else.
  void keepOnlyStridedCounters() {
    for (auto It = StridedCounters.begin(); It != StridedCounters.end();)
      It = Writes[It->first] == 2 ? std::next(It) : StridedCounters.erase(It);
  }
  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->isAssignmentOp())
      mark(B->getLHS());
    if (B->getOpcode() == BO_Assign)
      if (const VarDecl *VD = referencedVar(B->getLHS());
          VD && !VD->hasGlobalStorage() && VD->getType()->isPointerType() &&
          advancesAlongLink(VD, B->getRHS()))
        ListCursors.insert(VD);
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *U) {
    if (U->isIncrementDecrementOp())
      mark(U->getSubExpr());
    return true;
  }
  bool VisitForStmt(ForStmt *F) {
    if (const auto *Init = dyn_cast_or_null<DeclStmt>(F->getInit()))
      for (const Decl *D : Init->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          ForCounters.insert(VD);
    // for (i = w->start; i < n; i += w->nthreads), i declared before: each
    // copy of the code visits start, start + stride, ...; with starts and
    // one stride given per copy, the copies' elements do not meet.
    const auto *Start = dyn_cast_or_null<BinaryOperator>(F->getInit());
    const auto *Step = dyn_cast_or_null<CompoundAssignOperator>(F->getInc());
    if (Start && Step && Start->getOpcode() == BO_Assign &&
        Step->getOpcode() == BO_AddAssign &&
        !isa<IntegerLiteral>(Step->getRHS()->IgnoreParenImpCasts()))
      if (const VarDecl *VD = referencedVar(Start->getLHS()))
        if (!VD->hasGlobalStorage() && referencedVar(Step->getLHS()) == VD)
          StridedCounters[VD] = Start->getRHS();
    return true;
  }

private:
  void mark(const Expr *E) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
        Modified.insert(VD);
        ++Writes[VD];
      }
  }
  std::set<const VarDecl *> &Modified;
  std::set<const VarDecl *> &ForCounters;
  std::set<const VarDecl *> &ListCursors;
  std::map<const VarDecl *, const Expr *> &StridedCounters;
  std::map<const VarDecl *, unsigned> Writes;
};

/// The lambda expression whose call operator MD is.
const LambdaExpr *lambdaOf(ASTContext &Ctx, const CXXMethodDecl *MD) {
  const Stmt *Body = MD->getBody();
  if (!Body)
    return nullptr;
  for (const DynTypedNode &Parent : Ctx.getParents(*Body))
    if (const auto *L = Parent.get<LambdaExpr>())
      return L;
  for (const DynTypedNode &Parent : Ctx.getParents(*MD->getParent()))
    if (const auto *L = Parent.get<LambdaExpr>())
      return L;
  return nullptr;
}

/// Is the closure L made at most once while VD lives, and handed straight
/// to a call (so that each call, each thread's start, gets a closure of its
/// own)? No loop may lie between VD's declaration and L.
bool madeOncePerLifetime(ASTContext &Ctx, const LambdaExpr *L,
                         const VarDecl *VD) {
  // Handed straight to a call or a constructor (std::thread's).
  DynTypedNodeList Up = Ctx.getParents(*L);
  const Stmt *Holder = Up.size() == 1 ? Up[0].get<Stmt>() : nullptr;
  while (Holder &&
         (isa<MaterializeTemporaryExpr>(Holder) ||
          isa<ImplicitCastExpr>(Holder) || isa<CXXBindTemporaryExpr>(Holder) ||
          isa<CXXFunctionalCastExpr>(Holder) ||
          (isa<CXXConstructExpr>(Holder) &&
           cast<CXXConstructExpr>(Holder)->getNumArgs() == 1 &&
           cast<CXXConstructExpr>(Holder)
               ->getConstructor()
               ->isCopyOrMoveConstructor()))) {
    Up = Ctx.getParents(*Holder);
    Holder = Up.size() == 1 ? Up[0].get<Stmt>() : nullptr;
  }
  if (!Holder || !(isa<CallExpr>(Holder) || isa<CXXConstructExpr>(Holder)))
    return false;
  return declaredOncePerExecution(Ctx, L, VD);
}

/// Does the local only hand on what it was initialised with: every use
/// after its initialiser reads it (a copy, a capture, a dereference), none
/// assigns, resets, swaps or takes its address?
bool keepsInitialValue(ASTContext &Ctx, const VarDecl *VD) {
  const auto *Owner =
      dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod());
  if (!Owner || !Owner->getBody())
    return false;
  struct Uses : RecursiveASTVisitor<Uses> {
    ASTContext &Ctx;
    const VarDecl *VD;
    bool Changed = false;
    Uses(ASTContext &Ctx, const VarDecl *VD) : Ctx(Ctx), VD(VD) {}
    bool VisitDeclRefExpr(DeclRefExpr *DRE) {
      if (DRE->getDecl() != VD)
        return true;
      // Up through the casts to a base (a smart pointer's operator-> is
      // its base's) and to const.
      const Stmt *Parent = DRE;
      for (;;) {
        DynTypedNodeList Up = Ctx.getParents(*Parent);
        Parent = Up.size() == 1 ? Up[0].get<Stmt>() : nullptr;
        const auto *ICE = dyn_cast_or_null<ImplicitCastExpr>(Parent);
        if (!ICE || (ICE->getCastKind() != CK_NoOp &&
                     ICE->getCastKind() != CK_DerivedToBase &&
                     ICE->getCastKind() != CK_UncheckedDerivedToBase))
          break;
      }
      bool Reads = false;
      if (const auto *ICE = dyn_cast_or_null<ImplicitCastExpr>(Parent))
        Reads = ICE->getCastKind() == CK_LValueToRValue;
      else if (const auto *ME = dyn_cast_or_null<MemberExpr>(Parent))
        // p->field, or a const method of the smart pointer (get, ->, bool).
        if (const auto *M = dyn_cast<CXXMethodDecl>(ME->getMemberDecl()))
          Reads = M->isConst();
        else
          Reads = ME->isArrow();
      else if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(Parent))
        Reads = Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star;
      else if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(Parent))
        Reads = CE->getConstructor()->isCopyConstructor();
      else if (isa_and_nonnull<LambdaExpr>(Parent))
        Reads = true;
      Changed |= !Reads;
      return !Changed;
    }
  } Finder(Ctx, VD);
  Finder.TraverseStmt(Owner->getBody());
  return !Finder.Changed;
}

/// Is a pointer (or smart pointer) variable initialised with a new object,
/// under the temporaries and copies of its smart pointer?
bool initialisedWithNewObject(const LibraryModel &Lib, const VarDecl *VD) {
  const Expr *Init = VD->getInit();
  if (!Init)
    return false;
  for (const Expr *Inner = nullptr; Inner != Init;) {
    Inner = Init;
    Init = Init->IgnoreImplicit()->IgnoreParenCasts();
    if (const auto *C = dyn_cast<CXXConstructExpr>(Init);
        C && C->getNumArgs() == 1)
      Init = C->getArg(0);
  }
  return isAllocation(Lib, Init);
}

/// An initialiser whose pointer value reads the same from inside a lambda
/// as in the function that declares the variable: a new object, the
/// address of a variable (not of an element: its index may be a local the
/// lambda does not know), or a smart pointer's get().
bool readsAlikeInLambda(const LibraryModel &Lib, const Expr *Init) {
  Init = Init->IgnoreParenCasts();
  if (isAllocation(Lib, Init))
    return true;
  if (const auto *U = dyn_cast<UnaryOperator>(Init))
    return U->getOpcode() == UO_AddrOf &&
           isa<DeclRefExpr>(U->getSubExpr()->IgnoreParens());
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Init))
    return Lib.methodHas(MC->getMethodDecl(), LibraryRole::PointeeAccess) &&
           isa<DeclRefExpr>(
               MC->getImplicitObjectArgument()->IgnoreParenImpCasts());
  return false;
}

} // namespace

/// 0, NULL or nullptr, spelled as a literal (no context needed).
static bool isNullLiteral(const Expr *E) {
  E = E->IgnoreParenCasts();
  if (const auto *Zero = dyn_cast<IntegerLiteral>(E))
    return Zero->getValue() == 0;
  return isa<GNUNullExpr>(E) || isa<CXXNullPtrLiteralExpr>(E);
}

const Expr *nonNullArm(const Expr *E) {
  const auto *Choice =
      dyn_cast<AbstractConditionalOperator>(E->IgnoreParenCasts());
  if (!Choice)
    return nullptr;
  bool NullTrue = isNullLiteral(Choice->getTrueExpr());
  bool NullFalse = isNullLiteral(Choice->getFalseExpr());
  if (NullTrue == NullFalse)
    return nullptr;
  return NullTrue ? Choice->getFalseExpr() : Choice->getTrueExpr();
}

bool isAllocation(const LibraryModel &Lib, const Expr *E) {
  E = madeValue(E)->IgnoreParenCasts();
  const auto *CE = dyn_cast<CallExpr>(E);
  return isa<CXXNewExpr>(E) ||
         (CE && Lib.functionHas(CE->getDirectCallee(), LibraryRole::Allocates));
}

bool declaredOncePerExecution(ASTContext &Ctx, const Stmt *At,
                              const VarDecl *VD) {
  // Up to the block declaring VD, through no loop; a range-for's own
  // variable is made anew for each pass of its body.
  for (unsigned Depth = 0; At && Depth < 256; ++Depth) {
    DynTypedNodeList Parents = Ctx.getParents(*At);
    const Stmt *Parent = Parents.size() == 1 ? Parents[0].get<Stmt>() : nullptr;
    if (!Parent)
      return false;
    if (const auto *Range = dyn_cast<CXXForRangeStmt>(Parent))
      return Range->getLoopVariable() == VD && At == Range->getBody();
    if (isa<ForStmt>(Parent) || isa<WhileStmt>(Parent) || isa<DoStmt>(Parent))
      return false;
    if (const auto *Block = dyn_cast<CompoundStmt>(Parent))
      for (const Stmt *Child : Block->body())
        if (const auto *DS = dyn_cast<DeclStmt>(Child))
          if (llvm::is_contained(DS->decls(), VD))
            return true;
    At = Parent;
  }
  return false;
}

PathBuilder::PathBuilder(TranslationUnitFacts &TU, const FunctionDecl *FD)
    : TU(TU), Lib(TU.Lib), FD(FD) {
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    if (MD->getParent()->isLambda()) {
      llvm::DenseMap<const ValueDecl *, FieldDecl *> Captures;
      FieldDecl *ThisCapture = nullptr;
      MD->getParent()->getCaptureFields(Captures, ThisCapture);
      bool ByReference = false;
      std::vector<const VarDecl *> CopiedPointers;
      for (const auto &[Var, Field] : Captures) {
        if (Field && !Field->getType()->isReferenceType()) {
          CopyCaptures.insert(Var);
          const auto *VD = dyn_cast<VarDecl>(Var);
          if (VD && (VD->getType()->isPointerType() ||
                     Lib.isSmartPointer(VD->getType())))
            CopiedPointers.push_back(VD);
        }
        ByReference |= Field && Field->getType()->isReferenceType();
      }
      // Only by-reference captures and copied pointers need the lambda
      // expression, and finding it builds the translation unit's parent
      // map: not for the others.
      const LambdaExpr *L = ByReference || !CopiedPointers.empty()
                                ? lambdaOf(TU.Ctx, MD)
                                : nullptr;
      if (L && ByReference)
        for (const VarDecl *VD : referenceCaptures(L))
          if (madeOncePerLifetime(TU.Ctx, L, VD))
            FreshCaptures.insert(VD);
      // A copy of a pointer to a new object, made at most once while the
      // variable lives and never changed, points at an object of its own
      // closure's execution (AccessPath::FreshPerClosure). A copied raw
      // pointer that keeps its initial value points where the enclosing
      // function's own uses of it do (an object it allocated, a local, a
      // global): the same path in both, not one through the copy. A
      // parameter's "initialiser" is its default argument, not what a
      // caller passed.
      for (const VarDecl *VD : CopiedPointers) {
        const auto *Owner =
            dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod());
        if (!L || !Owner || !VD->isLocalVarDecl() || !VD->getInit() ||
            !keepsInitialValue(TU.Ctx, VD))
          continue;
        if (initialisedWithNewObject(Lib, VD) &&
            madeOncePerLifetime(TU.Ctx, L, VD))
          FreshCaptures.insert(VD);
        if (!VD->getType()->isPointerType() ||
            !readsAlikeInLambda(Lib, VD->getInit()))
          continue;
        AllocatingFunction = Owner;
        if (auto P = pointerValueOf(VD->getInit(), 0))
          PointerValues[VD] = *P;
        AllocatingFunction = nullptr;
      }
    }
}

std::optional<AccessPath> PathBuilder::listCursorValue(const VarDecl *VD,
                                                       const Expr *Value) {
  if (advancesAlongLink(VD, Value))
    return pointerValue(VD);
  auto Head = pointerValueOf(Value);
  if (!Head)
    return Head;
  for (const char *Step : {"*", "[]", "&"})
    appendStep(*Head, Step);
  return Head;
}

void PathBuilder::findLocalUses(const Stmt *Body) {
  this->Body = Body;
  // RecursiveASTVisitor walks statements with a queue of its own, not the
  // call stack.
  EscapeFinder(Escaping).TraverseStmt(const_cast<Stmt *>(Body));
  ModificationFinder Modifications(Modified, ForCounters, ListCursors,
                                   StridedCounters);
  Modifications.TraverseStmt(const_cast<Stmt *>(Body));
  Modifications.keepOnlyStridedCounters();
  StructCopies = findUnchangedStructCopies(Body);
}

void PathBuilder::aliasReference(const VarDecl *VD, const AccessPath &P) {
  ReferenceAliases[VD] = P;
}

void PathBuilder::setPointerValue(const VarDecl *VD,
                                  const std::optional<AccessPath> &P) {
  if (P)
    PointerValues[VD] = *P;
  else
    PointerValues.erase(VD);
}

std::optional<unsigned> PathBuilder::orderOf(const Expr *Call) const {
  auto It = CallOrders.find(Lib.skipWrappers(Call));
  if (It == CallOrders.end())
    return std::nullopt;
  return It->second;
}

std::optional<AccessPath> PathBuilder::temporaryOf(const Expr *Call) {
  const auto *CE = dyn_cast<CallExpr>(Lib.skipWrappers(Call));
  if (!CE || !CE->isPRValue() || !CE->getType()->isRecordType())
    return std::nullopt;
  AccessPath P;
  P.Root = AccessPath::RootKind::Local;
  P.RootId = "tmp:" + std::to_string(CE->getBeginLoc().getRawEncoding());
  P.OwnerId = TU.usr(FD);
  const FunctionDecl *Callee = CE->getDirectCallee();
  P.RootName = (Callee ? TU.displayName(Callee) : std::string("call")) + "()";
  P.Name = P.RootName;
  return P;
}

void PathBuilder::noteCall(const Expr *Call, unsigned Order) {
  CallOrders[Lib.skipWrappers(Call)] = Order;
}

const VarDecl *PathBuilder::localDecl(const std::string &Usr) const {
  auto It = LocalDecls.find(Usr);
  return It == LocalDecls.end() ? nullptr : It->second;
}

bool PathBuilder::tooDeep(const Expr *E, unsigned Depth) {
  if (Depth <= MaxPathDepth)
    return false;
  if (!CutAt)
    CutAt = TU.loc(E->getExprLoc());
  return true;
}

std::optional<AccessPath> PathBuilder::varPath(const VarDecl *VD) {
  if (!VD)
    return std::nullopt;
  AccessPath P;
  P.RootName = VD->getNameAsString();
  // thread_local: every thread has its own, as it has its own locals. No
  // frame owns it, so the whole-program stage names it by whichever thread
  // runs the access; it is shared only once its address is handed on.
  if (VD->getTLSKind() != VarDecl::TLS_None) {
    const auto *Owner =
        dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod());
    P.Root = AccessPath::RootKind::Local;
    P.RootId = TU.usr(VD);
    P.Name =
        Owner ? TU.displayName(Owner) + "::" + P.RootName : catalogName(VD);
    LocalDecls[P.RootId] = VD;
    return P;
  }
  if (VD->hasGlobalStorage()) {
    P.Root = AccessPath::RootKind::Global;
    P.RootId = TU.usr(VD);
    if (VD->isStaticLocal()) {
      const auto *Owner =
          dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod());
      P.Name = (Owner ? TU.displayName(Owner) : std::string("?")) +
               "::" + P.RootName;
    } else {
      P.Name = catalogName(VD);
    }
    return P;
  }
  const auto *Owner =
      dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod());
  if (!Owner)
    return std::nullopt;
  std::string OwnerName = TU.displayName(Owner);
  P.Name = OwnerName + "::" + P.RootName;
  if (const auto *Param = dyn_cast<ParmVarDecl>(VD);
      Param && Owner->getCanonicalDecl() == FD->getCanonicalDecl()) {
    P.Root = AccessPath::RootKind::Param;
    P.RootId = std::to_string(Param->getFunctionScopeIndex());
    P.OwnerId = TU.usr(Owner);
    return P;
  }
  P.Root = AccessPath::RootKind::Local;
  P.RootId = TU.usr(VD);
  P.OwnerId = TU.usr(Owner);
  P.ByCopy = CopyCaptures.count(VD) != 0;
  P.FreshPerClosure = FreshCaptures.count(VD) != 0;
  LocalDecls[P.RootId] = VD;
  return P;
}

std::optional<AccessPath> PathBuilder::objectOf(const Expr *Receiver,
                                                unsigned Depth) {
  if (!Receiver || tooDeep(Receiver, Depth))
    return std::nullopt;
  if (Receiver->getType()->isPointerType()) {
    auto P = pointerValueOf(Receiver, Depth + 1);
    if (P)
      appendStep(*P, "*");
    return P;
  }
  return pathOf(Receiver, Depth + 1);
}

/// What a call to a function of the program returned: the callee's
/// returned path, bound in the whole-program stage to this call's arguments.
std::optional<AccessPath> PathBuilder::returnedBy(const CallExpr *CE,
                                                  const FunctionDecl *Callee) {
  auto Order = CallOrders.find(Lib.skipWrappers(CE));
  if (Order == CallOrders.end())
    return std::nullopt;
  return returnPath(Order->second, TU.displayName(Callee) + "()");
}

/// The address of the object an allocation makes: a local of this function
/// named by where the allocation is (each execution of it makes another
/// object, as each call has its own locals).
std::optional<AccessPath> PathBuilder::allocatedBy(const Expr *Allocation) {
  SourceLoc At = TU.loc(Allocation->getBeginLoc());
  AccessPath P;
  P.Root = AccessPath::RootKind::Local;
  P.OwnerId = TU.usr(AllocatingFunction ? AllocatingFunction : FD);
  P.RootId = HeapRootPrefix + P.OwnerId + "@" + std::to_string(At.Line) + ":" +
             std::to_string(At.Column);
  std::string What = "new object";
  if (const auto *CE = dyn_cast<CallExpr>(Allocation))
    if (const FunctionDecl *Callee = CE->getDirectCallee())
      What = TU.displayName(Callee) + "()";
  P.RootName = P.Name = "(" + What + ")";
  appendStep(P, "&");
  return P;
}

/// The object a smart pointer operation applies to, as written (operator->
/// is declared in a base class, so the argument arrives converted).
const Expr *PathBuilder::smartPointerObject(const Expr *E) const {
  const Expr *Inner = E->IgnoreParenImpCasts();
  return Lib.isSmartPointer(Inner->getType()) ? Inner : nullptr;
}

std::optional<AccessPath> PathBuilder::libraryCallPath(const CallExpr *CE,
                                                       unsigned Depth) {
  const FunctionDecl *Callee = CE->getDirectCallee();
  if (Lib.functionHas(Callee, LibraryRole::PassThrough) &&
      CE->getNumArgs() == 1)
    return pathOf(CE->getArg(0), Depth + 1);
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  if (!Method)
    return std::nullopt;
  const Expr *Receiver = nullptr;
  const Expr *Index = nullptr;
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE)) {
    Receiver = MCE->getImplicitObjectArgument();
    if (MCE->getNumArgs() > 0)
      Index = MCE->getArg(0);
  } else if (CE->getNumArgs() > 0) {
    Receiver = CE->getArg(0);
    if (CE->getNumArgs() > 1)
      Index = CE->getArg(1);
  }
  if (Method->getOverloadedOperator() == OO_Star && Receiver &&
      smartPointerObject(Receiver)) {
    auto P = pathOf(smartPointerObject(Receiver), Depth + 1);
    if (P)
      appendStep(*P, "*");
    return P;
  }
  if (!Lib.methodHas(Callee, LibraryRole::ElementAccess))
    return std::nullopt;
  // unique_ptr<T[]>'s p[i] is the array it owns indexed, as a raw
  // pointer's p[i] is: the pointee's element, by what the index is made of.
  const Expr *Owner = Receiver ? smartPointerObject(Receiver) : nullptr;
  if (Method->getOverloadedOperator() == OO_Subscript && Owner && Index) {
    auto P = pathOf(Owner, Depth + 1);
    if (P) {
      appendStep(*P, "*");
      appendStep(*P, elementStep(Index));
    }
    return P;
  }
  auto P = objectOf(Receiver, Depth + 1);
  if (!P)
    return P;
  if (Lib.recordHas(Method->getParent(), LibraryRole::IndexedContainer))
    // front() is the first element; back() and indexes computed at run
    // time are some element.
    appendStep(*P, Lib.methodHas(Callee, LibraryRole::FirstElement) ? "[0]"
                   : Index ? elementStep(Index)
                           : "[]");
  else
    appendStep(*P, "[]"); // A map's element, keyed by something.
  return P;
}

std::optional<AccessPath> PathBuilder::pathOf(const Expr *E, unsigned Depth) {
  if (!E || tooDeep(E, Depth))
    return std::nullopt;
  E = E->IgnoreParens();
  if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
    return temporaryOf(M);
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E)) {
    switch (ICE->getCastKind()) {
    case CK_NoOp:
    case CK_DerivedToBase:
    case CK_UncheckedDerivedToBase:
    case CK_BaseToDerived:
    case CK_LValueBitCast:
      return pathOf(ICE->getSubExpr(), Depth + 1);
    default:
      return std::nullopt;
    }
  }
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E))
    return E->isGLValue() ? pathOf(Cast->getSubExpr(), Depth + 1)
                          : std::nullopt;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    // A structured binding names a part of its hidden aggregate.
    if (const auto *Binding = dyn_cast<BindingDecl>(DRE->getDecl()))
      return Binding->getBinding() ? pathOf(Binding->getBinding(), Depth + 1)
                                   : std::nullopt;
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD)
      return std::nullopt;
    auto Alias = ReferenceAliases.find(VD);
    if (Alias != ReferenceAliases.end())
      return Alias->second;
    return varPath(VD);
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (const auto *Static = dyn_cast<VarDecl>(ME->getMemberDecl()))
      return varPath(Static);
    const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!Field)
      return std::nullopt;
    std::optional<AccessPath> Base;
    if (ME->isArrow()) {
      Base = pointerValueOf(ME->getBase(), Depth + 1);
      if (Base)
        appendStep(*Base, "*");
    } else {
      Base = pathOf(ME->getBase(), Depth + 1);
    }
    if (!Base)
      return std::nullopt;
    appendStep(*Base, "." + memoryLocationOf(Field)->getNameAsString());
    const RecordDecl *Parent = Field->getParent();
    if (Parent->getIdentifier())
      Base->Name = catalogName(Parent) + "::" + Field->getNameAsString();
    else
      Base->Name += "." + Field->getNameAsString();
    return Base;
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->getOpcode() != UO_Deref)
      return std::nullopt;
    auto P = pointerValueOf(U->getSubExpr(), Depth + 1);
    if (P)
      appendStep(*P, "*");
    return P;
  }
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    auto P = pointerValueOf(AS->getBase(), Depth + 1);
    if (!P)
      return std::nullopt;
    appendStep(*P, "*");
    appendStep(*P, elementStep(AS->getIdx()));
    return P;
  }
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee)
      return std::nullopt;
    if (TU.inLibraryCode(Callee))
      return libraryCallPath(CE, Depth);
    // A user function returning a reference: what it returns, bound later.
    if (!Callee->getReturnType()->isReferenceType())
      return std::nullopt;
    return returnedBy(CE, Callee);
  }
  return std::nullopt;
}

/// Is Address that of an array's element (`&buf[2]`, "buf[2]&")?
static bool isElementAddress(const AccessPath &Address) {
  const std::vector<std::string> &Steps = Address.Steps;
  return Steps.size() >= 2 && Steps.back() == "&" &&
         !Steps[Steps.size() - 2].empty() &&
         Steps[Steps.size() - 2].front() == '[';
}

/// The address of some element of what the address points to; of the
/// same array when it is already an element's (`&buf[2] + 1`).
static std::optional<AccessPath>
someElementOf(std::optional<AccessPath> Address) {
  if (!Address)
    return Address;
  std::vector<std::string> &Steps = Address->Steps;
  if (isElementAddress(*Address)) {
    Steps[Steps.size() - 2] = "[]";
    return Address;
  }
  for (const char *Step : {"*", "[]", "&"})
    appendStep(*Address, Step);
  return Address;
}

std::optional<AccessPath> PathBuilder::pointerValueOf(const Expr *E,
                                                      unsigned Depth) {
  if (!E || tooDeep(E, Depth))
    return std::nullopt;
  E = E->IgnoreParens();
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E)) {
    switch (ICE->getCastKind()) {
    case CK_LValueToRValue:
      return pointerValueOf(ICE->getSubExpr(), Depth + 1);
    case CK_ArrayToPointerDecay: {
      auto P = pathOf(ICE->getSubExpr(), Depth + 1);
      if (P)
        appendStep(*P, "&");
      return P;
    }
    case CK_NoOp:
    case CK_BitCast:
    case CK_DerivedToBase:
    case CK_UncheckedDerivedToBase:
    case CK_BaseToDerived:
      return pointerValueOf(ICE->getSubExpr(), Depth + 1);
    default:
      return std::nullopt;
    }
  }
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E))
    return pointerValueOf(Cast->getSubExpr(), Depth + 1);
  // `n ? malloc(n) : NULL`: null points at nothing, so a new object, or
  // what a call returned, is all the pointer may point to. (Other choices
  // against null, `step ? w->data : 0`, stay unfollowed: concur does not
  // tell the objects of one allocation site apart, and a pointer handed
  // from run to run would join them.)
  if (const Expr *Arm = nonNullArm(E);
      Arm && (isa<CallExpr>(Arm->IgnoreParenCasts()) ||
              isa<CXXNewExpr>(Arm->IgnoreParenCasts())))
    return pointerValueOf(Arm, Depth + 1);
  if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
    return pointerValueOf(M->getSubExpr(), Depth + 1);
  // ({ ...; value; }): a GNU statement expression is its last expression
  // (the container_of macro).
  if (const auto *SE = dyn_cast<StmtExpr>(E)) {
    const auto *Last = SE->getSubStmt()->body_empty()
                           ? nullptr
                           : dyn_cast<Expr>(SE->getSubStmt()->body_back());
    return Last ? pointerValueOf(Last, Depth + 1) : std::nullopt;
  }
  if (const auto *B = dyn_cast<BinaryOperator>(E)) {
    if (B->getOpcode() == BO_Sub)
      if (auto P = containerOf(B, Depth))
        return P;
    // p + n, n + p, p - n: the address of some element of what p points to.
    if (B->isAdditiveOp() && E->getType()->isPointerType()) {
      bool PtrFirst = B->getLHS()->getType()->isPointerType();
      const Expr *Ptr = PtrFirst ? B->getLHS() : B->getRHS();
      auto Base = pointerValueOf(Ptr, Depth + 1);
      // `seqs + i` is `&seqs[i]`, the element of the thread's own index
      // (a slot, or an index taken from a shared counter) as a subscript
      // names it, when the pointer is no element's address already. Other
      // offsets stay some element (a header skipped: `(char *)p + 8`).
      if (Base && B->getOpcode() == BO_Add && !isElementAddress(*Base)) {
        std::string Step = elementStep(PtrFirst ? B->getRHS() : B->getLHS());
        if (Step == "[@]" || isClaimedIndex(Step)) {
          for (const std::string &S :
               {std::string("*"), Step, std::string("&")})
            appendStep(*Base, S);
          return Base;
        }
      }
      return someElementOf(std::move(Base));
    }
  }
  if (isa<CXXThisExpr>(E))
    return thisPath();
  if (isa<CXXNewExpr>(E))
    return allocatedBy(E);
  if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->getOpcode() != UO_AddrOf)
      return std::nullopt;
    auto P = pathOf(U->getSubExpr(), Depth + 1);
    if (P)
      appendStep(*P, "&");
    return P;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
      auto Value = PointerValues.find(VD);
      if (Value != PointerValues.end()) {
        AccessPath P = Value->second;
        P.FreshPerClosure |= FreshCaptures.count(VD) != 0;
        return P;
      }
    }
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee)
      return std::nullopt;
    // Also a function of the program that a project's config says
    // allocates (one whose allocator is a function pointer concur cannot
    // follow).
    if (Lib.functionHas(Callee, LibraryRole::Allocates))
      return allocatedBy(CE);
    if (TU.inLibraryCode(Callee)) {
      // realloc(p, n): the object p points to, moved or grown in place.
      // Either way no other object's pointer reaches the result, so the
      // pointer it is stored into keeps pointing at what it pointed to.
      if (Lib.functionHas(Callee, LibraryRole::Reallocates) &&
          CE->getNumArgs() > 0)
        return pointerValueOf(CE->getArg(0), Depth + 1);
      // strchr(s, c): the address of some character of *s.
      if (Lib.functionHas(Callee, LibraryRole::PointsIntoArgument) &&
          CE->getNumArgs() > 0)
        return someElementOf(pointerValueOf(CE->getArg(0), Depth + 1));
      // sp.get(), sp.operator->(): the smart pointer's target.
      if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE)) {
        if (Lib.methodHas(Callee, LibraryRole::PointeeAccess))
          if (const Expr *Ptr =
                  smartPointerObject(MCE->getImplicitObjectArgument()))
            return pathOf(Ptr, Depth + 1);
      } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE)) {
        if (OC->getOperator() == OO_Arrow && OC->getNumArgs() == 1)
          if (const Expr *Ptr = smartPointerObject(OC->getArg(0)))
            return pathOf(Ptr, Depth + 1);
      }
      return std::nullopt;
    }
    if (!Callee->getReturnType()->isPointerType())
      return std::nullopt;
    return returnedBy(CE, Callee);
  }
  if (E->isGLValue() &&
      (E->getType()->isPointerType() || Lib.isSmartPointer(E->getType()))) {
    if (auto P = throughStructCopy(E, Depth))
      return P;
    return pathOf(E, Depth + 1);
  }
  return std::nullopt;
}

std::optional<AccessPath> PathBuilder::copiedObject(const Expr *Source) {
  return copiedObjectAt(Source, 0);
}

std::optional<AccessPath> PathBuilder::copiedObjectAt(const Expr *Source,
                                                      unsigned Depth) {
  if (const auto *Call = dyn_cast<CallExpr>(Source)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || TU.inLibraryCode(Callee))
      return std::nullopt;
    return returnedBy(Call, Callee);
  }
  // A copy of a copy: its pointers are the first object's.
  if (auto P = throughStructCopy(Source, Depth))
    return P;
  return pathOf(Source);
}

std::optional<AccessPath> PathBuilder::throughStructCopy(const Expr *E,
                                                         unsigned Depth) {
  if (StructCopies.empty() || Depth > MaxCopyChain)
    return std::nullopt;
  const VarDecl *Copy = memberChainBase(E);
  auto Source = Copy ? StructCopies.find(Copy) : StructCopies.end();
  if (Source == StructCopies.end())
    return std::nullopt;
  auto Member = pathOf(E, Depth + 1);
  auto Whole = varPath(Copy);
  auto Original = copiedObjectAt(Source->second, Depth + 1);
  if (!Member || !Whole || !Original || Member->Root != Whole->Root ||
      Member->RootId != Whole->RootId ||
      Member->Steps.size() < Whole->Steps.size() ||
      !std::equal(Whole->Steps.begin(), Whole->Steps.end(),
                  Member->Steps.begin()))
    return std::nullopt;
  // A copy of some element (`job = queue[head]`) names nothing one: each
  // copy may hold another element's pointers.
  if (std::any_of(Original->Steps.begin(), Original->Steps.end(),
                  [](const std::string &Step) {
                    return Step == "[]" || indexLowerBound(Step);
                  }))
    return std::nullopt;
  for (size_t I = Whole->Steps.size(); I < Member->Steps.size(); ++I)
    appendStep(*Original, Member->Steps[I]);
  Original->Name = Member->Name;
  return Original;
}

/// (T *)((char *)p - offsetof(T, m)): p points to the field m of a T, and
/// the result to that T (the kernel's container_of).
std::optional<AccessPath> PathBuilder::containerOf(const BinaryOperator *B,
                                                   unsigned Depth) {
  const auto *Offset =
      dyn_cast<OffsetOfExpr>(B->getRHS()->IgnoreParenImpCasts());
  if (!Offset || Offset->getNumComponents() == 0)
    return std::nullopt;
  std::vector<std::string> Up;
  for (unsigned I = 0; I < Offset->getNumComponents(); ++I) {
    const OffsetOfNode &Node = Offset->getComponent(I);
    if (Node.getKind() != OffsetOfNode::Field)
      return std::nullopt;
    Up.push_back("^." + memoryLocationOf(Node.getField())->getNameAsString());
  }
  auto P = pointerValueOf(B->getLHS(), Depth + 1);
  if (!P)
    return std::nullopt;
  appendStep(*P, "*");
  for (auto It = Up.rbegin(); It != Up.rend(); ++It)
    appendStep(*P, *It);
  appendStep(*P, "&");
  return P;
}

/// "[k]" for a constant index; "[@]" for an index made only of what a
/// thread is given (its parameters, its copies of captured variables, and
/// locals computed from them), which copies of one thread's code use for
/// their own slots; "[+]" for an index made only of locals that start from
/// constants (`for (int i = 0; ...)`), which every copy of the code steps
/// through alike, and which a starter's loop uses for the slots it hands
/// out; "[]" for an index computed from data, which two copies may well
/// share.
std::string PathBuilder::elementStep(const Expr *Index) {
  std::string Step = indexStep(Index, TU.Ctx);
  if (Step != "[]" || !Index)
    return Step;
  if (Body) {
    if (!Claims)
      Claims = std::make_unique<ClaimedIndexes>(TU, Body, &LockedTakes);
    std::string Claimed = Claims->stepOf(Index);
    if (!Claimed.empty())
      return Claimed;
    std::string Bounded =
        BoundIndexes ? Claims->lowerBoundStep(Index) : std::string();
    if (!Bounded.empty())
      return Bounded;
  }
  if (filteredByGivenResidue(Index))
    return "[@]";
  class SlotCheck : public RecursiveASTVisitor<SlotCheck> {
  public:
    SlotCheck(const PathBuilder &W) : W(W) {}
    bool VisitDeclRefExpr(DeclRefExpr *DRE) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      if (!VD || !W.isThreadGiven(VD, 0, Given))
        Slot = false;
      return Slot;
    }
    bool VisitCallExpr(CallExpr *) { return Slot = false; }
    bool VisitMemberExpr(MemberExpr *) { return Slot = false; }
    bool VisitArraySubscriptExpr(ArraySubscriptExpr *) { return Slot = false; }
    const PathBuilder &W;
    bool Slot = true;
    bool Given = false;
  } Check(*this);
  Check.TraverseStmt(const_cast<Expr *>(Index));
  if (!Check.Slot)
    return "[]";
  return Check.Given ? "[@]" : SteppedIndexStep;
}

/// `for (i = 0; i < n; ++i) { if (i % nthreads != tid) continue; ... }`,
/// tid given to the thread: the loop's body runs past the test only for
/// the indexes of the thread's own residue, which no copy given another
/// tid visits. Index is the counter i, in a statement of that body after
/// the test.
bool PathBuilder::filteredByGivenResidue(const Expr *Index) {
  const VarDecl *Counter = referencedVar(Index->IgnoreParenImpCasts());
  if (!Counter || Counter->hasGlobalStorage())
    return false;
  // Up to the loop's body, keeping the statement of the body it is in.
  const Stmt *At = Index;
  for (unsigned Depth = 0; At && Depth < 64; ++Depth) {
    DynTypedNodeList Parents = TU.Ctx.getParents(*At);
    if (Parents.size() != 1)
      return false;
    const Stmt *Parent = Parents[0].get<Stmt>();
    // A declaration's initialiser: up to its declaration statement.
    if (const auto *VD = Parents[0].get<VarDecl>()) {
      DynTypedNodeList Up = TU.Ctx.getParents(*VD);
      Parent = Up.size() == 1 ? Up[0].get<DeclStmt>() : nullptr;
    }
    if (!Parent)
      return false;
    const auto *Block = dyn_cast<CompoundStmt>(Parent);
    const Stmt *Loop = nullptr;
    if (Block) {
      DynTypedNodeList Up = TU.Ctx.getParents(*Block);
      Loop = Up.size() == 1 ? Up[0].get<Stmt>() : nullptr;
    }
    const auto *For = dyn_cast_or_null<ForStmt>(Loop);
    if (For && For->getBody() == Block) {
      const auto *Inc = dyn_cast_or_null<UnaryOperator>(For->getInc());
      if (!Inc || !Inc->isIncrementOp() ||
          referencedVar(Inc->getSubExpr()) != Counter)
        return false;
      // Before the test, only declarations of pointers (`p = seqs + i`,
      // no access yet) may name the index.
      bool Reached = false;
      auto PointerDecl = [](const Stmt *S) {
        const auto *DS = dyn_cast<DeclStmt>(S);
        return DS && llvm::all_of(DS->decls(), [](const Decl *D) {
                 const auto *VD = dyn_cast<VarDecl>(D);
                 return VD && VD->getType()->isPointerType();
               });
      };
      for (const Stmt *S : Block->body()) {
        Reached |= S == At;
        if (isResidueFilter(S, Counter))
          return true;
        if (Reached && !PointerDecl(S))
          return false;
      }
      return false;
    }
    At = Parent;
  }
  return false;
}

/// Is S `if (i % n != tid) continue;`, i the Counter and tid what the
/// thread was given (or a field of it, `a->tid`)?
bool PathBuilder::isResidueFilter(const Stmt *S, const VarDecl *Counter) {
  const auto *If = dyn_cast<IfStmt>(S);
  if (!If || If->getElse() || !isa<ContinueStmt>(If->getThen()))
    return false;
  const auto *Ne =
      dyn_cast<BinaryOperator>(If->getCond()->IgnoreParenImpCasts());
  if (!Ne || Ne->getOpcode() != BO_NE)
    return false;
  for (auto [Rem, Own] : {std::pair{Ne->getLHS(), Ne->getRHS()},
                          std::pair{Ne->getRHS(), Ne->getLHS()}}) {
    const auto *Mod = dyn_cast<BinaryOperator>(Rem->IgnoreParenImpCasts());
    const Expr *OwnBase = Own->IgnoreParenImpCasts();
    while (const auto *M = dyn_cast<MemberExpr>(OwnBase))
      OwnBase = M->getBase()->IgnoreParenImpCasts();
    const VarDecl *Tid = referencedVar(OwnBase);
    bool Given = false;
    if (Mod && Mod->getOpcode() == BO_Rem &&
        referencedVar(Mod->getLHS()->IgnoreParenImpCasts()) == Counter && Tid &&
        isThreadGiven(Tid, 0, Given) && Given)
      return true;
  }
  return false;
}

/// Given: set when a parameter or a captured copy is among what VD is
/// made of.
bool PathBuilder::isThreadGiven(const VarDecl *VD, unsigned Depth,
                                bool &Given) const {
  if (Depth > 4 || VD->hasGlobalStorage())
    return false;
  if (isa<ParmVarDecl>(VD) || CopyCaptures.count(VD))
    return Given = true;
  // A local computed from what the thread was given (an offset, a loop
  // counter that starts there) and not changed by data afterwards.
  // A strided loop counter is as given as its start.
  const Expr *Init = VD->getInit();
  if (auto Strided = StridedCounters.find(VD); Strided != StridedCounters.end())
    Init = Strided->second;
  if (VD->getParentFunctionOrMethod() == FD && Init &&
      (!Modified.count(VD) || ForCounters.count(VD) ||
       StridedCounters.count(VD))) {
    bool Made = true;
    class Uses : public RecursiveASTVisitor<Uses> {
    public:
      Uses(const PathBuilder &W, unsigned Depth, bool &Made, bool &Given)
          : W(W), Depth(Depth), Made(Made), Given(Given) {}
      bool VisitDeclRefExpr(DeclRefExpr *DRE) {
        const auto *Var = dyn_cast<VarDecl>(DRE->getDecl());
        if (!Var || !W.isThreadGiven(Var, Depth + 1, Given))
          Made = false;
        return Made;
      }
      bool VisitCallExpr(CallExpr *) { return Made = false; }
      const PathBuilder &W;
      unsigned Depth;
      bool &Made;
      bool &Given;
    } Check(*this, Depth, Made, Given);
    Check.TraverseStmt(const_cast<Expr *>(Init));
    return Made;
  }
  return false;
}

} // namespace extract
} // namespace concur
