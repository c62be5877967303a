//===- LexicalContext.h - What the text around each statement says --------===//
//
// Models: the facts about a statement that come from where it is written,
// not from the order things run in: how deep in loops it is and how often
// those loops run, whether it is in a loop's condition, an OpenMP atomic or
// critical construct, or code concur does not walk (a lambda's body, an
// unevaluated operand, the machinery clang adds around co_await); and the
// role an expression plays for its parent (awaited, discarded, the
// initialiser of a variable, the right side of an assignment, an element
// inserted into a container). One pass over the function's statements with
// an explicit stack, so a deeply nested expression costs memory, not stack.
//
// Does not model: anything that depends on the path taken to reach a
// statement (locks, executor switches): the CFG walk tracks those.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_LEXICALCONTEXT_H
#define CONCUR_FACTS_LEXICALCONTEXT_H

#include "facts/Facts.h"
#include "facts/LibraryModel.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <set>
#include <vector>

namespace concur {
namespace extract {

struct StmtContext {
  unsigned LoopDepth = 0;
  /// The outermost loop statement around it, numbered from 1 in the order
  /// the function's loops are met (0: in no loop). Two events of one call
  /// with the same number may each run after the other.
  unsigned OuterLoop = 0;
  /// Times the statement runs per call: the product of the enclosing loops'
  /// trip counts.
  double Trips = 1;
  bool InLoopCondition = false;
  /// Inside #pragma omp atomic: its accesses are atomic.
  bool Atomic = false;
  /// The #pragma omp critical sections around it, as locks.
  std::vector<HeldLock> Critical;
};

class LexicalContext {
public:
  /// Walks Root, and the written initialisers of a constructor, once.
  /// InRegion: Root is an OpenMP region's body (its declarations are the
  /// region's own locals).
  void build(clang::ASTContext &Ctx, const LibraryModel &Lib,
             const clang::FunctionDecl *FD, const clang::Stmt *Root,
             bool InRegion);

  const StmtContext &contextOf(const clang::Stmt *S) const;
  /// Declarations are looked up by variable: clang's CFG splits a
  /// declaration statement of several variables into new statements.
  const StmtContext &contextOf(const clang::VarDecl *VD) const;
  bool isSkipped(const clang::Stmt *S) const;
  bool isSkipped(const clang::VarDecl *VD) const;

  // Roles, keyed by the expression after LibraryModel::skipWrappers.
  bool isAwaited(const clang::Expr *E) const { return Awaited.count(E); }
  bool isDiscarded(const clang::Expr *E) const { return Discarded.count(E); }
  const clang::VarDecl *initialises(const clang::Expr *E) const;
  /// The member a constructor's initialiser initialises with E.
  const clang::FieldDecl *initialisesMember(const clang::Expr *E) const;
  const clang::Expr *assignedTo(const clang::Expr *E) const;
  const clang::Expr *insertedInto(const clang::Expr *E) const;
  /// The call or construction an expression is an argument of, or the
  /// member call it is the object of.
  const clang::Expr *enclosingCall(const clang::Expr *E) const;
  /// The range-for loop whose hidden `__range` variable this is.
  const clang::CXXForRangeStmt *rangeLoopOf(const clang::VarDecl *VD) const;

  /// Statements in evaluation order (children first), skipped ones left
  /// out: the walk used when a function is too deep for clang's CFG.
  const std::vector<const clang::Stmt *> &postOrder() const {
    return PostOrder;
  }

  unsigned Loops = 0;
  unsigned MaxLoopDepth = 0;
  /// The static work estimate of the walked statements (WorkCounting).
  double Ops = 0;
  /// The deepest nesting of statements, and where it is.
  unsigned MaxNesting = 0;
  const clang::Stmt *DeepestAt = nullptr;
  /// In an OpenMP region: the variables it declares itself.
  std::set<const clang::VarDecl *> RegionLocals;

private:
  struct Frame {
    const clang::Stmt *S;
    unsigned Context;
    bool Skip;
    bool Expanded;
    unsigned Depth;
  };
  unsigned loopContext(unsigned Outer, const clang::Stmt *Loop, bool Condition);
  /// The number of each outermost loop statement (StmtContext::OuterLoop).
  llvm::DenseMap<const clang::Stmt *, unsigned> OuterLoops;
  unsigned withContext(unsigned Base, bool InLoopCondition);
  void expand(const Frame &F, std::vector<Frame> &Stack);

  clang::ASTContext *Ctx = nullptr;
  const LibraryModel *Lib = nullptr;
  bool InRegion = false;
  std::vector<StmtContext> Contexts;
  llvm::DenseMap<const clang::Stmt *, unsigned> ContextOf;
  llvm::DenseMap<const clang::VarDecl *, unsigned> DeclContextOf;
  llvm::DenseSet<const clang::Stmt *> Walked, SkippedStmts;
  llvm::DenseSet<const clang::VarDecl *> SkippedDecls;
  llvm::DenseSet<const clang::Expr *> Awaited, Discarded;
  llvm::DenseMap<const clang::Expr *, const clang::VarDecl *> InitOf;
  llvm::DenseMap<const clang::Expr *, const clang::FieldDecl *> MemberInitOf;
  llvm::DenseMap<const clang::Expr *, const clang::Expr *> AssignedTo;
  llvm::DenseMap<const clang::Expr *, const clang::Expr *> InsertedInto;
  llvm::DenseMap<const clang::Expr *, const clang::Expr *> EnclosingCall;
  llvm::DenseMap<const clang::VarDecl *, const clang::CXXForRangeStmt *>
      RangeLoops;
  std::vector<const clang::Stmt *> PostOrder;
};

} // namespace extract
} // namespace concur

#endif // CONCUR_FACTS_LEXICALCONTEXT_H
