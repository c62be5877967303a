//===- OpenMPDependence.cpp - Can two accesses touch the same element? ---===//

#include "checks/OpenMPDependence.h"
#include "facts/Affine.h"

#include <algorithm>
#include <cstdlib>
#include <numeric>
#include <optional>

namespace concur {
namespace {

/// Problems larger than this are taken as solvable: the answer would cost
/// more than a possible false report.
constexpr size_t MaxConstraints = 300;
constexpr long long MaxCoefficient = 1LL << 40;

/// Sum of Coeff[v] * v + K.
struct Linear {
  std::map<std::string, long long> Coeff;
  long long K = 0;
};

std::string monomialName(const std::vector<std::string> &M) {
  std::string S;
  for (const std::string &Sym : M)
    S += (S.empty() ? "" : "*") + Sym;
  return S;
}

Linear linearOf(const OmpAffine &A) {
  Linear L;
  L.K = A.Const;
  for (const auto &[M, C] : A.Terms)
    L.Coeff[monomialName(M)] += C;
  return L;
}

//===-- Delinearisation --------------------------------------------------===//

bool feasible(std::vector<Linear> Equal, std::vector<Linear> Ineq);

class Delineariser {
public:
  explicit Delineariser(const DependenceProblem &P) : P(P) {}

  void split(const OmpAffine &E, std::vector<OmpAffine> &Out, unsigned Depth) {
    std::map<std::string, OmpAffine> Coeffs;
    OmpAffine Constant = affine::constant(E.Const);
    for (const auto &[M, C] : E.Terms) {
      std::vector<std::string> Vars, Inv;
      for (const std::string &S : M)
        (P.Invariants.count(S) ? Inv : Vars).push_back(S);
      OmpAffine Factor = affine::constant(C);
      for (const std::string &S : Inv)
        Factor = affine::mul(Factor, affine::symbol(S));
      if (Vars.empty()) {
        Constant = affine::add(Constant, Factor);
      } else if (Vars.size() == 1) {
        auto It = Coeffs.find(Vars[0]);
        Coeffs[Vars[0]] =
            It == Coeffs.end() ? Factor : affine::add(It->second, Factor);
      } else {
        Out.push_back(E);
        return;
      }
    }
    if (Depth < 4)
      for (const auto &[V, Candidate] : Coeffs) {
        if (affine::isConstant(Candidate) || !Candidate.Known)
          continue;
        // The stride: the coefficient without its constant factor
        // (16*n -> n), so that every multiple of it groups.
        OmpAffine F = positive(primitive(Candidate));
        if (!F.Known)
          continue;
        OmpAffine Group = affine::constant(0), Rest = affine::constant(0);
        // The terms that are multiples of the stride go with it, the others
        // make the remainder: (16 - 16*n)*b is -16*b strides and 16*b.
        Rest.Const = Constant.Const;
        auto Place = [&](const OmpAffine &Term, const OmpAffine &Var) {
          std::optional<OmpAffine> Q = quotient(Term, F);
          if (Q && affine::isConstant(*Q))
            Group = affine::add(Group, affine::mul(*Q, Var));
          else if (Q && affine::isConstant(Var))
            Group = affine::add(Group, affine::mul(*Q, Var));
          else
            Rest = affine::add(Rest, affine::mul(Term, Var));
        };
        for (const auto &[M, C] : Constant.Terms) {
          OmpAffine Term = affine::constant(0);
          Term.Terms.push_back({M, C});
          Place(Term, affine::constant(1));
        }
        for (const auto &[W, C] : Coeffs) {
          if (std::optional<long long> K = multiple(C, F)) {
            Group = affine::add(Group, affine::scale(affine::symbol(W), *K));
            continue;
          }
          OmpAffine Const = affine::constant(C.Const);
          Rest = affine::add(Rest, affine::mul(Const, affine::symbol(W)));
          for (const auto &[M, K] : C.Terms) {
            OmpAffine Term = affine::constant(0);
            Term.Terms.push_back({M, K});
            Place(Term, affine::symbol(W));
          }
        }
        if (!Group.Known || !Rest.Known || !smallerThan(Rest, F))
          continue;
        Out.push_back(Group);
        split(Rest, Out, Depth + 1);
        return;
      }
    Out.push_back(E);
  }

private:
  /// A divided by the gcd of its coefficients.
  static OmpAffine primitive(const OmpAffine &A) {
    long long G = std::llabs(A.Const);
    for (const auto &[M, C] : A.Terms)
      G = std::gcd(G, std::llabs(C));
    if (G <= 1)
      return A;
    OmpAffine R = A;
    R.Const /= G;
    for (auto &[M, C] : R.Terms)
      C /= G;
    return R;
  }

