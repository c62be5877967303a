//===- ExtractFacts.cpp - Parse one translation unit into facts -----------===//
//
// Model: every function with a body outside system headers gets a summary of
// what it calls, where (loop depth, before or after a switch of executor),
// and which catalogued APIs those calls are. Template patterns are skipped
// and their instantiations summarised instead, so that calls through template
// parameters resolve. Lambda call operators are functions of their own; the
// enclosing function only calls them when it really does (or hands them to a
// library algorithm that will).
//
//===----------------------------------------------------------------------===//

#include "facts/ExtractFacts.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Index/USRGeneration.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <map>
#include <set>

using namespace clang;

namespace concur {
namespace {

//===-- Names ------------------------------------------------------------===//

/// Qualified name without template arguments, inline or anonymous
/// namespaces: the form catalog entries are written in.
std::string catalogName(const NamedDecl *D) {
  std::string Leaf;
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(D))
    Leaf = Ctor->getParent()->getNameAsString();
  else if (const auto *Dtor = dyn_cast<CXXDestructorDecl>(D))
    Leaf = "~" + Dtor->getParent()->getNameAsString();
  else
    Leaf = D->getNameAsString();
  std::vector<std::string> Parts = {Leaf};
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (!NS->isInline() && !NS->isAnonymousNamespace())
        Parts.push_back(NS->getNameAsString());
    } else if (const auto *R = dyn_cast<RecordDecl>(DC)) {
      if (R->getIdentifier())
        Parts.push_back(R->getNameAsString());
    } else if (const auto *E = dyn_cast<EnumDecl>(DC)) {
      if (E->getIdentifier())
        Parts.push_back(E->getNameAsString());
    } else if (isa<FunctionDecl>(DC)) {
      break;
    }
  }
  std::string Name;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It)
    Name += (Name.empty() ? "" : "::") + *It;
  return Name;
}

const CXXRecordDecl *recordOf(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *P = T->getAs<PointerType>())
    T = P->getPointeeType();
  return T->getAsCXXRecordDecl();
}

//===-- The per-function walk --------------------------------------------===//

class TranslationUnitFacts;

class FunctionWalker {
public:
  FunctionWalker(TranslationUnitFacts &TU, FunctionFacts &Out)
      : TU(TU), Out(Out) {}
  void walk(const Stmt *S);

private:
  void walkChildren(const Stmt *S) {
    for (const Stmt *Child : S->children())
      walk(Child);
  }
  void walkLoop(const Stmt *Body, std::initializer_list<const Stmt *> Parts);
  void walkAwait(const Expr *Operand);
  void handleCall(const CallExpr *CE);
  void handleConstruct(const CXXConstructExpr *CE);
  void handleCatalogued(const FunctionDecl *Callee, const CallShape &Shape,
                        const Expr *Call, llvm::ArrayRef<const Expr *> Args);
  void addCallbacks(llvm::ArrayRef<const Expr *> Args);
  CallSite makeCall(const Expr *At) const;

  TranslationUnitFacts &TU;
  FunctionFacts &Out;
  unsigned LoopDepth = 0;
  bool OffLoop = false;
  std::set<const Expr *> AwaitedCalls;
  std::set<const Expr *> DiscardedCalls;
  /// An awaited executor switch whose catalog entry says it comes back: the
  /// coroutine resumes where it was, whatever the reader expected.
  const Expr *PendingAwait = nullptr;
};

/// Per-translation-unit state shared by the walks: names, locations, USRs.
class TranslationUnitFacts {
public:
  TranslationUnitFacts(ASTContext &Ctx, const Catalog &Cat,
                       const std::string &Directory, FileFacts &Out)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Cat(Cat), Directory(Directory),
        Out(Out), Policy(Ctx.getPrintingPolicy()) {
    Policy.SuppressInlineNamespace = true;
    Policy.SuppressUnwrittenScope = true;
    Policy.AnonymousTagLocations = false;
  }

  ASTContext &Ctx;
  SourceManager &SM;
  const Catalog &Cat;

  bool inSystemHeader(SourceLocation L) const {
    return L.isValid() && SM.isInSystemHeader(SM.getFileLoc(L));
  }

