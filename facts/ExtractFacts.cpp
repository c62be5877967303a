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
#include "facts/AddressEscapes.h"
#include "facts/CallableFlow.h"
#include "facts/FunctionWalker.h"
#include "facts/OpenMPModel.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
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
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <algorithm>
#include <map>
#include <set>

using namespace clang;

namespace concur {
namespace extract {

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

const FunctionDecl *calledCoroutine(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return nullptr;
  if (const FunctionDecl *Pattern = Callee->getTemplateInstantiationPattern())
    if (Pattern->getBody() && isa<CoroutineBodyStmt>(Pattern->getBody()))
      return Callee;
  const FunctionDecl *Def = nullptr;
  if (!Callee->hasBody(Def) || !Def->getBody() ||
      !isa<CoroutineBodyStmt>(Def->getBody()))
    return nullptr;
  return Def;
}

const VarDecl *referencedVar(const Expr *E) {
  if (!E)
    return nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    return dyn_cast<VarDecl>(DRE->getDecl());
  return nullptr;
}

const Expr *indexedArray(const ArraySubscriptExpr *AS) {
  const auto *Decay = dyn_cast<ImplicitCastExpr>(AS->getBase()->IgnoreParens());
  if (!Decay || Decay->getCastKind() != CK_ArrayToPointerDecay)
    return nullptr;
  return Decay->getSubExpr()->IgnoreParens();
}

std::optional<int64_t> integerConstant(const Expr *E, const ASTContext &Ctx) {
  Expr::EvalResult R;
  if (E->isValueDependent() || !E->EvaluateAsInt(R, Ctx))
    return std::nullopt;
  return R.Val.getInt().getExtValue();
}

const Expr *withoutNegations(const Expr *E, bool &Negated) {
  E = E->IgnoreParenImpCasts();
  while (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->getOpcode() != UO_LNot)
      break;
    Negated = !Negated;
    E = U->getSubExpr()->IgnoreParenImpCasts();
  }
  return E;
}

std::vector<const VarDecl *> referenceCaptures(const LambdaExpr *L) {
  std::vector<const VarDecl *> Vars;
  for (const LambdaCapture &C : L->captures())
    if (C.capturesVariable() && C.getCaptureKind() == LCK_ByRef)
      if (const auto *VD = dyn_cast<VarDecl>(C.getCapturedVar()))
        Vars.push_back(VD);
  return Vars;
}

TranslationUnitFacts::TranslationUnitFacts(ASTContext &Ctx, const Catalog &Cat,
                                           const std::string &Directory,
                                           FileFacts &Out)
    : Ctx(Ctx), SM(Ctx.getSourceManager()), Cat(Cat), Lib(Cat),
      Directory(Directory), Out(Out), Policy(Ctx.getPrintingPolicy()) {
  Policy.SuppressInlineNamespace = true;
  Policy.SuppressUnwrittenScope = true;
  Policy.AnonymousTagLocations = false;
}

bool TranslationUnitFacts::inSystemHeader(SourceLocation L) const {
  return L.isValid() && SM.isInSystemHeader(SM.getFileLoc(L));
}

bool TranslationUnitFacts::inLibraryCode(const Decl *D) const {
  if (!D)
    return false;
  if (inSystemHeader(D->getLocation()))
    return true;
  const DeclContext *DC =
      isa<NamespaceDecl>(D) ? cast<DeclContext>(D) : D->getDeclContext();
  while (DC && !isa<NamespaceDecl>(DC))
    DC = DC->getParent();
  if (!DC)
    return false;
  auto Known = LibraryNamespaces.find(DC);
  if (Known != LibraryNamespaces.end())
    return Known->second;
  // The namespace as the catalog names it: inline and anonymous ones left
  // out (asio::detail, not asio::v1::detail).
  std::vector<llvm::StringRef> Names;
  for (const DeclContext *At = DC; At; At = At->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(At))
      if (!NS->isInline() && !NS->isAnonymousNamespace())
        Names.push_back(NS->getName());
  std::string Qualified;
  for (auto It = Names.rbegin(); It != Names.rend(); ++It)
    Qualified += (Qualified.empty() ? "" : "::") + It->str();
  bool Is = !Qualified.empty() && Cat.isLibraryNamespace(Qualified);
  LibraryNamespaces[DC] = Is;
  return Is;
}

std::string TranslationUnitFacts::usr(const Decl *D) {
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
      return USRs[D] = Id + "@" + L.File + ":" + std::to_string(L.Line) + ":" +
                       std::to_string(L.Column);
    }
  // A specialization for a lambda's (or another unnamed class's) type: the
  // USR names the type without its place, so run<lambda A> and
  // run<lambda B> would be one. Add where each such argument is written.
  if (const auto *FD = dyn_cast<FunctionDecl>(D))
    if (!Id.empty()) {
      const TemplateArgumentList *Args = FD->getTemplateSpecializationArgs();
      if (!Args)
        if (const auto *Spec =
                dyn_cast_or_null<ClassTemplateSpecializationDecl>(
                    FD->getDeclContext()))
          Args = &Spec->getTemplateArgs();
      if (Args)
        for (const TemplateArgument &Arg : Args->asArray())
          if (Arg.getKind() == TemplateArgument::Type)
            if (const CXXRecordDecl *RD = Arg.getAsType()->getAsCXXRecordDecl())
              if (!RD->getIdentifier()) {
                SourceLoc L = loc(RD->getLocation());
                Id += "@" + L.File + ":" + std::to_string(L.Line) + ":" +
                      std::to_string(L.Column);
              }
    }
  // Internal things (static functions and variables, anonymous namespaces,
  // locals) get only the file's base name in their USR: a static counter in
  // a/stats.cpp and one in b/stats.cpp would be one. Add the whole path:
  // the definition's, which every declaration of it shares (a static
  // function declared in a header before the file defines it is one
  // function), else the first declaration's.
  if (const auto *ND = dyn_cast<NamedDecl>(D))
    if (!Id.empty() && !ND->isExternallyVisible()) {
      const Decl *Where = ND->getCanonicalDecl();
      if (const auto *FD = dyn_cast<FunctionDecl>(ND)) {
        if (const FunctionDecl *Def = FD->getDefinition())
          Where = Def;
      } else if (const auto *VD = dyn_cast<VarDecl>(ND)) {
        if (const VarDecl *Def = VD->getDefinition())
          Where = Def;
      }
      Id += "@" + loc(Where->getLocation()).File;
    }
  return USRs[D] = Id;
}

