//===- LastReference.cpp - The branch where a reference count reached zero ===//

#include "facts/LastReference.h"
#include "facts/ExtractInternal.h"

#include "clang/AST/ExprCXX.h"

#include <algorithm>
#include <map>
#include <vector>

using namespace clang;

namespace concur {
namespace extract {

namespace {

/// A decrement of a counter by one whose value the test reads: the new
/// value (--c, __atomic_sub_fetch) or the old one (c--, fetch_sub). The
/// counter is an lvalue, or what a pointer points to (a builtin given a
/// pointer, a wrapper given the counter's address).
struct Decrement {
  const Expr *Counter = nullptr;
  bool YieldsOld = false;
  const Expr *Address = nullptr;
};

std::optional<Decrement> decrementIn(const Expr *E, const FunctionScope &S,
                                     bool ThroughWrappers = true);

/// The parameter a function of the file passes to the decrement it returns
/// the value of (`long dec(long *p) { return __sync_sub_and_fetch(p, 1); }`,
/// also through a local: `ret = ...; return ret;`), and which value.
std::optional<std::pair<unsigned, bool>>
wrappedDecrement(const FunctionDecl *F, const FunctionScope &S) {
  const Stmt *Body = F ? F->getBody() : nullptr;
  if (!Body)
    return std::nullopt;
  std::vector<const Expr *> Returned;
  std::map<const VarDecl *, std::vector<const Expr *>> Assigned;
  std::vector<const Stmt *> Work{Body};
  while (!Work.empty()) {
    const Stmt *St = Work.back();
    Work.pop_back();
    if (!St || isa<LambdaExpr>(St))
      continue;
    if (const auto *R = dyn_cast<ReturnStmt>(St))
      Returned.push_back(R->getRetValue());
    if (const auto *B = dyn_cast<BinaryOperator>(St))
      if (B->isAssignmentOp())
        if (const VarDecl *VD = referencedVar(B->getLHS()))
          Assigned[VD].push_back(B->getOpcode() == BO_Assign ? B->getRHS()
                                                             : nullptr);
    if (const auto *D = dyn_cast<DeclStmt>(St))
      for (const Decl *X : D->decls())
        if (const auto *VD = dyn_cast<VarDecl>(X))
          Assigned[VD].push_back(VD->getInit());
    for (const Stmt *Child : St->children())
      Work.push_back(Child);
  }
  // Every returned value is the decrement's, of one parameter's pointee.
  std::optional<std::pair<unsigned, bool>> Found;
  auto Agrees = [&](const Expr *V) {
    std::optional<Decrement> D =
        V ? decrementIn(V, S, /*ThroughWrappers=*/false) : std::nullopt;
    const Expr *Pointer = nullptr;
    if (D && D->Address)
      Pointer = D->Address;
    else if (const auto *U =
                 D ? dyn_cast<UnaryOperator>(D->Counter->IgnoreParenImpCasts())
                   : nullptr;
             U && U->getOpcode() == UO_Deref)
      Pointer = U->getSubExpr();
    const auto *Param =
        Pointer ? dyn_cast_or_null<ParmVarDecl>(referencedVar(Pointer))
                : nullptr;
    if (!Param || Param->getDeclContext() != F)
      return false;
    std::pair<unsigned, bool> This{Param->getFunctionScopeIndex(),
                                   D->YieldsOld};
    if (Found && *Found != This)
      return false;
    Found = This;
    return true;
  };
  for (const Expr *V : Returned) {
    if (!V)
      return std::nullopt;
    const VarDecl *Local = referencedVar(V);
    if (Local && !Local->hasGlobalStorage() && !isa<ParmVarDecl>(Local)) {
      auto It = Assigned.find(Local);
      if (It == Assigned.end() ||
          !std::all_of(It->second.begin(), It->second.end(), Agrees))
        return std::nullopt;
    } else if (!Agrees(V)) {
      return std::nullopt;
    }
  }
  return Found;
}

bool isOne(const Expr *E, const ASTContext &Ctx) {
  return integerConstant(E, Ctx) == 1;
}

std::optional<Decrement> decrementIn(const Expr *E, const FunctionScope &S,
                                     bool ThroughWrappers) {
  E = E->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->getOpcode() == UO_PreDec)
      return Decrement{U->getSubExpr(), false};
    if (U->getOpcode() == UO_PostDec)
      return Decrement{U->getSubExpr(), true};
    return std::nullopt;
  }
  // An atomic's operator--: prefix has the object only, postfix an int too.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getOperator() != OO_MinusMinus || Op->getNumArgs() == 0 ||
        !S.Lib.isAtomic(Op->getArg(0)->getType()))
      return std::nullopt;
    return Decrement{Op->getArg(0), Op->getNumArgs() == 2};
  }
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = M->getMethodDecl();
    if (!Method || Method->getName() != "fetch_sub" || M->getNumArgs() == 0 ||
        !isOne(M->getArg(0), S.TU.Ctx) ||
        !S.Lib.isAtomic(M->getImplicitObjectArgument()->getType()))
      return std::nullopt;
    return Decrement{M->getImplicitObjectArgument(), true};
  }
  // The compiler's atomic builtins take the counter's address: the
  // __atomic and __c11 ones are AtomicExprs, the __sync ones calls (of a
  // sized variant, __sync_fetch_and_sub_4).
  const Expr *Address = nullptr;
  bool YieldsOld = false;
  if (const auto *A = dyn_cast<AtomicExpr>(E)) {
    switch (A->getOp()) {
    case AtomicExpr::AO__atomic_sub_fetch:
      break;
    case AtomicExpr::AO__atomic_fetch_sub:
    case AtomicExpr::AO__c11_atomic_fetch_sub:
      YieldsOld = true;
      break;
    default:
      return std::nullopt;
    }
    if (A->getNumSubExprs() < 3 || !isOne(A->getVal1(), S.TU.Ctx))
      return std::nullopt;
    Address = A->getPtr();
  } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    // A function of the program that returns a decrement's value.
    if (ThroughWrappers && Callee && !Callee->getBuiltinID() &&
        !S.TU.inLibraryCode(Callee))
      if (auto Wrapped = wrappedDecrement(Callee->getDefinition(), S))
        if (Wrapped->first < Call->getNumArgs()) {
          Decrement D;
          D.Address = Call->getArg(Wrapped->first);
          D.YieldsOld = Wrapped->second;
          return D;
        }
    if (!Callee || !Callee->getBuiltinID() || Call->getNumArgs() < 2 ||
        !isOne(Call->getArg(1), S.TU.Ctx))
      return std::nullopt;
    llvm::StringRef Name = Callee->getName();
    if (Name.starts_with("__sync_fetch_and_sub"))
      YieldsOld = true;
    else if (!Name.starts_with("__sync_sub_and_fetch"))
      return std::nullopt;
    Address = Call->getArg(0);
  } else {
    return std::nullopt;
  }
  const auto *AddrOf = dyn_cast<UnaryOperator>(Address->IgnoreParenImpCasts());
  if (!AddrOf || AddrOf->getOpcode() != UO_AddrOf)
    return Decrement{nullptr, YieldsOld, Address};
  return Decrement{AddrOf->getSubExpr(), YieldsOld};
}

} // namespace

