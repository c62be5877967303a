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
#include "report/Baseline.h"

#include "llvm/Support/raw_ostream.h"
#include <nlohmann/json.hpp>
#include <optional>

namespace concur {

/// Bumped whenever a field changes meaning or disappears; additions that old
/// readers can ignore bump the minor number only.
constexpr int ReportSchemaMajor = 1;
constexpr int ReportSchemaMinor = 6;

struct RunReport {
  std::string ToolVersion;
  std::string CompileDatabase;
  /// Absolute; finding paths in the report and the baseline are relative
  /// to it.
  std::string ProjectRoot;
  std::vector<std::string> Checks;
  std::vector<FileStatus> Files;
  std::vector<Finding> Findings;
  CheckStats Stats;
  std::string FailOn;
  /// With --baseline: Findings are the new ones only.
  std::optional<BaselineOutcome> BaselineResult;
  /// With --line-filter or --diff: findings dropped as outside the change.
  std::optional<unsigned> OutsideChanges;
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

struct SarifOptions {
  /// Rules get helpUri = HelpBaseUrl/<check>.md; none when empty.
  std::string HelpBaseUrl;
  /// The exit code of the run, for invocations[].exitCode.
  int ExitCode = 0;
};

/// SARIF 2.1.0, for code-scanning services (GitHub, GitLab, IDEs).
nlohmann::json toSarif(const RunReport &R, const SarifOptions &Options);

} // namespace concur

#endif // CONCUR_REPORT_REPORT_H