  std::string usr(const Decl *D) {
    auto It = USRs.find(D);
    if (It != USRs.end())
      return It->second;
    llvm::SmallString<128> Buf;
    std::string Id;
    if (!index::generateUSRForDecl(D, Buf))
      Id = std::string(Buf);
    // USRs of lambdas and other anonymous classes carry no position, so two
    // lambdas in one function (or one file) would share one; add where the
    // class is written, which is also the same in every file including it.
    if (const auto *MD = dyn_cast<CXXMethodDecl>(D))
      if (!Id.empty() && !MD->getParent()->getIdentifier()) {
        SourceLoc L = loc(MD->getParent()->getLocation());
        Id += "@" + L.File + ":" + std::to_string(L.Line) + ":" +
              std::to_string(L.Column);
      }
    return USRs[D] = Id;
  }

  SourceLoc loc(SourceLocation L) {
    SourceLoc Result;
    if (L.isInvalid())
      return Result;
    L = SM.getFileLoc(L);
    FileID FID = SM.getFileID(L);
    Result.File = fileName(FID);
    Result.Line = SM.getSpellingLineNumber(L);
    Result.Column = SM.getSpellingColumnNumber(L);
    return Result;
  }

  std::string displayName(const FunctionDecl *FD) {
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
      if (MD->getParent()->isLambda()) {
        SourceLoc L = loc(MD->getParent()->getLocation());
        return "lambda at " + llvm::sys::path::filename(L.File).str() + ":" +
               std::to_string(L.Line) + ":" + std::to_string(L.Column);
      }
    std::string Name;
    llvm::raw_string_ostream OS(Name);
    FD->getNameForDiagnostic(OS, Policy, /*Qualified=*/true);
    return OS.str();
  }

  /// Functions whose summaries this file contributes.
  void analyse(const FunctionDecl *FD);

  std::vector<unsigned> touchedFiles() const {
    std::vector<unsigned> IDs;
    for (const auto &[ID, Name] : FileNames)
      IDs.push_back(ID);
    return IDs;
  }
  std::string fileName(FileID FID) {
    auto It = FileNames.find(FID.getHashValue());
    if (It != FileNames.end())
      return It->second;
    std::string Name;
    if (OptionalFileEntryRef FE = SM.getFileEntryRefForID(FID)) {
      llvm::SmallString<256> Path(FE->getName());
      if (!llvm::sys::path::is_absolute(Path))
        llvm::sys::fs::make_absolute(Directory, Path);
      llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
      Name = std::string(Path);
    }
    FileIDs[FID.getHashValue()] = FID;
    return FileNames[FID.getHashValue()] = Name;
  }
  FileID fileID(unsigned Hash) const { return FileIDs.at(Hash); }

private:
  std::string Directory;
  FileFacts &Out;
  PrintingPolicy Policy;
  std::map<const Decl *, std::string> USRs;
  std::map<unsigned, std::string> FileNames;
  std::map<unsigned, FileID> FileIDs;
  std::set<const FunctionDecl *> Done;
};

/// Describes a call for the catalog.
class ShapeBuilder {
public:
  explicit ShapeBuilder(TranslationUnitFacts &TU) : TU(TU) {}

