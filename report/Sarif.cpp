//===- Sarif.cpp - The SARIF 2.1.0 log ------------------------------------===//
//
// What code-scanning services read: rules with the checks' documentation,
// one result per finding with its fingerprint, the call chain of a blocking
// finding as a code flow, the two sides of a race as two thread flows, and
// the invocation with its exit code and the files that failed to parse.
// Paths below the project root are relative to the PROJECTROOT base id, so
// a service can map them onto its checkout.
//
//===----------------------------------------------------------------------===//

#include "report/Report.h"

#include "report/CheckDocs.h"
#include "report/Fingerprint.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>

namespace concur {

using nlohmann::json;

namespace {

/// Percent-encodes what a URI path may not hold as it is (RFC 3986).
std::string uriPath(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/!$&'()*+,;=:@").contains(C))
      Out += C;
    else {
      Out += '%';
      Out += llvm::hexdigit(C >> 4, /*LowerCase=*/false);
      Out += llvm::hexdigit(C & 15, /*LowerCase=*/false);
    }
  }
  return Out;
}

class SarifWriter {
public:
  SarifWriter(const RunReport &R, const SarifOptions &Options)
      : R(R), Options(Options) {}

  json artifact(const std::string &File) const {
    std::string Relative = projectRelativePath(File, R.ProjectRoot);
    if (Relative != File)
      return {{"uri", uriPath(Relative)}, {"uriBaseId", "PROJECTROOT"}};
    return {{"uri", "file://" + uriPath(File)}};
  }

  json location(const SourceLoc &L, const std::string &Message = "") const {
    json Loc = {
        {"physicalLocation",
         {{"artifactLocation", artifact(L.File)},
          {"region",
           {{"startLine", L.Line}, {"startColumn", std::max(L.Column, 1u)}}}}}};
    if (!Message.empty())
      Loc["message"] = {{"text", Message}};
    return Loc;
  }

  /// A location written in a finding's details: {file, line, column}.
  static bool detailLocation(const json &J, SourceLoc &Out) {
    if (!J.is_object() || !J.contains("file") || !J.contains("line") ||
        !J["file"].is_string() || !J["line"].is_number_unsigned())
      return false;
    Out.File = J["file"].get<std::string>();
    Out.Line = J["line"].get<unsigned>();
    Out.Column = J.value("column", 1u);
    return Out.valid();
  }

  json rule(const CheckInfo &C) const {
    json Rule = {{"id", C.Name},
                 {"name", ruleName(C.Name)},
                 {"shortDescription", {{"text", C.Summary}}},
                 {"defaultConfiguration", {{"level", "warning"}}},
                 {"properties", {{"tags", {"concurrency"}}}}};
    std::string Full = checkDescription(C.Name);
    Rule["fullDescription"] = {{"text", Full.empty() ? C.Summary : Full}};
    llvm::StringRef Doc = checkDocumentation(C.Name);
    if (!Doc.empty())
      Rule["help"] = {{"text", Doc.str()}, {"markdown", Doc.str()}};
    // A relative helpUri is invalid SARIF: only a base the user gives.
    if (!Options.HelpBaseUrl.empty()) {
      std::string Base = Options.HelpBaseUrl;
      if (Base.back() != '/')
        Base += '/';
      Rule["helpUri"] = Base + C.Name + ".md";
    }
    return Rule;
  }

  /// concur-blocking-in-coroutine -> BlockingInCoroutine.
  static std::string ruleName(llvm::StringRef Id) {
    Id.consume_front("concur-");
    std::string Name;
    bool Upper = true;
    for (char C : Id) {
      if (C == '-') {
        Upper = true;
        continue;
      }
      Name += Upper ? llvm::toUpper(C) : C;
      Upper = false;
    }
    return Name;
  }

