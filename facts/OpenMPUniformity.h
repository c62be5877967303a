//===- OpenMPUniformity.h - Locals every thread computes alike ------------===//
//
// Models: which local variables of a function may hold different values in
// different threads that run the same code at the same point. A local is
// uniform when every assignment to it computes the same value in every
// thread: from constants, parameters, globals, other uniform locals and
// reads of memory the function never writes, through arithmetic and pure
// math functions, under conditions and loops that are themselves uniform,
// and outside constructs only some threads or iterations run (worksharing
// loops, single, master, sections, tasks). omp_get_thread_num(), other
// calls, its address escaping and a non-const reference make it
// non-uniform.
//
// The race check uses it for values it cannot express (d = n == 3 ? 2 : 1):
// two threads in one call of the function, with the same arguments, see
// the same value.
//
// Does not model: values that differ by thread through memory the function
// writes, or through a callee that returns the thread's number.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_OPENMPUNIFORMITY_H
#define CONCUR_FACTS_OPENMPUNIFORMITY_H

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"

#include <set>

namespace concur {
namespace extract {

/// The locals of Body that may differ between threads; Written: variables
/// whose memory the function writes (reads of the rest are uniform).
std::set<const clang::VarDecl *>
nonUniformLocals(const clang::Stmt *Body,
                 const std::set<const clang::VarDecl *> &Written);

} // namespace extract
} // namespace concur

#endif // CONCUR_FACTS_OPENMPUNIFORMITY_H
