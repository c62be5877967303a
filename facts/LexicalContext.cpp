//===- LexicalContext.cpp - What the text around each statement says ------===//

#include "facts/LexicalContext.h"
#include "facts/WorkCounting.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ExprConcepts.h"
#include "clang/AST/StmtOpenMP.h"
#include "clang/Basic/OpenMPKinds.h"

#include <algorithm>

using namespace clang;

namespace concur {
namespace extract {

static const StmtContext TopLevel;

const StmtContext &LexicalContext::contextOf(const Stmt *S) const {
  auto It = ContextOf.find(S);
  return It == ContextOf.end() ? TopLevel : Contexts[It->second];
}

const StmtContext &LexicalContext::contextOf(const VarDecl *VD) const {
  auto It = DeclContextOf.find(VD);
  return It == DeclContextOf.end() ? TopLevel : Contexts[It->second];
}

bool LexicalContext::isSkipped(const Stmt *S) const {
  return SkippedStmts.count(S) && !Walked.count(S);
}

bool LexicalContext::isSkipped(const VarDecl *VD) const {
  return SkippedDecls.count(VD);
}

const VarDecl *LexicalContext::initialises(const Expr *E) const {
  auto It = InitOf.find(E);
  return It == InitOf.end() ? nullptr : It->second;
}

const FieldDecl *LexicalContext::initialisesMember(const Expr *E) const {
  auto It = MemberInitOf.find(E);
  return It == MemberInitOf.end() ? nullptr : It->second;
}

const Expr *LexicalContext::assignedTo(const Expr *E) const {
  auto It = AssignedTo.find(E);
  return It == AssignedTo.end() ? nullptr : It->second;
}

const Expr *LexicalContext::insertedInto(const Expr *E) const {
  auto It = InsertedInto.find(E);
  return It == InsertedInto.end() ? nullptr : It->second;
}

const Expr *LexicalContext::enclosingCall(const Expr *E) const {
  auto It = EnclosingCall.find(E);
  return It == EnclosingCall.end() ? nullptr : It->second;
}

const CXXForRangeStmt *LexicalContext::rangeLoopOf(const VarDecl *VD) const {
  auto It = RangeLoops.find(VD);
  return It == RangeLoops.end() ? nullptr : It->second;
}

unsigned LexicalContext::loopContext(unsigned Outer, const Stmt *Loop,
                                     bool Condition) {
  StmtContext C = Contexts[Outer];
  if (C.LoopDepth == 0)
    C.OuterLoop =
        OuterLoops.try_emplace(Loop, OuterLoops.size() + 1).first->second;
  ++C.LoopDepth;
  C.Trips = std::min(C.Trips * tripsOf(Loop, *Ctx), 1e12);
  C.InLoopCondition = Condition;
  Contexts.push_back(std::move(C));
  return static_cast<unsigned>(Contexts.size() - 1);
}

unsigned LexicalContext::withContext(unsigned Base, bool InLoopCondition) {
  if (Contexts[Base].InLoopCondition == InLoopCondition)
    return Base;
  StmtContext C = Contexts[Base];
  C.InLoopCondition = InLoopCondition;
  Contexts.push_back(std::move(C));
  return static_cast<unsigned>(Contexts.size() - 1);
}

void LexicalContext::build(ASTContext &Context, const LibraryModel &Library,
                           const FunctionDecl *FD, const Stmt *Root,
                           bool Region) {
  Ctx = &Context;
  Lib = &Library;
  InRegion = Region;
  Contexts.assign(1, StmtContext());
  std::vector<Frame> Stack;
  auto Push = [&](const Stmt *S, unsigned Context, bool Skip) {
    if (S)
      Stack.push_back({S, Context, Skip, false, 0});
  };
  Push(Root, 0, false);
  // Written initialisers run before the body; the ones the compiler adds
  // (default construction of members) are not the user's code.
  if (const auto *Ctor = dyn_cast_or_null<CXXConstructorDecl>(FD))
    if (!Region)
      for (auto It = Ctor->init_rbegin(); It != Ctor->init_rend(); ++It) {
        Push((*It)->getInit(), 0, !(*It)->isWritten());
        if ((*It)->isWritten() && (*It)->isMemberInitializer())
          MemberInitOf[Lib->skipWrappers((*It)->getInit())] =
              (*It)->getMember();
      }

  while (!Stack.empty()) {
    Frame F = Stack.back();
    Stack.pop_back();
    if (F.Expanded) {
      if (!F.Skip)
        PostOrder.push_back(F.S);
      continue;
    }
    if (F.Skip) {
      SkippedStmts.insert(F.S);
    } else {
      Walked.insert(F.S);
      ContextOf[F.S] = F.Context;
      // Arithmetic and memory operations, weighted by how often their
      // loops run.
      if (countsAsOperation(F.S))
        Ops += Contexts[F.Context].Trips;
    }
    if (F.Depth > MaxNesting) {
      MaxNesting = F.Depth;
      DeepestAt = F.S;
    }
    F.Expanded = true;
    Stack.push_back(F);
    size_t First = Stack.size();
    expand(F, Stack);
    // Children were pushed in order; visit them in order.
    std::reverse(Stack.begin() + First, Stack.end());
    for (size_t I = First; I < Stack.size(); ++I)
      Stack[I].Depth = F.Depth + 1;
  }
}

void LexicalContext::expand(const Frame &F, std::vector<Frame> &Stack) {
  const Stmt *S = F.S;
  unsigned C = F.Context;
  auto Push = [&](const Stmt *Child, unsigned Context, bool Skip) {
    if (Child)
      Stack.push_back({Child, Context, Skip, false, 0});
  };
  auto PushChildren = [&](unsigned Context, bool Skip) {
    for (const Stmt *Child : S->children())
      Push(Child, Context, Skip);
  };

  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D)) {
        if (F.Skip)
          SkippedDecls.insert(VD);
        else
          DeclContextOf[VD] = C;
        if (InRegion)
          RegionLocals.insert(VD);
        if (!F.Skip && VD->getInit())
          InitOf[Lib->skipWrappers(VD->getInit())] = VD;
      }