SourceLoc TranslationUnitFacts::loc(SourceLocation L) {
  SourceLoc Result;
  if (L.isInvalid())
    return Result;
  L = SM.getFileLoc(L);
  Result.File = fileName(SM.getFileID(L));
  Result.Line = SM.getSpellingLineNumber(L);
  Result.Column = SM.getSpellingColumnNumber(L);
  return Result;
}

std::optional<SourceEdit> TranslationUnitFacts::edit(CharSourceRange Range,
                                                     std::string Text) {
  SourceLocation B = Range.getBegin(), E = Range.getEnd();
  if (B.isInvalid() || E.isInvalid() || B.isMacroID() || E.isMacroID() ||
      inSystemHeader(B))
    return std::nullopt;
  if (Range.isTokenRange())
    E = Lexer::getLocForEndOfToken(E, 0, SM, Ctx.getLangOpts());
  if (E.isInvalid() || SM.getFileID(B) != SM.getFileID(E))
    return std::nullopt;
  SourceEdit Edit;
  Edit.Begin = loc(B);
  Edit.End = loc(E);
  Edit.Text = std::move(Text);
  return Edit;
}

std::optional<SourceEdit> TranslationUnitFacts::insertion(SourceLocation At,
                                                          std::string Text) {
  return edit(CharSourceRange::getCharRange(At, At), std::move(Text));
}