  void addReceiver(const Expr *E, CallShape &Shape) {
    if (!E)
      return;
    // The object as written, before conversion to the base class that
    // declares the method: an ifstream, not the istream it is passed as.
    E = E->IgnoreParenImpCasts();
    if (const auto *RD = recordOf(E->getType()))
      addRecordAndBases(RD, Shape.Receivers);
    if (const auto *DRE =
            dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (VD->hasGlobalStorage())
          Shape.Receivers.push_back(catalogName(VD));
  }

  std::vector<std::string> argTokens(const Expr *E) {
    std::vector<std::string> Tokens;
    for (const Expr *Form : {E->IgnoreParenImpCasts(), E})
      addTypeTokens(Form->getType().getNonReferenceType().getCanonicalType(),
                    Tokens, /*Depth=*/0);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
      Tokens.push_back(catalogName(DRE->getDecl()));
    return Tokens;
  }

private:
  void addRecordAndBases(const CXXRecordDecl *RD,
                         std::vector<std::string> &Out) {
    Out.push_back(catalogName(RD));
    if (!RD->hasDefinition())
      return;
    RD->forallBases([&](const CXXRecordDecl *Base) {
      Out.push_back(catalogName(Base));
      return true;
    });
  }

  void addTypeTokens(QualType T, std::vector<std::string> &Tokens,
                     unsigned Depth) {
    if (T.isNull() || Depth > 2)
      return;
    if (const auto *RD = T->getAsCXXRecordDecl()) {
      Tokens.push_back(catalogName(RD));
      if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
        for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
          if (Arg.getKind() == TemplateArgument::Type)
            addTypeTokens(Arg.getAsType().getCanonicalType(), Tokens,
                          Depth + 1);
    } else if (const auto *ET = T->getAs<EnumType>()) {
      Tokens.push_back(catalogName(ET->getDecl()));
    }
  }

  TranslationUnitFacts &TU;
};

const Expr *skipWrappers(const Expr *E) {
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
      // Copying or moving a closure or functor keeps its target.
      if (Ctor->getNumArgs() == 1 &&
          (Ctor->getConstructor()->isCopyOrMoveConstructor()))
        Next = Ctor->getArg(0);
    }
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

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
      for (const FunctionDecl *Spec : FT->specializations())
        Out.push_back(Spec);
  }
}

/// What a callable argument will run: a lambda's call operator, a function
/// or member function named by reference, a functor's operator().
void callableTargets(const Expr *E, std::vector<const FunctionDecl *> &Out) {
  E = skipWrappers(E);
  if (!E)
    return;
  if (const auto *L = dyn_cast<LambdaExpr>(E)) {
    callOperatorsOf(L->getLambdaClass(), Out);
    return;
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    if (U->getOpcode() == UO_AddrOf)
      return callableTargets(U->getSubExpr(), Out);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl())) {
      Out.push_back(FD);
      return;
    }
  }
  if (const auto *CE = dyn_cast<CallExpr>(E))
    if (const FunctionDecl *FD = CE->getDirectCallee()) {
      std::string Name = catalogName(FD);
      if ((Name == "std::bind" || Name == "std::bind_front" ||
           Name == "boost::bind") &&
          CE->getNumArgs() > 0)
        return callableTargets(CE->getArg(0), Out);
    }
  // A functor object (or a variable holding a closure).
  if (E->getType()->isFunctionPointerType() ||
      E->getType()->isMemberFunctionPointerType())
    return;
  if (const CXXRecordDecl *RD = recordOf(E->getType()))
    if (!RD->isInStdNamespace())
      callOperatorsOf(RD, Out);
}

/// A call whose target depends on the dynamic type: a virtual method, not
/// final, called through a pointer or reference without qualification.
bool isVirtualDispatch(const MemberExpr *ME, const CXXMethodDecl *Method,
                       const ASTContext &Ctx) {
  if (!Method || !Method->isVirtual() ||
      !ME->performsVirtualDispatch(Ctx.getLangOpts()))
    return false;
  if (Method->hasAttr<FinalAttr>() || Method->getParent()->hasAttr<FinalAttr>())
    return false;
  // Calling through an object (not a pointer or reference) names its type.
  if (!ME->isArrow())
    if (const auto *DRE = dyn_cast<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts()))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (!VD->getType()->isReferenceType())
          return false;
  return true;
}

bool hasCallable(llvm::ArrayRef<const Expr *> Args) {
  for (const Expr *A : Args) {
    std::vector<const FunctionDecl *> Targets;
    callableTargets(A, Targets);
    if (!Targets.empty())
      return true;
  }
  return false;
}

CallSite FunctionWalker::makeCall(const Expr *At) const {
  CallSite C;
  C.Loc = TU.loc(At->getExprLoc());
  C.LoopDepth = LoopDepth;
  C.OffLoop = OffLoop;
  return C;
}

void FunctionWalker::walkLoop(const Stmt *Body,
                              std::initializer_list<const Stmt *> Parts) {
  bool OffBefore = OffLoop;
  ++LoopDepth;
  for (const Stmt *P : Parts)
    walk(P);
  walk(Body);
  --LoopDepth;
  // The body may run zero times: what it switched is not certain after it.
  OffLoop = OffBefore;
}

