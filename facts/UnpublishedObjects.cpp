//===- UnpublishedObjects.cpp - Objects no other thread can reach yet -----===//

#include "facts/UnpublishedObjects.h"
#include "facts/FunctionScope.h"

#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"

#include <map>
#include <vector>

using namespace clang;

namespace concur {
namespace extract {

namespace {

/// A place in the CFG: block id and element index.
using Position = std::pair<unsigned, unsigned>;

enum class UseKind {
  Access, // Reaches the object's memory, handing nothing on.
  Benign, // A test against null, an argument of a call that keeps nothing.
  HandOn, // Anything else: the pointer may be kept where others reach it.
};

/// A new object, or a call's result (whether it is new is the whole
/// program's to tell): not a new object of a class whose constructor does
/// something, which could hand `this` on.
bool isFreshValue(const Expr *E) {
  E = madeValue(E)->IgnoreParenCasts(); // n ? malloc(n) : NULL
  if (isa<CallExpr>(E))
    return true;
  if (const auto *New = dyn_cast<CXXNewExpr>(E)) {
    const CXXConstructExpr *Ctor = New->getConstructExpr();
    return !Ctor || Ctor->getConstructor()->isTrivial();
  }
  return false;
}

/// The local pointer a plain use of which E is, if it is one.
const VarDecl *localPointer(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParens());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || !VD->isLocalVarDecl() || VD->isStaticLocal() ||
      !VD->getType()->isPointerType())
    return nullptr;
  return VD;
}

/// The uses of local pointers whose every value is fresh (isFreshValue):
/// set by their initialiser or by plain assignments (`c = malloc(n);`, the
/// definitions), never changed otherwise, their address never taken.
class UseCollector : public RecursiveASTVisitor<UseCollector> {
public:
  explicit UseCollector(const FunctionScope &S) : S(S) {}

  std::map<const VarDecl *, std::vector<const DeclRefExpr *>> Uses;
  /// The assignments that define each local.
  std::map<const VarDecl *, std::vector<const BinaryOperator *>> Assignments;

  void collect(const Stmt *Body) {
    TraverseStmt(const_cast<Stmt *>(Body));
    for (auto It = Uses.begin(); It != Uses.end();)
      It = Fresh.count(It->first) && !Disqualified.count(It->first)
               ? std::next(It)
               : Uses.erase(It);
  }

  bool VisitVarDecl(VarDecl *VD) {
    if (!VD->isLocalVarDecl() || VD->isStaticLocal() ||
        !VD->getType()->isPointerType())
      return true;
    if (S.Paths.isEscaping(VD))
      Disqualified.insert(VD);
    else if (const Expr *Init = VD->getInit()) {
      if (isFreshValue(Init))
        Fresh.insert(VD);
      else if (!Init->isNullPointerConstant(VD->getASTContext(),
                                            Expr::NPC_ValueDependentIsNotNull))
        Disqualified.insert(VD);
    }
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *B) {
    if (!B->isAssignmentOp())
      return true;
    if (const VarDecl *VD = localPointer(B->getLHS())) {
      if (B->getOpcode() == BO_Assign && isFreshValue(B->getRHS())) {
        Assignments[VD].push_back(B);
        Fresh.insert(VD);
        Defining.insert(B->getLHS()->IgnoreParens());
      } else {
        Disqualified.insert(VD);
      }
    }
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *U) {
    if (U->isIncrementDecrementOp())
      if (const VarDecl *VD = localPointer(U->getSubExpr()))
        Disqualified.insert(VD);
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (const VarDecl *VD = localPointer(DRE))
      if (!Defining.count(DRE))
        Uses[VD].push_back(DRE);
    return true;
  }

private:
  const FunctionScope &S;
  std::set<const VarDecl *> Disqualified;
  /// Locals given a fresh value somewhere.
  std::set<const VarDecl *> Fresh;
  /// The left-hand sides of definitions: no uses.
  std::set<const Expr *> Defining;
};

class UseClassifier {
public:
  UseClassifier(const ParentMap &Parents, const SourceManager &SM)
      : Parents(Parents), SM(SM) {}

