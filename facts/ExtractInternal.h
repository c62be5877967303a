//===- ExtractInternal.h - Shared pieces of the fact extractor ------------===//
//
// Not a public interface: the translation-unit driver (ExtractFacts.cpp) and
// the per-function analysis (FunctionWalker.cpp and the files it uses) share
// these.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_EXTRACTINTERNAL_H
#define CONCUR_FACTS_EXTRACTINTERNAL_H

#include "catalog/Catalog.h"
#include "facts/Facts.h"
#include "facts/LibraryModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/PrettyPrinter.h"
#include "clang/Basic/SourceManager.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace concur {
namespace extract {

/// Qualified name without template arguments, inline or anonymous
/// namespaces: the form catalog entries are written in.
std::string catalogName(const clang::NamedDecl *D);

/// The class of an object or of what a pointer points to.
const clang::CXXRecordDecl *recordOf(clang::QualType T);

/// The call operators of a closure or functor class.
void callOperatorsOf(const clang::CXXRecordDecl *RD,
                     std::vector<const clang::FunctionDecl *> &Out);

/// The coroutine a call runs (its definition, or the instantiation whose
/// pattern is one), or null when the callee is no coroutine this file
/// defines.
const clang::FunctionDecl *calledCoroutine(const clang::CallExpr *Call);

/// What a branch condition tests against null or zero (`p`, `!p`, `p ==
/// NULL`, `NULL != p`, `r != 0`), and whether its true edge is the one
/// where that is null or zero.
const clang::Expr *nullTested(const clang::Expr *Cond, clang::ASTContext &Ctx,
                              bool &NullOnTrue);

/// The variable an expression names, through parentheses and casts.
const clang::VarDecl *referencedVar(const clang::Expr *E);
/// The array an element access indexes when the base is an array itself,
/// not what a pointer points to (`slots[i]` of `struct slot slots[4]`):
/// the array's expression, or null.
const clang::Expr *indexedArray(const clang::ArraySubscriptExpr *AS);

/// Calls Visit on each argument of Call bound to a non-const reference
/// parameter: what the callee may change.
template <typename Fn>
void forEachMutableRefArg(const clang::CallExpr *Call, Fn Visit) {
  const clang::FunctionDecl *FD = Call->getDirectCallee();
  if (!FD)
    return;
  unsigned First = llvm::isa<clang::CXXOperatorCallExpr>(Call) &&
                           llvm::isa<clang::CXXMethodDecl>(FD)
                       ? 1
                       : 0;
  for (unsigned I = First; I < Call->getNumArgs(); ++I) {
    unsigned P = I - First;
    if (P < FD->getNumParams()) {
      clang::QualType T = FD->getParamDecl(P)->getType();
      if (T->isReferenceType() && !T.getNonReferenceType().isConstQualified())
        Visit(Call->getArg(I));
    }
  }
}

/// The integer an expression always has (none for a template's
/// value-dependent one).
std::optional<int64_t> integerConstant(const clang::Expr *E,
                                       const clang::ASTContext &Ctx);

/// E without its logical negations (`!!x` is x), and whether an odd number
/// of them was stripped.
const clang::Expr *withoutNegations(const clang::Expr *E, bool &Negated);

/// The variables a lambda captures by reference.
std::vector<const clang::VarDecl *>
referenceCaptures(const clang::LambdaExpr *L);

/// Per-translation-unit state shared by the walks: names, locations, USRs.
class TranslationUnitFacts {
public:
  TranslationUnitFacts(clang::ASTContext &Ctx, const Catalog &Cat,
                       const std::string &Directory, FileFacts &Out);

  clang::ASTContext &Ctx;
  clang::SourceManager &SM;
  const Catalog &Cat;
  LibraryModel Lib;

  bool inSystemHeader(clang::SourceLocation L) const;
  /// Library code: declared in a system header, or in a namespace the
  /// catalog lists as a library's own (a vendored Asio). It is judged by
  /// the catalog, never summarised or walked.
  bool inLibraryCode(const clang::Decl *D) const;
  std::string usr(const clang::Decl *D);
  SourceLoc loc(clang::SourceLocation L);
  /// An edit replacing the characters of Range with Text; nullopt when the
  /// range starts or ends in a macro expansion or a system header, text the
  /// user's fix cannot safely change.
  std::optional<SourceEdit> edit(clang::CharSourceRange Range,
                                 std::string Text);
  std::optional<SourceEdit> insertion(clang::SourceLocation At,
                                      std::string Text);
  std::string displayName(const clang::FunctionDecl *FD);

  /// Whether a function (and the depth it was asked at) returns the
  /// current thread's id (facts/ThreadAffinity.cpp).
  std::map<std::pair<const clang::FunctionDecl *, unsigned>, bool>
      ReturnsThreadId;

  /// Summarises one function (once; later calls do nothing).
  void analyse(const clang::FunctionDecl *FD);
  /// The parameters of MD that hand it an object of a class the program
  /// defines, or a mutex, by pointer or reference.
  std::vector<ParamObject> paramObjects(const clang::CXXMethodDecl *MD);

  /// Summarises an OpenMP parallel region of FD as a function of its own.
  void analyseRegion(const clang::FunctionDecl *FD, const clang::Stmt *Body,
                     const std::string &Id, const std::string &Name,
                     SourceLoc Loc,
                     const std::set<const clang::VarDecl *> &Private);

  /// Records the methods a method overrides (the class hierarchy).
  void addOverrides(const clang::CXXMethodDecl *MD);

  /// Records the callables a global variable's initialiser stores.
  void addGlobalInit(const clang::VarDecl *VD);

  /// Records a concur::workload::Registrar built at namespace scope.
  void addWorkload(const clang::CXXConstructExpr *Registration);

  std::string fileName(clang::FileID FID);
  std::vector<clang::FileID> touchedFiles() const;

private:
  std::string Directory;
  FileFacts &Out;
  clang::PrintingPolicy Policy;
  std::map<const clang::Decl *, std::string> USRs;
  std::map<unsigned, std::string> FileNames;
  std::map<unsigned, clang::FileID> FileIDs;
  std::set<const clang::FunctionDecl *> Done;
  std::set<const clang::CXXMethodDecl *> OverridesDone;
  mutable std::map<const clang::DeclContext *, bool> LibraryNamespaces;
};

/// Describes a call for the catalog.
class ShapeBuilder {
public:
  void addReceiver(const clang::Expr *E, CallShape &Shape);
  std::vector<std::string> argTokens(const clang::Expr *E);

private:
  void addRecordAndBases(const clang::CXXRecordDecl *RD,
                         std::vector<std::string> &Out);
  void addTypeTokens(clang::QualType T, std::vector<std::string> &Tokens,
                     unsigned Depth);
};

} // namespace extract
} // namespace concur

#endif // CONCUR_FACTS_EXTRACTINTERNAL_H