std::string TranslationUnitFacts::displayName(const FunctionDecl *FD) {
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

std::string TranslationUnitFacts::fileName(FileID FID) {
  auto It = FileNames.find(FID.getHashValue());
  if (It != FileNames.end())
    return It->second;
  std::string Name;
  if (OptionalFileEntryRef FE = SM.getFileEntryRefForID(FID))
    Name = absolutePath(FE->getName().str(), Directory);
  FileIDs[FID.getHashValue()] = FID;
  return FileNames[FID.getHashValue()] = Name;
}

void TranslationUnitFacts::analyseRegion(
    const FunctionDecl *FD, const Stmt *Body, const std::string &Id,
    const std::string &Name, SourceLoc Loc,
    const std::set<const VarDecl *> &Private) {
  FunctionFacts F;
  F.Id = Id;
  F.Name = Name;
  F.Loc = Loc;
  F.IsLambda = true; // Not a named function; never a main.
  FunctionWalker(*this, FD, F).runRegion(Body, Private);
  Out.Functions.push_back(std::move(F));
}

void TranslationUnitFacts::addWorkload(const CXXConstructExpr *Registration) {
  const auto *Name =
      dyn_cast<StringLiteral>(Registration->getArg(0)->IgnoreParenImpCasts());
  if (!Name)
    return;
  Workload W;
  W.Name = Name->getString().str();
  W.Loc = loc(Registration->getBeginLoc());
  for (unsigned I = 1; I < Registration->getNumArgs(); ++I) {
    std::vector<const FunctionDecl *> Targets;
    Lib.callableTargets(Registration->getArg(I), Targets);
    for (const FunctionDecl *T : Targets) {
      W.EntryIds.push_back(usr(T));
      W.EntryNames.push_back(displayName(T));
    }
  }
  Out.Workloads.push_back(std::move(W));
}

void TranslationUnitFacts::addOverrides(const CXXMethodDecl *MD) {
  if (!MD->isVirtual() || MD->size_overridden_methods() == 0 ||
      inLibraryCode(MD) || !OverridesDone.insert(MD->getCanonicalDecl()).second)
    return;
  std::string Id = usr(MD->getCanonicalDecl());
  if (Id.empty())
    return;
  for (const CXXMethodDecl *Base : MD->overridden_methods()) {
    MethodOverride O;
    O.MethodId = Id;
    O.MethodName = displayName(MD);
    O.OverriddenId = usr(Base->getCanonicalDecl());
    if (!O.OverriddenId.empty())
      Out.Overrides.push_back(std::move(O));
  }
}

void TranslationUnitFacts::addGlobalInit(const VarDecl *VD) {
  if (!VD->getInit() || inLibraryCode(VD) ||
      VD->getDeclContext()->isDependentContext())
    return;
  std::vector<AddressEscape> Escapes =
      extract::findAddressEscapes(VD->getInit(), nullptr, *this);
  Out.GlobalAddressEscapes.insert(Out.GlobalAddressEscapes.end(),
                                  Escapes.begin(), Escapes.end());
  CallableFlow Flow(*this, Out.GlobalStores);
  if (Flow.mayHoldCallable(VD->getType()))
    Flow.storeInit(Flow.varSlot(VD), VD->getInit(), Flow.objectPlace(VD));
}

std::vector<FileID> TranslationUnitFacts::touchedFiles() const {
  std::vector<FileID> IDs;
  for (const auto &[Hash, ID] : FileIDs)
    IDs.push_back(ID);
  return IDs;
}

void ShapeBuilder::addReceiver(const Expr *E, CallShape &Shape) {
  if (!E)
    return;
  // The object as written, before conversion to the base class that
  // declares the method: an ifstream, not the istream it is passed as.
  E = E->IgnoreParenImpCasts();
  if (const auto *RD = recordOf(E->getType()))
    addRecordAndBases(RD, Shape.Receivers);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (VD->hasGlobalStorage())
        Shape.Receivers.push_back(catalogName(VD));
}

std::vector<std::string> ShapeBuilder::argTokens(const Expr *E) {
  std::vector<std::string> Tokens;
  for (const Expr *Form : {E->IgnoreParenImpCasts(), E})
    addTypeTokens(Form->getType().getNonReferenceType().getCanonicalType(),
                  Tokens, /*Depth=*/0);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    Tokens.push_back(catalogName(DRE->getDecl()));
  return Tokens;
}

void ShapeBuilder::addRecordAndBases(const CXXRecordDecl *RD,
                                     std::vector<std::string> &Out) {
  Out.push_back(catalogName(RD));
  if (!RD->hasDefinition())
    return;
  RD->forallBases([&](const CXXRecordDecl *Base) {
    Out.push_back(catalogName(Base));
    return true;
  });
}

void ShapeBuilder::addTypeTokens(QualType T, std::vector<std::string> &Tokens,
                                 unsigned Depth) {
  if (T.isNull() || Depth > 2)
    return;
  if (const auto *RD = T->getAsCXXRecordDecl()) {
    Tokens.push_back(catalogName(RD));
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
      for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
        if (Arg.getKind() == TemplateArgument::Type)
          addTypeTokens(Arg.getAsType().getCanonicalType(), Tokens, Depth + 1);
  } else if (const auto *ET = T->getAs<EnumType>()) {
    Tokens.push_back(catalogName(ET->getDecl()));
  }
}

std::vector<ParamObject>
TranslationUnitFacts::paramObjects(const CXXMethodDecl *MD) {
  std::vector<ParamObject> Out;
  for (unsigned I = 0; I < MD->getNumParams(); ++I) {
    QualType T = MD->getParamDecl(I)->getType();
    // An rvalue is handed over: the caller gives it up, so nobody else
    // uses it while the callee does (a move constructor's source).
    if ((!T->isPointerType() && !T->isReferenceType()) ||
        T->isRValueReferenceType())
      continue;
    QualType Pointee = T->getPointeeType();
    const CXXRecordDecl *RD = Pointee->getAsCXXRecordDecl();
    if (!RD || RD->isLambda() || !RD->hasDefinition())
      continue;
    // A library's containers and strings are not objects a caller shares
    // by handing them in: each call passes its own. Its mutexes are locks.
    if (inLibraryCode(RD) && !Lib.isSyncObject(Pointee))
      continue;
    ParamObject P;
    P.Index = I;
    P.ClassId = usr(RD->getCanonicalDecl());
    P.ClassName = catalogName(RD);
    P.ByReference = T->isReferenceType();
    if (!P.ClassId.empty())
      Out.push_back(std::move(P));
  }
  return Out;
}

void TranslationUnitFacts::analyse(const FunctionDecl *FD) {
  if (!FD || !FD->doesThisDeclarationHaveABody() || FD->isDependentContext() ||
      FD->isDefaulted() || FD->isDeleted())
    return;
  if (!Done.insert(FD).second)
    return;
  if (inLibraryCode(FD) || !FD->getBody())
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
  F.IsConstructor = isa<CXXConstructorDecl>(FD);
  if (MD && !IsLambda && !MD->getParent()->isLambda()) {
    const CXXRecordDecl *Class = MD->getParent();
    F.ClassId = usr(Class);
    F.ClassName = catalogName(Class);
    F.IsPublic = MD->getAccess() == AS_public;
    F.IsStatic = MD->isStatic();
    F.IsDestructor = isa<CXXDestructorDecl>(MD);
    // [[clang::annotate("concur::single_threaded")]] or the catalog.
    for (const auto *A : Class->specific_attrs<AnnotateAttr>())
      F.ClassSingleThreaded |= A->getAnnotation() == "concur::single_threaded";
    F.ClassSingleThreaded |= Lib.recordHas(Class, LibraryRole::SingleThreaded);
    for (const FieldDecl *Field : Class->fields()) {
      QualType T = Field->getType();
      while (const ArrayType *AT = T->getAsArrayTypeUnsafe())
        T = AT->getElementType();
      F.ClassSynchronises |= Lib.isAtomic(T) || Lib.isSyncObject(T);
    }
    F.ParamObjects = paramObjects(MD);
  }
  F.IsCoroutine = isa<CoroutineBodyStmt>(FD->getBody());
  FunctionWalker(*this, FD, F).run();
  if (Ctx.getLangOpts().OpenMP)
    F.OpenMP = buildOpenMPSkeleton(*this, FD);
  Out.Functions.push_back(std::move(F));
}

namespace {

//===-- The translation unit ---------------------------------------------===//

class FunctionFinder : public RecursiveASTVisitor<FunctionFinder> {
public:
  explicit FunctionFinder(TranslationUnitFacts &TU) : TU(TU) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitLambdaBody() const { return true; }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    TU.analyse(FD);
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
      TU.addOverrides(MD);
    return true;
  }
  bool VisitVarDecl(VarDecl *VD) {
    if (VD->hasGlobalStorage() && !VD->isStaticLocal())
      TU.addGlobalInit(VD);
    // CONCUR_WORKLOAD(name, fn): a namespace-scope Registrar.
    if (VD->hasGlobalStorage() && VD->getInit())
      if (const auto *Ctor =
              dyn_cast<CXXConstructExpr>(TU.Lib.skipWrappers(VD->getInit())))
        if (Ctor->getConstructor() &&
            catalogName(Ctor->getConstructor()->getParent()) ==
                "concur::workload::Registrar" &&
            Ctor->getNumArgs() >= 2)
          TU.addWorkload(Ctor);
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
    // Nothing in system headers or a library's namespace is summarised; do
    // not even walk it. (A namespace or linkage block in a system header
    // may still hold what the program declares there.)
    bool System = D && TU.inSystemHeader(D->getLocation());
    if (D && !isa<TranslationUnitDecl>(D) &&
        ((System && !isa<NamespaceDecl>(D) && !isa<LinkageSpecDecl>(D)) ||
         (!System && TU.inLibraryCode(D))))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

private:
  TranslationUnitFacts &TU;
};

/// NOLINT comments, read the way clang-tidy reads them.
void scanSuppressions(llvm::StringRef Text, const std::string &File,
                      std::vector<Suppression> &Out) {
  size_t Pos = 0, Counted = 0;
  unsigned Line = 1;
  while ((Pos = Text.find("NOLINT", Pos)) != llvm::StringRef::npos) {
    Line += Text.slice(Counted, Pos).count('\n');
    Counted = Pos;
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
    S.Line = Line;
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
    // The path the file was really opened at: names as requested can be
    // relative to wherever the driver thought the compiler was installed.
    for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
      llvm::StringRef Real = It->first.getFileEntry().tryGetRealPathName();
      Out.Dependencies.push_back(
          Real.empty() ? absolutePath(It->first.getName().str(), Directory)
                       : Real.str());
    }
    std::sort(Out.Dependencies.begin(), Out.Dependencies.end());
    Out.Dependencies.erase(
        std::unique(Out.Dependencies.begin(), Out.Dependencies.end()),
        Out.Dependencies.end());
    TU.fileName(SM.getMainFileID());
    for (FileID FID : TU.touchedFiles()) {
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
  FactsAction(const Catalog &Cat, const std::string &Directory, FileFacts &Out)
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
      if (P.isValid())
        Where = absolutePath(P.getFilename(), Directory) + ":" +
                std::to_string(P.getLine()) + ":" +
                std::to_string(P.getColumn()) + ": ";
    }
    FirstError = Where + "error: " + std::string(Message);
  }

  std::string FirstError;

private:
  std::string Directory;
};

} // namespace
} // namespace extract

