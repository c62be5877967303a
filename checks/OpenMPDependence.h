//===- OpenMPDependence.h - Can two accesses touch the same element? -----===//
//
// Models: the dependence test between two array accesses as an integer
// feasibility question. The subscripts of both sides, equated, are
// equalities; the ranges of loop counters and thread numbers, the
// conditions of the branches around each access and what must differ for
// the two to run at once (another iteration, another thread) are
// inequalities. The test answers "no solution" only when it can prove it:
//
//  * linearised subscripts are split first (delinearisation): in
//    i*n + j = i'*n + j' with 0 <= j, j' < n, the remainders cannot make up
//    a multiple of n, so i = i' and j = j';
//  * an equality whose coefficients' gcd does not divide its constant has
//    no integer solution (the GCD test: 2*i = 2*i' + 1);
//  * the rest is Fourier-Motzkin elimination over the rationals, each new
//    inequality tightened to integers by its coefficients' gcd.
//
// Does not model: exact integer projection (the Omega test's dark shadow):
// a rational solution with no integer point is taken as a solution, so the
// test errs towards reporting a race. Problems beyond a size limit are
// taken as solvable.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_CHECKS_OPENMPDEPENDENCE_H
#define CONCUR_CHECKS_OPENMPDEPENDENCE_H

#include "facts/Facts.h"

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace concur {

struct DependenceProblem {
  std::vector<OmpAffine> Equal;       // Each expression == 0.
  std::vector<OmpAffine> AtLeastZero; // Each expression >= 0.
  /// Variables with a range (loop counters, thread numbers), inclusive:
  /// what delinearisation may assume. Also add them as inequalities.
  std::map<std::string, std::pair<OmpAffine, OmpAffine>> Bounds;
  /// Symbols that are sizes (values no thread changes): taken as >= 0 when
  /// delinearisation compares a remainder with a stride.
  std::set<std::string> Invariants;
};

/// False only when the problem provably has no integer solution.
bool mayHaveSolution(const DependenceProblem &P);

} // namespace concur

#endif // CONCUR_CHECKS_OPENMPDEPENDENCE_H
