//===- CallableFlow.cpp - Where callables are stored and called from ------===//

#include "facts/CallableFlow.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

#include <utility>
#include <vector>

using namespace clang;

namespace concur {
namespace extract {

/// Slots are followed through this many element and dereference steps.
static constexpr unsigned MaxSlotSteps = 64;

Slot CallableFlow::varSlot(const VarDecl *VD) const {
  if (const auto *Param = dyn_cast<ParmVarDecl>(VD))
    if (const auto *F =
            dyn_cast_or_null<FunctionDecl>(Param->getParentFunctionOrMethod()))
      return paramSlot(F, Param->getFunctionScopeIndex());
  return {"var:" + TU.usr(VD), VD->hasGlobalStorage() && !VD->isStaticLocal()
                                   ? catalogName(VD)
                                   : VD->getNameAsString()};
}

Slot CallableFlow::fieldSlot(const FieldDecl *FD) const {
  return {"field:" + TU.usr(FD), FD->getNameAsString()};
}

Slot CallableFlow::paramSlot(const FunctionDecl *F, unsigned Index) const {
  std::string Name = Index < F->getNumParams()
                         ? F->getParamDecl(Index)->getNameAsString()
                         : std::string();
  if (Name.empty())
    Name = "parameter " + std::to_string(Index + 1);
  return {"param:" + TU.usr(F->getCanonicalDecl()) + "#" +
              std::to_string(Index),
          Name};
}

Slot CallableFlow::returnSlot(const FunctionDecl *F) const {
  return {"ret:" + TU.usr(F->getCanonicalDecl()), TU.displayName(F) + "()"};
}

Slot CallableFlow::elements(const Slot &Container) {
  return {Container.Id + "[]", Container.Name + "[]"};
}

std::string CallableFlow::kindOf(QualType T) const {
  T = T.getNonReferenceType();
  if (T->isFunctionPointerType() || T->isFunctionType() ||
      T->isMemberFunctionPointerType())
    return "function pointer";
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl())
    if (TU.Lib.recordHas(RD, LibraryRole::CallableWrapper))
      return catalogName(RD);
  return "callable";
}

std::optional<Slot> CallableFlow::slotOf(const Expr *E) const {
  std::string Suffix, NameSuffix;
  for (unsigned Step = 0; E && Step < MaxSlotSteps; ++Step) {
    E = TU.Lib.skipWrappers(E);
    // A function pointer cast to the type the API takes (a start wrapper's
    // `(void *(*)(void *))worker`, its parameter declared with another
    // signature) still holds what it held.
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E);
        Cast && Cast->getType()->isFunctionPointerType() &&
        Cast->getSubExpr()->getType()->isFunctionPointerType()) {
      E = Cast->getSubExpr();
      continue;
    }
    if (const auto *U = dyn_cast<UnaryOperator>(E)) {
      // (*fp)() calls what fp points to: the function itself.
      if (U->getOpcode() != UO_Deref)
        return std::nullopt;
      E = U->getSubExpr();
      continue;
    }
    std::optional<Slot> Root;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        Root = varSlot(VD);
    } else if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl()))
        Root = fieldSlot(Field);
      else if (const auto *Static = dyn_cast<VarDecl>(ME->getMemberDecl()))
        Root = varSlot(Static);
    } else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      Suffix += "[]";
      NameSuffix += "[]";
      E = AS->getBase();
      continue;
    } else if (const auto *CE = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = CE->getDirectCallee();
      if (!Callee)
        return std::nullopt;
      if (TU.inLibraryCode(Callee)) {
        if (TU.Lib.functionHas(Callee, LibraryRole::PassThrough) &&
            CE->getNumArgs() >= 1) {
          E = CE->getArg(0);
          continue;
        }
        if (isa<CXXMethodDecl>(Callee) &&
            TU.Lib.methodHas(Callee, LibraryRole::ElementAccess)) {
          Suffix += "[]";
          NameSuffix += "[]";
          if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE))
            E = MCE->getImplicitObjectArgument();
          else if (CE->getNumArgs() > 0)
            E = CE->getArg(0);
          else
            return std::nullopt;
          continue;
        }
        return std::nullopt;
      }
      // A function handing back a callable, or a factory handing back a
      // coroutine object (a body here that is no coroutine: a coroutine, or
      // a function defined elsewhere, stores nothing concur could see).
      if (TU.Lib.isErasedCallable(Callee->getReturnType()) ||
          (TU.Lib.isCoroutineObject(Callee->getReturnType()) &&
           Callee->hasBody() && !calledCoroutine(CE)))
        Root = returnSlot(Callee);
    }
    if (!Root)
      return std::nullopt;
    Root->Id += Suffix;
    Root->Name += NameSuffix;
    return Root;
  }
  return std::nullopt;
}