  /// The call chain from the coroutine to the blocking call, one step per
  /// hop, nested as the calls are.
  json chainFlow(const json &Chain) const {
    json Steps = json::array();
    for (const json &Hop : Chain) {
      SourceLoc L;
      if (!Hop.is_object() || !detailLocation(Hop.value("location", json()), L))
        continue;
      std::string Caller;
      if (Hop.contains("function") && Hop["function"].is_object())
        Caller = Hop["function"].value("name", "");
      std::string Text =
          "'" + Caller + "' calls '" + Hop.value("callee", "") + "'";
      if (Hop.contains("via") && Hop["via"].is_string())
        Text += " " + Hop["via"].get<std::string>();
      json Step = {{"location", location(L, Text)},
                   {"nestingLevel", Steps.size()},
                   {"executionOrder", Steps.size() + 1}};
      Steps.push_back(Step);
    }
    if (Steps.empty())
      return nullptr;
    return {{"message", {{"text", "the call chain to the blocking call"}}},
            {"threadFlows", json::array({{{"locations", Steps}}})}};
  }

  /// The two racing accesses, each on the thread that makes it.
  json raceFlow(const json &Accesses) const {
    json Threads = json::array();
    for (const json &A : Accesses) {
      SourceLoc L;
      if (!A.is_object() || !detailLocation(A.value("location", json()), L))
        continue;
      std::string Text = A.value("kind", "access");
      if (A.contains("place") && A["place"].is_string())
        Text += " of '" + A["place"].get<std::string>() + "'";
      if (A.contains("function") && A["function"].is_string())
        Text += " in '" + A["function"].get<std::string>() + "'";
      if (A.contains("locks") && A["locks"].is_array()) {
        std::string Locks;
        for (const json &Lock : A["locks"])
          if (Lock.is_string())
            Locks += (Locks.empty() ? "" : ", ") + Lock.get<std::string>();
        Text += Locks.empty() ? " without a lock" : " holding " + Locks;
      }
      std::string Thread =
          A.contains("thread") && A["thread"].is_string()
              ? "thread '" + A["thread"].get<std::string>() + "'"
              : "one thread or task";
      Threads.push_back(
          {{"message", {{"text", Thread}}},
           {"locations", json::array({{{"location", location(L, Text)}}})}});
    }
    if (Threads.size() < 2)
      return nullptr;
    return {{"message", {{"text", "the two accesses that race"}}},
            {"threadFlows", Threads}};
  }

  /// A proposed fix: its edits grouped by file, as artifactChanges.
  json fix(const std::vector<SourceEdit> &Edits,
           const std::string &Description) const {
    std::vector<std::string> Files;
    for (const SourceEdit &E : Edits)
      if (std::find(Files.begin(), Files.end(), E.Begin.File) == Files.end())
        Files.push_back(E.Begin.File);
    json Changes = json::array();
    for (const std::string &File : Files) {
      json Replacements = json::array();
      for (const SourceEdit &E : Edits)
        if (E.Begin.File == File)
          Replacements.push_back(
              {{"deletedRegion",
                {{"startLine", E.Begin.Line},
                 {"startColumn", std::max(E.Begin.Column, 1u)},
                 {"endLine", E.End.Line},
                 {"endColumn", std::max(E.End.Column, 1u)}}},
               {"insertedContent", {{"text", E.Text}}}});
      Changes.push_back({{"artifactLocation", artifact(File)},
                         {"replacements", Replacements}});
    }
    return {{"description", {{"text", Description}}},
            {"artifactChanges", Changes}};
  }