void CountHolders::note(const VarDecl *VD, const Expr *Value) {
  if (Value && VD->getType()->isIntegralOrEnumerationType() &&
      decrementIn(Value, S))
    Values[VD] = Value;
  else
    Values.erase(VD);
}

const Expr *CountHolders::valueOf(const VarDecl *VD) const {
  auto It = Values.find(VD);
  return It == Values.end() ? nullptr : It->second;
}

std::optional<HeldLock> lastReferenceOnEdge(const Expr *Cond, bool TrueEdge,
                                            FunctionScope &S,
                                            const CountHolders &Held) {
  // Cond is "the decrement's value == Compared", negated when Negated:
  // `!--c` and `--c == 0` alike, `--c` and `--c != 0` negated.
  bool Negated = false;
  const Expr *E = withoutNegations(Cond, Negated);
  // The decrement itself, or a local holding its value.
  auto DecrementOf = [&](const Expr *X) {
    if (const VarDecl *VD = referencedVar(X))
      if (const Expr *Value = Held.valueOf(VD))
        X = Value;
    return decrementIn(X, S);
  };
  int64_t Compared = 0;
  std::optional<Decrement> Dec;
  if (const auto *B = dyn_cast<BinaryOperator>(E); B && B->isEqualityOp()) {
    std::optional<int64_t> Right = integerConstant(B->getRHS(), S.TU.Ctx);
    std::optional<int64_t> Left =
        Right ? std::nullopt : integerConstant(B->getLHS(), S.TU.Ctx);
    if (!Right && !Left)
      return std::nullopt;
    Compared = Right ? *Right : *Left;
    if (B->getOpcode() == BO_NE)
      Negated = !Negated;
    Dec = DecrementOf(Right ? B->getLHS() : B->getRHS());
  } else {
    // A truth test of the value: "!= 0".
    Negated = !Negated;
    Dec = DecrementOf(E);
  }
  if (!Dec)
    return std::nullopt;
  // Zero reached: the new value is 0, or the old one 1.
  if (Compared != (Dec->YieldsOld ? 1 : 0) || TrueEdge == Negated)
    return std::nullopt;
  // The object the count is a field of: the place up to the last
  // dereference (`it->refcount`, `o->hdr.refs`). A count of no object
  // reached through a pointer (a global) counts references to nothing this
  // thread can come to hold alone.
  std::optional<AccessPath> Object = Dec->Counter
                                         ? S.Paths.pathOf(Dec->Counter)
                                         : S.Paths.pointerValueOf(Dec->Address);
  if (!Object)
    return std::nullopt;
  if (!Dec->Counter)
    appendStep(*Object, "*");
  while (!Object->Steps.empty() && Object->Steps.back() != "*")
    Object->Steps.pop_back();
  if (Object->Steps.empty())
    return std::nullopt;
  HeldLock L;
  L.Mutex = *Object;
  L.Mutex.Name = "the last reference to " + Object->RootName;
  L.Mutex.Steps.push_back(LastReferenceMark);
  return L;
}

} // namespace extract
} // namespace concur
