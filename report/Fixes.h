//===- Fixes.h - Fix-its: exported for clang-apply-replacements, applied --===//
//
// Findings carry two kinds of fix, as clang-tidy's diagnostics do: a fix of
// the finding itself changes nothing beyond it (awaiting a switch that was
// meant to be awaited) and --fix applies it; a fix attached to a note needs
// the reader's judgement (a sleep as an awaited timer, braces that end a
// guard's scope early) and is applied, or exported, only with --fix-notes,
// and then only for a finding with no fix of its own.
//
// Edits are kept as line and byte column (what facts hold); they become
// file offsets here, against the file as it is now. An edit that no longer
// fits the file (it changed since the analysis), or that overlaps another,
// is skipped and counted, never half applied. Each file is rewritten whole
// through OutputFile: replaced atomically or left as it was.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_REPORT_FIXES_H
#define CONCUR_REPORT_FIXES_H

#include "checks/Check.h"

#include <string>
#include <vector>

namespace concur {

/// The edits a finding contributes: its own, else (with WithNotes) those of
/// its first note that has some.
const std::vector<SourceEdit> *chosenFix(const Finding &F, bool WithNotes);

/// The findings and their fixes as clang-apply-replacements' YAML (the
/// form clang-tidy's --export-fixes writes). False with Error when a file
/// cannot be read.
bool exportFixesYaml(const std::vector<Finding> &Findings, bool WithNotes,
                     const std::string &BuildDirectory, std::string &Yaml,
                     std::string &Error);

struct FixOutcome {
  unsigned Applied = 0; // Findings whose edits were all applied.
  unsigned Skipped = 0; // Findings whose edits conflicted or no longer fit.
  std::vector<std::string> Files; // Rewritten.
};

/// Applies the chosen fixes of Findings to the files. False with Error when
/// a file cannot be read or written; files written before stay written.
bool applyFixes(const std::vector<Finding> &Findings, bool WithNotes,
                FixOutcome &Outcome, std::string &Error);

} // namespace concur

#endif // CONCUR_REPORT_FIXES_H