void FunctionWalker::walkAwait(const Expr *Operand) {
  const Expr *Inner = skipWrappers(Operand);
  AwaitedCalls.insert(Inner);
  walk(Operand);
  // Everything after an awaited switch runs on the other executor.
  if (PendingAwait == Inner)
    OffLoop = true;
  PendingAwait = nullptr;
}

void FunctionWalker::walk(const Stmt *S) {
  if (!S)
    return;
  switch (S->getStmtClass()) {
  case Stmt::LambdaExprClass: {
    // The lambda's body is its own function; only init-captures run here.
    const auto *L = cast<LambdaExpr>(S);
    for (const LambdaCapture &C : L->captures())
      if (C.capturesVariable() && C.getCapturedVar())
        if (const auto *VD = dyn_cast<VarDecl>(C.getCapturedVar()))
          if (VD->isInitCapture())
            walk(VD->getInit());
    return;
  }
  case Stmt::CoroutineBodyStmtClass:
    walk(cast<CoroutineBodyStmt>(S)->getBody());
    return;
  case Stmt::CoawaitExprClass:
    walkAwait(cast<CoawaitExpr>(S)->getOperand());
    return;
  case Stmt::CoyieldExprClass:
    walkAwait(cast<CoyieldExpr>(S)->getOperand());
    return;
  case Stmt::CoreturnStmtClass:
    walk(cast<CoreturnStmt>(S)->getOperand());
    return;
  case Stmt::UnaryExprOrTypeTraitExprClass:
  case Stmt::CXXNoexceptExprClass:
  case Stmt::RequiresExprClass:
  case Stmt::ConceptSpecializationExprClass:
  case Stmt::CXXTypeidExprClass:
  case Stmt::DependentCoawaitExprClass:
    return; // Unevaluated or dependent: nothing runs.
  case Stmt::ForStmtClass: {
    const auto *F = cast<ForStmt>(S);
    walk(F->getInit());
    walkLoop(F->getBody(), {F->getCond(), F->getInc()});
    return;
  }
  case Stmt::WhileStmtClass: {
    const auto *W = cast<WhileStmt>(S);
    walkLoop(W->getBody(), {W->getCond()});
    return;
  }
  case Stmt::DoStmtClass: {
    const auto *D = cast<DoStmt>(S);
    walkLoop(D->getBody(), {D->getCond()});
    return;
  }
  case Stmt::CXXForRangeStmtClass: {
    const auto *F = cast<CXXForRangeStmt>(S);
    walk(F->getInit());
    walk(F->getRangeInit());
    walkLoop(F->getBody(), {F->getLoopVarStmt()});
    return;
  }
  case Stmt::IfStmtClass: {
    const auto *I = cast<IfStmt>(S);
    walk(I->getInit());
    walk(I->getConditionVariableDeclStmt());
    walk(I->getCond());
    bool Before = OffLoop;
    walk(I->getThen());
    bool AfterThen = OffLoop;
    OffLoop = Before;
    walk(I->getElse());
    OffLoop = AfterThen && OffLoop;
    return;
  }
  case Stmt::SwitchStmtClass: {
    const auto *Sw = cast<SwitchStmt>(S);
    walk(Sw->getInit());
    walk(Sw->getCond());
    bool Before = OffLoop;
    walk(Sw->getBody());
    OffLoop = Before;
    return;
  }
  case Stmt::CXXTryStmtClass: {
    const auto *T = cast<CXXTryStmt>(S);
    bool Before = OffLoop;
    walk(T->getTryBlock());
    bool After = OffLoop;
    for (unsigned I = 0; I < T->getNumHandlers(); ++I) {
      OffLoop = Before;
      walk(T->getHandler(I));
      After = After && OffLoop;
    }
    OffLoop = After;
    return;
  }
  case Stmt::CompoundStmtClass:
    for (const Stmt *Child : cast<CompoundStmt>(S)->body()) {
      if (const auto *E = dyn_cast<Expr>(Child))
        DiscardedCalls.insert(skipWrappers(E));
      walk(Child);
    }
    return;
  default:
    break;
  }
  walkChildren(S);
  if (const auto *CE = dyn_cast<CallExpr>(S))
    handleCall(CE);
  else if (const auto *Ctor = dyn_cast<CXXConstructExpr>(S))
    handleConstruct(Ctor);
}

