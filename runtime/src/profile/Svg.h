//===- Svg.h - Throughput and scaling charts, no dependencies -------------===//

#ifndef CONCUR_RUNTIME_PROFILE_SVG_H
#define CONCUR_RUNTIME_PROFILE_SVG_H

#include "profile/Verdict.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace concur::runtime {

/// One panel per workload: throughput per executor (median bar, min-max
/// whisker) on the left, speedup over sequential per core count on the right.
std::string renderSvg(const nlohmann::json &Measurements,
                      const std::vector<VerdictRow> &Rows);

} // namespace concur::runtime

#endif // CONCUR_RUNTIME_PROFILE_SVG_H
