//===- LibraryModel.cpp - What library types and functions are ------------===//

#include "facts/LibraryModel.h"
#include "facts/ExtractInternal.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace concur {
namespace extract {

bool LibraryModel::recordHas(const CXXRecordDecl *RD, LibraryRole Role) const {
  if (!RD)
    return false;
  auto Key = std::make_pair(RD, Role);
  auto Known = Cache.find(Key);
  if (Known != Cache.end())
    return Known->second;
  bool Has = Cat.hasRole(catalogName(RD), Role);
  if (!Has && RD->hasDefinition())
    RD->forallBases([&](const CXXRecordDecl *Base) {
      Has = Has || Cat.hasRole(catalogName(Base), Role);
      return !Has;
    });
  return Cache[Key] = Has;
}

bool LibraryModel::typeHas(QualType T, LibraryRole Role) const {
  return !T.isNull() && recordHas(recordOf(T), Role);
}

bool LibraryModel::isAtomic(QualType T) const {
  T = T.getNonReferenceType();
  return T->isAtomicType() ||
         recordHas(T->getAsCXXRecordDecl(), LibraryRole::Atomic);
}

bool LibraryModel::isSyncObject(QualType T) const {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD)
    return false;
  if (RD->hasAttr<CapabilityAttr>())
    return true;
  return recordHas(RD, LibraryRole::SyncObject);
}

bool LibraryModel::isThreadSafeGlobal(const AccessPath &P) const {
  if (P.Root != AccessPath::RootKind::Global)
    return false;
  CallShape Shape;
  Shape.Names.push_back(P.RootName);
  Shape.Names.push_back(P.Name);
  return Cat.match(Shape, EntryKind::ThreadSafe) != nullptr;
}

bool LibraryModel::isThreadSafe(QualType T) const {
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD)
    return false;
  // Thread-safe entries are their own kind; LibraryRole::None keys them in
  // the cache.
  auto Key = std::make_pair(RD, LibraryRole::None);
  auto Known = Cache.find(Key);
  if (Known != Cache.end())
    return Known->second;
  CallShape Shape;
  Shape.Names.push_back(catalogName(RD));
  if (RD->hasDefinition())
    RD->forallBases([&](const CXXRecordDecl *Base) {
      Shape.Names.push_back(catalogName(Base));
      return true;
    });
  return Cache[Key] = Cat.match(Shape, EntryKind::ThreadSafe) != nullptr;
}

bool LibraryModel::isThreadHandle(QualType T) const {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType();
  while (const auto *TT = T->getAs<TypedefType>()) {
    if (Cat.hasRole(TT->getDecl()->getQualifiedNameAsString(),
                    LibraryRole::ThreadHandle))
      return true;
    QualType Under = TT->desugar();
    if (Under == T)
      break;
    T = Under;
  }
  return typeHas(T, LibraryRole::ThreadHandle);
}

bool LibraryModel::isSmartPointer(QualType T) const {
  return recordHas(T.getNonReferenceType()->getAsCXXRecordDecl(),
                   LibraryRole::SmartPointer);
}

bool LibraryModel::isCallable(QualType T) const {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType();
  if (T->isFunctionType() || T->isFunctionPointerType() ||
      T->isMemberFunctionPointerType() || T->isBlockPointerType())
    return true;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return false;
  if (RD->isLambda() || recordHas(RD, LibraryRole::CallableWrapper))
    return true;
  if (!RD->hasDefinition())
    return false;
  DeclarationName Call =
      RD->getASTContext().DeclarationNames.getCXXOperatorName(OO_Call);
  return !RD->lookup(Call).empty();
}

ExecutionContext LibraryModel::executorContext(QualType T) const {
  if (T.isNull())
    return ExecutionContext::None;
  T = T.getNonReferenceType();
  if (const auto *P = T->getAs<PointerType>())
    T = P->getPointeeType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  // std::shared_ptr<thread_pool_executor>: the executor it points to.
  if (RD && recordHas(RD, LibraryRole::SmartPointer))
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
      if (Spec->getTemplateArgs().size() > 0 &&
          Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
        RD = Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
  for (LibraryRole Role :
       {LibraryRole::EventLoopExecutor, LibraryRole::PoolExecutor,
        LibraryRole::DedicatedThreadExecutor, LibraryRole::InlineExecutor})
    if (recordHas(RD, Role))
      return contextOfExecutorRole(Role);
  return ExecutionContext::None;
}

bool LibraryModel::isErasedCallable(QualType T) const {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType();
  if (T->isFunctionType() || T->isFunctionPointerType() ||
      T->isMemberFunctionPointerType() || T->isBlockPointerType())
    return true;
  return recordHas(T->getAsCXXRecordDecl(), LibraryRole::CallableWrapper);
}

bool LibraryModel::isCoroutineObject(QualType T) const {
  if (T.isNull())
    return false;
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  RD = RD->getDefinition();
  auto Known = CoroutineObjects.find(RD);
  if (Known != CoroutineObjects.end())
    return Known->second;
  bool Is = findsPromise(RD);
  CoroutineObjects[RD] = Is;
  return Is;
}

bool LibraryModel::findsPromise(const CXXRecordDecl *RD) const {
  ASTContext &Ctx = RD->getASTContext();
  if (!RD->lookup(&Ctx.Idents.get("promise_type")).empty())
    return true;
  // std::coroutine_traits<R, Args...> specialised for R by the coroutines
  // of the file that return one.
  const NamespaceDecl *Std = nullptr;
  for (const NamedDecl *D :
       Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get("std")))
    if ((Std = dyn_cast<NamespaceDecl>(D)))
      break;
  if (!Std)
    return false;
  QualType Canonical = Ctx.getCanonicalType(Ctx.getRecordType(RD));
  for (const NamedDecl *D : Std->lookup(&Ctx.Idents.get("coroutine_traits")))
    if (const auto *Traits = dyn_cast<ClassTemplateDecl>(D))
      for (const ClassTemplateSpecializationDecl *Spec :
           Traits->specializations()) {
        const TemplateArgumentList &Args = Spec->getTemplateArgs();
        if (Args.size() > 0 && Args[0].getKind() == TemplateArgument::Type &&
            Ctx.getCanonicalType(Args[0].getAsType()) == Canonical)
          return true;
      }
  return false;
}