  /// A use of `this` in a constructor: a part of the object reached
  /// (`this->n`, `n`, `*this`), or `this` given on.
  UseKind classifyThis(const CXXThisExpr *Use) const {
    if (isUnevaluated(Use))
      return UseKind::Benign;
    const Stmt *Child = Use;
    const Stmt *Parent = climbCasts(Child);
    if (!Parent)
      return UseKind::HandOn;
    if (const auto *ME = dyn_cast<MemberExpr>(Parent))
      if (ME->isArrow() && ME->getBase()->IgnoreParenCasts() == Use &&
          isa<FieldDecl>(ME->getMemberDecl()))
        return memberCallOnPart(ME) ? UseKind::Access : partUse(ME);
    if (const auto *U = dyn_cast<UnaryOperator>(Parent);
        U && U->getOpcode() == UO_Deref)
      return partUse(U);
    return comparedOrLent(Parent, Child);
  }

  /// `member_.method()`, `a.b.method()`: the method is given the member's
  /// address, not the object's (what it keeps of the member, it keeps of
  /// no other part).
  bool memberCallOnPart(const MemberExpr *Field) const {
    const Stmt *Top = Field;
    for (;;) {
      const Stmt *Parent = Parents.getParent(Top);
      while (isa_and_nonnull<ParenExpr>(Parent) ||
             isa_and_nonnull<ImplicitCastExpr>(Parent)) {
        Top = Parent;
        Parent = Parents.getParent(Top);
      }
      const auto *ME = dyn_cast_or_null<MemberExpr>(Parent);
      if (!ME || ME->isArrow())
        return false;
      if (isa<FieldDecl>(ME->getMemberDecl())) {
        Top = ME;
        continue;
      }
      return isa_and_nonnull<CallExpr>(Parents.getParent(ME));
    }
  }

