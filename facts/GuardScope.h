//===- GuardScope.h - Ending a guard's scope before a suspension ----------===//
//
// A lock guard whose scope runs past a co_await holds its mutex while the
// coroutine is suspended. The fix a reader would write is braces around the
// guard and the statements after it, closing just before the statement that
// suspends. That is only a rewrite when the brace cannot change what the
// code means: the guard and that statement are in the same block, nothing
// declared between them (the guard included) is named from that statement
// on, and no label or case sits in between for a jump to land on.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_GUARDSCOPE_H
#define CONCUR_FACTS_GUARDSCOPE_H

#include "facts/ExtractInternal.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

#include <vector>

namespace concur {
namespace extract {

/// The two insertions ("{" before the guard's declaration, "}" before the
/// statement holding Suspension), or nothing when they would not be a
/// rewrite or the text is in a macro.
std::vector<SourceEdit> endGuardScopeBefore(TranslationUnitFacts &TU,
                                            const clang::VarDecl *Guard,
                                            const clang::Expr *Suspension);

} // namespace extract
} // namespace concur

#endif // CONCUR_FACTS_GUARDSCOPE_H
