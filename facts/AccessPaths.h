//===- AccessPaths.h - Expressions as symbolic places in memory -----------===//
//
// Models (as clang's Thread Safety Analysis does with its SExprBuilder): an
// expression that names memory becomes an AccessPath rooted at what the
// function can name (a global, a local, `this`, a parameter, what a call
// returned) followed by steps (a field, a dereference, an address, an
// element). References and pointers initialised from a place alias it, so a
// write through them is a write of the place. Element indexes are kept when
// they are constants, marked "[@]" when made only of what the thread was
// given (each copy of a thread's code indexes its own slot), "[+]" when made
// only of locals that start from constants (a loop's counter: every copy
// steps through the same elements), "[#<counter>]" when taken from a shared
// counter (ClaimedIndexes), "[]" otherwise.
// Library containers, strings and smart pointers are not walked into:
// element access and dereference are modelled by the library's roles.
//
// Also here: which locals escape the function (captured by reference,
// address taken, bound to a non-const reference), which are modified after
// their initialisation, and which are for-loop counters.
//
// An object a call allocates (malloc, `new`) is a place of its own, named by
// the allocation (HeapRootPrefix), and a pointer initialised or assigned from
// the allocation points to it.
//
// Does not model: pointer arithmetic beyond array indexing, or aliasing
// between two parameters: a pointer that was not initialised from a known
// place has no path.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_ACCESSPATHS_H
#define CONCUR_FACTS_ACCESSPATHS_H

#include "facts/ClaimedIndexes.h"
#include "facts/ExtractInternal.h"

#include "clang/AST/Expr.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

namespace concur {
namespace extract {

AccessPath thisPath();
/// What the call at Order returned ("<callee>()"), bound to the callee's
/// result by the whole-program stage.
AccessPath returnPath(unsigned Order, const std::string &RootName);

/// The arm of `c ? p : NULL` (or `c ? NULL : p`) that is no null literal;
/// null for any other expression.
const clang::Expr *nonNullArm(const clang::Expr *E);
/// What E may make: its non-null arm (nonNullArm), or E itself.
inline const clang::Expr *madeValue(const clang::Expr *E) {
  const clang::Expr *Arm = nonNullArm(E);
  return Arm ? Arm : E;
}
/// A new object at each run: `new`, or a call of a function with the
/// catalog role `allocates` (malloc, std::make_shared); also one of these
/// or null (`n ? malloc(n) : NULL`).
bool isAllocation(const LibraryModel &Lib, const clang::Expr *E);
/// Is VD made anew each time the code at At runs: declared in a block
/// that encloses At with no loop in between (or as the variable of a
/// range-for whose body holds At)?
bool declaredOncePerExecution(clang::ASTContext &Ctx, const clang::Stmt *At,
                              const clang::VarDecl *VD);
/// A place that is no variable: a promise and its future meet on a named
/// channel, an OpenMP team or critical section is one.
AccessPath channelPath(const std::string &Channel);
void appendStep(AccessPath &P, const std::string &Step);
bool sameObject(const AccessPath &A, const AccessPath &B);

class PathBuilder {
public:
  PathBuilder(TranslationUnitFacts &TU, const clang::FunctionDecl *FD);

  /// Finds escaping and modified locals in Body (and nested lambdas).
  void findLocalUses(const clang::Stmt *Body);

  /// The place an lvalue expression names.
  std::optional<AccessPath> pathOf(const clang::Expr *E) {
    return pathOf(E, 0);
  }
  /// The place a memory access reaches: as pathOf, with an element at an
  /// index of k or more named so ("[>=k]"). Only data is told apart by
  /// such bounds; a lock, a handle or an argument is named as pathOf names
  /// it, so that a helper's unlock(&locks[i]) still releases the lock a
  /// loop from 1 took as lock(&locks[i]).
  std::optional<AccessPath> accessedPlaceOf(const clang::Expr *E) {
    BoundIndexes = true;
    auto P = pathOf(E, 0);
    BoundIndexes = false;
    return P;
  }
  /// The place a pointer-valued expression points to (as the place's
  /// address: a path ending in "&").
  std::optional<AccessPath> pointerValueOf(const clang::Expr *E) {
    return pointerValueOf(E, 0);
  }
  /// The object a member call is made on (through a pointer or not).
  std::optional<AccessPath> objectOf(const clang::Expr *Receiver) {
    return objectOf(Receiver, 0);
  }

  /// The temporary a call returns by value, materialised to be used at once
  /// (`pool.submit(f).wait()`): a local of this function, named by where
  /// the call is, so that the spawn and the join of one temporary agree.
  std::optional<AccessPath> temporaryOf(const clang::Expr *Call);
  std::optional<AccessPath> varPath(const clang::VarDecl *VD);
  /// The object a struct copy copies (copySource's answer): a place, or
  /// what a call of the program returned.
  std::optional<AccessPath> copiedObject(const clang::Expr *Source);

