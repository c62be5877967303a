//===- Report.cpp - clang-style text and the JSON report ------------------===//

#include "report/Report.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace concur {

using nlohmann::json;

void sortFindings(std::vector<Finding> &Findings) {
  std::stable_sort(
      Findings.begin(), Findings.end(), [](const Finding &A, const Finding &B) {
        return std::tie(A.Loc.File, A.Loc.Line, A.Loc.Column, A.Check,
                        A.Message) < std::tie(B.Loc.File, B.Loc.Line,
                                              B.Loc.Column, B.Check, B.Message);
      });
}

std::string displayPath(const std::string &Path) {
  llvm::SmallString<256> Cwd;
  if (llvm::sys::fs::current_path(Cwd))
    return Path;
  llvm::StringRef P(Path);
  if (P.consume_front(Cwd) && P.consume_front("/"))
    return P.str();
  return Path;
}

/// Messages quote other locations; show them as the locations are shown.
static std::string relativeMessage(const std::string &Message) {
  llvm::SmallString<256> Cwd;
  if (llvm::sys::fs::current_path(Cwd))
    return Message;
  std::string Prefix = std::string(Cwd) + "/";
  std::string Result = Message;
  for (size_t Pos = Result.find(Prefix); Pos != std::string::npos;
       Pos = Result.find(Prefix, Pos))
    Result.erase(Pos, Prefix.size());
  return Result;
}

static void printLocation(const SourceLoc &L, llvm::raw_ostream &OS) {
  if (!L.valid())
    return;
  OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, /*Bold=*/true);
  OS << displayPath(L.File) << ":" << L.Line << ":" << L.Column << ": ";
  OS.resetColor();
}

static void printLevel(const char *Level, llvm::raw_ostream::Colors Color,
                       llvm::raw_ostream &OS) {
  OS.changeColor(Color, /*Bold=*/true);
  OS << Level << ": ";
  OS.resetColor();
}

void printText(const RunReport &R, llvm::raw_ostream &OS) {
  for (const Finding &F : R.Findings) {
    printLocation(F.Loc, OS);
    switch (F.Level) {
    case Severity::Error:
      printLevel("error", llvm::raw_ostream::RED, OS);
      break;
    case Severity::Warning:
      printLevel("warning", llvm::raw_ostream::MAGENTA, OS);
      break;
    case Severity::Remark:
      printLevel("remark", llvm::raw_ostream::BLUE, OS);
      break;
    }
    OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, /*Bold=*/true);
    OS << relativeMessage(F.Message) << " [" << F.Check << "]";
    OS.resetColor();
    OS << "\n";
    for (const FindingNote &N : F.Notes) {
      printLocation(N.Loc, OS);
      printLevel("note", llvm::raw_ostream::CYAN, OS);
      OS << relativeMessage(N.Message) << "\n";
    }
  }
  OS.flush();
}

void printSummary(const RunReport &R, llvm::raw_ostream &OS) {
  unsigned Failed = 0;
  for (const FileStatus &F : R.Files)
    Failed += !F.Parsed;
  std::map<std::string, unsigned> PerCheck;
  for (const std::string &C : R.Checks)
    PerCheck[C] = 0;
  for (const Finding &F : R.Findings)
    ++PerCheck[F.Check];
  OS << "concur: " << R.Files.size() - Failed << " file"
     << (R.Files.size() - Failed == 1 ? "" : "s") << " analysed, " << Failed
     << " failed to parse; ";
  if (PerCheck.empty())
    OS << "no checks enabled";
  bool First = true;
  for (const auto &[Check, Count] : PerCheck) {
    OS << (First ? "" : ", ") << Count << " " << Check;
    First = false;
  }
  if (const auto &B = R.BaselineResult)
    OS << "; baseline: " << B->New << " new, " << B->Baselined << " baselined, "
       << B->Stale.size() << " stale";
  if (R.OutsideChanges)
    OS << "; " << *R.OutsideChanges << " outside the changed lines";
  OS << "\n";
  // No finding from a walk that stopped short says nothing: say so.
  if (auto It = R.Stats.find("race_analysis_truncated");
      It != R.Stats.end() && It->second)
    OS << "concur: note: the race analysis stopped at one of its budgets "
          "(threads, calls, accesses); threads started and accesses made "
          "past that point were not compared, so races may be missing\n";
  OS.flush();
}