const FunctionDecl *CallableFlow::coroutineMadeBy(const Expr *Value) const {
  const auto *Call = dyn_cast_or_null<CallExpr>(TU.Lib.skipWrappers(Value));
  if (!Call || !TU.Lib.isCoroutineObject(Call->getType()))
    return nullptr;
  const FunctionDecl *Co = calledCoroutine(Call);
  if (!Co || TU.inLibraryCode(Co))
    return nullptr;
  return Co;
}

void CallableFlow::store(const Slot &Into, const Expr *Value,
                         const std::string &Object,
                         const std::optional<AccessPath> &Place) {
  if (!Value)
    return;
  if (const FunctionDecl *Co = coroutineMadeBy(Value)) {
    CallableStore Store;
    Store.Slot = Into.Id;
    Store.SlotName = Into.Name;
    Store.Loc = TU.loc(Value->getExprLoc());
    Store.TargetId = TU.usr(Co);
    if (Store.TargetId.empty())
      return;
    Stores.push_back(std::move(Store));
    StoredCoroutines.push_back(TU.Lib.skipWrappers(Value));
    return;
  }
  std::vector<const FunctionDecl *> Targets;
  TU.Lib.callableTargets(Value, Targets);
  CallableStore Store;
  Store.Slot = Into.Id;
  Store.SlotName = Into.Name;
  Store.Loc = TU.loc(Value->getExprLoc());
  Store.Object = Object;
  bool Stored = false;
  for (const FunctionDecl *Target : Targets) {
    if (TU.inLibraryCode(Target))
      continue;
    Store.TargetId = TU.usr(Target);
    if (!Store.TargetId.empty()) {
      Stores.push_back(Store);
      Stored = true;
    }
  }
  if (Stored || !Targets.empty())
    return;
  if (std::optional<Slot> From = slotOf(Value)) {
    link(Into, *From, Value, Place);
    return;
  }
  // A value concur cannot follow (a cast, a lookup): the slot may hold
  // anything, which its empty contents must not be taken to deny.
  if (!Value->isNullPointerConstant(TU.Ctx, Expr::NPC_ValueDependentIsNull)) {
    Store.FromSlot = OpaqueSlot;
    Stores.push_back(std::move(Store));
  }
}

CallableArg CallableFlow::describe(const Expr *Value, unsigned Index) const {
  CallableArg Arg;
  Arg.Index = Index;
  std::vector<const FunctionDecl *> Targets;
  TU.Lib.callableTargets(Value, Targets);
  for (const FunctionDecl *Target : Targets) {
    if (TU.inLibraryCode(Target))
      continue;
    std::string Id = TU.usr(Target);
    if (Id.empty())
      continue;
    Arg.TargetIds.push_back(Id);
  }
  if (Targets.empty())
    if (std::optional<Slot> From = slotOf(Value))
      Arg.FromSlot = From->Id;
  return Arg;
}

void CallableFlow::link(const Slot &Into, const Slot &From, const Expr *At,
                        const std::optional<AccessPath> &Place) {
  if (Into.Id == From.Id)
    return;
  CallableStore Store;
  Store.Slot = Into.Id;
  Store.SlotName = Into.Name;
  Store.FromSlot = From.Id;
  Store.Loc = TU.loc(At->getExprLoc());
  Store.Place = Place;
  Stores.push_back(std::move(Store));
}