using extract::FactsAction;
using extract::FirstErrorCollector;

FileFacts extractFacts(const CompileJob &Job, const Catalog &Cat) {
  FileFacts Out;
  Out.File = Job.File;
  FirstErrorCollector Diags(Job.Directory);
  bool Ran = false;

  // On a thread of its own with a large stack: clang's parser, its CFG
  // builder and its AST printers recurse on the input's nesting, and code
  // that clang accepts (a sum of 20,000 terms, a chain of 6,000 calls) must
  // not overflow the stack of a pool worker. Only the pages used are backed.
  constexpr unsigned AnalysisStackBytes = 512u << 20;
  llvm::CrashRecoveryContext Recovery;
  bool Survived = Recovery.RunSafelyOnThread(
      [&] {
        llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS =
            llvm::vfs::createPhysicalFileSystem();
        FS->setCurrentWorkingDirectory(Job.Directory);
        FileSystemOptions FSOpts;
        FSOpts.WorkingDir = Job.Directory;
        llvm::IntrusiveRefCntPtr<FileManager> Files(
            new FileManager(FSOpts, FS));
        tooling::ToolInvocation Invocation(
            Job.CommandLine,
            std::make_unique<FactsAction>(Cat, Job.Directory, Out),
            Files.get());
        Invocation.setDiagnosticConsumer(&Diags);
        Ran = Invocation.run();
      },
      AnalysisStackBytes);

  if (!Survived) {
    Out = FileFacts();
    Out.File = Job.File;
    Out.FirstError = Job.File + ": Clang crashed while parsing this file";
    return Out;
  }
  if (!Ran || Diags.getNumErrors() > 0) {
    Out.Functions.clear();
    Out.Suppressions.clear();
    Out.Workloads.clear();
    Out.FirstError = Diags.FirstError.empty()
                         ? Job.File + ": the file could not be parsed"
                         : Diags.FirstError;
    return Out;
  }
  Out.Parsed = true;
  return Out;
}

} // namespace concur