void FunctionWalker::addCallbacks(llvm::ArrayRef<const Expr *> Args) {
  for (const Expr *A : Args) {
    std::vector<const FunctionDecl *> Targets;
    callableTargets(A, Targets);
    for (const FunctionDecl *Target : Targets) {
      if (TU.inSystemHeader(Target->getLocation()))
        continue;
      CallSite C = makeCall(A);
      C.Kind = CallKind::Callback;
      C.CalleeId = TU.usr(Target);
      C.CalleeName = TU.displayName(Target);
      Out.Calls.push_back(std::move(C));
    }
  }
}

void FunctionWalker::handleCatalogued(const FunctionDecl *Callee,
                                      const CallShape &Shape, const Expr *Call,
                                      llvm::ArrayRef<const Expr *> Args) {
  std::vector<const CatalogEntry *> Entries = TU.Cat.matchAll(Shape);
  const Expr *Self = skipWrappers(Call);
  bool Awaited = AwaitedCalls.count(Self) != 0;
  bool Discarded = DiscardedCalls.count(Self) != 0;

  // An executor switch only means something when awaited; a discarded one
  // is the missing co_await that leaves the rest on the original loop.
  if (Out.IsCoroutine && (Awaited || Discarded) && !hasCallable(Args)) {
    for (const CatalogEntry *E : Entries) {
      if (E->Kind != "executor-switch" && E->Kind != "executor-bounce")
        continue;
      ExecutorSwitch Sw;
      Sw.Api = E->Names.front();
      Sw.Loc = TU.loc(Call->getExprLoc());
      Sw.Awaited = Awaited;
      Sw.Moves = E->Kind == "executor-switch";
      Out.Switches.push_back(Sw);
      if (Awaited && Sw.Moves)
        PendingAwait = Self;
      return;
    }
  }

  for (const CatalogEntry *E : Entries) {
    if (E->Kind != "spawn")
      continue;
    Spawn Sp;
    Sp.Api = E->Names.front();
    Sp.Model = E->Model;
    Sp.Loc = TU.loc(Call->getExprLoc());
    Sp.LoopDepth = LoopDepth;
    for (unsigned I = 0; I < Args.size(); ++I) {
      if (!E->CallableArgs.empty() &&
          std::find(E->CallableArgs.begin(), E->CallableArgs.end(), I) ==
              E->CallableArgs.end())
        continue;
      std::vector<const FunctionDecl *> Targets;
      callableTargets(Args[I], Targets);
      for (const FunctionDecl *T : Targets) {
        Sp.EntryIds.push_back(TU.usr(T));
        Sp.EntryNames.push_back(TU.displayName(T));
      }
    }
    Out.Spawns.push_back(std::move(Sp));
    return; // Work handed to another thread is not called here.
  }

  std::vector<ApiUse> Uses;
  for (const CatalogEntry *E : Entries) {
    if (E->Kind != "blocking" && E->Kind != "cpu-heavy" &&
        E->Kind != "mt-unsafe")
      continue;
    ApiUse U;
    U.Name = E->Names.front();
    for (const std::string &N : Shape.Names)
      if (std::find(E->Names.begin(), E->Names.end(), N) != E->Names.end()) {
        U.Name = N;
        break;
      }
    U.Kind = E->Kind;
    U.Category = E->Category;
    U.Blocks = E->Blocks;
    U.Severity = severityName(TU.Cat.severityOf(*E));
    U.Alternative = E->Alternative;
    Uses.push_back(std::move(U));
  }
  if (!Uses.empty()) {
    CallSite C = makeCall(Call);
    C.CalleeName = Uses.front().Name;
    C.CalleeId = Callee ? TU.usr(Callee) : "";
    C.Apis = std::move(Uses);
    Out.Calls.push_back(std::move(C));
  }
  // Library code we cannot see may call the callables it is given, here.
  // (User code we can see shows its own calls.)
  if (Callee && TU.inSystemHeader(Callee->getLocation()) &&
      !isa<CXXConstructorDecl>(Callee) &&
      !(isa<CXXMethodDecl>(Callee) &&
        !cast<CXXMethodDecl>(Callee)->isStatic()))
    addCallbacks(Args);
}

