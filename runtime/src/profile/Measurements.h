//===- Measurements.h - What a measurements document must look like -------===//
//
// Measurements come from a profiling binary's stdout or from a file given
// with --measurements, which anyone can write. The verdicts, the table and
// the SVG chart read them; this checks, once, every field they read, so that
// a wrong type or a wild number is one line naming the file and the field
// instead of a raw json exception or a chart with four billion axis ticks.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_RUNTIME_PROFILE_MEASUREMENTS_H
#define CONCUR_RUNTIME_PROFILE_MEASUREMENTS_H

#include <nlohmann/json.hpp>

#include <string>

namespace concur::runtime {

/// Cores a scaling point may name: more than any machine the runtime pins.
constexpr unsigned MaxScalingCores = 4096;

/// Throws UsageError naming Source (the file, or the binary that printed
/// the measurements) and the first field that is missing or wrong.
void checkMeasurements(const nlohmann::json &Measurements,
                       const std::string &Source);

} // namespace concur::runtime

#endif // CONCUR_RUNTIME_PROFILE_MEASUREMENTS_H
