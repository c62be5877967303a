//===- GuardScope.cpp - Ending a guard's scope before a suspension --------===//

#include "facts/GuardScope.h"

#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"

#include <algorithm>
#include <set>

using namespace clang;

namespace concur {
namespace extract {
namespace {

/// The only parent of Node that is a statement, if it has exactly one.
template <class T> const Stmt *parentStmt(ASTContext &Ctx, const T &Node) {
  DynTypedNodeList Parents = Ctx.getParents(Node);
  if (Parents.size() != 1)
    return nullptr;
  return Parents[0].template get<Stmt>();
}

/// Does S name one of Decls?
class NamesAny : public RecursiveASTVisitor<NamesAny> {
public:
  explicit NamesAny(const std::set<const VarDecl *> &Decls) : Decls(Decls) {}
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (const auto *VD = dyn_cast<VarDecl>(E->getDecl()))
      Found |= Decls.count(VD->getCanonicalDecl()) != 0;
    return !Found;
  }
  bool Found = false;

private:
  const std::set<const VarDecl *> &Decls;
};

/// The spaces before Loc on its line when only spaces precede it, so that
/// an inserted line lines up; otherwise a single space.
std::string indentationOf(SourceManager &SM, SourceLocation Loc) {
  bool Invalid = false;
  const char *At = SM.getCharacterData(Loc, &Invalid);
  unsigned Column = SM.getSpellingColumnNumber(Loc, &Invalid);
  if (Invalid || Column == 0)
    return " ";
  llvm::StringRef Before(At - (Column - 1), Column - 1);
  if (!llvm::all_of(Before, [](char C) { return C == ' ' || C == '\t'; }))
    return " ";
  return Before.str();
}

/// Where a brace closing before the statement at Loc goes: before the
/// line comments right above it, which belong to that statement.
SourceLocation aboveItsComments(SourceManager &SM, SourceLocation Loc) {
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(Loc), &Invalid);
  if (Invalid || Loc.isMacroID())
    return Loc;
  unsigned Offset = SM.getFileOffset(Loc);
  size_t LineStart = Buffer.rfind('\n', Offset == 0 ? 0 : Offset - 1);
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  // Only when the statement starts its line.
  if (!Buffer.slice(LineStart, Offset).trim().empty())
    return Loc;
  unsigned Best = Offset;
  while (LineStart > 0) {
    size_t PrevStart = Buffer.rfind('\n', LineStart - 2);
    PrevStart = PrevStart == llvm::StringRef::npos ? 0 : PrevStart + 1;
    llvm::StringRef Line = Buffer.slice(PrevStart, LineStart - 1);
    llvm::StringRef Text = Line.ltrim();
    if (!Text.starts_with("//"))
      break;
    Best = PrevStart + (Line.size() - Text.size());
    LineStart = PrevStart;
  }
  return Loc.getLocWithOffset(static_cast<int>(Best) -
                              static_cast<int>(Offset));
}

} // namespace

std::vector<SourceEdit> endGuardScopeBefore(TranslationUnitFacts &TU,
                                            const VarDecl *Guard,
                                            const Expr *Suspension) {
  ASTContext &Ctx = TU.Ctx;
  // The statement of the block that holds the suspension.
  const Stmt *Child = Suspension;
  const CompoundStmt *Block = nullptr;
  while (Child) {
    const Stmt *Parent = parentStmt(Ctx, *Child);
    if (!Parent)
      return {};
    if ((Block = dyn_cast<CompoundStmt>(Parent)))
      break;
    Child = Parent;
  }
  const Stmt *Declaration = parentStmt(Ctx, *Guard);
  const auto *DS = dyn_cast_or_null<DeclStmt>(Declaration);
  if (!Block || !DS || !DS->isSingleDecl() || parentStmt(Ctx, *DS) != Block)
    return {};
  auto Begin = std::find(Block->body_begin(), Block->body_end(), DS);
  auto Suspending = std::find(Block->body_begin(), Block->body_end(), Child);
  if (Begin == Block->body_end() || Suspending == Block->body_end() ||
      Suspending <= Begin)
    return {};
  // What the braces would take out of scope, and what must stay a
  // statement of the block (a jump's target).
  std::set<const VarDecl *> Enclosed;
  for (auto It = Begin; It != Suspending; ++It) {
    if (isa<SwitchCase>(*It) || isa<LabelStmt>(*It))
      return {};
    if (const auto *D = dyn_cast<DeclStmt>(*It))
      for (const Decl *Each : D->decls())
        if (const auto *VD = dyn_cast<VarDecl>(Each))
          Enclosed.insert(VD->getCanonicalDecl());
  }
  if (isa<SwitchCase>(*Suspending) || isa<LabelStmt>(*Suspending))
    return {};
  NamesAny Uses(Enclosed);
  for (auto It = Suspending; It != Block->body_end() && !Uses.Found; ++It)
    Uses.TraverseStmt(const_cast<Stmt *>(*It));
  if (Uses.Found)
    return {};
  SourceLocation Open = DS->getBeginLoc(),
                 Close = aboveItsComments(TU.SM, (*Suspending)->getBeginLoc());
  auto OpenEdit = TU.insertion(Open, "{\n" + indentationOf(TU.SM, Open));
  auto CloseEdit = TU.insertion(Close, "}\n" + indentationOf(TU.SM, Close));
  if (!OpenEdit || !CloseEdit || OpenEdit->Begin.File != CloseEdit->Begin.File)
    return {};
  return {*OpenEdit, *CloseEdit};
}

} // namespace extract
} // namespace concur