void FunctionWalker::handleCall(const CallExpr *CE) {
  const FunctionDecl *Callee = CE->getDirectCallee();
  if (!Callee) {
    if (isa<CXXPseudoDestructorExpr>(CE->getCallee()->IgnoreParens()))
      return;
    CallSite C = makeCall(CE);
    C.Kind = CallKind::Indirect;
    if (const auto *DRE =
            dyn_cast<DeclRefExpr>(CE->getCallee()->IgnoreParenImpCasts()))
      C.CalleeName = DRE->getDecl()->getNameAsString();
    else
      C.CalleeName = "function pointer";
    Out.Calls.push_back(std::move(C));
    return;
  }
  // Compiler builtins do nothing a check cares about; library functions
  // clang also knows as builtins (fopen, printf) still go to the catalog.
  if (unsigned ID = Callee->getBuiltinID())
    if (!TU.Ctx.BuiltinInfo.isPredefinedLibFunction(ID))
      return;

  // Explicit arguments, and the object for member calls.
  std::vector<const Expr *> Args;
  const Expr *Receiver = nullptr;
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  bool IsMember = Method && !Method->isStatic();
  unsigned First = 0;
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE)) {
    Receiver = MCE->getImplicitObjectArgument();
  } else if (isa<CXXOperatorCallExpr>(CE) && IsMember &&
             CE->getNumArgs() > 0) {
    Receiver = CE->getArg(0);
    First = 1;
  }
  for (unsigned I = First; I < CE->getNumArgs(); ++I)
    Args.push_back(CE->getArg(I));

  bool System = TU.inSystemHeader(Callee->getLocation());
  CallShape Shape;
  ShapeBuilder Builder(TU);
  std::string Name = catalogName(Callee);
  if (IsMember) {
    if (const CXXRecordDecl *RD =
            Receiver ? recordOf(Receiver->getType()) : nullptr) {
      std::string ViaReceiver =
          catalogName(RD) + "::" + Callee->getNameAsString();
      if (ViaReceiver != Name)
        Shape.Names.push_back(ViaReceiver);
    }
    Builder.addReceiver(Receiver, Shape);
  } else if (!Args.empty()) {
    Builder.addReceiver(Args.front(), Shape);
  }
  Shape.Names.push_back(Name);
  for (const Expr *A : Args)
    Shape.ArgTokens.push_back(Builder.argTokens(A));
  Shape.UserGlobalFunction =
      !System && !Callee->isExternC() &&
      Callee->getDeclContext()->getRedeclContext()->isTranslationUnit();

  size_t Before = Out.Calls.size() + Out.Spawns.size() + Out.Switches.size();
  handleCatalogued(Callee, Shape, CE, Args);
  bool Catalogued =
      Out.Calls.size() + Out.Spawns.size() + Out.Switches.size() != Before;
  if (System) {
    // std::function and friends: the target is whatever was stored.
    if (!Catalogued && IsMember &&
        Callee->getOverloadedOperator() == OO_Call) {
      CallSite C = makeCall(CE);
      C.Kind = CallKind::Indirect;
      C.CalleeName = Name;
      Out.Calls.push_back(std::move(C));
    }
    return;
  }
  if (Catalogued)
    return; // A user-configured API: its entry says what it does.

  CallSite C = makeCall(CE);
  C.CalleeId = TU.usr(Callee);
  C.CalleeName = TU.displayName(Callee);
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE))
    if (const auto *ME = dyn_cast<MemberExpr>(MCE->getCallee()->IgnoreParens()))
      if (isVirtualDispatch(ME, Method, TU.Ctx))
        C.Kind = CallKind::Virtual;
  Out.Calls.push_back(std::move(C));
}

