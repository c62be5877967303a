//===- LoopEntry.h - Loops that run at least once ---------------*- C++ -*-===//
//
// A loop whose condition holds when it is first tested runs its body at
// least once, and leaves through the test only after a pass: the scoped-lock
// macro `for (int i_ = (lock(&m), 0); i_ == 0; unlock(&m), ++i_) body`
// holds the mutex in the body and not after the loop. A walk that ignores
// back edges would otherwise take the way out of the first test, with the
// mutex still held, as a path.
//
// Not settled here: a macro that locks and unlocks inside the condition,
// chosen by the loop variable (xz's mythread_sync: `for (i = 0; i ?
// (unlock(&m), 0) : (lock(&m), 1); i = 1)`). Its two branches are joined on
// the one pass the walk makes, so the mutex may be held in the body and
// after it; deciding them needs the variable's value at each test.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_LOOPENTRY_H
#define CONCUR_FACTS_LOOPENTRY_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"

namespace concur {

/// Is Loop a for loop whose init gives its variable a constant value for
/// which its condition (a comparison of the variable with a constant, or
/// the variable's truth) holds?
bool holdsOnFirstTest(const clang::Stmt *Loop, clang::ASTContext &Ctx);

} // namespace concur

#endif
