//===- ProjectConfig.h - .concur.yaml: which checks, how loud, where ------===//
//
// The clang-tidy keys a team already knows, in a .concur.yaml found upward
// from each file (or given inline with --config='{...}'): Checks,
// WarningsAsErrors, HeaderFilterRegex, ExcludeHeaderFilterRegex,
// CheckOptions and InheritParentConfig. Read with LLVM's YAML I/O, as
// clang-tidy reads .clang-tidy. What library functions do stays in
// .concur.json (catalog/ConfigSet.h); the two files sit side by side.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_TOOL_PROJECTCONFIG_H
#define CONCUR_TOOL_PROJECTCONFIG_H

#include "checks/Check.h"

#include "llvm/ADT/StringRef.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace concur {

struct ProjectOptions {
  std::optional<std::string> Checks;
  std::optional<std::string> WarningsAsErrors;
  std::optional<std::string> HeaderFilterRegex;
  std::optional<std::string> ExcludeHeaderFilterRegex;
  std::optional<bool> InheritParentConfig;
  /// "<check>.<Option>": value. Known options: <check>.Severity (remark,
  /// warning or error).
  std::map<std::string, std::string> CheckOptions;
  /// Where the options came from, for messages ("" for the defaults).
  std::string Source;
};

/// Parses one .concur.yaml (or the text of --config). False with a
/// one-line Error naming Source, the line and the column.
bool parseProjectOptions(llvm::StringRef Text, const std::string &Source,
                         ProjectOptions &Out, std::string &Error);

/// What is wrong with options that parsed: check patterns that match no
/// check, regular expressions that do not compile, unknown check options
/// and bad values. Each entry is one line naming Source.
std::vector<std::string> verifyProjectOptions(const ProjectOptions &O);

/// The options as YAML, every key present (--dump-config).
std::string dumpProjectOptions(const ProjectOptions &O);

/// The options that apply to each file: the nearest .concur.yaml above it,
/// merged with its parents' while InheritParentConfig says so, or the
/// inline --config for every file.
class ProjectConfigs {
public:
  /// Inline: the text of --config='{...}', empty when not given.
  explicit ProjectConfigs(std::string Inline = "")
      : Inline(std::move(Inline)) {}

  /// The effective options for File; false with Error for a config that
  /// cannot be read or parsed.
  bool forFile(const std::string &File, ProjectOptions &Out,
               std::string &Error);

private:
  bool forDirectory(const std::string &Dir, ProjectOptions &Out,
                    std::string &Error);
  std::string Inline;
  std::map<std::string, ProjectOptions> ByDirectory;
};

/// Is Text the inline form of --config (a YAML flow mapping), rather than
/// the path of a .concur.json?
bool isInlineConfig(llvm::StringRef Text);

/// Applies per-file options to the findings of a run: drops those of checks
/// a file's Checks turn off and those in headers outside HeaderFilterRegex
/// (or inside ExcludeHeaderFilterRegex), sets <check>.Severity, and makes
/// warnings of WarningsAsErrors checks errors. MainFiles are the files of
/// the compile database; every other file is a header. CommandLineChecks
/// (--checks) comes last, as with clang-tidy.
bool applyProjectOptions(ProjectConfigs &Configs,
                         const std::set<std::string> &MainFiles,
                         const std::string &CommandLineChecks,
                         std::vector<Finding> &Findings, std::string &Error);

/// The checks to run: every check some file's options turn on.
bool checksForFiles(ProjectConfigs &Configs,
                    const std::vector<std::string> &Files,
                    const std::string &CommandLineChecks,
                    std::vector<const CheckInfo *> &Out, std::string &Error);

} // namespace concur

#endif // CONCUR_TOOL_PROJECTCONFIG_H
