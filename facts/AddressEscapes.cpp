//===- AddressEscapes.cpp - Addresses of shared places handed on ---------===//

#include "facts/AddressEscapes.h"

#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

#include <map>
#include <set>

using namespace clang;

namespace concur {
namespace extract {

/// The place E names, when it is a global's, what one of FD's parameters
/// points to, or `this`'s object (through fields and elements: an
/// element's address stands for its whole array).
static std::optional<AccessPath> sharedPlace(const Expr *E,
                                             const FunctionDecl *FD,
                                             TranslationUnitFacts &TU) {
  std::vector<std::string> Steps;
  E = E->IgnoreParenImpCasts();
  while (true) {
    if (const auto *M = dyn_cast<MemberExpr>(E)) {
      Steps.insert(Steps.begin(), "." + M->getMemberDecl()->getNameAsString());
      if (M->isArrow()) {
        Steps.insert(Steps.begin(), "*");
        const Expr *Base = M->getBase()->IgnoreParenImpCasts();
        AccessPath P;
        if (isa<CXXThisExpr>(Base)) {
          P.Root = AccessPath::RootKind::This;
        } else if (const auto *Ref = dyn_cast<DeclRefExpr>(Base)) {
          const auto *Param = dyn_cast<ParmVarDecl>(Ref->getDecl());
          if (!Param || !FD || Param->getDeclContext() != FD)
            return std::nullopt;
          P.Root = AccessPath::RootKind::Param;
          P.RootId = std::to_string(Param->getFunctionScopeIndex());
          P.RootName = Param->getNameAsString();
        } else {
          return std::nullopt;
        }
        P.Steps = std::move(Steps);
        return P;
      }
      E = M->getBase()->IgnoreParenImpCasts();
    } else if (const auto *A = dyn_cast<ArraySubscriptExpr>(E)) {
      // The array itself, when it is one (not what a pointer points to).
      if (!A->getBase()->IgnoreParenImpCasts()->getType()->isArrayType())
        return std::nullopt;
      Steps.clear();
      E = A->getBase()->IgnoreParenImpCasts();
    } else if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
      if (!VD || !VD->hasGlobalStorage() ||
          VD->getTLSKind() != VarDecl::TLS_None)
        return std::nullopt;
      AccessPath P;
      P.Root = AccessPath::RootKind::Global;
      P.RootId = TU.usr(VD);
      P.RootName = P.Name = VD->getNameAsString();
      P.Steps = std::move(Steps);
      if (P.RootId.empty())
        return std::nullopt;
      return P;
    } else {
      return std::nullopt;
    }
  }
}

std::vector<AddressEscape> findAddressEscapes(const Stmt *Body,
                                              const FunctionDecl *FD,
                                              TranslationUnitFacts &TU) {
  // What is given straight to a named parameter of a call of a function
  // of the program (not to its `...`: a va_list hands it on), by callee.
  std::map<const Expr *, std::string> Passed;
  // Uses of a pointer parameter that reach through it or test it: they
  // hand nothing on.
  std::set<const Expr *> ThroughOrTested;
  // What is given to a library function's named parameter.
  std::set<const Expr *> LibraryNamed;
  std::vector<const Stmt *> Work{Body};
  std::vector<std::pair<const Expr *, const Expr *>> Taken; // (at, place)
  std::vector<const DeclRefExpr *> ParamUses;
  auto Inner = [](const Expr *E) { return E->IgnoreParenImpCasts(); };
  while (!Work.empty()) {
    const Stmt *Node = Work.back();
    Work.pop_back();
    if (!Node)
      continue;
    if (const auto *Call = dyn_cast<CallExpr>(Node))
      if (const FunctionDecl *Callee = Call->getDirectCallee())
        for (unsigned I = 0;
             I < Call->getNumArgs() && I < Callee->getNumParams(); ++I) {
          const Expr *Arg = Call->getArg(I);
          // A parameter's pointer given to a library function's named
          // parameter (memset, pthread_create): taken to be kept by
          // nothing that writes where concur does not see.
          if (TU.inLibraryCode(Callee)) {
            LibraryNamed.insert(Inner(Arg));
            continue;
          }
          for (const Expr *Given :
               {Arg->IgnoreParens(), Arg->IgnoreParenCasts()})
            Passed[Given] = TU.usr(Callee);
        }
    if (const auto *U = dyn_cast<UnaryOperator>(Node)) {
      if (U->getOpcode() == UO_AddrOf)
        Taken.push_back({U, U->getSubExpr()});
      if (U->getOpcode() == UO_Deref || U->getOpcode() == UO_LNot)
        ThroughOrTested.insert(Inner(U->getSubExpr()));
    }
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Node)) {
      if (Cast->getCastKind() == CK_ArrayToPointerDecay)
        Taken.push_back({Cast, Cast->getSubExpr()});
      if (Cast->getCastKind() == CK_PointerToBoolean)
        ThroughOrTested.insert(Inner(Cast->getSubExpr()));
    }
    if (const auto *M = dyn_cast<MemberExpr>(Node); M && M->isArrow())
      ThroughOrTested.insert(Inner(M->getBase()));
    if (const auto *A = dyn_cast<ArraySubscriptExpr>(Node))
      ThroughOrTested.insert(Inner(A->getBase()));
    if (const auto *B = dyn_cast<BinaryOperator>(Node);
        B && B->isComparisonOp()) {
      ThroughOrTested.insert(Inner(B->getLHS()));
      ThroughOrTested.insert(Inner(B->getRHS()));
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Node))
      if (const auto *Param = dyn_cast<ParmVarDecl>(Ref->getDecl());
          Param && FD && Param->getDeclContext() == FD &&
          Param->getType()->isPointerType())
        ParamUses.push_back(Ref);
    for (const Stmt *Child : Node->children())
      Work.push_back(Child);
  }
  // Each place once per callee (or once handed on otherwise).
  std::vector<AddressEscape> Out;
  std::set<std::pair<std::string, std::string>> Seen;
  auto Add = [&](AccessPath Place, const Expr *At) {
    AddressEscape E;
    E.Place = std::move(Place);
    auto It = Passed.find(At);
    if (It != Passed.end())
      E.CalleeId = It->second;
    if (Seen.insert({pathKey(E.Place), E.CalleeId}).second)
      Out.push_back(std::move(E));
  };
  for (const auto &[At, Place] : Taken)
    if (std::optional<AccessPath> P = sharedPlace(Place, FD, TU))
      Add(std::move(*P), At);
  // A pointer parameter's value handed on (to a program's function, a
  // `...`, a store, a return): what it points to is reachable from there.
  for (const DeclRefExpr *Use : ParamUses) {
    if (ThroughOrTested.count(Use) || LibraryNamed.count(Use))
      continue;
    const auto *Param = cast<ParmVarDecl>(Use->getDecl());
    AccessPath P;
    P.Root = AccessPath::RootKind::Param;
    P.RootId = std::to_string(Param->getFunctionScopeIndex());
    P.RootName = Param->getNameAsString();
    P.Steps = {"*"};
    Add(std::move(P), Use);
  }
  return Out;
}

} // namespace extract
} // namespace concur
