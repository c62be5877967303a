//===- GitDiff.h - The changes of a git work tree since a revision --------===//
//
// --diff=REV runs `git diff -U0 REV` where the project is, as a reviewer's
// CI job would, and hands the text to ChangedLines.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_TOOL_GITDIFF_H
#define CONCUR_TOOL_GITDIFF_H

#include <string>

namespace concur {

/// The output of `git diff -U0 Rev` in Dir, and the work tree's top (what
/// the diff's paths are relative to). False with a one-line Error: no git,
/// not a work tree, a revision git does not know.
bool gitDiff(const std::string &Rev, const std::string &Dir, std::string &Diff,
             std::string &TopLevel, std::string &Error);

} // namespace concur

#endif // CONCUR_TOOL_GITDIFF_H
