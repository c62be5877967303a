//===- ThreadAffinity.cpp - Code that runs on the thread owning an object -===//
//
// Models: event loops and actors that keep the id of the thread they belong
// to and test it before touching their state: `if (isInLoopThread()) f();
// else queueInLoop(f);` and `assertInLoopThread();` (muduo, Chromium's
// sequence checkers, Qt's thread affinity). On the branch where the kept id
// equals the current thread's, and after a call to a function that only
// asserts it, the code holds the mark "<kept id>?owner" (isThreadOwnership):
// two places holding it for the same object run on one thread, so the race
// check takes it as excluding them, as it would a lock.
//
// The current thread's id: a catalogued function (pthread_self, gettid,
// std::this_thread::get_id), a thread_local variable (a per-thread cache of
// it), or a function whose every return gives one of those. A test is a
// comparison of such an id with a kept one (== or !=, maybe negated), or a
// call to a method whose body only returns such a test of `this`'s fields.
// An assertion is a method whose body is only `if (<not the owner>) ...;`:
// it exists to stop (or to complain) when called from another thread, so
// the code after it is the owner's.
//
// Does not model: ids kept in a container, or compared through a helper
// that is not a method of the object; an assertion that also does other
// work; which thread an object's id names (threads that own different
// objects of one abstract object are taken as one).
//
//===----------------------------------------------------------------------===//

#include "facts/CallModel.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace concur {
namespace extract {
namespace {

constexpr unsigned MaxIdDepth = 3;

bool isCurrentThreadId(const Expr *E, TranslationUnitFacts &TU,
                       unsigned Depth = 0);

/// Every return of the function's body gives the current thread's id.
/// Asked for every comparison in a branch condition that calls a function,
/// so each answer is kept for the translation unit.
bool returnsCurrentThreadId(const FunctionDecl *F, TranslationUnitFacts &TU,
                            unsigned Depth) {
  const FunctionDecl *Def = nullptr;
  if (!F || Depth >= MaxIdDepth || !F->hasBody(Def) || !Def)
    return false;
  auto Known = TU.ReturnsThreadId.find({Def, Depth});
  if (Known != TU.ReturnsThreadId.end())
    return Known->second;
  bool Any = false, All = true;
  llvm::SmallVector<const Stmt *, 16> Work = {Def->getBody()};
  while (!Work.empty() && All) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *R = dyn_cast<ReturnStmt>(S)) {
      Any = true;
      All = R->getRetValue() &&
            isCurrentThreadId(R->getRetValue(), TU, Depth + 1);
      continue;
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return TU.ReturnsThreadId[{Def, Depth}] = Any && All;
}

bool isCurrentThreadId(const Expr *E, TranslationUnitFacts &TU,
                       unsigned Depth) {
  E = TU.Lib.skipWrappers(E);
  if (!E)
    return false;
  // An id passed by value: the copy of the call's result.
  if (const auto *Copy = dyn_cast<CXXConstructExpr>(E))
    return Copy->getNumArgs() == 1 &&
           Copy->getConstructor()->isCopyOrMoveConstructor() &&
           Depth < MaxIdDepth &&
           isCurrentThreadId(Copy->getArg(0), TU, Depth + 1);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(Ref->getDecl()))
      return VD->getTLSKind() != VarDecl::TLS_None;
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    return Callee &&
           (TU.Lib.functionHas(Callee, LibraryRole::CurrentThreadId) ||
            returnsCurrentThreadId(Callee, TU, Depth));
  }
  return false;
}

/// E without its leading `!`s; Negated flips for each.
const Expr *stripNegations(const Expr *E, bool &Negated) {
  while (true) {
    E = E->IgnoreParenImpCasts();
    const auto *U = dyn_cast<UnaryOperator>(E);
    if (!U || U->getOpcode() != UO_LNot)
      return E;
    Negated = !Negated;
    E = U->getSubExpr();
  }
}

