//===- AffineForms.h - Subscripts, loop ranges and conditions as symbols --===//
//
// Models: an integer expression of the source (a subscript, a loop bound, an
// if condition) as an OmpAffine over the symbols the caller gives each
// variable (a loop counter, a value no thread changes, a parameter), with
// omp_get_thread_num(), omp_get_num_threads(), omp_get_team_num(),
// omp_get_num_teams() and omp_get_max_threads() (where it bounds the next
// team) as symbols of their own; a canonical for loop
// (init; counter <, <=, >, >=, != bound; ++, --, += constant) as a counter
// with an inclusive range and a step; a condition (comparisons joined by &&,
// negated by !) as the linear constraints that hold where it is true or
// false.
//
// Division, remainder, shifts and bitwise operators of values no thread
// changes (n / 2) are symbols of their own; so are integers read from
// elements or fields (ir[k]), as the caller's read resolver names them. A
// quotient or remainder by a positive constant is a symbol with facts:
// c / 16 = q with 16*q <= c <= 16*q + 15 (taking c as not negative).
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
#include <optional>

namespace concur {
namespace extract {

class AffineForms {
public:
  using Resolver = std::function<OmpAffine(const clang::VarDecl *)>;
  /// The value read from an element or field (ir[k]), or unknown.
  using ReadResolver = std::function<OmpAffine(const clang::Expr *)>;
  /// A bound known for a variable whose value is not (after
  /// if (k2 > n) k2 = n;, k2 is at most its value before).
  using BoundResolver =
      std::function<std::vector<OmpAffine>(const clang::VarDecl *, bool Upper)>;
  AffineForms(clang::ASTContext &Ctx, Resolver R, ReadResolver Read,
              BoundResolver Bound)
      : Ctx(Ctx), Resolve(std::move(R)), ResolveRead(std::move(Read)),
        ResolveBound(std::move(Bound)) {}

  OmpAffine of(const clang::Expr *E) const { return of(E, 0); }

  /// Where the facts of quotient and remainder symbols go.
  using FactSink =
      std::function<void(const std::string &, std::vector<OmpConstraint>)>;
  void onFact(FactSink Sink) { Facts = std::move(Sink); }

  /// Adds the constraints that hold where Cond is true (or, Negated, false).
  void conditions(const clang::Expr *Cond, bool Negated,
                  std::vector<OmpConstraint> &Out) const;

  /// The integer operands a condition tests (through &&, ||, ! and
  /// comparisons); a pointer or other operand is unknown.
  void operands(const clang::Expr *Cond, std::vector<OmpAffine> &Out) const;

  /// A canonical for loop: its counter and range (a bound of unknown value
  /// is replaced by a known bound of it: the range may be wider, never
  /// narrower). False when the loop is of another shape (its counter is
  /// then not a symbol).
  bool forLoop(const clang::ForStmt *F, const clang::VarDecl *&Counter,
               OmpCounter &Out) const;

  /// The OpenMP query a call makes ("tid", "nthreads", "team", "nteams",
  /// "maxthreads"), or "".
  static std::string querySymbol(const clang::CallExpr *Call);

private:
  OmpAffine of(const clang::Expr *E, unsigned Depth) const;
  /// omp_get_max_threads() is an upper bound of the team a parallel
  /// construct without num_threads forms at the same nesting level: not
  /// inside a parallel or teams construct (where it is the next level's),
  /// and only when the translation unit never calls omp_set_num_threads
  /// (which may raise the value between the call and the construct).
  bool boundsNextTeam(const clang::CallExpr *Call) const;
  OmpAffine opaque(const clang::BinaryOperator *B, const OmpAffine &L,
                   const OmpAffine &R) const;

  clang::ASTContext &Ctx;
  Resolver Resolve;
  ReadResolver ResolveRead;
  BoundResolver ResolveBound;
  FactSink Facts;
  mutable std::optional<bool> SetsNumThreads;
};

} // namespace extract
} // namespace concur

#endif // CONCUR_FACTS_AFFINEFORMS_H
