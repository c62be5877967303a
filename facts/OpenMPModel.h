//===- OpenMPModel.h - A function's OpenMP skeleton -----------------------===//
//
// Models: what concur-openmp-race needs of a function compiled with
// -fopenmp, as a tree of nodes in program order (OmpSkeleton): directives
// with their clauses and the counters and ranges of their loops; sequential
// loops with their counters; branches with the conditions that hold on each
// arm; omp_set_lock/omp_unset_lock/omp_test_lock; calls of the program's
// functions with the places and values passed; and every read and write of
// memory another thread or task may reach, with subscripts as affine
// expressions of loop counters, thread numbers and values nothing changes,
// and the data-sharing rule that makes the memory shared (OpenMPSharing).
//
// Memory is named by where it lives: a variable, a field, an element, and
// through a pointer the element it points to (a pointer initialised from
// &a[k] or a + k designates a's elements; one whose value is unknown
// designates the pointee of the pointer variable). Data-sharing clauses
// that read or write the original variable outside the construct's body
// (firstprivate's copy-in, lastprivate's and linear's copy-out, a
// reduction's combination) are accesses named after the clause.
//
// Two walks: the first finds variables private to one thread or task that
// a task or an inner team shares (their every access matters), the second
// records.
//
// Does not model: lambdas and virtual or indirect calls inside regions,
// library functions other than the OpenMP lock and query routines and the
// standard containers' element access, pointer arithmetic on pointers whose
// value is unknown, or Fortran.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_OPENMPMODEL_H
#define CONCUR_FACTS_OPENMPMODEL_H

#include "facts/ExtractInternal.h"

#include "clang/AST/Decl.h"

#include <optional>

namespace concur {
namespace extract {

/// The skeleton of FD's body, or none when FD has no body to walk.
std::optional<OmpSkeleton> buildOpenMPSkeleton(TranslationUnitFacts &TU,
                                               const clang::FunctionDecl *FD);

} // namespace extract
} // namespace concur

#endif // CONCUR_FACTS_OPENMPMODEL_H
