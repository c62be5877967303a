//===- Fingerprint.h - An identity per finding that survives edits --------===//
//
// A CI gate compares today's findings with yesterday's (a baseline, a code
// scanning service's alerts). Line numbers and messages change with every
// unrelated edit, so a finding is identified by what it is about instead:
// its check, the stable symbol id of the function it is in, the API or
// variable it names, and the text of its line with whitespace collapsed.
// Inserting lines above it, renaming another function or moving its file
// within the project keeps the fingerprint; editing the line itself, or
// moving it to another function, makes it a new finding.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_REPORT_FINGERPRINT_H
#define CONCUR_REPORT_FINGERPRINT_H

#include "checks/Check.h"
#include "program/Program.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace concur {

/// Changes whenever fingerprints are computed differently: a baseline made
/// with another version matches nothing and says so.
constexpr int FingerprintVersion = 1;

/// The project root when none is given: the nearest directory above Start
/// (the compile database's) holding a .git (a work tree, or a git
/// worktree's .git file); else the deepest directory holding Start and
/// every one of Files (a build directory beside the sources).
std::string defaultProjectRoot(const std::string &Start,
                               const std::vector<std::string> &Files);

/// Path relative to Root when it lies below it, else Path unchanged.
std::string projectRelativePath(const std::string &Path,
                                const std::string &Root);

/// A symbol id without what depends on where the code sits: facts append
/// the absolute path of internal symbols and the position of lambdas to
/// their USRs, and Clang's USRs of local classes (lambdas) hold a byte
/// offset; a move or an inserted line would change them. The USR itself
/// keeps the file's base name for internal symbols.
std::string stableSymbolId(llvm::StringRef Id);

/// The line trimmed, with every run of whitespace made one space.
std::string normalisedSnippet(llvm::StringRef Line);

/// Sets Finding::Fingerprint and Finding::ProjectPath of every finding.
void fingerprintFindings(const Program &P, const std::string &ProjectRoot,
                         std::vector<Finding> &Findings);

} // namespace concur

#endif // CONCUR_REPORT_FINGERPRINT_H
