//===- AffineForms.h - Subscripts, loop ranges and conditions as symbols --===//
//
// Models: an integer expression of the source (a subscript, a loop bound, an
// if condition) as an OmpAffine over the symbols the caller gives each
// variable (a loop counter, a value no thread changes, a parameter), with
// omp_get_thread_num(), omp_get_num_threads(), omp_get_team_num() and
// omp_get_num_teams() as symbols of their own; a canonical for loop
// (init; counter <, <=, >, >=, != bound; ++, --, += constant) as a counter
// with an inclusive range and a step; a condition (comparisons joined by &&,
// negated by !) as the linear constraints that hold where it is true or
// false.
//
// Division, remainder, shifts and bitwise operators of values no thread
// changes (n / 2) are symbols of their own.
//
// Does not model: those operators on counters or private values, and calls
// other than the OpenMP queries: their values are unknown.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_AFFINEFORMS_H
#define CONCUR_FACTS_AFFINEFORMS_H

#include "facts/Facts.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"

#include <functional>

namespace concur {
namespace extract {

class AffineForms {
public:
  using Resolver = std::function<OmpAffine(const clang::VarDecl *)>;
  AffineForms(clang::ASTContext &Ctx, Resolver R)
      : Ctx(Ctx), Resolve(std::move(R)) {}

  OmpAffine of(const clang::Expr *E) const { return of(E, 0); }

  /// Adds the constraints that hold where Cond is true (or, Negated, false).
  void conditions(const clang::Expr *Cond, bool Negated,
                  std::vector<OmpConstraint> &Out) const;

  /// A canonical for loop: its counter and range. False when the loop is
  /// of another shape (its counter is then not a symbol).
  bool forLoop(const clang::ForStmt *F, const clang::VarDecl *&Counter,
               OmpCounter &Out) const;

  /// The OpenMP query a call makes ("tid", "nthreads", "team", "nteams"),
  /// or "".
  static std::string querySymbol(const clang::CallExpr *Call);

private:
  OmpAffine of(const clang::Expr *E, unsigned Depth) const;
  OmpAffine opaque(const clang::BinaryOperator *B, const OmpAffine &L,
                   const OmpAffine &R) const;

  clang::ASTContext &Ctx;
  Resolver Resolve;
};

} // namespace extract
} // namespace concur

#endif // CONCUR_FACTS_AFFINEFORMS_H
