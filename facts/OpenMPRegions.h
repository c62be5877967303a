//===- OpenMPRegions.h - Parallel regions as teams of threads -------------===//
//
// Models: an OpenMP parallel construct as a spawn of a team of threads that
// all run its body (summarised as a function of its own, with the locals it
// declares and the variables its clauses make private, firstprivate,
// lastprivate or a reduction as per-thread), joined at the region's end.
// The enclosing function's parameters are passed to the region as they are.
// Critical sections are locks and atomic constructs are atomic accesses
// (LexicalContext marks the statements they enclose).
//
// Does not model: worksharing (which iterations run on which thread),
// barriers, tasks, or the difference between master, single and the rest
// of the team.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_OPENMPREGIONS_H
#define CONCUR_FACTS_OPENMPREGIONS_H

#include "facts/CallModel.h"
#include "facts/FunctionScope.h"

#include "clang/AST/StmtOpenMP.h"

namespace concur {
namespace extract {

/// A parallel construct: summarises its body as a region function and
/// records the team's spawn and join. Other directives need nothing here.
void handleOpenMPDirective(FunctionScope &S, CallModel &Calls,
                           const clang::OMPExecutableDirective *D);

} // namespace extract
} // namespace concur

#endif // CONCUR_FACTS_OPENMPREGIONS_H