  UseKind classify(const DeclRefExpr *Use) const {
    // Inside a lambda's body: the closure holds a copy.
    if (Use->refersToEnclosingVariableOrCapture())
      return UseKind::HandOn;
    return classifyPointer(Use);
  }

private:
  /// A use of Use, the object's pointer or one into it (`c + n`).
  UseKind classifyPointer(const Expr *Use) const {
    if (isUnevaluated(Use))
      return UseKind::Benign; // sizeof *c
    const Stmt *Child = Use;
    const Stmt *Parent = climbCasts(Child);
    if (!Parent)
      return UseKind::HandOn;
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Parent))
      if (Cast->getCastKind() == CK_PointerToBoolean)
        return UseKind::Benign;
    if (const auto *ME = dyn_cast<MemberExpr>(Parent))
      if (ME->isArrow() && ME->getBase()->IgnoreParenCasts() == Use)
        return partUse(ME);
    if (const auto *U = dyn_cast<UnaryOperator>(Parent)) {
      if (U->getOpcode() == UO_Deref)
        return partUse(U);
      if (U->getOpcode() == UO_LNot)
        return UseKind::Benign;
    }
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(Parent))
      if (AS->getBase()->IgnoreParenCasts() == Use)
        return partUse(AS);
    return comparedOrLent(Parent, Child);
  }

  /// A use whose parent is no access: a comparison (benign), an argument of
  /// a call that keeps nothing (benign), pointer arithmetic (`memcpy(c + n,
  /// ...)`: a pointer into the same object, used as the object's is, or a
  /// distance between two), or anything else (a hand-on).
  UseKind comparedOrLent(const Stmt *Parent, const Stmt *Child) const {
    if (const auto *B = dyn_cast<BinaryOperator>(Parent)) {
      if (B->isComparisonOp())
        return UseKind::Benign;
      const auto *Operand = dyn_cast<Expr>(Child);
      if (B->isAdditiveOp() && Operand && Operand->getType()->isPointerType())
        return B->getType()->isPointerType() ? classifyPointer(B)
                                             : UseKind::Benign;
    }
    if (const auto *Call = dyn_cast<CallExpr>(Parent))
      if (isArgument(Call, Child) && keepsNothing(Call))
        return UseKind::Benign;
    return UseKind::HandOn;
  }

  /// In the operand of sizeof or alignof.
  bool isUnevaluated(const Stmt *S) const {
    for (const Stmt *P = Parents.getParent(S); P && isa<Expr>(P);
         P = Parents.getParent(P))
      if (isa<UnaryExprOrTypeTraitExpr>(P))
        return true;
    return false;
  }

  /// The parent of E above parentheses and casts between pointers (Child
  /// is set to the outermost of them).
  const Stmt *climbCasts(const Stmt *&Child) const {
    const Stmt *Parent = Parents.getParent(Child);
    while (Parent) {
      const auto *Cast = dyn_cast<CastExpr>(Parent);
      bool Transparent = isa<ParenExpr>(Parent) ||
                         (Cast && (isa<ExplicitCastExpr>(Cast) ||
                                   Cast->getCastKind() == CK_LValueToRValue ||
                                   Cast->getCastKind() == CK_NoOp ||
                                   Cast->getCastKind() == CK_BitCast));
      if (!Transparent)
        break;
      Child = Parent;
      Parent = Parents.getParent(Child);
    }
    return Parent;
  }

  /// A use of Part, an lvalue inside the object (`c->a.b[i]`, `*c`).
  UseKind partUse(const Expr *Part) const {
    const Stmt *Top = Part;
    for (;;) {
      const Stmt *Parent = Parents.getParent(Top);
      while (isa_and_nonnull<ParenExpr>(Parent)) {
        Top = Parent;
        Parent = Parents.getParent(Top);
      }
      if (!Parent)
        return UseKind::HandOn;
      if (const auto *ME = dyn_cast<MemberExpr>(Parent)) {
        if (!ME->isArrow() && isa<FieldDecl>(ME->getMemberDecl())) {
          Top = ME; // c->a.b
          continue;
        }
        // c->obj.method(): the method is given `this`.
        const auto *Call = dyn_cast_or_null<CallExpr>(Parents.getParent(ME));
        return Call && keepsNothing(Call) ? UseKind::Access : UseKind::HandOn;
      }
      if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Parent)) {
        switch (Cast->getCastKind()) {
        case CK_LValueToRValue:
          return UseKind::Access; // Read.
        case CK_NoOp:
          Top = Cast;
          continue;
        case CK_ArrayToPointerDecay: {
          const Stmt *Above = Parents.getParent(Cast);
          if (const auto *AS = dyn_cast_or_null<ArraySubscriptExpr>(Above))
            if (AS->getBase() == Cast) {
              Top = AS; // c->buf[i]
              continue;
            }
          return addressUse(Cast);
        }
        default:
          return UseKind::HandOn;
        }
      }
      if (const auto *B = dyn_cast<BinaryOperator>(Parent))
        return B->isAssignmentOp() && B->getLHS()->IgnoreParens() == Top
                   ? UseKind::Access
                   : UseKind::HandOn;
      if (const auto *U = dyn_cast<UnaryOperator>(Parent)) {
        if (U->isIncrementDecrementOp())
          return UseKind::Access;
        if (U->getOpcode() == UO_AddrOf)
          return addressUse(U);
        return UseKind::HandOn;
      }
      if (const auto *Call = dyn_cast<CallExpr>(Parent))
        return isArgument(Call, Top) && keepsNothing(Call) ? UseKind::Access
                                                           : UseKind::HandOn;
      return UseKind::HandOn;
    }
  }

  /// The address of a part of the object: given to a call that keeps
  /// nothing (pthread_mutex_init(&c->mu, 0), memset(c->buf, ...)), or kept.
  UseKind addressUse(const Expr *Address) const {
    const Stmt *Child = Address;
    const Stmt *Parent = climbCasts(Child);
    if (const auto *Call = dyn_cast_or_null<CallExpr>(Parent))
      if (isArgument(Call, Child) && keepsNothing(Call))
        return UseKind::Access;
    return UseKind::HandOn;
  }

  static bool isArgument(const CallExpr *Call, const Stmt *Arg) {
    for (const Expr *A : Call->arguments())
      if (A == Arg)
        return true;
    return false;
  }

  /// A library function, given no function to call: it keeps no pointer.
  bool keepsNothing(const CallExpr *Call) const {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return false;
    bool Library = Callee->getBuiltinID() != 0 ||
                   SM.isInSystemHeader(Callee->getFirstDecl()->getLocation());
    if (!Library)
      return false;
    for (const Expr *A : Call->arguments()) {
      QualType T = A->IgnoreParenImpCasts()->getType();
      if (T->isFunctionPointerType() || T->isMemberFunctionPointerType() ||
          T->isBlockPointerType() || T->isFunctionType() || T->isRecordType())
        return false;
    }
    return true;
  }

  const ParentMap &Parents;
  const SourceManager &SM;
};

