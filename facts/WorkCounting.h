//===- WorkCounting.h - How much computation a function's own code does --===//
//
// Models: a static estimate of work, counted per statement: arithmetic and
// memory operations weighted by how often their loops run. A loop runs its
// constant bound when it has one (for (i = 0; i < 4096; ++i), a while loop
// counting a constant down, a range over a fixed array) and "many" otherwise.
//
// Does not model: what callees cost (checks/WorkEstimate.cpp adds that up
// over the call graph), branches taken or not, or the cost of each
// operation: an operation is an operation.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_WORKCOUNTING_H
#define CONCUR_FACTS_WORKCOUNTING_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"

namespace concur {
namespace extract {

/// Times a loop runs: its constant bound, or 100 standing for "many".
double tripsOf(const clang::Stmt *Loop, const clang::ASTContext &Ctx);

/// Does the statement count as one operation of the estimate?
bool countsAsOperation(const clang::Stmt *S);

} // namespace extract
} // namespace concur

#endif // CONCUR_FACTS_WORKCOUNTING_H
