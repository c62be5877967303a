//===- StructCopies.h - Locals that copy a struct and keep its pointers ---===//
//
// `cRess_t const ress = *ressPtr;` copies the struct's pointers, not what
// they point to: `ress.cctx->x` is `ressPtr->cctx->x`. A pointer read from
// such a copy is named through the copied object, so that a thread started
// through one name and joined through the other, or a lock taken through
// either, is one object.
//
// Here, per function, the locals of record type initialised by copying an
// lvalue of their own type (C's struct copy, or C++'s implicit or defaulted
// copy constructor) whose pointers the function never changes afterwards:
// no assignment, increment or address of the local or of a member reached
// from it with `.` that holds a pointer, no binding of either to a
// reference that is not const, and no call of a method that is not const.
// Parameters taken by value are not among them: the callee does not see the
// argument they copy, so the call binds them to it (CallSite::CopiedArgs). A
// struct a function returns by value is the copy of the object it returned
// (`ress = createRess()` names the pointers of createRess's local).
//
// A copy of some element of an array (`job = queue[head]`, the index not
// known) is left as its own object: each copy may hold another element's
// pointers, and naming them all through the one element would make them one.
//
// Does not model: the copied object's pointers changing after the copy (the
// copy keeps the old values; these names follow the new).
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_STRUCTCOPIES_H
#define CONCUR_FACTS_STRUCTCOPIES_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"

#include <map>

namespace concur {
namespace extract {

/// The unchanged struct copies Body declares, each with the lvalue it
/// copied.
std::map<const clang::VarDecl *, const clang::Expr *>
findUnchangedStructCopies(const clang::Stmt *Body);

/// The lvalue that E, an initialiser of an object of type Type, copies
/// (`*ressPtr` in `cRess_t ress = *ressPtr`, an argument passed by value),
/// or the call whose returned object it copies (`ress = createRess()`), or
/// null when E makes a new value.
const clang::Expr *copySource(const clang::Expr *E, clang::QualType Type);

/// Does a value of Type hold a pointer (in a field, a base, an array
/// element, at any depth)? A copy of one that does not shares nothing.
bool holdsPointer(clang::QualType Type);

/// The local that E names through `.` members only (`ress.a.b`), or null.
const clang::VarDecl *memberChainBase(const clang::Expr *E);

} // namespace extract
} // namespace concur

#endif // CONCUR_FACTS_STRUCTCOPIES_H
