//===- Check.h - A check: whole-program view in, findings out -------------===//
//
// The fourth stage of the pipeline. Each check is one class in one file pair,
// registered by name in CheckRegistry.cpp, and reads only the merged Program.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_CHECKS_CHECK_H
#define CONCUR_CHECKS_CHECK_H

#include "catalog/Catalog.h"
#include "program/Program.h"

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace concur {

struct FindingNote {
  SourceLoc Loc; // May be invalid: a note about the finding as a whole.
  std::string Message;
  /// A fix that needs judgement (it changes more than the finding): applied
  /// only with --fix-notes, as clang-tidy applies fixes attached to notes.
  std::vector<SourceEdit> Fixes;
};

struct Finding {
  std::string Check;
  Severity Level = Severity::Warning;
  std::string Message;
  SourceLoc Loc;
  std::vector<FindingNote> Notes;
  /// Check-specific content of the JSON report (chain, accesses, ...).
  nlohmann::json Details = nlohmann::json::object();
  /// A fix that changes nothing the program does beyond the finding
  /// (awaiting a switch that was meant to be awaited): applied by --fix.
  std::vector<SourceEdit> Fixes;
  /// Set by the report stage (report/Fingerprint.h): what identifies the
  /// finding across edits, and its file relative to the project root.
  std::string Fingerprint;
  std::string ProjectPath;
};

/// Counters a check wants in the summary and the report.
using CheckStats = std::map<std::string, unsigned>;

class Check {
public:
  virtual ~Check() = default;
  virtual void run(const Program &P, std::vector<Finding> &Out,
                   CheckStats &Stats) = 0;
};

struct CheckInfo {
  std::string Name;
  std::string Summary;
  bool EnabledByDefault;
  std::function<std::unique_ptr<Check>()> Create;
};

/// Every check concur has, in a fixed order.
const std::vector<CheckInfo> &allChecks();

/// Applies a clang-tidy style filter ("-*,concur-blocking-*") to the default
/// set. Returns false with Error naming a pattern that matches no check.
bool selectChecks(const std::string &Filter,
                  std::vector<const CheckInfo *> &Out, std::string &Error);

} // namespace concur

#endif // CONCUR_CHECKS_CHECK_H
