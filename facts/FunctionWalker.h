//===- FunctionWalker.h - One function's body reduced to facts ------------===//
//
// A structured walk over a function body in program order. It carries the
// flow state that facts depend on: the loop depth, whether a coroutine has
// switched to another executor, and the set of locks held (joined at the end
// of branches, as clang's Thread Safety Analysis does with its FactSet, but
// on the AST's structure rather than a CFG). Every event it records gets an
// order number, so the whole-program stage can tell what happened before a
// thread started or after it was joined.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_FUNCTIONWALKER_H
#define CONCUR_FACTS_FUNCTIONWALKER_H

#include "facts/ExtractInternal.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/StmtOpenMP.h"

#include <optional>

namespace concur {
namespace extract {

class FunctionWalker {
public:
  FunctionWalker(TranslationUnitFacts &TU, const clang::FunctionDecl *FD,
                 FunctionFacts &Out);

  /// Walks constructor initialisers and the body.
  void run();

  /// Walks the body of an OpenMP parallel region as a function of its own:
  /// the enclosing function's locals are shared between the region's
  /// threads unless a clause makes them private.
  void runRegion(const clang::Stmt *Body,
                 const std::set<const clang::VarDecl *> &Private);

private:
  struct FlowState {
    bool OffLoop = false;
    std::vector<HeldLock> Held;
  };
  struct Guard {
    std::vector<AccessPath> Mutexes;
    bool Shared = false;
    bool Held = false; // Not after unlock(), nor when deferred.

    std::vector<HeldLock> locks() const {
      std::vector<HeldLock> Locks;
      for (const AccessPath &M : Mutexes)
        Locks.push_back({M, Shared});
      return Locks;
    }
  };
  struct TryLock {
    std::vector<HeldLock> Locks;
    bool Negated = false;
  };

  // The walk.
  void walk(const clang::Stmt *S);
  void walkChildren(const clang::Stmt *S);
  void walkLoop(const clang::Stmt *Loop, const clang::Stmt *Body,
                std::initializer_list<const clang::Stmt *> Conditions);
  double tripsOf(const clang::Stmt *Loop) const;
  void walkIf(const clang::IfStmt *If);
  void walkIfBody(const clang::IfStmt *If);
  void closeScope();
  void walkCompound(const clang::CompoundStmt *C);
  void walkDecl(const clang::VarDecl *VD);
  void walkAwait(const clang::Expr *Operand);
  void walkAssignment(const clang::Expr *LHS, const clang::Expr *RHS);
  static bool fallsThrough(const clang::Stmt *S);
  static FlowState join(const FlowState &A, const FlowState &B);

  // Calls.
  void handleCall(const clang::CallExpr *CE);
  void handleConstruct(const clang::CXXConstructExpr *CE);
  /// True when the catalog described the call completely.
  bool handleCatalogued(const clang::FunctionDecl *Callee,
                        const CallShape &Shape, const clang::Expr *Call,
                        const clang::Expr *Receiver,
                        llvm::ArrayRef<const clang::Expr *> Args);
  bool handleSync(const CatalogEntry &E, const clang::Expr *Call,
                  const clang::Expr *Receiver,
                  llvm::ArrayRef<const clang::Expr *> Args);
  void handleSpawn(const CatalogEntry &E, const clang::Expr *Call,
                   const clang::Expr *Receiver,
                   llvm::ArrayRef<const clang::Expr *> Args);
  void handleLibraryMethod(const clang::CXXMethodDecl *M,
                           const clang::Expr *Receiver,
                           llvm::ArrayRef<const clang::Expr *> Args);
  void handleLibraryArgs(const clang::FunctionDecl *Callee,
                         llvm::ArrayRef<const clang::Expr *> Args,
                         unsigned FirstParam);
  void addCallbacks(llvm::ArrayRef<const clang::Expr *> Args);
  void bindArguments(const clang::FunctionDecl *Callee,
                     llvm::ArrayRef<const clang::Expr *> Args,
                     std::vector<std::optional<AccessPath>> &Out);
  std::optional<AccessPath> bindOne(const clang::Expr *Arg,
                                    clang::QualType ParamType);
  std::optional<TryLock> tryLockIn(const clang::Expr *Cond);
  CallSite makeCall(const clang::Expr *At);