/// The uses of `this` in a constructor's body or initialisers, and the
/// lambdas that capture it (each a hand-on where it is made; their bodies
/// are another function's).
class ThisUseCollector : public RecursiveASTVisitor<ThisUseCollector> {
public:
  std::vector<const CXXThisExpr *> Uses;
  std::vector<const LambdaExpr *> Capturing;

  bool VisitCXXThisExpr(CXXThisExpr *E) {
    Uses.push_back(E);
    return true;
  }
  bool TraverseLambdaExpr(LambdaExpr *L) {
    for (const LambdaCapture &C : L->captures())
      if (C.capturesThis())
        Capturing.push_back(L);
    // An init-capture's value is the constructor's own expression
    // (`[self = this]`).
    for (Expr *Init : L->capture_inits())
      if (Init)
        TraverseStmt(Init);
    return true;
  }
};

class Reachability {
public:
  explicit Reachability(const CFG &Graph) : Blocks(Graph.getNumBlockIDs()) {
    for (const CFGBlock *Block : Graph) {
      Blocks[Block->getBlockID()] = Block;
      unsigned Index = 0;
      for (const CFGElement &E : *Block) {
        if (auto S = E.getAs<CFGStmt>()) {
          Where.try_emplace(S->getStmt(), Position{Block->getBlockID(), Index});
          if (const auto *DS = dyn_cast<DeclStmt>(S->getStmt()))
            for (const Decl *D : DS->decls())
              if (const auto *VD = dyn_cast<VarDecl>(D))
                Declared[VD].insert({Block->getBlockID(), Index});
        }
        ++Index;
      }
    }
  }

  /// Where S is evaluated: its own element or the nearest enclosing one.
  std::optional<Position> positionOf(const Stmt *S,
                                     const ParentMap &Parents) const {
    for (; S; S = Parents.getParent(S))
      if (auto It = Where.find(S); It != Where.end())
        return It->second;
    return std::nullopt;
  }

  /// Where VD is declared (each pass declares it anew).
  std::set<Position> declarations(const VarDecl *VD) const {
    auto It = Declared.find(VD);
    return It == Declared.end() ? std::set<Position>() : It->second;
  }

  /// The places some path reaches from one of Sources (each source's own
  /// place included) without passing one of Kills: one forward pass over
  /// the CFG for all sources, loops included.
  std::set<Position> reachedFrom(const std::vector<Position> &Sources,
                                 const std::set<Position> &Kills) const {
    std::set<Position> Reached;
    std::vector<bool> EntryReached(Blocks.size(), false);
    std::vector<const CFGBlock *> Work;
    // Marks the block's places from Start on, up to a kill; past its end,
    // its successors' entries.
    auto Sweep = [&](const CFGBlock *Block, unsigned Start) {
      for (unsigned I = Start; I < Block->size(); ++I) {
        Position Here{Block->getBlockID(), I};
        if (I != Start && Kills.count(Here))
          return;
        Reached.insert(Here);
      }
      for (const CFGBlock::AdjacentBlock &Succ : Block->succs())
        if (const CFGBlock *To = Succ.getReachableBlock())
          if (!EntryReached[To->getBlockID()]) {
            EntryReached[To->getBlockID()] = true;
            Work.push_back(To);
          }
    };
    for (const Position &From : Sources)
      if (From.first < Blocks.size() && Blocks[From.first])
        Sweep(Blocks[From.first], From.second);
    while (!Work.empty()) {
      const CFGBlock *Block = Work.back();
      Work.pop_back();
      if (!Block->empty() && Kills.count({Block->getBlockID(), 0}))
        continue;
      Sweep(Block, 0);
    }
    return Reached;
  }

private:
  std::vector<const CFGBlock *> Blocks;
  std::map<const Stmt *, Position> Where;
  std::map<const VarDecl *, std::set<Position>> Declared;
};

