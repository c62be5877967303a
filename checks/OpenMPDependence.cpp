//===- OpenMPDependence.cpp - Can two accesses touch the same element? ---===//

#include "checks/OpenMPDependence.h"
#include "facts/Affine.h"

#include <algorithm>
#include <cstdlib>
#include <numeric>

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
        OmpAffine F = positive(Candidate);
        if (!F.Known)
          continue;
        OmpAffine Group = affine::constant(0), Rest = Constant;
        for (const auto &[W, C] : Coeffs) {
          if (affine::equal(C, F))
            Group = affine::add(Group, affine::symbol(W));
          else if (affine::equal(C, affine::scale(F, -1)))
            Group = affine::sub(Group, affine::symbol(W));
          else
            Rest = affine::add(Rest, affine::mul(C, affine::symbol(W)));
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

  /// |R| <= F - 1 for every value the bounds allow.
  bool smallerThan(const OmpAffine &R, const OmpAffine &F) const {
    OmpAffine Max = extreme(R, true), Min = extreme(R, false);
    if (!Max.Known || !Min.Known)
      return false;
    OmpAffine Limit = affine::sub(F, affine::constant(1));
    return sign(affine::sub(Limit, Max)) > 0 &&
           sign(affine::add(Limit, Min)) > 0;
  }

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

bool mayHaveSolution(const DependenceProblem &P) {
  std::vector<Linear> Equal, Ineq;
  Delineariser D(P);
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

} // namespace concur