  // Memory.
  std::optional<AccessPath> pathOf(const clang::Expr *E);
  std::optional<AccessPath> returnedBy(const clang::CallExpr *CE,
                                       const clang::FunctionDecl *Callee);
  std::optional<AccessPath> pointerValueOf(const clang::Expr *E);
  std::optional<AccessPath> objectOf(const clang::Expr *Receiver);
  std::optional<AccessPath> varPath(const clang::VarDecl *VD);
  void record(const clang::Expr *E, bool Write);
  void recordPath(AccessPath P, bool Write, const clang::Expr *At,
                  std::vector<HeldLock> Extra = {}, bool Atomic = false);
  bool isSharedCandidate(const AccessPath &P) const;
  std::string elementStep(const clang::Expr *Index);
  bool isThreadGiven(const clang::VarDecl *VD, unsigned Depth) const;
  void collectEscapes();
  void lock(const std::vector<HeldLock> &Locks);
  void unlock(const std::vector<AccessPath> &Mutexes);
  void addSync(const AccessPath &Object, bool Release);
  /// A guard variable: locks its mutexes now (unless deferred), unlocks
  /// them when its scope ends.
  void addGuard(const clang::VarDecl *Var, Guard G, bool Locks);
  bool isThreadSafeType(clang::QualType T);
  std::map<const clang::CXXRecordDecl *, bool> ThreadSafeTypes;
  void addJoin(const AccessPath &Handle, const clang::Expr *At);
  std::optional<AccessPath> handleFor(const clang::Expr *SpawnExpr);
  std::vector<AccessPath> mutexArgs(llvm::ArrayRef<const clang::Expr *> Args);

  TranslationUnitFacts &TU;
  const clang::FunctionDecl *FD;
  FunctionFacts &Out;
  unsigned LoopDepth = 0;
  double TripProduct = 1;
  unsigned Order = 0;
  bool InLoopCondition = false;
  FlowState State;
  std::set<const clang::Expr *> AwaitedCalls;
  std::set<const clang::Expr *> DiscardedCalls;
  const clang::Expr *PendingAwait = nullptr;
  std::map<const clang::Expr *, unsigned> CallOrders;
  std::map<const clang::Expr *, AccessPath> Handles;
  std::map<const clang::VarDecl *, Guard> Guards;
  std::vector<std::vector<const clang::VarDecl *>> Scopes;
  /// Reference variables: the lvalue they name. Pointer variables: the
  /// pointer value they were initialised with.
  std::map<const clang::VarDecl *, AccessPath> ReferenceAliases;
  std::map<const clang::VarDecl *, AccessPath> PointerValues;
  std::set<const clang::VarDecl *> Escaping;
  std::set<const clang::VarDecl *> Modified;
  std::set<const clang::VarDecl *> ForCounters;
  /// Local variables by USR, for the escape test on their paths.
  std::map<std::string, const clang::VarDecl *> LocalDecls;
  /// The variable whose initialiser is being walked (guards, handles).
  const clang::VarDecl *CurrentDecl = nullptr;
  /// In an OpenMP region: its own locals and its private copies.
  bool InRegion = false;
  std::set<const clang::VarDecl *> RegionLocals;
  std::set<const clang::VarDecl *> RegionPrivate;
  /// Inside #pragma omp atomic: accesses are atomic.
  bool InAtomic = false;
  void walkOpenMP(const clang::OMPExecutableDirective *D);
  /// For a lambda: which captured variables are copies.
  std::set<const clang::ValueDecl *> CopyCaptures;
};

} // namespace extract
} // namespace concur

#endif // CONCUR_FACTS_FUNCTIONWALKER_H