  json result(const Finding &F, size_t RuleIndex) const {
    const char *Level = F.Level == Severity::Error     ? "error"
                        : F.Level == Severity::Warning ? "warning"
                                                       : "note";
    json Related = json::array();
    std::string Text = F.Message;
    for (const FindingNote &N : F.Notes) {
      if (N.Loc.valid()) {
        json Loc = location(N.Loc, N.Message);
        Loc["id"] = Related.size();
        Related.push_back(Loc);
      } else {
        Text += "\n" + N.Message;
      }
    }
    json Result = {
        {"ruleId", F.Check},
        {"ruleIndex", RuleIndex},
        {"level", Level},
        {"message", {{"text", Text}}},
        {"locations", json::array({location(F.Loc)})},
        {"partialFingerprints",
         {{"concurFingerprint/v" + std::to_string(FingerprintVersion),
           F.Fingerprint}}}};
    if (!Related.empty())
      Result["relatedLocations"] = Related;
    // The finding's own fix first (what --fix applies), then those of its
    // notes, which need judgement (--fix-notes).
    json Fixes = json::array();
    if (!F.Fixes.empty())
      Fixes.push_back(fix(F.Fixes, "fixes the finding and nothing else"));
    for (const FindingNote &N : F.Notes)
      if (!N.Fixes.empty())
        Fixes.push_back(fix(N.Fixes, "needs judgement: " + N.Message));
    if (!Fixes.empty())
      Result["fixes"] = Fixes;
    json Flow = nullptr;
    if (F.Details.contains("chain"))
      Flow = chainFlow(F.Details["chain"]);
    else if (F.Details.contains("accesses"))
      Flow = raceFlow(F.Details["accesses"]);
    if (!Flow.is_null())
      Result["codeFlows"] = json::array({Flow});
    // Baselined findings are not results at all; what is left is new.
    if (R.BaselineResult)
      Result["baselineState"] = "new";
    return Result;
  }

  json log() const {
    json Rules = json::array();
    std::vector<std::string> RuleIds;
    for (const CheckInfo &C : allChecks())
      if (std::find(R.Checks.begin(), R.Checks.end(), C.Name) !=
          R.Checks.end()) {
        Rules.push_back(rule(C));
        RuleIds.push_back(C.Name);
      }
    json Results = json::array();
    for (const Finding &F : R.Findings) {
      size_t Index =
          std::find(RuleIds.begin(), RuleIds.end(), F.Check) - RuleIds.begin();
      Results.push_back(result(F, Index));
    }
    json Invocation = {{"executionSuccessful", true},
                       {"exitCode", Options.ExitCode}};
    json Notifications = json::array();
    for (const FileStatus &F : R.Files)
      if (!F.Parsed) {
        Invocation["executionSuccessful"] = false;
        SourceLoc Where;
        Where.File = F.File;
        Notifications.push_back(
            {{"level", "error"},
             {"message",
              {{"text", "cannot analyse the file (fix the code or its "
                        "compile flags); first error: " +
                            F.FirstError}}},
             {"locations",
              json::array({{{"physicalLocation",
                             {{"artifactLocation", artifact(F.File)}}}}})}});
      }
    if (!Notifications.empty())
      Invocation["toolExecutionNotifications"] = Notifications;
    json Run = {{"tool",
                 {{"driver",
                   {{"name", "concur"},
                    {"version", R.ToolVersion},
                    {"semanticVersion", R.ToolVersion},
                    {"rules", Rules}}}}},
                {"invocations", json::array({Invocation})},
                {"results", Results}};
    if (!R.ProjectRoot.empty()) {
      std::string Root = R.ProjectRoot;
      if (Root.back() != '/')
        Root += '/';
      Run["originalUriBaseIds"] = {
          {"PROJECTROOT", {{"uri", "file://" + uriPath(Root)}}}};
    }
    return {{"$schema", "https://docs.oasis-open.org/sarif/sarif/v2.1.0/"
                        "errata01/os/schemas/sarif-schema-2.1.0.json"},
            {"version", "2.1.0"},
            {"runs", json::array({Run})}};
  }

private:
  const RunReport &R;
  const SarifOptions &Options;
};

} // namespace

json toSarif(const RunReport &R, const SarifOptions &Options) {
  return SarifWriter(R, Options).log();
}

} // namespace concur