bool LibraryModel::functionHas(const FunctionDecl *F, LibraryRole Role) const {
  return F && Cat.hasRole(catalogName(F), Role);
}

const std::vector<long long> *
LibraryModel::knownResults(const FunctionDecl *F) const {
  return F ? Cat.resultsOf(catalogName(F)) : nullptr;
}

bool LibraryModel::methodHas(const FunctionDecl *F, LibraryRole Role) const {
  if (!F)
    return false;
  std::string Name = F->getNameAsString();
  if (isa<CXXConversionDecl>(F))
    Name = "operator bool";
  return Cat.hasRole(Name, Role);
}

const Expr *LibraryModel::skipWrappers(const Expr *E) const {
  while (E) {
    const Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = B->getSubExpr();
    else if (const auto *C = dyn_cast<ExprWithCleanups>(Next))
      Next = C->getSubExpr();
    else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(Next))
      Next = F->getSubExpr();
    else if (const auto *CE = dyn_cast<ConstantExpr>(Next))
      Next = CE->getSubExpr();
    else if (const auto *Ctor = dyn_cast<CXXConstructExpr>(Next)) {
      // Copying or moving a closure or functor keeps its target, and so
      // does wrapping it in a callable wrapper.
      if (Ctor->getNumArgs() == 1 &&
          (Ctor->getConstructor()->isCopyOrMoveConstructor() ||
           recordHas(Ctor->getConstructor()->getParent(),
                     LibraryRole::CallableWrapper)))
        Next = Ctor->getArg(0);
    }
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

static constexpr size_t MaxCallOperators = 16;

void callOperatorsOf(const CXXRecordDecl *RD,
                     std::vector<const FunctionDecl *> &Out) {
  if (!RD || !RD->hasDefinition())
    return;
  DeclarationName Call =
      RD->getASTContext().DeclarationNames.getCXXOperatorName(OO_Call);
  for (const NamedDecl *ND : RD->lookup(Call)) {
    if (const auto *MD = dyn_cast<CXXMethodDecl>(ND))
      Out.push_back(MD);
    else if (const auto *FT = dyn_cast<FunctionTemplateDecl>(ND))
      // A function object with a templated operator() (a customisation
      // point object) has a specialization per argument type used anywhere
      // in the file; a call passing it may run any of them, but beyond a
      // handful they are generic plumbing, not the user's code.
      for (const FunctionDecl *Spec : FT->specializations()) {
        if (Out.size() >= MaxCallOperators)
          break;
        Out.push_back(Spec);
      }
  }
}

void LibraryModel::callableTargets(
    const Expr *E, std::vector<const FunctionDecl *> &Out) const {
  // Binders wrap binders only as deep as people write them; a bound chain
  // longer than this is followed no further.
  constexpr unsigned MaxBinders = 64;
  for (unsigned Hop = 0; Hop < MaxBinders; ++Hop) {
    E = skipWrappers(E);
    if (!E)
      return;
    if (const auto *L = dyn_cast<LambdaExpr>(E)) {
      callOperatorsOf(L->getLambdaClass(), Out);
      return;
    }
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && U->getOpcode() == UO_AddrOf) {
      E = U->getSubExpr();
      continue;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl())) {
        Out.push_back(FD);
        return;
      }
    // A function cast to the type the API takes (`(void *(*)(void *))
    // thread_do`, a thread function declared with its own argument type)
    // still runs that function.
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E);
        Cast && Cast->getType()->isFunctionPointerType()) {
      E = Cast->getSubExpr();
      continue;
    }
    if (const auto *CE = dyn_cast<CallExpr>(E))
      if (const FunctionDecl *FD = CE->getDirectCallee())
        // std::bind(f, ...) runs f; std::move(f) and std::ref(f) are f.
        if (CE->getNumArgs() > 0 &&
            (functionHas(FD, LibraryRole::BindsCallable) ||
             functionHas(FD, LibraryRole::PassThrough))) {
          E = CE->getArg(0);
          continue;
        }
    // A functor object (or a variable holding a closure).
    if (E->getType()->isFunctionPointerType() ||
        E->getType()->isMemberFunctionPointerType())
      return;
    if (const CXXRecordDecl *RD = recordOf(E->getType()))
      if (!RD->isInStdNamespace())
        callOperatorsOf(RD, Out);
    return;
  }
}

} // namespace extract
} // namespace concur
