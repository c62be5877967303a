//===- MeasurementTable.h - Measurements as a table for people ------------===//

#ifndef CONCUR_RUNTIME_SUPPORT_MEASUREMENTTABLE_H
#define CONCUR_RUNTIME_SUPPORT_MEASUREMENTTABLE_H

#include <nlohmann/json.hpp>

#include <string>

namespace concur::runtime {

/// The profiling binary's measurements (its --format json document) as the
/// text table both it and concur-profile print. Missing fields print as "-",
/// so saved or hand-made measurements render too.
std::string formatMeasurementTable(const nlohmann::json &Measurements);

} // namespace concur::runtime

#endif // CONCUR_RUNTIME_SUPPORT_MEASUREMENTTABLE_H
