//===- Program.h - The whole-program view merged from per-file facts ------===//
//
// The third stage of the pipeline. Facts from every translation unit are
// merged into one set of functions keyed by symbol id: a function defined in a
// header and seen from many files appears once, and a call in one file
// resolves to the definition in another. Checks read only this view.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_PROGRAM_PROGRAM_H
#define CONCUR_PROGRAM_PROGRAM_H

#include "facts/Facts.h"
#include "program/CallResolution.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace concur {

/// What happened to one input file.
struct FileStatus {
  std::string File;
  bool Parsed = false;
  std::string FirstError;
};

class Program {
public:
  /// Merges files in the order given; the caller sorts them so that the
  /// result does not depend on which worker finished first.
  static Program merge(std::vector<FileFacts> Files);

  const FunctionFacts *function(const std::string &Id) const {
    auto It = Functions.find(Id);
    return It == Functions.end() ? nullptr : &It->second;
  }
  const std::map<std::string, FunctionFacts> &functions() const {
    return Functions;
  }
  const std::vector<FileStatus> &files() const { return Files; }
  const std::vector<Workload> &workloads() const { return Workloads; }
  /// The addresses of shared places global initialisers take.
  const std::vector<AddressEscape> &globalAddressEscapes() const {
    return GlobalAddressEscapes;
  }
  /// Virtual and indirect calls whose targets concur could not find.
  const std::vector<UnresolvedCall> &unresolvedCalls() const {
    return Unresolved;
  }

  /// The file holding the main of the one program F belongs to (it is
  /// defined next to that main), or "" for code any program may link.
  std::string programOf(const FunctionFacts &F) const;

  /// Is a finding of Check at Loc silenced by a NOLINT comment?
  bool isSuppressed(const SourceLoc &Loc, const std::string &Check) const;

private:
  std::map<std::string, FunctionFacts> Functions;
  std::vector<FileStatus> Files;
  std::vector<Workload> Workloads;
  std::vector<AddressEscape> GlobalAddressEscapes;
  std::vector<UnresolvedCall> Unresolved;
  std::set<std::string> ProgramFiles;
  std::map<std::string, std::vector<Suppression>> Suppressions;
};

/// clang-tidy's glob: '*' matches any run of characters.
bool globMatches(const std::string &Pattern, const std::string &Name);

} // namespace concur

#endif // CONCUR_PROGRAM_PROGRAM_H
