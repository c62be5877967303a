//===- Report.h - Findings out: clang-style text and the JSON report ------===//
//
// The last stage of the pipeline. Text goes to editors and terminals in the
// form clang prints ("file:line:col: warning: ... [check]"); JSON goes to CI
// gates, with a schema version they can rely on (README: The JSON report).
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_REPORT_REPORT_H
#define CONCUR_REPORT_REPORT_H

#include "checks/Check.h"

#include "llvm/Support/raw_ostream.h"
#include <nlohmann/json.hpp>

namespace concur {

/// Bumped whenever a field changes meaning or disappears; additions that old
/// readers can ignore bump the minor number only.
constexpr int ReportSchemaMajor = 1;
constexpr int ReportSchemaMinor = 3;

struct RunReport {
  std::string ToolVersion;
  std::string CompileDatabase;
  std::vector<std::string> Checks;
  std::vector<FileStatus> Files;
  std::vector<Finding> Findings;
  CheckStats Stats;
  std::string FailOn;
  /// Always present, whatever checks run: functions[] and advice[].
  nlohmann::json Functions = nlohmann::json::array();
  nlohmann::json Advice = nlohmann::json::array();
};

/// Sorts findings by location so that output does not depend on threads.
void sortFindings(std::vector<Finding> &Findings);

/// A path relative to the current directory when it lies below it.
std::string displayPath(const std::string &Path);

void printText(const RunReport &R, llvm::raw_ostream &OS);
void printSummary(const RunReport &R, llvm::raw_ostream &OS);
nlohmann::json toJson(const RunReport &R);

/// SARIF 2.1.0, for code-scanning services (GitHub, GitLab, IDEs).
nlohmann::json toSarif(const RunReport &R);

} // namespace concur

#endif // CONCUR_REPORT_REPORT_H