/// In `kept == current` (or !=, !(...)), the kept side; Negated flips for
/// each negation, so that the test is true on the owner's thread when
/// Negated ends false.
const Expr *keptIdIn(const Expr *E, TranslationUnitFacts &TU, bool &Negated) {
  E = stripNegations(E, Negated);
  const Expr *L = nullptr, *R = nullptr;
  bool Equal = true;
  if (const auto *Rewritten = dyn_cast<CXXRewrittenBinaryOperator>(E)) {
    // C++20's a != b as !(a == b), or with the operands swapped.
    CXXRewrittenBinaryOperator::DecomposedForm Form =
        Rewritten->getDecomposedForm();
    if (Form.Opcode != BO_EQ && Form.Opcode != BO_NE)
      return nullptr;
    L = Form.LHS;
    R = Form.RHS;
    Equal = Form.Opcode == BO_EQ;
  } else if (const auto *B = dyn_cast<BinaryOperator>(E)) {
    if (B->getOpcode() != BO_EQ && B->getOpcode() != BO_NE)
      return nullptr;
    L = B->getLHS();
    R = B->getRHS();
    Equal = B->getOpcode() == BO_EQ;
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    // std::thread::id's operator== and !=.
    if ((Op->getOperator() != OO_EqualEqual &&
         Op->getOperator() != OO_ExclaimEqual) ||
        Op->getNumArgs() != 2)
      return nullptr;
    L = Op->getArg(0);
    R = Op->getArg(1);
    Equal = Op->getOperator() == OO_EqualEqual;
  } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
    // pthread_equal(kept, pthread_self()).
    if (Call->getNumArgs() != 2 ||
        !TU.Lib.functionHas(Call->getDirectCallee(),
                            LibraryRole::ThreadIdEquality))
      return nullptr;
    L = Call->getArg(0);
    R = Call->getArg(1);
  } else {
    return nullptr;
  }
  bool LeftCurrent = isCurrentThreadId(L, TU);
  bool RightCurrent = isCurrentThreadId(R, TU);
  if (LeftCurrent == RightCurrent)
    return nullptr;
  if (!Equal)
    Negated = !Negated;
  // The kept id as an operand by value (std::thread::id): its copy.
  const Expr *Kept = (LeftCurrent ? R : L)->IgnoreParenImpCasts();
  while (const auto *Copy = dyn_cast<CXXConstructExpr>(Kept)) {
    if (Copy->getNumArgs() != 1 ||
        !Copy->getConstructor()->isCopyOrMoveConstructor())
      break;
    Kept = Copy->getArg(0)->IgnoreParenImpCasts();
  }
  return Kept;
}

/// The fields from `this` to E (`threadId_`, `this->impl_.tid`), outermost
/// first; false when E is not a chain of fields of `this`.
bool fieldsOfThis(const Expr *E, std::vector<const FieldDecl *> &Fields) {
  E = E->IgnoreParenImpCasts();
  if (isa<CXXThisExpr>(E))
    return true;
  const auto *ME = dyn_cast<MemberExpr>(E);
  const auto *Field = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
  if (!Field)
    return false;
  const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
  if (ME->isArrow() && !isa<CXXThisExpr>(Base))
    return false;
  if (!fieldsOfThis(Base, Fields))
    return false;
  Fields.push_back(Field);
  return true;
}

/// The only statement of a method's body, if it has one statement.
const Stmt *onlyStatementOf(const FunctionDecl *F) {
  const FunctionDecl *Def = nullptr;
  if (!F || !isa<CXXMethodDecl>(F) || !F->hasBody(Def) || !Def)
    return nullptr;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Def->getBody());
  return Body && Body->size() == 1 ? Body->body_front() : nullptr;
}

/// `kept == current` written out, the kept id in fields of `this`.
bool comparesFieldsOfThis(const Expr *E, TranslationUnitFacts &TU,
                          std::vector<const FieldDecl *> &Fields,
                          bool &Negated) {
  const Expr *Kept = keptIdIn(E, TU, Negated);
  return Kept && fieldsOfThis(Kept, Fields) && !Fields.empty();
}

/// A method whose body is only `return <owner test of this's fields>;`.
bool ownerTestMethod(const FunctionDecl *F, TranslationUnitFacts &TU,
                     std::vector<const FieldDecl *> &Fields, bool &Negated) {
  const auto *Return = dyn_cast_or_null<ReturnStmt>(onlyStatementOf(F));
  return Return && Return->getRetValue() &&
         comparesFieldsOfThis(Return->getRetValue(), TU, Fields, Negated);
}

} // namespace

bool isCurrentThreadIdValue(const Expr *E, TranslationUnitFacts &TU) {
  return isCurrentThreadId(E, TU);
}