  /// A reference variable names this place; a pointer variable now points
  /// here (or nowhere known).
  void aliasReference(const clang::VarDecl *VD, const AccessPath &P);
  void setPointerValue(const clang::VarDecl *VD,
                       const std::optional<AccessPath> &P);
  /// A local pointer that walks a linked list (`p = p->next` somewhere in
  /// the function): it points at some node of the list it started at.
  bool isListCursor(const clang::VarDecl *VD) const {
    return ListCursors.count(VD) != 0;
  }
  /// What a list cursor points at after `VD = Value`: the node it pointed
  /// at when Value steps along a link (some node of the same list), else
  /// some node of the list Value heads ("<head>*[]&").
  std::optional<AccessPath> listCursorValue(const clang::VarDecl *VD,
                                            const clang::Expr *Value);
  /// Where a local pointer points now, when the walk knows.
  std::optional<AccessPath> pointerValue(const clang::VarDecl *VD) const {
    auto It = PointerValues.find(VD);
    if (It == PointerValues.end())
      return std::nullopt;
    return It->second;
  }

  /// Calls are numbered by the walk; a user function returning a reference
  /// or pointer makes a "return" path bound to that number.
  void noteCall(const clang::Expr *Call, unsigned Order);
  /// The program order of a call already recorded.
  std::optional<unsigned> orderOf(const clang::Expr *Call) const;

  bool isEscaping(const clang::VarDecl *VD) const {
    return Escaping.count(VD) != 0;
  }
  bool isModified(const clang::VarDecl *VD) const {
    return Modified.count(VD) != 0;
  }
  bool isCopyCapture(const clang::ValueDecl *VD) const {
    return CopyCaptures.count(VD) != 0;
  }
  /// The local declared with this USR, for the escape test on a path.
  const clang::VarDecl *localDecl(const std::string &Usr) const;

  /// Set when an expression was nested deeper than paths are followed.
  std::optional<SourceLoc> CutAt;

  /// The increments of a counter made holding a lock, as the walk meets
  /// them (ClaimedIndexes' locked takes).
  std::set<const clang::Expr *> LockedTakes;

private:
  std::optional<AccessPath> pathOf(const clang::Expr *E, unsigned Depth);
  std::optional<AccessPath> containerOf(const clang::BinaryOperator *B,
                                        unsigned Depth);
  std::optional<AccessPath> pointerValueOf(const clang::Expr *E,
                                           unsigned Depth);
  std::optional<AccessPath> objectOf(const clang::Expr *Receiver,
                                     unsigned Depth);
  std::optional<AccessPath> libraryCallPath(const clang::CallExpr *CE,
                                            unsigned Depth);
  std::optional<AccessPath> returnedBy(const clang::CallExpr *CE,
                                       const clang::FunctionDecl *Callee);
  std::optional<AccessPath> allocatedBy(const clang::Expr *Allocation);
  /// A pointer read from an unchanged local copy of a struct: the same
  /// pointer of the copied object (StructCopies.h).
  std::optional<AccessPath> throughStructCopy(const clang::Expr *E,
                                              unsigned Depth);
  std::optional<AccessPath> copiedObjectAt(const clang::Expr *Source,
                                           unsigned Depth);
  /// Copies of copies followed at most (`a = b; b = c; ...`).
  static constexpr unsigned MaxCopyChain = 8;
  const clang::Expr *smartPointerObject(const clang::Expr *E) const;
  std::string elementStep(const clang::Expr *Index);
  bool filteredByGivenResidue(const clang::Expr *Index);
  bool isResidueFilter(const clang::Stmt *S, const clang::VarDecl *Counter);
  bool isThreadGiven(const clang::VarDecl *VD, unsigned Depth,
                     bool &Given) const;
  bool tooDeep(const clang::Expr *E, unsigned Depth);

  TranslationUnitFacts &TU;
  const LibraryModel &Lib;
  const clang::FunctionDecl *FD;
  std::map<const clang::VarDecl *, AccessPath> ReferenceAliases;
  std::map<const clang::VarDecl *, AccessPath> PointerValues;
  std::map<const clang::Expr *, unsigned> CallOrders;
  std::map<std::string, const clang::VarDecl *> LocalDecls;
  std::set<const clang::VarDecl *> Escaping;
  std::set<const clang::VarDecl *> Modified;
  std::map<const clang::VarDecl *, const clang::Expr *> StructCopies;
  std::set<const clang::VarDecl *> ForCounters;
  /// Counters a for loop starts (`i = start`) and steps by a stride that is
  /// no constant (`i += nthreads`), written nowhere else: their starts.
  std::map<const clang::VarDecl *, const clang::Expr *> StridedCounters;
  std::set<const clang::VarDecl *> ListCursors;
  /// For a lambda: which captured variables are copies.
  std::set<const clang::ValueDecl *> CopyCaptures;
  /// The body findLocalUses saw, and the indexes taken from shared counters
  /// in it (worked out at the first element access that may be one).
  const clang::Stmt *Body = nullptr;
  std::unique_ptr<ClaimedIndexes> Claims;
  /// Set while accessedPlaceOf works out a place.
  bool BoundIndexes = false;
  /// By-reference captures, and copied pointers to new objects, each
  /// closure has its own object of (AccessPath::FreshPerClosure).
  std::set<const clang::ValueDecl *> FreshCaptures;
  /// Set while a lambda works out its copies' values: the function whose
  /// allocations they are.
  const clang::FunctionDecl *AllocatingFunction = nullptr;
};

} // namespace extract
} // namespace concur

#endif // CONCUR_FACTS_ACCESSPATHS_H