  /// One term divided by a stride that is a single symbol: the term's
  /// other factors (16*n*b by n: 16*b), if the symbol is among them.
  static std::optional<OmpAffine> quotient(const OmpAffine &Term,
                                           const OmpAffine &F) {
    if (F.Terms.size() != 1 || F.Const != 0 || F.Terms[0].second != 1 ||
        F.Terms[0].first.size() != 1 || Term.Terms.size() != 1)
      return std::nullopt;
    const std::string &S = F.Terms[0].first[0];
    std::vector<std::string> M = Term.Terms[0].first;
    auto It = std::find(M.begin(), M.end(), S);
    if (It == M.end())
      return std::nullopt;
    M.erase(It);
    OmpAffine Q = affine::constant(0);
    if (M.empty())
      Q.Const = Term.Terms[0].second;
    else
      Q.Terms.push_back({M, Term.Terms[0].second});
    affine::normalise(Q);
    return Q;
  }

  /// C = k * F for an integer k?
  static std::optional<long long> multiple(const OmpAffine &C,
                                           const OmpAffine &F) {
    if (!C.Known || !F.Known || F.Terms.empty())
      return std::nullopt;
    const auto &[M0, A0] = F.Terms[0];
    long long B0 = 0;
    for (const auto &[M, K] : C.Terms)
      if (M == M0)
        B0 = K;
    if (B0 == 0 || B0 % A0 != 0)
      return std::nullopt;
    long long K = B0 / A0;
    if (!affine::equal(C, affine::scale(F, K)))
      return std::nullopt;
    return K;
  }
  /// Assuming sizes are not negative: the expression's sign, when every
  /// term agrees (1: >= 0, -1: <= 0, 0: unknown).
  int sign(const OmpAffine &A) const {
    if (!A.Known)
      return 0;
    bool Pos = A.Const >= 0, Neg = A.Const <= 0;
    for (const auto &[M, C] : A.Terms) {
      for (const std::string &S : M)
        if (!P.Invariants.count(S))
          return 0;
      Pos &= C > 0;
      Neg &= C < 0;
    }
    return Pos ? 1 : Neg ? -1 : 0;
  }

  OmpAffine positive(const OmpAffine &A) const {
    int S = sign(A);
    return S > 0 ? A : S < 0 ? affine::scale(A, -1) : affine::unknown();
  }

  /// Extreme value of an expression linear in bounded variables, with
  /// coefficients of known sign. Max: the largest, else the smallest.
  OmpAffine extreme(const OmpAffine &R, bool Max, unsigned Depth = 0) const {
    OmpAffine Result = affine::constant(R.Const);
    for (const auto &[M, C] : R.Terms) {
      std::vector<std::string> Vars;
      OmpAffine Factor = affine::constant(C);
      for (const std::string &S : M) {
        if (P.Invariants.count(S))
          Factor = affine::mul(Factor, affine::symbol(S));
        else
          Vars.push_back(S);
      }
      if (Vars.empty()) {
        Result = affine::add(Result, Factor);
        continue;
      }
      if (Vars.size() != 1)
        return affine::unknown();
      auto B = P.Bounds.find(Vars[0]);
      int S = sign(Factor);
      if (B == P.Bounds.end() || S == 0 || Depth > 4)
        return affine::unknown();
      bool High = (S > 0) == Max;
      // A bound may use outer counters (j from i + 1): their extremes.
      OmpAffine Bound =
          extreme(High ? B->second.second : B->second.first, High, Depth + 1);
      Result = affine::add(Result, affine::mul(Factor, Bound));
    }
    return Result;
  }

