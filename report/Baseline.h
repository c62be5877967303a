//===- Baseline.h - Findings a team has accepted, by fingerprint ----------===//
//
// A team adopting concur on an existing codebase records today's findings
// (--write-baseline) and gates only on new ones (--baseline). Entries are
// matched by fingerprint (report/Fingerprint.h), one finding per entry, so
// a second copy of a baselined mistake is new. The file is JSON, sorted by
// path and line so that it diffs well in review; the line and message are
// there for people, never for matching.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_REPORT_BASELINE_H
#define CONCUR_REPORT_BASELINE_H

#include "checks/Check.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace concur {

/// Bumped when the file's form changes.
constexpr int BaselineFormat = 1;

struct BaselineEntry {
  std::string Fingerprint;
  std::string Check;
  std::string Path; // Relative to the project root.
  unsigned Line = 0;
  std::string Message;
};

struct Baseline {
  std::vector<BaselineEntry> Entries;
};

/// What --baseline did to a run.
struct BaselineOutcome {
  std::string File;
  unsigned Baselined = 0;           // Findings the baseline held back.
  unsigned New = 0;                 // Findings reported.
  std::vector<BaselineEntry> Stale; // Entries no finding matched.
};

/// Reads a baseline written by --write-baseline. False with a one-line
/// Error that names the file and the fix.
bool readBaseline(const std::string &Path, Baseline &Out, std::string &Error);

/// The same from the file's text; Path names it in Error.
bool parseBaseline(llvm::StringRef Text, const std::string &Path, Baseline &Out,
                   std::string &Error);

/// The baseline file recording Findings.
std::string baselineText(const std::vector<Finding> &Findings,
                         const std::string &ToolVersion);

/// Removes the findings B records from Findings and says what it did.
BaselineOutcome applyBaseline(const Baseline &B, const std::string &File,
                              std::vector<Finding> &Findings);

} // namespace concur

#endif // CONCUR_REPORT_BASELINE_H