static json locationJson(const SourceLoc &L) {
  if (!L.valid())
    return nullptr;
  return json{{"file", L.File}, {"line", L.Line}, {"column", L.Column}};
}

/// Fix-its as the report gives them: the file, where the replaced text
/// starts and ends (line, byte column), and what replaces it.
static json editsJson(const std::vector<SourceEdit> &Edits) {
  json Out = json::array();
  for (const SourceEdit &E : Edits)
    Out.push_back(
        {{"file", E.Begin.File},
         {"begin", {{"line", E.Begin.Line}, {"column", E.Begin.Column}}},
         {"end", {{"line", E.End.Line}, {"column", E.End.Column}}},
         {"text", E.Text}});
  return Out;
}

json toJson(const RunReport &R) {
  json Files = json::array();
  for (const FileStatus &F : R.Files) {
    json Entry = {{"file", F.File},
                  {"status", F.Parsed ? "analysed" : "parse-error"}};
    if (!F.Parsed)
      Entry["error"] = F.FirstError;
    Files.push_back(Entry);
  }
  json Findings = json::array();
  std::map<std::string, unsigned> PerCheck;
  for (const std::string &C : R.Checks)
    PerCheck[C] = 0;
  for (const Finding &F : R.Findings) {
    json Notes = json::array();
    for (const FindingNote &N : F.Notes) {
      json Note = {{"location", locationJson(N.Loc)}, {"message", N.Message}};
      if (!N.Fixes.empty())
        Note["fixes"] = editsJson(N.Fixes);
      Notes.push_back(std::move(Note));
    }
    json Entry = {{"check", F.Check},
                  {"severity", severityName(F.Level)},
                  {"message", F.Message},
                  {"location", locationJson(F.Loc)},
                  {"notes", Notes},
                  {"fixes", editsJson(F.Fixes)},
                  {"fingerprint", F.Fingerprint},
                  {"project_path", F.ProjectPath}};
    for (auto It = F.Details.begin(); It != F.Details.end(); ++It)
      Entry[It.key()] = It.value();
    Findings.push_back(Entry);
    ++PerCheck[F.Check];
  }
  unsigned Failed = 0;
  for (const FileStatus &F : R.Files)
    Failed += !F.Parsed;
  json Stats = json::object();
  for (const auto &[Key, Value] : R.Stats)
    Stats[Key] = Value;
  json Baseline = nullptr;
  if (const auto &B = R.BaselineResult) {
    json Stale = json::array();
    for (const BaselineEntry &E : B->Stale)
      Stale.push_back({{"fingerprint", E.Fingerprint},
                       {"check", E.Check},
                       {"path", E.Path},
                       {"line", E.Line},
                       {"message", E.Message}});
    Baseline = {{"file", B->File},
                {"new", B->New},
                {"baselined", B->Baselined},
                {"stale", B->Stale.size()},
                {"stale_entries", Stale}};
  }
  return json{{"schema_version", std::to_string(ReportSchemaMajor) + "." +
                                     std::to_string(ReportSchemaMinor)},
              {"tool", {{"name", "concur"}, {"version", R.ToolVersion}}},
              {"inputs",
               {{"compile_database", R.CompileDatabase},
                {"project_root", R.ProjectRoot},
                {"checks", R.Checks},
                {"fail_on", R.FailOn}}},
              {"files", Files},
              {"findings", Findings},
              {"functions", R.Functions},
              {"advice", R.Advice},
              {"summary",
               {{"files_analysed", R.Files.size() - Failed},
                {"files_failed", Failed},
                {"findings_by_check", PerCheck},
                {"baseline", Baseline},
                {"outside_changes",
                 R.OutsideChanges ? json(*R.OutsideChanges) : json(nullptr)},
                {"stats", Stats}}}};
}

} // namespace concur