  /// |R| <= F - 1 for every value the bounds allow: from the bounds'
  /// extremes, or else by showing R >= F and R <= -F have no solution
  /// under the problem's constraints.
  bool smallerThan(const OmpAffine &R, const OmpAffine &F) const {
    OmpAffine Max = extreme(R, true), Min = extreme(R, false);
    OmpAffine Limit = affine::sub(F, affine::constant(1));
    if (Max.Known && Min.Known && sign(affine::sub(Limit, Max)) > 0 &&
        sign(affine::add(Limit, Min)) > 0)
      return true;
    return !feasibleWith(affine::sub(R, F)) &&
           !feasibleWith(affine::sub(affine::scale(R, -1), F));
  }

  /// The problem's constraints and Extra >= 0.
  bool feasibleWith(const OmpAffine &Extra) const {
    std::vector<Linear> Ineq;
    for (const OmpAffine &I : P.AtLeastZero)
      if (I.Known)
        Ineq.push_back(linearOf(I));
    for (const auto &[V, B] : P.Bounds) {
      Ineq.push_back(linearOf(affine::sub(affine::symbol(V), B.first)));
      Ineq.push_back(linearOf(affine::sub(B.second, affine::symbol(V))));
    }
    // Sizes are not negative.
    for (const std::string &S : P.Invariants)
      Ineq.push_back(linearOf(affine::symbol(S)));
    Ineq.push_back(linearOf(Extra));
    std::vector<Linear> Equal;
    for (const OmpAffine &E : Facts)
      if (E.Known)
        Equal.push_back(linearOf(E));
    return feasible(std::move(Equal), std::move(Ineq));
  }

public:
  /// Equalities every solution satisfies (the problem's own).
  std::vector<OmpAffine> Facts;

private:
  const DependenceProblem &P;
};

//===-- Fourier-Motzkin
//----------------------------------------------------===//

long long floorDiv(long long A, long long B) {
  long long Q = A / B;
  if ((A % B != 0) && ((A < 0) != (B < 0)))
    --Q;
  return Q;
}

/// Divides by the coefficients' gcd, rounding the constant down (integer
/// tightening). False when the constraint cannot hold.
bool normaliseInequality(Linear &L) {
  long long G = 0;
  for (auto It = L.Coeff.begin(); It != L.Coeff.end();) {
    if (It->second == 0) {
      It = L.Coeff.erase(It);
      continue;
    }
    G = std::gcd(G, std::llabs(It->second));
    ++It;
  }
  if (G == 0)
    return L.K >= 0;
  if (G > 1) {
    for (auto &[V, C] : L.Coeff)
      C /= G;
    L.K = floorDiv(L.K, G);
  }
  return true;
}

bool tooLarge(const Linear &L) {
  if (std::llabs(L.K) > MaxCoefficient)
    return true;
  for (const auto &[V, C] : L.Coeff)
    if (std::llabs(C) > MaxCoefficient)
      return true;
  return false;
}

/// Replaces V (with coefficient +-1 in E == 0) in L.
void substitute(Linear &L, const std::string &V, const Linear &E) {
  auto It = L.Coeff.find(V);
  if (It == L.Coeff.end())
    return;
  long long A = It->second;
  long long C = E.Coeff.at(V); // +-1
  L.Coeff.erase(It);
  // V = -(E - C*V) / C
  for (const auto &[W, D] : E.Coeff)
    if (W != V)
      L.Coeff[W] -= A * D * C;
  L.K -= A * E.K * C;
}

bool feasible(std::vector<Linear> Equal, std::vector<Linear> Ineq) {
  // Equalities: eliminate a variable with a unit coefficient, else test the
  // gcd and keep the equality as two inequalities.
  for (size_t I = 0; I < Equal.size(); ++I) {
    Linear E = Equal[I];
    std::string Unit;
    long long G = 0;
    for (const auto &[V, C] : E.Coeff) {
      if (C == 0)
        continue;
      G = std::gcd(G, std::llabs(C));
      if (Unit.empty() && (C == 1 || C == -1))
        Unit = V;
    }
    if (G == 0) {
      if (E.K != 0)
        return false;
      continue;
    }
    if (E.K % G != 0)
      return false;
    if (Unit.empty()) {
      Linear Neg = E;
      for (auto &[V, C] : Neg.Coeff)
        C = -C;
      Neg.K = -Neg.K;
      Ineq.push_back(E);
      Ineq.push_back(Neg);
      continue;
    }
    for (size_t J = I + 1; J < Equal.size(); ++J)
      substitute(Equal[J], Unit, E);
    for (Linear &L : Ineq)
      substitute(L, Unit, E);
  }
  for (Linear &L : Ineq)
    if (tooLarge(L) || !normaliseInequality(L))
      return tooLarge(L);
  while (true) {
    if (Ineq.size() > MaxConstraints)
      return true;
    // The variable whose elimination makes the fewest constraints.
    std::map<std::string, std::pair<size_t, size_t>> Count;
    for (const Linear &L : Ineq)
      for (const auto &[V, C] : L.Coeff)
        (C > 0 ? Count[V].first : Count[V].second)++;
    if (Count.empty())
      return true;
    std::string Best;
    size_t BestCost = SIZE_MAX;
    for (const auto &[V, PN] : Count) {
      size_t Cost = PN.first * PN.second;
      if (Cost < BestCost) {
        BestCost = Cost;
        Best = V;
      }
    }
    std::vector<Linear> Pos, Neg, Next;
    for (Linear &L : Ineq) {
      auto It = L.Coeff.find(Best);
      if (It == L.Coeff.end())
        Next.push_back(std::move(L));
      else
        (It->second > 0 ? Pos : Neg).push_back(std::move(L));
    }
    for (const Linear &A : Pos)
      for (const Linear &B : Neg) {
        long long CA = A.Coeff.at(Best), CB = -B.Coeff.at(Best);
        Linear R;
        for (const auto &[V, C] : A.Coeff)
          R.Coeff[V] += C * CB;
        for (const auto &[V, C] : B.Coeff)
          R.Coeff[V] += C * CA;
        R.Coeff.erase(Best);
        R.K = A.K * CB + B.K * CA;
        if (tooLarge(R))
          return true;
        if (!normaliseInequality(R))
          return false;
        if (!R.Coeff.empty())
          Next.push_back(std::move(R));
      }
    Ineq = std::move(Next);
  }
}

} // namespace

/// A counter whose range starts at another counter's expression
/// (k from i*n to i*n + n - 1) is that start plus an offset in [0, width]:
/// written so, linearised subscripts become separable.
static DependenceProblem normaliseCounters(const DependenceProblem &In) {
  DependenceProblem P = In;
  std::map<std::string, OmpAffine> Replace;
  for (const auto &[V, B] : In.Bounds) {
    const auto &[Lo, Hi] = B;
    if (!Lo.Known || !Hi.Known || affine::isConstant(Lo))
      continue;
    std::string T = "n:" + V;
    Replace[V] = affine::add(Lo, affine::symbol(T));
    P.Bounds[T] = {affine::constant(0), affine::sub(Hi, Lo)};
  }
  if (Replace.empty())
    return P;
  auto Apply = [&](OmpAffine E) {
    for (unsigned Round = 0; Round < 3; ++Round)
      E = affine::substitute(
          E, [&](const std::string &S) -> std::optional<OmpAffine> {
            auto It = Replace.find(S);
            if (It == Replace.end())
              return std::nullopt;
            return It->second;
          });
    return E;
  };
  for (OmpAffine &E : P.Equal)
    E = Apply(E);
  for (OmpAffine &E : P.AtLeastZero)
    E = Apply(E);
  for (auto &[V, B] : P.Bounds)
    B = {Apply(B.first), Apply(B.second)};
  return P;
}

static bool solvable(const DependenceProblem &P) {
  std::vector<Linear> Equal, Ineq;
  Delineariser D(P);
  D.Facts = P.Equal;
  for (const OmpAffine &E : P.Equal) {
    if (!E.Known)
      continue; // An unknown subscript may be anything.
    std::vector<OmpAffine> Parts;
    D.split(E, Parts, 0);
    for (const OmpAffine &Part : Parts)
      Equal.push_back(linearOf(Part));
  }
  for (const OmpAffine &I : P.AtLeastZero)
    if (I.Known)
      Ineq.push_back(linearOf(I));
  return feasible(std::move(Equal), std::move(Ineq));
}

/// Both forms are exact rewritings; each may let delinearisation separate
/// what the other cannot.
bool mayHaveSolution(const DependenceProblem &P) {
  return solvable(P) && solvable(normaliseCounters(P));
}

} // namespace concur