void findKeptIdReads(const Stmt *Body, TranslationUnitFacts &TU,
                     std::set<const Expr *> &Out) {
  llvm::SmallVector<const Stmt *, 32> Work = {Body};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *E = dyn_cast<Expr>(S);
        E && (isa<BinaryOperator>(E) || isa<CXXOperatorCallExpr>(E) ||
              isa<CXXRewrittenBinaryOperator>(E) || isa<CallExpr>(E))) {
      bool Negated = false;
      if (const Expr *Kept = keptIdIn(E, TU, Negated))
        Out.insert(Kept->IgnoreParenImpCasts());
    }
    // `has_owner_ && owner_ == current`: the flag that says the kept id is
    // valid is read only to ask the same question, as part of the test.
    if (const auto *B = dyn_cast<BinaryOperator>(S);
        B && B->getOpcode() == BO_LAnd) {
      bool FlagNegated = false, TestNegated = false;
      const Expr *Flag =
          stripNegations(B->getLHS(), FlagNegated)->IgnoreParenImpCasts();
      if ((isa<MemberExpr>(Flag) || isa<DeclRefExpr>(Flag)) &&
          Flag->getType()->isBooleanType() &&
          keptIdIn(B->getRHS()->IgnoreParens(), TU, TestNegated))
        Out.insert(Flag);
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
}

std::optional<AccessPath>
CallModel::ownerMarkOf(const Expr *Object,
                       llvm::ArrayRef<const FieldDecl *> Fields) {
  std::optional<AccessPath> Path;
  if (!Object || isa<CXXThisExpr>(Object->IgnoreParenImpCasts())) {
    Path = thisPath();
    if (Path)
      appendStep(*Path, "*");
  } else if (Object->getType()->isPointerType()) {
    Path = S.Paths.pointerValueOf(Object);
    if (Path)
      appendStep(*Path, "*");
  } else {
    Path = S.Paths.pathOf(Object);
  }
  if (!Path)
    return std::nullopt;
  for (const FieldDecl *F : Fields) {
    appendStep(*Path, "." + F->getNameAsString());
    Path->Name = catalogName(F->getParent()) + "::" + F->getNameAsString();
  }
  appendStep(*Path, "?owner");
  return Path;
}

std::optional<TryLock> CallModel::ownerTestIn(const Expr *E, bool Negated) {
  std::optional<AccessPath> Mark;
  E = stripNegations(E, Negated);
  if (const Expr *Kept = keptIdIn(E, S.TU, Negated)) {
    // `threadId_ == CurrentThread::tid()` written out in the condition.
    if (auto Path = S.Paths.pathOf(Kept)) {
      appendStep(*Path, "?owner");
      Mark = Path;
    }
  } else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    // `loop_->isInLoopThread()`.
    std::vector<const FieldDecl *> Fields;
    if (ownerTestMethod(Call->getMethodDecl(), S.TU, Fields, Negated))
      Mark = ownerMarkOf(Call->getImplicitObjectArgument(), Fields);
  }
  if (!Mark)
    return std::nullopt;
  TryLock T;
  T.Negated = Negated;
  T.Locks.push_back({*Mark, false});
  return T;
}

void CallModel::handleOwnerAssertion(const FunctionDecl *Callee,
                                     const Expr *Receiver) {
  const auto *If = dyn_cast_or_null<IfStmt>(onlyStatementOf(Callee));
  if (!If || If->getElse() || If->getInit() || If->getConditionVariable())
    return;
  // The branch taken off the owner's thread is the one that complains:
  // the condition must be true exactly off it (Negated ends true).
  bool Negated = false;
  std::vector<const FieldDecl *> Fields;
  const Expr *Cond = stripNegations(If->getCond(), Negated);
  const auto *Call = dyn_cast<CXXMemberCallExpr>(Cond);
  bool Tests =
      Call ? isa<CXXThisExpr>(
                 Call->getImplicitObjectArgument()->IgnoreParenImpCasts()) &&
                 ownerTestMethod(Call->getMethodDecl(), S.TU, Fields, Negated)
           : comparesFieldsOfThis(Cond, S.TU, Fields, Negated);
  if (Tests && Negated)
    if (auto Mark = ownerMarkOf(Receiver, Fields))
      lock({{*Mark, false}});
}

} // namespace extract
} // namespace concur