void FunctionWalker::handleConstruct(const CXXConstructExpr *CE) {
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  if (!Ctor)
    return;
  std::vector<const Expr *> Args;
  for (const Expr *A : CE->arguments())
    if (!isa<CXXDefaultArgExpr>(A))
      Args.push_back(A);
  bool System = TU.inSystemHeader(Ctor->getLocation());
  if (System || !Ctor->isImplicit()) {
    CallShape Shape;
    ShapeBuilder Builder(TU);
    Shape.Names.push_back(catalogName(Ctor));
    for (const Expr *A : Args)
      Shape.ArgTokens.push_back(Builder.argTokens(A));
    size_t Before = Out.Calls.size() + Out.Spawns.size();
    handleCatalogued(Ctor, Shape, CE, Args);
    if (System || Out.Calls.size() + Out.Spawns.size() != Before)
      return;
  }
  if (Ctor->isImplicit() || Ctor->isTrivial())
    return;
  CallSite C = makeCall(CE);
  C.CalleeId = TU.usr(Ctor);
  C.CalleeName = TU.displayName(Ctor);
  Out.Calls.push_back(std::move(C));
}

void TranslationUnitFacts::analyse(const FunctionDecl *FD) {
  if (!FD || !FD->doesThisDeclarationHaveABody() || FD->isDependentContext() ||
      FD->isDefaulted() || FD->isDeleted())
    return;
  if (!Done.insert(FD).second)
    return;
  if (inSystemHeader(FD->getLocation()) || !FD->getBody())
    return;
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  bool IsLambda = MD && MD->getParent()->isLambda();
  if (FD->isImplicit() && !IsLambda)
    return;
  FunctionFacts F;
  F.Id = usr(FD);
  if (F.Id.empty())
    return;
  F.Name = displayName(FD);
  F.Loc = loc(FD->getLocation());
  F.IsLambda = IsLambda;
  F.IsCoroutine = isa<CoroutineBodyStmt>(FD->getBody());
  FunctionWalker Walker(*this, F);
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten())
        Walker.walk(Init->getInit());
  Walker.walk(FD->getBody());
  Out.Functions.push_back(std::move(F));
}

//===-- The translation unit ---------------------------------------------===//

class FunctionFinder : public RecursiveASTVisitor<FunctionFinder> {
public:
  explicit FunctionFinder(TranslationUnitFacts &TU) : TU(TU) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitLambdaBody() const { return true; }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    TU.analyse(FD);
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *L) {
    std::vector<const FunctionDecl *> Operators;
    callOperatorsOf(L->getLambdaClass(), Operators);
    for (const FunctionDecl *Op : Operators)
      TU.analyse(Op);
    return true;
  }
  bool TraverseDecl(Decl *D) {
    // Nothing in system headers is summarised; do not even walk it.
    if (D && !isa<TranslationUnitDecl>(D) &&
        TU.inSystemHeader(D->getLocation()) && !isa<NamespaceDecl>(D) &&
        !isa<LinkageSpecDecl>(D))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

private:
  TranslationUnitFacts &TU;
};

/// NOLINT comments, read the way clang-tidy reads them.
void scanSuppressions(llvm::StringRef Text, const std::string &File,
                      std::vector<Suppression> &Out) {
  size_t Pos = 0;
  while ((Pos = Text.find("NOLINT", Pos)) != llvm::StringRef::npos) {
    llvm::StringRef Rest = Text.substr(Pos);
    std::string Kind = "NOLINT";
    for (const char *K : {"NOLINTNEXTLINE", "NOLINTBEGIN", "NOLINTEND"})
      if (Rest.starts_with(K)) {
        Kind = K;
        break;
      }
    Suppression S;
    S.File = File;
    S.Kind = Kind;
    S.Line = 1 + Text.take_front(Pos).count('\n');
    llvm::StringRef After = Rest.drop_front(Kind.size());
    if (After.starts_with("(")) {
      size_t Close = After.find(')');
      size_t Newline = After.find('\n');
      if (Close != llvm::StringRef::npos && Close < Newline) {
        llvm::SmallVector<llvm::StringRef, 4> Names;
        After.substr(1, Close - 1).split(Names, ',', -1, false);
        for (llvm::StringRef N : Names)
          S.Checks.push_back(N.trim().str());
      }
    }
    Out.push_back(std::move(S));
    Pos += Kind.size();
  }
}