/// Adds to Owned the uses no hand-on reaches on the CFG (past Kills).
/// Classify tells which uses hand the pointer on; HandOns are those found
/// otherwise (a lambda capturing `this`). A hand-on whose place is unknown
/// may come before anything: then none is added.
template <typename UseT, typename ClassifyFn>
void addUnreachedUses(const std::vector<const UseT *> &Uses,
                      std::vector<Position> HandOns, ClassifyFn Classify,
                      const Reachability &Paths, const ParentMap &Parents,
                      const std::set<Position> &Kills,
                      std::set<const UseT *> &Owned) {
  std::vector<std::pair<const UseT *, Position>> Accesses;
  for (const UseT *Use : Uses) {
    std::optional<Position> At = Paths.positionOf(Use, Parents);
    if (Classify(Use) == UseKind::HandOn) {
      if (!At)
        return;
      HandOns.push_back(*At);
    } else if (At) {
      // A benign use too: a library call that keeps nothing may still
      // write the object through it (memset(c, 0, ...)).
      Accesses.push_back({Use, *At});
    }
  }
  if (Accesses.empty())
    return;
  std::set<Position> HandedOn = Paths.reachedFrom(HandOns, Kills);
  for (const auto &[Use, At] : Accesses)
    if (!HandedOn.count(At))
      Owned.insert(Use);
}

/// The hand-ons among a local's Uses that no path joins with another (or
/// with itself, round a loop) without passing one of Kills (a new value or
/// a new pass of the declaration): what the local holds there is handed on
/// there and nowhere else, as if what made it were written in its place.
/// (`zfree(state)` on the error paths of `state = zmalloc(n); ...;
/// loop->apidata = state;` do not share a path with the store.)
std::vector<const DeclRefExpr *>
soleHandOns(const std::vector<const DeclRefExpr *> &Uses,
            const UseClassifier &Classifier, const Reachability &Paths,
            const ParentMap &Parents, const std::set<Position> &Kills) {
  std::vector<std::pair<const DeclRefExpr *, Position>> HandOns;
  for (const DeclRefExpr *Use : Uses) {
    if (Classifier.classify(Use) != UseKind::HandOn)
      continue;
    std::optional<Position> At = Paths.positionOf(Use, Parents);
    // One that may come anywhere, or more than a few to pair: none.
    if (!At || HandOns.size() == 8)
      return {};
    HandOns.push_back({Use, *At});
  }
  std::vector<const DeclRefExpr *> Sole;
  for (const auto &[Use, At] : HandOns) {
    std::set<Position> After =
        Paths.reachedFrom({{At.first, At.second + 1}}, Kills);
    bool Joined = false;
    for (const auto &[Other, OtherAt] : HandOns) {
      if (After.count(OtherAt) ||
          (Other != Use && Paths.reachedFrom({OtherAt}, Kills).count(At)))
        Joined = true;
    }
    if (!Joined)
      Sole.push_back(Use);
  }
  return Sole;
}

} // namespace

