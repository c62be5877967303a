//===- UnpublishedObjects.h - Objects no other thread can reach yet -------===//
//
// RacerD's ownership: a function that makes an object (`c = malloc(...)`)
// holds the only pointer to it until it hands the pointer on. What it does
// to the object before that, no other thread can see, whichever earlier
// objects of the same allocation site other threads hold (a pool made twice:
// the second pool's setup is not a race with the first pool's threads).
//
// Here, per function, the uses of a local pointer that reach the object it
// was last given (by its initialiser or a plain assignment, each a call's
// result or a new object) while no hand-on of the pointer can have happened
// since, on any path of the CFG (loops included: a hand-on in one iteration
// reaches the next, unless the local is declared or assigned anew in
// between). A hand-on is any use but a dereference (reading,
// writing or taking the address of a part of the object only to give it to
// a call that keeps nothing, see below), a test against null, or an
// argument of such a call. A library function (declared in a system header)
// is taken to keep no pointer it is given unless it is also given a
// function to call: pthread_create does, memset and pthread_mutex_init do
// not. Calls of the program's own functions, stores, copies into other
// variables, captures and returns all hand the pointer on.
//
// Whether the local's object is new at all (an allocation, or a call of a
// function that returns one) is the whole-program stage's to tell.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_UNPUBLISHEDOBJECTS_H
#define CONCUR_FACTS_UNPUBLISHEDOBJECTS_H

#include "clang/AST/Expr.h"
#include "clang/Analysis/CFG.h"

#include <map>
#include <set>
#include <vector>

namespace concur {
namespace extract {

struct FunctionScope;

/// The uses of local pointers given one value only (an initialiser or one
/// assignment) that are their local's only hand-on, met at most once per
/// pass of that value (`state = zmalloc(n); ...; loop->apidata = state;`),
/// each with that value: the object made there is handed on there alone.
using SoleHandOnMap = std::map<const clang::DeclRefExpr *, const clang::Expr *>;

/// The uses (DeclRefExprs) of local pointers at which no hand-on of the
/// pointer since its initialisation can have happened. SoleHandOns, if
/// given, gets the sole hand-ons (SoleHandOnMap).
std::set<const clang::DeclRefExpr *>
findUnpublishedUses(const clang::CFG &Graph, const clang::Stmt *Body,
                    const FunctionScope &S,
                    SoleHandOnMap *SoleHandOns = nullptr);

/// In a constructor's body, the uses of `this` reaching a part of the
/// object (`n = 0`, `this->buf[i]`) that no hand-on of `this` can have come
/// before: the object under construction is the constructor's alone until
/// it gives `this` on (a call of the program's, a capture, a store), and a
/// base's or delegated-to constructor of the program, or a member's
/// initialiser giving `this` on, gives it on before the body.
std::set<const clang::CXXThisExpr *> findOwnedThisUses(const clang::CFG &Graph,
                                                       const clang::Stmt *Body,
                                                       const FunctionScope &S);

/// The use of a local, or the `this`, through which the lvalue At reaches
/// memory (`c->a.b[i]`, `*c`, `n` in a method): the DeclRefExpr of c or the
/// CXXThisExpr, or null.
const clang::Expr *accessBase(const clang::Expr *At);

} // namespace extract
} // namespace concur

#endif // CONCUR_FACTS_UNPUBLISHEDOBJECTS_H