  if (F.Skip) {
    // Nothing below a skipped statement is walked; lambda bodies are not
    // even looked at (clang's CFG leaves them out too).
    if (const auto *L = dyn_cast<LambdaExpr>(S)) {
      for (const Expr *Init : L->capture_inits())
        Push(Init, C, true);
      return;
    }
    if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(S))
      if (const auto *Common =
              dyn_cast_or_null<OpaqueValueExpr>(Suspend->getCommonExpr()))
        Push(Common->getSourceExpr(), C, true);
    PushChildren(C, true);
    return;
  }

  switch (S->getStmtClass()) {
  case Stmt::ForStmtClass: {
    const auto *For = cast<ForStmt>(S);
    unsigned Cond = loopContext(C, For, true);
    unsigned Body = loopContext(C, For, false);
    ++Loops;
    MaxLoopDepth = std::max(MaxLoopDepth, Contexts[Body].LoopDepth);
    Push(For->getInit(), C, false);
    Push(For->getConditionVariableDeclStmt(), Cond, false);
    Push(For->getCond(), Cond, false);
    Push(For->getInc(), Cond, false);
    Push(For->getBody(), Body, false);
    return;
  }
  case Stmt::WhileStmtClass: {
    const auto *While = cast<WhileStmt>(S);
    unsigned Cond = loopContext(C, While, true);
    unsigned Body = loopContext(C, While, false);
    ++Loops;
    MaxLoopDepth = std::max(MaxLoopDepth, Contexts[Body].LoopDepth);
    Push(While->getConditionVariableDeclStmt(), Cond, false);
    Push(While->getCond(), Cond, false);
    Push(While->getBody(), Body, false);
    return;
  }
  case Stmt::DoStmtClass: {
    const auto *Do = cast<DoStmt>(S);
    unsigned Cond = loopContext(C, Do, true);
    unsigned Body = loopContext(C, Do, false);
    ++Loops;
    MaxLoopDepth = std::max(MaxLoopDepth, Contexts[Body].LoopDepth);
    Push(Do->getBody(), Body, false);
    Push(Do->getCond(), Cond, false);
    return;
  }
  case Stmt::CXXForRangeStmtClass: {
    const auto *For = cast<CXXForRangeStmt>(S);
    unsigned Body = loopContext(C, For, false);
    ++Loops;
    MaxLoopDepth = std::max(MaxLoopDepth, Contexts[Body].LoopDepth);
    if (const auto *Range = dyn_cast_or_null<DeclStmt>(For->getRangeStmt()))
      if (Range->isSingleDecl())
        if (const auto *VD = dyn_cast<VarDecl>(Range->getSingleDecl()))
          RangeLoops[VD] = For;
    Push(For->getInit(), C, false);
    Push(For->getRangeStmt(), C, false);
    // The hidden begin(), end(), comparison, increment and the loop
    // variable's initialisation are the loop's machinery; the walk models
    // the loop variable itself (an element of the range).
    Push(For->getBeginStmt(), C, true);
    Push(For->getEndStmt(), C, true);
    Push(For->getCond(), C, true);
    Push(For->getInc(), C, true);
    Push(For->getLoopVarStmt(), Body, true);
    Push(For->getBody(), Body, false);
    return;
  }
  case Stmt::IfStmtClass: {
    const auto *If = cast<IfStmt>(S);
    Push(If->getInit(), C, false);
    if (If->isConstexpr() && !If->getCond()->isValueDependent())
      if (std::optional<const Stmt *> Taken = If->getNondiscardedCase(*Ctx)) {
        Push(*Taken, C, false);
        for (const Stmt *Case : {If->getThen(), If->getElse()})
          if (Case && Case != *Taken)
            Push(Case, C, true);
        Push(If->getCond(), C, true);
        return;
      }
    Push(If->getConditionVariableDeclStmt(), C, false);
    Push(If->getCond(), withContext(C, false), false);
    Push(If->getThen(), C, false);
    Push(If->getElse(), C, false);
    return;
  }
  case Stmt::LambdaExprClass: {
    // The lambda's body is a function of its own; only init-captures run
    // here (copies made for the closure are not walked).
    const auto *L = cast<LambdaExpr>(S);
    auto Init = L->capture_init_begin();
    for (const LambdaCapture &Capture : L->captures()) {
      if (Init == L->capture_init_end())
        break;
      bool InitCapture =
          Capture.capturesVariable() && Capture.getCapturedVar() &&
          isa<VarDecl>(Capture.getCapturedVar()) &&
          cast<VarDecl>(Capture.getCapturedVar())->isInitCapture();
      Push(*Init, C, !InitCapture);
      ++Init;
    }
    return;
  }
  case Stmt::CoawaitExprClass:
  case Stmt::CoyieldExprClass: {
    // The operand is the user's; await_ready, await_suspend, await_resume
    // and the promise's hooks are the compiler's.
    const auto *Suspend = cast<CoroutineSuspendExpr>(S);
    Awaited.insert(Lib->skipWrappers(Suspend->getOperand()));
    if (const auto *Common =
            dyn_cast_or_null<OpaqueValueExpr>(Suspend->getCommonExpr()))
      Push(Common->getSourceExpr(), C, true);
    PushChildren(C, true);
    Push(Suspend->getOperand(), C, false);
    return;
  }
  case Stmt::CoreturnStmtClass: {
    const auto *Return = cast<CoreturnStmt>(S);
    Push(Return->getPromiseCall(), C, true);
    Push(Return->getOperand(), C, false);
    return;
  }
  case Stmt::UnaryExprOrTypeTraitExprClass:
  case Stmt::CXXNoexceptExprClass:
  case Stmt::RequiresExprClass:
  case Stmt::ConceptSpecializationExprClass:
  case Stmt::CXXTypeidExprClass:
  case Stmt::DependentCoawaitExprClass:
    PushChildren(C, true); // Unevaluated or dependent: nothing runs.
    return;
  case Stmt::CompoundStmtClass:
    for (const Stmt *Child : cast<CompoundStmt>(S)->body())
      if (const auto *E = dyn_cast<Expr>(Child))
        Discarded.insert(Lib->skipWrappers(E));
    break;
  case Stmt::BinaryOperatorClass:
  case Stmt::CompoundAssignOperatorClass: {
    const auto *B = cast<BinaryOperator>(S);
    if (B->isAssignmentOp())
      AssignedTo[Lib->skipWrappers(B->getRHS())] = B->getLHS();
    break;
  }
  case Stmt::CXXOperatorCallExprClass: {
    const auto *Op = cast<CXXOperatorCallExpr>(S);
    if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
      AssignedTo[Lib->skipWrappers(Op->getArg(1))] = Op->getArg(0);
    break;
  }
  case Stmt::CXXMemberCallExprClass: {
    const auto *Call = cast<CXXMemberCallExpr>(S);
    if (Lib->methodHas(Call->getDirectCallee(), LibraryRole::InsertsElement))
      for (const Expr *Arg : Call->arguments())
        InsertedInto[Lib->skipWrappers(Arg)] =
            Call->getImplicitObjectArgument();
    break;
  }
  default:
    break;
  }

  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    for (const Expr *Arg : Call->arguments())
      EnclosingCall[Lib->skipWrappers(Arg)] = Call;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      EnclosingCall[Lib->skipWrappers(Member->getImplicitObjectArgument())] =
          Call;
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
    for (const Expr *Arg : Construct->arguments())
      EnclosingCall[Lib->skipWrappers(Arg)] = Construct;
  }

  if (const auto *D = dyn_cast<OMPExecutableDirective>(S)) {
    if (isOpenMPParallelDirective(D->getDirectiveKind())) {
      PushChildren(C, true); // A function of its own (OpenMPRegions).
      return;
    }
    StmtContext Inner = Contexts[C];
    if (const auto *Critical = dyn_cast<OMPCriticalDirective>(D)) {
      AccessPath Lock;
      Lock.Root = AccessPath::RootKind::Global;
      Lock.RootId =
          "channel:omp-critical:" + Critical->getDirectiveName().getAsString();
      Lock.RootName = Lock.Name = "omp critical";
      Inner.Critical.push_back({Lock, false});
    } else if (isa<OMPAtomicDirective>(D)) {
      Inner.Atomic = true;
    } else {
      PushChildren(C, false);
      return;
    }
    Contexts.push_back(std::move(Inner));
    PushChildren(static_cast<unsigned>(Contexts.size() - 1), false);
    return;
  }
  PushChildren(C, false);
}

} // namespace extract
} // namespace concur
