//===- Analysis.h - The pipeline, start to finish -------------------------===//
//
// compile database -> per-file facts (in parallel) -> whole-program merge ->
// checks -> findings. The subcommands of the concur tool all start here.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_TOOL_ANALYSIS_H
#define CONCUR_TOOL_ANALYSIS_H

#include "checks/Check.h"
#include "program/Program.h"
#include "report/Report.h"

#include <string>
#include <vector>

namespace concur {

struct AnalysisRequest {
  std::string BuildPath;
  std::vector<std::string> Files; // Empty: every file of the database.
  bool HasFixedArgs = false;
  std::vector<std::string> FixedArgs;
  std::string ConfigPath;
  /// --config='{...}': .concur.yaml options for every file instead of the
  /// ones found upward.
  std::string InlineConfig;
  std::string CheckFilter;
  unsigned Jobs = 0;    // 0: one per core.
  std::string CacheDir; // Empty: no fact cache.
  bool Quiet = false;   // No progress line on stderr; errors are printed.
  /// What finding paths in the report and baseline are relative to. Empty:
  /// the git work tree holding the compile database, else its directory.
  std::string ProjectRoot;
};

struct AnalysisResult {
  Program Whole;
  RunReport Report;
};

/// Runs the pipeline. Returns false with a one-line Error for input errors
/// that stop everything (no database, bad config, unknown check, ...). Files
/// that fail to parse do not stop the run; they are listed in the report.
bool runAnalysis(const AnalysisRequest &Request, AnalysisResult &Result,
                 std::string &Error);

} // namespace concur

#endif // CONCUR_TOOL_ANALYSIS_H
