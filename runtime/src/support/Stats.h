//===- Stats.h - Median and spread over repetitions -----------------------===//

#ifndef CONCUR_RUNTIME_SUPPORT_STATS_H
#define CONCUR_RUNTIME_SUPPORT_STATS_H

#include <nlohmann/json.hpp>

#include <algorithm>
#include <vector>

namespace concur::runtime {

struct Spread {
  double Median = 0;
  double Min = 0;
  double Max = 0;
};

inline Spread summarise(std::vector<double> Values) {
  Spread S;
  if (Values.empty())
    return S;
  std::sort(Values.begin(), Values.end());
  size_t N = Values.size();
  S.Median = N % 2 ? Values[N / 2] : (Values[N / 2 - 1] + Values[N / 2]) / 2;
  S.Min = Values.front();
  S.Max = Values.back();
  return S;
}

inline nlohmann::json toJson(const Spread &S) {
  return {{"median", S.Median}, {"min", S.Min}, {"max", S.Max}};
}

inline Spread spreadFromJson(const nlohmann::json &J) {
  Spread S;
  S.Median = J.value("median", 0.0);
  S.Min = J.value("min", S.Median);
  S.Max = J.value("max", S.Median);
  return S;
}

} // namespace concur::runtime

#endif // CONCUR_RUNTIME_SUPPORT_STATS_H
