//===- Affine.cpp - Arithmetic on integer expressions of symbols ----------===//

#include "facts/Affine.h"

#include <algorithm>
#include <map>

namespace concur {
namespace affine {

/// Beyond these, an expression is not worth tracking: subscripts of real
/// code have a handful of terms and small coefficients.
static constexpr long long MaxMagnitude = 1LL << 40;
static constexpr size_t MaxTerms = 32;
static constexpr size_t MaxDegree = 3;

OmpAffine constant(long long C) {
  OmpAffine A;
  A.Known = true;
  A.Const = C;
  return A;
}

OmpAffine symbol(const std::string &Name) {
  OmpAffine A = constant(0);
  A.Terms.push_back({{Name}, 1});
  return A;
}

OmpAffine unknown() { return OmpAffine(); }

static bool tooLarge(long long V) {
  return V > MaxMagnitude || V < -MaxMagnitude;
}

void normalise(OmpAffine &A) {
  if (!A.Known)
    return;
  std::map<std::vector<std::string>, long long> Merged;
  for (auto &[Monomial, Coeff] : A.Terms) {
    std::vector<std::string> M = Monomial;
    std::sort(M.begin(), M.end());
    if (M.empty()) {
      A.Const += Coeff;
      continue;
    }
    if (M.size() > MaxDegree) {
      A = unknown();
      return;
    }
    Merged[M] += Coeff;
  }
  A.Terms.clear();
  for (auto &[M, C] : Merged) {
    if (tooLarge(C)) {
      A = unknown();
      return;
    }
    if (C != 0)
      A.Terms.push_back({M, C});
  }
  if (tooLarge(A.Const) || A.Terms.size() > MaxTerms)
    A = unknown();
}

OmpAffine add(const OmpAffine &A, const OmpAffine &B) {
  if (!A.Known || !B.Known)
    return unknown();
  OmpAffine R = A;
  R.Const += B.Const;
  R.Terms.insert(R.Terms.end(), B.Terms.begin(), B.Terms.end());
  normalise(R);
  return R;
}

OmpAffine scale(const OmpAffine &A, long long K) {
  if (!A.Known || tooLarge(K))
    return unknown();
  OmpAffine R = A;
  R.Const *= K;
  for (auto &T : R.Terms)
    T.second *= K;
  normalise(R);
  return R;
}

OmpAffine sub(const OmpAffine &A, const OmpAffine &B) {
  return add(A, scale(B, -1));
}

OmpAffine mul(const OmpAffine &A, const OmpAffine &B) {
  if (!A.Known || !B.Known)
    return unknown();
  if (A.Terms.empty())
    return scale(B, A.Const);
  if (B.Terms.empty())
    return scale(A, B.Const);
  if (A.Terms.size() * B.Terms.size() > MaxTerms)
    return unknown();
  OmpAffine R = constant(A.Const * B.Const);
  for (const auto &T : A.Terms)
    R.Terms.push_back({T.first, T.second * B.Const});
  for (const auto &T : B.Terms)
    R.Terms.push_back({T.first, T.second * A.Const});
  for (const auto &X : A.Terms)
    for (const auto &Y : B.Terms) {
      std::vector<std::string> M = X.first;
      M.insert(M.end(), Y.first.begin(), Y.first.end());
      R.Terms.push_back({M, X.second * Y.second});
    }
  normalise(R);
  return R;
}

bool isConstant(const OmpAffine &A) { return A.Known && A.Terms.empty(); }

bool equal(const OmpAffine &A, const OmpAffine &B) {
  if (!A.Known || !B.Known)
    return false;
  OmpAffine D = sub(A, B);
  return D.Known && D.Terms.empty() && D.Const == 0;
}

std::set<std::string> symbols(const OmpAffine &A) {
  std::set<std::string> S;
  for (const auto &T : A.Terms)
    S.insert(T.first.begin(), T.first.end());
  return S;
}

OmpAffine substitute(
    const OmpAffine &A,
    const std::function<std::optional<OmpAffine>(const std::string &)> &Map) {
  if (!A.Known)
    return A;
  OmpAffine R = constant(A.Const);
  for (const auto &[Monomial, Coeff] : A.Terms) {
    OmpAffine Product = constant(Coeff);
    for (const std::string &Sym : Monomial) {
      std::optional<OmpAffine> V = Map(Sym);
      Product = mul(Product, V ? *V : symbol(Sym));
    }
    R = add(R, Product);
    if (!R.Known)
      return R;
  }
  return R;
}

OmpAffine rename(const OmpAffine &A,
                 const std::function<std::string(const std::string &)> &Map) {
  if (!A.Known)
    return A;
  OmpAffine R = A;
  for (auto &T : R.Terms)
    for (std::string &Sym : T.first)
      Sym = Map(Sym);
  normalise(R);
  return R;
}

/// Symbols print as the code names them where the name is in the symbol
/// ("i:12.0" is a loop counter; the fact builder keeps the names apart).
std::string toString(const OmpAffine &A) {
  if (!A.Known)
    return "?";
  std::string S;
  for (const auto &[Monomial, Coeff] : A.Terms) {
    std::string M;
    for (const std::string &Sym : Monomial)
      M += (M.empty() ? "" : "*") + Sym;
    if (S.empty())
      S = Coeff == 1    ? M
          : Coeff == -1 ? "-" + M
                        : std::to_string(Coeff) + "*" + M;
    else
      S += (Coeff < 0 ? " - " : " + ") +
           (Coeff == 1 || Coeff == -1
                ? M
                : std::to_string(Coeff < 0 ? -Coeff : Coeff) + "*" + M);
  }
  if (S.empty())
    return std::to_string(A.Const);
  if (A.Const != 0)
    S += (A.Const < 0 ? " - " : " + ") +
         std::to_string(A.Const < 0 ? -A.Const : A.Const);
  return S;
}

} // namespace affine
} // namespace concur