std::set<const CXXThisExpr *>
findOwnedThisUses(const CFG &Graph, const Stmt *Body, const FunctionScope &S) {
  std::set<const CXXThisExpr *> Owned;
  const auto *Ctor = dyn_cast<CXXConstructorDecl>(S.FD);
  if (!Ctor || !Body)
    return Owned;
  const SourceManager &SM = S.TU.Ctx.getSourceManager();
  // What runs before the body: a base's or a delegated-to constructor of
  // the program may hand `this` on; so may a member's initialiser.
  for (const CXXCtorInitializer *Init : Ctor->inits()) {
    if (Init->isBaseInitializer() || Init->isDelegatingInitializer()) {
      const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(
          Init->getInit() ? Init->getInit()->IgnoreImplicit() : nullptr);
      const CXXConstructorDecl *Callee =
          Construct ? Construct->getConstructor() : nullptr;
      if (!Callee ||
          !(Callee->isTrivial() || SM.isInSystemHeader(Callee->getLocation())))
        return Owned;
      continue;
    }
    Expr *Value = Init->getInit();
    if (const auto *Default = dyn_cast_or_null<CXXDefaultInitExpr>(Value))
      Value = const_cast<Expr *>(Default->getExpr());
    if (!Value)
      continue;
    ThisUseCollector InInit;
    InInit.TraverseStmt(Value);
    if (!InInit.Capturing.empty())
      return Owned;
    ParentMap InitParents(Value);
    UseClassifier InitClassifier(InitParents, SM);
    for (const CXXThisExpr *Use : InInit.Uses)
      if (InitClassifier.classifyThis(Use) == UseKind::HandOn)
        return Owned;
  }
  ThisUseCollector InBody;
  InBody.TraverseStmt(const_cast<Stmt *>(Body));
  ParentMap Parents(const_cast<Stmt *>(Body));
  UseClassifier Classifier(Parents, SM);
  Reachability Paths(Graph);
  std::vector<Position> HandOns;
  for (const LambdaExpr *L : InBody.Capturing) {
    std::optional<Position> At = Paths.positionOf(L, Parents);
    if (!At)
      return Owned;
    HandOns.push_back(*At);
  }
  addUnreachedUses(
      InBody.Uses, std::move(HandOns),
      [&](const CXXThisExpr *Use) { return Classifier.classifyThis(Use); },
      Paths, Parents, {}, Owned);
  return Owned;
}

const Expr *accessBase(const Expr *At) {
  const Expr *E = At;
  for (unsigned Depth = 0; E && Depth < 64; ++Depth) {
    E = E->IgnoreParenCasts();
    if (isa<DeclRefExpr>(E) || isa<CXXThisExpr>(E))
      return E;
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      E = ME->getBase();
    else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
      E = AS->getBase();
    else if (const auto *U = dyn_cast<UnaryOperator>(E);
             U && U->getOpcode() == UO_Deref)
      E = U->getSubExpr();
    else
      return nullptr;
  }
  return nullptr;
}

std::set<const DeclRefExpr *> findUnpublishedUses(const CFG &Graph,
                                                  const Stmt *Body,
                                                  const FunctionScope &S,
                                                  SoleHandOnMap *SoleHandOns) {
  std::set<const DeclRefExpr *> Owned;
  UseCollector Collector(S);
  Collector.collect(Body);
  if (Collector.Uses.empty())
    return Owned;
  ParentMap Parents(const_cast<Stmt *>(Body));
  UseClassifier Classifier(Parents, S.TU.Ctx.getSourceManager());
  Reachability Paths(Graph);
  for (const auto &[VD, VarUses] : Collector.Uses) {
    // A new value, or a new pass of the declaration, starts afresh.
    std::set<Position> Kills = Paths.declarations(VD);
    bool Unplaced = false;
    for (const BinaryOperator *Assignment : Collector.Assignments[VD]) {
      if (auto At = Paths.positionOf(Assignment, Parents))
        Kills.insert(*At);
      else
        Unplaced = true;
    }
    if (Unplaced)
      continue;
    addUnreachedUses(
        VarUses, {},
        [&](const DeclRefExpr *Use) { return Classifier.classify(Use); }, Paths,
        Parents, Kills, Owned);
    // A local given one value (its initialiser or one assignment).
    const std::vector<const BinaryOperator *> &Assigned =
        Collector.Assignments[VD];
    if (!SoleHandOns || (VD->getInit() ? 1 : 0) + Assigned.size() != 1)
      continue;
    const Expr *Value =
        VD->getInit() ? VD->getInit() : Assigned.front()->getRHS();
    for (const DeclRefExpr *Sole :
         soleHandOns(VarUses, Classifier, Paths, Parents, Kills))
      (*SoleHandOns)[Sole] = Value;
  }
  return Owned;
}

} // namespace extract
} // namespace concur