class FactsConsumer : public ASTConsumer {
public:
  FactsConsumer(CompilerInstance &CI, const Catalog &Cat,
                const std::string &Directory, FileFacts &Out)
      : CI(CI), Cat(Cat), Directory(Directory), Out(Out) {}

  bool shouldSkipFunctionBody(Decl *D) override {
    return CI.getSourceManager().isInSystemHeader(D->getLocation());
  }

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (CI.getDiagnostics().hasErrorOccurred())
      return;
    TranslationUnitFacts TU(Ctx, Cat, Directory, Out);
    FunctionFinder(TU).TraverseDecl(Ctx.getTranslationUnitDecl());
    SourceManager &SM = Ctx.getSourceManager();
    TU.fileName(SM.getMainFileID());
    for (unsigned Hash : TU.touchedFiles()) {
      FileID FID = TU.fileID(Hash);
      std::string Name = TU.fileName(FID);
      if (Name.empty() || SM.isInSystemHeader(SM.getLocForStartOfFile(FID)))
        continue;
      scanSuppressions(SM.getBufferData(FID), Name, Out.Suppressions);
    }
  }

private:
  CompilerInstance &CI;
  const Catalog &Cat;
  std::string Directory;
  FileFacts &Out;
};

class FactsAction : public ASTFrontendAction {
public:
  FactsAction(const Catalog &Cat, const std::string &Directory,
              FileFacts &Out)
      : Cat(Cat), Directory(Directory), Out(Out) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    CI.getFrontendOpts().SkipFunctionBodies = true;
    return std::make_unique<FactsConsumer>(CI, Cat, Directory, Out);
  }

private:
  const Catalog &Cat;
  std::string Directory;
  FileFacts &Out;
};

/// Keeps Clang quiet and remembers the first error for the report.
class FirstErrorCollector : public DiagnosticConsumer {
public:
  explicit FirstErrorCollector(const std::string &Directory)
      : Directory(Directory) {}

  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error || !FirstError.empty())
      return;
    llvm::SmallString<256> Message;
    Info.FormatDiagnostic(Message);
    std::string Where;
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      const SourceManager &SM = Info.getSourceManager();
      PresumedLoc P = SM.getPresumedLoc(SM.getFileLoc(Info.getLocation()));
      if (P.isValid()) {
        llvm::SmallString<256> Path(P.getFilename());
        if (!llvm::sys::path::is_absolute(Path))
          llvm::sys::fs::make_absolute(Directory, Path);
        llvm::sys::path::remove_dots(Path, true);
        Where = std::string(Path) + ":" + std::to_string(P.getLine()) + ":" +
                std::to_string(P.getColumn()) + ": ";
      }
    }
    FirstError = Where + "error: " + std::string(Message);
  }

  std::string FirstError;

private:
  std::string Directory;
};

} // namespace

FileFacts extractFacts(const CompileJob &Job, const Catalog &Cat) {
  FileFacts Out;
  Out.File = Job.File;
  FirstErrorCollector Diags(Job.Directory);
  bool Ran = false;

  llvm::CrashRecoveryContext Recovery;
  bool Survived = Recovery.RunSafely([&] {
    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS =
        llvm::vfs::createPhysicalFileSystem();
    FS->setCurrentWorkingDirectory(Job.Directory);
    FileSystemOptions FSOpts;
    FSOpts.WorkingDir = Job.Directory;
    llvm::IntrusiveRefCntPtr<FileManager> Files(new FileManager(FSOpts, FS));
    tooling::ToolInvocation Invocation(
        Job.CommandLine, std::make_unique<FactsAction>(Cat, Job.Directory, Out),
        Files.get());
    Invocation.setDiagnosticConsumer(&Diags);
    Ran = Invocation.run();
  });

  if (!Survived) {
    Out = FileFacts();
    Out.File = Job.File;
    Out.FirstError = Job.File + ": Clang crashed while parsing this file";
    return Out;
  }
  if (!Ran || Diags.getNumErrors() > 0) {
    Out.Functions.clear();
    Out.Suppressions.clear();
    Out.FirstError = Diags.FirstError.empty()
                         ? Job.File + ": the file could not be parsed"
                         : Diags.FirstError;
    return Out;
  }
  Out.Parsed = true;
  return Out;
}

} // namespace concur
