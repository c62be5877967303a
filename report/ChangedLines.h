//===- ChangedLines.h - Which lines a change touched ----------------------===//
//
// Diff mode: a review wants the findings a change is responsible for, while
// the analysis stays whole-program (a new blocking call deep in a helper is
// reported at the coroutine that reaches it, maybe in an untouched file).
// A finding is kept when its primary place, a hop of its call chain or one
// of its racing accesses lies on a changed line. The lines come from
// clang-tidy's --line-filter JSON or from a unified diff.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_REPORT_CHANGEDLINES_H
#define CONCUR_REPORT_CHANGEDLINES_H

#include "checks/Check.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <utility>
#include <vector>

namespace concur {

class ChangedLines {
public:
  /// clang-tidy's --line-filter: [{"name":"file.cpp","lines":[[1,3]]}, ...];
  /// a name matches any path ending in it, an entry without "lines" every
  /// line of the file. False with a one-line Error.
  static bool fromLineFilter(llvm::StringRef Json, ChangedLines &Out,
                             std::string &Error);

  /// A unified diff (git diff -U0, or any diff -u): the added or changed
  /// lines of each new file. Relative paths are taken from BaseDir, after
  /// git's "b/" prefix is dropped. False with a one-line Error.
  static bool fromUnifiedDiff(llvm::StringRef Diff, const std::string &BaseDir,
                              ChangedLines &Out, std::string &Error);

  bool touches(const Finding &F) const;

  /// Keeps the findings that touch changed lines; returns how many it
  /// dropped.
  unsigned restrict(std::vector<Finding> &Findings) const;

private:
  struct FileLines {
    std::string Name;
    bool MatchSuffix = false; // Line filters name files by their ends.
    bool AllLines = false;
    std::vector<std::pair<unsigned, unsigned>> Ranges;
  };
  bool touches(const SourceLoc &L) const;
  std::vector<FileLines> Files;
};

} // namespace concur

#endif // CONCUR_REPORT_CHANGEDLINES_H
