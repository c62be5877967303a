//===- Affine.h - Arithmetic on integer expressions of symbols ------------===//
//
// Models: OmpAffine values (a constant plus coefficient-times-monomial
// terms) as the OpenMP fact builder makes them from subscripts and the race
// check combines them: sums, products, substitution of a symbol by another
// expression, and a canonical form (terms sorted, like terms merged, zero
// terms dropped) so that equal expressions compare equal.
//
// Does not model: division or remainders (their results are unknown), or
// overflow: coefficients beyond +-2^40 make the result unknown.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_AFFINE_H
#define CONCUR_FACTS_AFFINE_H

#include "facts/Facts.h"

#include <functional>
#include <set>
#include <string>

namespace concur {
namespace affine {

OmpAffine constant(long long C);
OmpAffine symbol(const std::string &Name);
OmpAffine unknown();

/// Sorts symbols in each term and terms by monomial, merges like terms,
/// drops zero terms; an expression too large to track becomes unknown.
void normalise(OmpAffine &A);

OmpAffine add(const OmpAffine &A, const OmpAffine &B);
OmpAffine sub(const OmpAffine &A, const OmpAffine &B);
OmpAffine scale(const OmpAffine &A, long long K);
OmpAffine mul(const OmpAffine &A, const OmpAffine &B);

bool isConstant(const OmpAffine &A);
bool equal(const OmpAffine &A, const OmpAffine &B);
/// The symbols the expression uses.
std::set<std::string> symbols(const OmpAffine &A);
/// Replaces each symbol Map gives a value for (unknown stays unknown).
OmpAffine substitute(
    const OmpAffine &A,
    const std::function<std::optional<OmpAffine>(const std::string &)> &Map);
/// Renames symbols (a monomial's symbols are renamed one by one).
OmpAffine rename(const OmpAffine &A,
                 const std::function<std::string(const std::string &)> &Map);

/// "2*i + n - 1", for messages and tests.
std::string toString(const OmpAffine &A);

} // namespace affine
} // namespace concur

#endif // CONCUR_FACTS_AFFINE_H