bool CallableFlow::mayHoldCallable(QualType T) const {
  // Aggregates nest as deep as their types do; a type nested deeper than
  // this is not looked into.
  std::vector<std::pair<QualType, unsigned>> Work = {{T, 0}};
  while (!Work.empty()) {
    auto [Type, Depth] = Work.back();
    Work.pop_back();
    if (Type.isNull() || Depth > 8)
      continue;
    Type = Type.getNonReferenceType().getCanonicalType();
    if (tracks(Type))
      return true;
    if (const ArrayType *Array = Type->getAsArrayTypeUnsafe()) {
      Work.push_back({Array->getElementType(), Depth + 1});
      continue;
    }
    // A container of callables (its template arguments say so).
    if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
            Type->getAsCXXRecordDecl()))
      for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
        if (Arg.getKind() == TemplateArgument::Type)
          Work.push_back({Arg.getAsType(), Depth + 1});
    if (const auto *RD = Type->getAsRecordDecl()) {
      const RecordDecl *Def = RD->getDefinition();
      const auto *Class = dyn_cast_or_null<CXXRecordDecl>(Def);
      if (Def && (!Class || Class->isAggregate()))
        for (const FieldDecl *F : Def->fields())
          Work.push_back({F->getType(), Depth + 1});
    }
  }
  return false;
}

std::string CallableFlow::objectPlace(const VarDecl *VD) const {
  std::string Id = TU.usr(VD);
  if (Id.empty())
    return "";
  bool OneObject =
      VD->hasGlobalStorage() && VD->getTLSKind() == VarDecl::TLS_None;
  return (OneObject ? "G:" : "L:") + Id;
}

void CallableFlow::storeInit(const Slot &Into, const Expr *Init,
                             const std::string &Object) {
  struct Item {
    Slot Target;
    const Expr *E;
    std::string Object; // The field's place, or "" (an array's element).
  };
  std::vector<Item> Work = {{Into, Init, Object}};
  auto FieldOf = [](const std::string &Object, const FieldDecl *Field) {
    return Object.empty() || Field->getName().empty()
               ? std::string()
               : Object + "." + Field->getName().str();
  };
  while (!Work.empty()) {
    auto [Target, E, Place] = Work.back();
    Work.pop_back();
    if (!E)
      continue;
    const Expr *Inner = TU.Lib.skipWrappers(E);
    if (const auto *List = dyn_cast<InitListExpr>(Inner)) {
      QualType T = List->getType().getCanonicalType();
      if (T->isArrayType()) {
        if (!mayHoldCallable(T))
          continue;
        for (const Expr *Element : List->inits())
          Work.push_back({elements(Target), Element, ""});
      } else if (const auto *RD = T->getAsRecordDecl()) {
        if (!mayHoldCallable(T) || List->getNumInits() == 0)
          continue;
        // The semantic form lists one initialiser per field, in order (a
        // union's only the one that is initialised).
        if (const FieldDecl *Only = List->getInitializedFieldInUnion()) {
          Work.push_back(
              {fieldSlot(Only), List->getInit(0), FieldOf(Place, Only)});
          continue;
        }
        unsigned I = 0;
        for (const FieldDecl *Field : RD->fields()) {
          if (I >= List->getNumInits())
            break;
          Work.push_back(
              {fieldSlot(Field), List->getInit(I++), FieldOf(Place, Field)});
        }
      }
      continue;
    }
    // A callable, a coroutine object, or a copy of a container of them.
    // Only a field's store names its object: the object's own slot is
    // every object of its kind.
    if (mayHoldCallable(E->getType()))
      store(Target, E, Place == Object ? "" : Place);
  }
}

bool CallableFlow::tracks(QualType T) const {
  return TU.Lib.isErasedCallable(T) || TU.Lib.isCoroutineObject(T);
}

} // namespace extract
} // namespace concur
