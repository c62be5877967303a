//===- ConcurMain.cpp - The concur command --------------------------------===//
//
//   concur check -p build [files...] [-- flags]   clang-style findings
//   concur --list-checks | --version | --help
//
// Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
// 2 usage or input errors (including files that failed to parse: a CI gate
// must not pass on an incomplete analysis).
//
//===----------------------------------------------------------------------===//

#include "tool/Analysis.h"

#include "facts/FactsJson.h"
#include "report/ChangedLines.h"
#include "report/Fixes.h"
#include "report/OutputFile.h"
#include "tool/GitDiff.h"
#include "tool/ProjectConfig.h"
#include "tool/ResponseFiles.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <csignal>
#include <cstring>
#include <map>
#include <sys/mman.h>
#include <tuple>
#include <unistd.h>

using namespace llvm;
using namespace concur;

namespace {

enum ExitCode { ExitClean = 0, ExitFindings = 1, ExitInputError = 2 };

cl::OptionCategory ConcurCategory("concur options");

cl::SubCommand CheckCmd("check",
                        "Analyse files of a compile database and report "
                        "findings in clang's format");

cl::SubCommand AdviseCmd("advise",
                         "Classify functions and advise an execution model "
                         "per task entry, as a table");

cl::opt<bool> ListChecks("list-checks",
                         cl::desc("List the checks and whether they are on "
                                  "by default"),
                         cl::cat(ConcurCategory));

cl::opt<std::string> BuildPath(
    "p",
    cl::desc("Build directory holding compile_commands.json (or the "
             "file itself); searched upward from the files if absent"),
    cl::value_desc("build-dir"), cl::sub(CheckCmd), cl::sub(AdviseCmd),
    cl::cat(ConcurCategory));

cl::list<std::string>
    SourceFiles(cl::Positional,
                cl::desc("[files...] (default: every file of the database)"),
                cl::sub(CheckCmd), cl::sub(AdviseCmd), cl::cat(ConcurCategory));

cl::opt<std::string>
    ChecksFilter("checks",
                 cl::desc("Checks to run, clang-tidy style: "
                          "'-*,concur-blocking-*' (default: the default set)"),
                 cl::sub(CheckCmd), cl::cat(ConcurCategory));

enum class OutputFormat { Text, Json, Sarif };
cl::opt<OutputFormat> Format(
    "format", cl::desc("Report format"),
    cl::values(clEnumValN(OutputFormat::Text, "text",
                          "clang-style diagnostics"),
               clEnumValN(OutputFormat::Json, "json",
                          "versioned JSON report (README: The JSON report)"),
               clEnumValN(OutputFormat::Sarif, "sarif",
                          "SARIF 2.1.0 for code-scanning services")),
    cl::init(OutputFormat::Text), cl::sub(CheckCmd), cl::sub(AdviseCmd),
    cl::cat(ConcurCategory));

cl::opt<std::string>
    OutputPath("o",
               cl::desc("Write the report here instead of standard output "
                        "(a file is replaced atomically; '-' is standard "
                        "output)"),
               cl::value_desc("file"), cl::sub(CheckCmd), cl::sub(AdviseCmd),
               cl::cat(ConcurCategory));

cl::opt<std::string>
    FailOn("fail-on",
           cl::desc("Exit with 1 when a finding is at or above this level: "
                    "never, remark, warning, error (default: never)"),
           cl::init("never"), cl::sub(CheckCmd), cl::cat(ConcurCategory));

// A string, so that every bad value gets the same one-line message; Prefix,
// so that -j8 works as it does for make and run-clang-tidy.
cl::opt<std::string> Jobs("j",
                          cl::desc("Files parsed in parallel, 1 to 1024 "
                                   "(default: one per core)"),
                          cl::value_desc("N"), cl::Prefix, cl::sub(CheckCmd),
                          cl::sub(AdviseCmd), cl::cat(ConcurCategory));

/// More threads than this only cost memory: each parse holds a whole
/// translation unit.
constexpr unsigned MaxJobs = 1024;

cl::opt<std::string> ConfigFile(
    "config",
    cl::desc("A .concur.json for every file, instead of the one found "
             "upward from each; or, clang-tidy style, .concur.yaml options "
             "for every file: --config='{Checks: \"-*,concur-blocking-*\"}'"),
    cl::value_desc("file|{yaml}"), cl::sub(CheckCmd), cl::sub(AdviseCmd),
    cl::cat(ConcurCategory));

cl::opt<bool> DumpConfig(
    "dump-config",
    cl::desc("Print the .concur.yaml options that apply to the first file "
             "given (else the current directory) and exit"),
    cl::sub(CheckCmd), cl::cat(ConcurCategory));

cl::opt<bool> VerifyConfig(
    "verify-config",
    cl::desc("Check the .concur.yaml options for the files given (else the "
             "current directory) and exit: 0 when they are right, 2 with "
             "one line per problem"),
    cl::sub(CheckCmd), cl::cat(ConcurCategory));

cl::opt<std::string> CacheDir(
    "cache-dir",
    cl::desc("Keep per-file facts here between runs; a file whose inputs "
             "did not change is not parsed again"),
    cl::value_desc("dir"), cl::sub(CheckCmd), cl::sub(AdviseCmd),
    cl::cat(ConcurCategory));

cl::opt<std::string> ProjectRoot(
    "project-root",
    cl::desc("Paths in the report and the baseline are relative to this "
             "directory (default: the git work tree holding the compile "
             "database, else its directory)"),
    cl::value_desc("dir"), cl::sub(CheckCmd), cl::cat(ConcurCategory));

cl::opt<std::string> SarifHelpBaseUrl(
    "sarif-help-base-url",
    cl::desc("SARIF rules link to URL/<check>.md (an absolute URL where "
             "docs/checks is published); without it they have no helpUri"),
    cl::value_desc("url"), cl::sub(CheckCmd), cl::sub(AdviseCmd),
    cl::cat(ConcurCategory));

cl::opt<std::string> LineFilter(
    "line-filter",
    cl::desc("Report only findings on these lines, clang-tidy's JSON: "
             "'[{\"name\":\"file.cpp\",\"lines\":[[1,3]]}]' (the analysis "
             "stays whole-program)"),
    cl::value_desc("json"), cl::sub(CheckCmd), cl::cat(ConcurCategory));

cl::opt<std::string> DiffRev(
    "diff",
    cl::desc("Report only findings whose place, call chain or racing "
             "accesses touch lines changed since REV (git diff -U0 REV), or "
             "in the unified diff on standard input with --diff=-"),
    cl::value_desc("rev|-"), cl::sub(CheckCmd), cl::cat(ConcurCategory));

cl::opt<std::string> BaselineFile(
    "baseline",
    cl::desc("Findings recorded in FILE (by --write-baseline) are not "
             "reported and do not count for --fail-on"),
    cl::value_desc("file"), cl::sub(CheckCmd), cl::cat(ConcurCategory));

cl::opt<std::string> WriteBaseline(
    "write-baseline",
    cl::desc("Record every finding of this run in FILE, for --baseline"),
    cl::value_desc("file"), cl::sub(CheckCmd), cl::cat(ConcurCategory));

cl::opt<std::string> ExportFixes(
    "export-fixes",
    cl::desc("Write the findings and their fixes to FILE in the YAML form "
             "clang-apply-replacements reads (as clang-tidy's "
             "--export-fixes); fixes of notes only with --fix-notes"),
    cl::value_desc("file"), cl::sub(CheckCmd), cl::cat(ConcurCategory));

cl::opt<bool> Fix("fix",
                  cl::desc("Apply the fixes that change nothing beyond the "
                           "finding (a missing co_await before an executor "
                           "switch) to the source files"),
                  cl::sub(CheckCmd), cl::cat(ConcurCategory));

cl::opt<bool> FixNotes(
    "fix-notes",
    cl::desc("Also apply, for a finding with no fix of its own, the fix of "
             "its first note that has one: fixes that need judgement (a "
             "sleep as an awaited timer, a guard's scope ended early). "
             "Implies --fix"),
    cl::sub(CheckCmd), cl::cat(ConcurCategory));

cl::opt<std::string> DumpFacts(
    "dump-facts",
    cl::desc("Also write the merged per-function facts as JSON (debugging)"),
    cl::value_desc("file"), cl::sub(CheckCmd), cl::cat(ConcurCategory),
    cl::Hidden);

cl::opt<bool> Quiet("quiet",
                    cl::desc("Do not print the summary line or progress on "
                             "standard error; errors still get one line each"),
                    cl::sub(CheckCmd), cl::sub(AdviseCmd),
                    cl::cat(ConcurCategory));

enum class SortKey { Location, Cpu, Io, Name, Model, Class };
cl::opt<SortKey> Sort(
    "sort", cl::desc("Table order"),
    cl::values(clEnumValN(SortKey::Location, "location", "by file and line"),
               clEnumValN(SortKey::Cpu, "cpu", "by CPU score, highest first"),
               clEnumValN(SortKey::Io, "io", "by I/O score, highest first"),
               clEnumValN(SortKey::Name, "name", "by name"),
               clEnumValN(SortKey::Model, "model", "by advised model"),
               clEnumValN(SortKey::Class, "class", "by class")),
    cl::init(SortKey::Location), cl::sub(AdviseCmd), cl::cat(ConcurCategory));

cl::opt<bool> AllFunctions("all",
                           cl::desc("List every function, not only task "
                                    "entries"),
                           cl::sub(AdviseCmd), cl::cat(ConcurCategory));

/// Source text is not always UTF-8 (a Latin-1 #error, a path); replace what
/// JSON cannot carry instead of failing.
std::string dumpJson(const nlohmann::json &J) {
  return J.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

int inputError(const std::string &Message) {
  WithColor::error(errs(), "concur") << Message << "\n";
  return ExitInputError;
}

/// llvm::cl reports some mistakes on the stream it is given and others
/// straight on stderr ("for the -j option: requires a value!"); while the
/// command line is parsed, stderr goes to memory so that the user gets one
/// line either way.
class StderrCapture {
public:
  StderrCapture() {
    errs().flush();
    Capture = ::memfd_create("concur-cl-errors", MFD_CLOEXEC);
    if (Capture >= 0)
      Saved = ::dup(STDERR_FILENO);
    if (Saved >= 0)
      ::dup2(Capture, STDERR_FILENO);
  }

  /// Puts stderr back; returns what was written to it meanwhile.
  std::string release() {
    std::string Text;
    if (Saved < 0)
      return Text;
    errs().flush();
    ::dup2(Saved, STDERR_FILENO);
    ::close(Saved);
    Saved = -1;
    char Buffer[4096];
    ssize_t N;
    while ((N = ::pread(Capture, Buffer, sizeof(Buffer), Text.size())) > 0)
      Text.append(Buffer, N);
    ::close(Capture);
    return Text;
  }

  ~StderrCapture() { release(); }

private:
  int Capture = -1, Saved = -1;
};

/// The reader of our output went away (`concur check ... | head -1`): stop
/// quietly, as clang-tidy and every filter in a pipeline do, and die of
/// SIGPIPE so that the shell sees 141 (128 + 13). Pending temporary files go
/// first. Reached from LLVM's SIGPIPE handler, and from a write that failed
/// with EPIPE when SIGPIPE is ignored.
[[noreturn]] void stopForBrokenPipe() {
  llvm::sys::RunInterruptHandlers();
  ::signal(SIGPIPE, SIG_DFL);
  ::raise(SIGPIPE);
  ::_exit(128 + SIGPIPE);
}

/// Where the report (and --dump-facts) go; opened before the analysis so
/// that a bad -o fails in a second, not after an hour.
std::unique_ptr<OutputFile> Output, FactsOutput, BaselineOutput, FixesOutput;

int writeOutput(OutputFile &Out, llvm::StringRef Content) {
  std::string Error;
  if (Out.write(Content, Error))
    return ExitClean;
  if (Out.readerWentAway())
    stopForBrokenPipe();
  return inputError(Error);
}

void printVersion(raw_ostream &OS) {
  OS << "concur " << CONCUR_VERSION << " (LLVM " << LLVM_VERSION_STRING
     << ")\n";
}

/// scheme://rest (RFC 3986: a letter, then letters, digits, '+', '-', '.'):
/// what SARIF requires of helpUri.
bool isAbsoluteUrl(llvm::StringRef Url) {
  auto [Scheme, Rest] = Url.split("://");
  return !Scheme.empty() && !Rest.empty() && llvm::isAlpha(Scheme.front()) &&
         llvm::all_of(Scheme,
                      [](char C) {
                        return llvm::isAlnum(C) || C == '+' || C == '-' ||
                               C == '.';
                      }) &&
         llvm::none_of(Url, [](char C) { return llvm::isSpace(C); });
}

/// The analysis the command line asks for. False with the exit code set
/// when it could not run.
bool analyse(const std::vector<std::string> &FixedArgs, bool HasFixedArgs,
             const std::string &CheckFilter, AnalysisResult &Result,
             int &Exit) {
  unsigned JobCount = 0; // One per core.
  if (Jobs.getNumOccurrences()) {
    llvm::StringRef Value(Jobs);
    if (Value.getAsInteger(10, JobCount) || JobCount < 1 ||
        JobCount > MaxJobs) {
      Exit = inputError("-j '" + Jobs + "' is not a whole number from 1 to " +
                        std::to_string(MaxJobs) + "; pass for example -j 4");
      return false;
    }
  }
  if (!SarifHelpBaseUrl.empty() && !isAbsoluteUrl(SarifHelpBaseUrl)) {
    Exit = inputError("--sarif-help-base-url '" + SarifHelpBaseUrl +
                      "' is not an absolute URL; pass one such as "
                      "https://example.com/concur/docs/checks");
    return false;
  }
  if (!ProjectRoot.empty() && !llvm::sys::fs::is_directory(ProjectRoot)) {
    Exit = inputError("--project-root '" + ProjectRoot +
                      "' is not a directory; pass the top of the source tree");
    return false;
  }
  std::string Error;
  Output = OutputFile::open(OutputPath.empty() ? std::string("-") : OutputPath,
                            "-o", Error);
  bool Opened = Output != nullptr;
  if (Opened && !DumpFacts.empty())
    Opened = (FactsOutput = OutputFile::open(DumpFacts, "--dump-facts",
                                             Error)) != nullptr;
  if (Opened && !WriteBaseline.empty())
    Opened = (BaselineOutput = OutputFile::open(
                  WriteBaseline, "--write-baseline", Error)) != nullptr;
  if (Opened && !ExportFixes.empty())
    Opened = (FixesOutput = OutputFile::open(ExportFixes, "--export-fixes",
                                             Error)) != nullptr;
  if (!Opened) {
    Exit = inputError(Error);
    return false;
  }
  AnalysisRequest Request;
  Request.BuildPath = BuildPath;
  Request.Files = SourceFiles;
  Request.HasFixedArgs = HasFixedArgs;
  Request.FixedArgs = FixedArgs;
  if (isInlineConfig(ConfigFile))
    Request.InlineConfig = ConfigFile;
  else
    Request.ConfigPath = ConfigFile;
  Request.CheckFilter = CheckFilter;
  Request.Jobs = JobCount;
  Request.Quiet = Quiet;
  Request.CacheDir = CacheDir;
  Request.ProjectRoot = ProjectRoot;
  if (!runAnalysis(Request, Result, Error)) {
    Exit = inputError(Error);
    return false;
  }
  return true;
}

/// Writes the report in the chosen format to -o or standard output;
/// RenderText draws the text form. ExitCode is what the run will exit
/// with, which SARIF records.
int emit(const RunReport &R, int ExitCode,
         llvm::function_ref<void(raw_ostream &)> RenderText) {
  std::string Text;
  raw_string_ostream OS(Text);
  OS.enable_colors((OutputPath.empty() || OutputPath == "-") &&
                   outs().has_colors());
  if (Format == OutputFormat::Json)
    OS << dumpJson(toJson(R)) << "\n";
  else if (Format == OutputFormat::Sarif)
    OS << dumpJson(toSarif(R, {SarifHelpBaseUrl, ExitCode})) << "\n";
  else
    RenderText(OS);
  return writeOutput(*Output, OS.str());
}

/// A CI gate must not pass on an incomplete analysis.
bool allParsed(const RunReport &R) {
  return std::all_of(R.Files.begin(), R.Files.end(),
                     [](const FileStatus &F) { return F.Parsed; });
}

/// The files whose .concur.yaml options --dump-config and --verify-config
/// look at: those given, else a file in the current directory.
std::vector<std::string> configSubjects() {
  if (!SourceFiles.empty())
    return SourceFiles;
  SmallString<256> Here;
  llvm::sys::fs::current_path(Here);
  llvm::sys::path::append(Here, "-");
  return {std::string(Here)};
}

int dumpConfig() {
  ProjectConfigs Configs(isInlineConfig(ConfigFile) ? ConfigFile.getValue()
                                                    : std::string());
  ProjectOptions O;
  std::string Error;
  if (!Configs.forFile(configSubjects().front(), O, Error))
    return inputError(Error);
  outs() << dumpProjectOptions(O);
  return ExitClean;
}

int verifyConfig() {
  ProjectConfigs Configs(isInlineConfig(ConfigFile) ? ConfigFile.getValue()
                                                    : std::string());
  std::vector<std::string> Problems;
  for (const std::string &F : configSubjects()) {
    ProjectOptions O;
    std::string Error;
    if (!Configs.forFile(F, O, Error)) {
      Problems.push_back(Error);
      continue;
    }
    for (std::string &P : verifyProjectOptions(O))
      Problems.push_back(std::move(P));
  }
  std::sort(Problems.begin(), Problems.end());
  Problems.erase(std::unique(Problems.begin(), Problems.end()), Problems.end());
  for (const std::string &P : Problems)
    WithColor::error(errs(), "concur") << P << "\n";
  if (!Problems.empty())
    return ExitInputError;
  outs() << "concur: no config errors found\n";
  return ExitClean;
}

int runCheck(const std::vector<std::string> &FixedArgs, bool HasFixedArgs) {
  if (DumpConfig)
    return dumpConfig();
  if (VerifyConfig)
    return verifyConfig();
  std::optional<Severity> Threshold;
  if (FailOn != "never") {
    Threshold = parseSeverity(FailOn);
    if (!Threshold)
      return inputError("unknown --fail-on level '" + FailOn +
                        "'; use never, remark, warning or error");
  }
  // The changed lines, before the analysis: a bad filter or revision
  // fails in a second.
  std::optional<ChangedLines> Changes;
  if (!LineFilter.empty() && !DiffRev.empty())
    return inputError("--line-filter and --diff both say which lines to "
                      "report; pass one of them");
  if (!LineFilter.empty()) {
    std::string Error;
    if (!ChangedLines::fromLineFilter(LineFilter, Changes.emplace(), Error))
      return inputError(Error);
  } else if (DiffRev == "-") {
    auto Input = MemoryBuffer::getSTDIN();
    std::string Error;
    SmallString<256> Here;
    llvm::sys::fs::current_path(Here);
    if (!Input)
      return inputError("--diff=-: cannot read standard input: " +
                        Input.getError().message());
    if (!ChangedLines::fromUnifiedDiff((*Input)->getBuffer(), std::string(Here),
                                       Changes.emplace(), Error))
      return inputError("--diff=-: " + Error);
  } else if (!DiffRev.empty()) {
    // Where the project is: --project-root, else the build directory.
    std::string Dir = !ProjectRoot.empty() ? ProjectRoot
                      : !BuildPath.empty() ? BuildPath
                                           : std::string(".");
    if (!llvm::sys::fs::is_directory(Dir))
      Dir = llvm::sys::path::parent_path(Dir).str();
    std::string Diff, Top, Error;
    if (!gitDiff(DiffRev, Dir.empty() ? std::string(".") : Dir, Diff, Top,
                 Error))
      return inputError(Error);
    if (!ChangedLines::fromUnifiedDiff(Diff, Top, Changes.emplace(), Error))
      return inputError("--diff=" + DiffRev + ": " + Error);
  }
  // Read before the analysis: a bad baseline fails in a second.
  std::optional<Baseline> Accepted;
  if (!BaselineFile.empty()) {
    std::string Error;
    if (!readBaseline(BaselineFile, Accepted.emplace(), Error))
      return inputError(Error);
  }
  AnalysisResult Result;
  int Exit = ExitClean;
  if (!analyse(FixedArgs, HasFixedArgs, ChecksFilter, Result, Exit))
    return Exit;
  Result.Report.FailOn = FailOn;
  // Every finding of the run, baselined or not: the new baseline is
  // today's state. Not from an incomplete analysis, whose baseline would
  // let everything in the files that failed through as new later.
  if (BaselineOutput) {
    if (!allParsed(Result.Report))
      return inputError("baseline '" + WriteBaseline +
                        "' not written: some files failed to parse; fix "
                        "them (or their compile flags) first");
    if ((Exit = writeOutput(*BaselineOutput,
                            baselineText(Result.Report.Findings,
                                         Result.Report.ToolVersion))) !=
        ExitClean)
      return Exit;
  }
  if (Accepted)
    Result.Report.BaselineResult =
        applyBaseline(*Accepted, BaselineFile, Result.Report.Findings);
  // After the baseline, so that entries outside the change are not stale.
  if (Changes)
    Result.Report.OutsideChanges = Changes->restrict(Result.Report.Findings);
  if (FactsOutput) {
    nlohmann::json Functions = nlohmann::json::array();
    for (const auto &[Id, F] : Result.Whole.functions())
      Functions.push_back(F);
    if ((Exit = writeOutput(*FactsOutput, dumpJson(Functions) + "\n")) !=
        ExitClean)
      return Exit;
  }
  // With a baseline, only new findings are left to count.
  int Final = ExitClean;
  if (!allParsed(Result.Report))
    Final = ExitInputError;
  else if (Threshold)
    for (const Finding &F : Result.Report.Findings)
      if (F.Level >= *Threshold)
        Final = ExitFindings;
  // Fixes of what is reported: not of baselined findings, nor of those
  // outside the changed lines.
  if (FixesOutput) {
    std::string Yaml, Error;
    SmallString<256> Here;
    llvm::sys::fs::current_path(Here);
    if (!exportFixesYaml(Result.Report.Findings, FixNotes, std::string(Here),
                         Yaml, Error))
      return inputError(Error);
    if ((Exit = writeOutput(*FixesOutput, Yaml)) != ExitClean)
      return Exit;
  }
  if ((Exit = emit(Result.Report, Final, [&](raw_ostream &OS) {
         printText(Result.Report, OS);
       })) != ExitClean)
    return Exit;
  if (!Quiet)
    printSummary(Result.Report, errs());
  if (Fix || FixNotes) {
    FixOutcome Fixed;
    std::string Error;
    if (!applyFixes(Result.Report.Findings, FixNotes, Fixed, Error))
      return inputError(Error);
    if (!Quiet) {
      errs() << "concur: applied the fixes of " << Fixed.Applied << " finding"
             << (Fixed.Applied == 1 ? "" : "s") << " to " << Fixed.Files.size()
             << " file" << (Fixed.Files.size() == 1 ? "" : "s");
      if (Fixed.Skipped)
        errs() << "; " << Fixed.Skipped
               << " skipped (they overlap another fix, or the file changed "
                  "since the analysis): run again";
      errs() << "\n";
    }
  }
  return Final;
}

struct AdviceRow {
  std::string Name, Location, Kind, Class, Model, Reason;
  std::string File;
  unsigned Line = 0;
  double Cpu = 0, Io = 0;
};

std::vector<AdviceRow> adviceRows(const RunReport &R) {
  std::map<std::string, const nlohmann::json *> AdviceById;
  for (const nlohmann::json &A : R.Advice)
    AdviceById[A["entry_id"].get<std::string>()] = &A;
  std::vector<AdviceRow> Rows;
  for (const nlohmann::json &F : R.Functions) {
    std::string Id = F["id"].get<std::string>();
    auto It = AdviceById.find(Id);
    if (It == AdviceById.end() && !AllFunctions)
      continue;
    AdviceRow Row;
    Row.Name = F["name"].get<std::string>();
    Row.File = F["location"]["file"].get<std::string>();
    Row.Line = F["location"]["line"].get<unsigned>();
    Row.Location = displayPath(Row.File) + ":" + std::to_string(Row.Line);
    Row.Class = F["class"].get<std::string>();
    Row.Cpu = F["scores"]["cpu"].get<double>();
    Row.Io = F["scores"]["io"].get<double>();
    if (It != AdviceById.end()) {
      Row.Kind = (*It->second)["kind"].get<std::string>();
      Row.Model = (*It->second)["model"].get<std::string>();
      Row.Reason = (*It->second)["reason"].get<std::string>();
    } else {
      Row.Kind = "-";
      Row.Model = "-";
      Row.Reason =
          F["evidence"].empty() ? "" : F["evidence"][0].get<std::string>();
    }
    Rows.push_back(std::move(Row));
  }
  std::stable_sort(Rows.begin(), Rows.end(),
                   [](const AdviceRow &A, const AdviceRow &B) {
                     switch (Sort) {
                     case SortKey::Cpu:
                       return A.Cpu > B.Cpu;
                     case SortKey::Io:
                       return A.Io > B.Io;
                     case SortKey::Name:
                       return A.Name < B.Name;
                     case SortKey::Model:
                       return A.Model < B.Model;
                     case SortKey::Class:
                       return A.Class < B.Class;
                     case SortKey::Location:
                       break;
                     }
                     return std::tie(A.File, A.Line) < std::tie(B.File, B.Line);
                   });
  return Rows;
}

void printAdviceTable(const std::vector<AdviceRow> &Rows, raw_ostream &OS) {
  const char *Headers[] = {"FUNCTION", "LOCATION", "KIND",  "CLASS",
                           "CPU",      "IO",       "MODEL", "REASON"};
  auto Cells = [](const AdviceRow &R) {
    char Cpu[16], Io[16];
    std::snprintf(Cpu, sizeof(Cpu), "%.2f", R.Cpu);
    std::snprintf(Io, sizeof(Io), "%.2f", R.Io);
    // Long template names would push the reason off any screen; the JSON
    // has them whole.
    std::string Name =
        R.Name.size() > 60 ? R.Name.substr(0, 57) + "..." : R.Name;
    return std::vector<std::string>{Name, R.Location, R.Kind,  R.Class,
                                    Cpu,  Io,         R.Model, R.Reason};
  };
  std::vector<size_t> Width(8, 0);
  for (size_t I = 0; I < 8; ++I)
    Width[I] = std::strlen(Headers[I]);
  for (const AdviceRow &R : Rows) {
    auto C = Cells(R);
    for (size_t I = 0; I < 7; ++I)
      Width[I] = std::max(Width[I], C[I].size());
  }
  auto Pad = [&](const std::string &S, size_t I) {
    OS << S;
    if (I < 7)
      OS.indent(Width[I] - S.size() + 2);
  };
  OS.changeColor(raw_ostream::SAVEDCOLOR, /*Bold=*/true);
  for (size_t I = 0; I < 8; ++I)
    Pad(Headers[I], I);
  OS.resetColor();
  OS << "\n";
  for (const AdviceRow &R : Rows) {
    auto C = Cells(R);
    for (size_t I = 0; I < 8; ++I) {
      if (I == 3) {
        raw_ostream::Colors Color = R.Class == "cpu-bound"  ? raw_ostream::RED
                                    : R.Class == "io-bound" ? raw_ostream::BLUE
                                    : R.Class == "mixed"
                                        ? raw_ostream::YELLOW
                                        : raw_ostream::SAVEDCOLOR;
        OS.changeColor(Color);
      } else if (I == 6) {
        OS.changeColor(raw_ostream::SAVEDCOLOR, /*Bold=*/true);
      }
      Pad(C[I], I);
      if (I == 3 || I == 6)
        OS.resetColor();
    }
    OS << "\n";
  }
  OS.flush();
}

int runAdvise(const std::vector<std::string> &FixedArgs, bool HasFixedArgs) {
  AnalysisResult Result;
  int Exit = ExitClean;
  if (!analyse(FixedArgs, HasFixedArgs, "-*,concur-execution-model", Result,
               Exit))
    return Exit;
  int Final = allParsed(Result.Report) ? ExitClean : ExitInputError;
  if ((Exit = emit(Result.Report, Final, [&](raw_ostream &OS) {
         printAdviceTable(adviceRows(Result.Report), OS);
       })) != ExitClean)
    return Exit;
  return Final;
}

/// `concur profile ...` is the runtime profiler, a separate binary that
/// does not link LLVM; it lives next to this one. It replaces this process
/// rather than running under it: a signal to this pid (Ctrl-C, kill, a
/// closed terminal) then reaches the profiler itself, which stops its
/// children and exits 130, 143 or 129, instead of killing a parent and
/// leaving the profiler and its workers running.
int runProfile(int argc, char **argv) {
  std::string Self = llvm::sys::fs::getMainExecutable(
      argv[0], reinterpret_cast<void *>(&runProfile));
  SmallString<256> Profiler(llvm::sys::path::parent_path(Self));
  llvm::sys::path::append(Profiler, "concur-profile");
  if (!llvm::sys::fs::can_execute(Profiler))
    return inputError("the profiler '" + std::string(Profiler) +
                      "' is not installed; build the runtime "
                      "(cmake -DCONCUR_BUILD_RUNTIME=ON)");
  std::vector<char *> Args = {Profiler.data()};
  for (int I = 2; I < argc; ++I)
    Args.push_back(argv[I]);
  Args.push_back(nullptr);
  ::execv(Profiler.c_str(), Args.data());
  return inputError("cannot run '" + std::string(Profiler) +
                    "': " + std::strerror(errno));
}

} // namespace

int main(int argc, char **argv) {
  // Before LLVM installs its signal handlers: none of them is wanted in the
  // profiler this process becomes.
  if (argc > 1 && std::strcmp(argv[1], "profile") == 0)
    return runProfile(argc, argv);
  InitLLVM Init(argc, argv);
  llvm::sys::SetOneShotPipeSignalFunction(stopForBrokenPipe);
  CrashRecoveryContext::Enable();
  // Colours on a terminal, plain text when piped or redirected.
  outs().enable_colors(outs().has_colors());
  errs().enable_colors(errs().has_colors());

  // Response files first, so that one can hold "--" too; llvm::cl would
  // read any file to its end.
  llvm::SmallVector<const char *, 32> Expanded(argv, argv + argc);
  llvm::BumpPtrAllocator ArgStorage;
  std::string ArgError;
  if (!expandResponseFiles(Expanded, ArgStorage, ArgError))
    return inputError(ArgError);

  // Everything after "--" is a compile command for the files, as with
  // clang-tidy; llvm::cl must not see it.
  std::vector<const char *> Args(Expanded.begin(), Expanded.end());
  std::vector<std::string> FixedArgs;
  bool HasFixedArgs = false;
  for (size_t I = 1; I < Args.size(); ++I)
    if (std::strcmp(Args[I], "--") == 0) {
      HasFixedArgs = true;
      FixedArgs.assign(Args.begin() + I + 1, Args.end());
      Args.resize(I);
      break;
    }

  cl::HideUnrelatedOptions(ConcurCategory);
  cl::HideUnrelatedOptions(ConcurCategory, CheckCmd);
  cl::SetVersionPrinter(printVersion);
  std::string ParseErrors;
  raw_string_ostream ErrStream(ParseErrors);
  StderrCapture Capture;
  bool Parsed = cl::ParseCommandLineOptions(
      static_cast<int>(Args.size()), Args.data(),
      "concur: a Clang-based concurrency advisor for C++\n\n"
      "  concur check -p build [files...]   report findings\n"
      "  concur advise -p build             where time goes, which model "
      "fits\n"
      "  concur profile ...                 measure it (concur profile "
      "--help)\n"
      "  concur --list-checks               the checks concur has\n",
      &ErrStream);
  std::string Captured = Capture.release();
  if (!Parsed) {
    // The first line that says something, from either stream.
    std::string Messages = Captured + ErrStream.str();
    llvm::StringRef Rest(Messages), First;
    while (First.empty() && !Rest.empty()) {
      std::tie(First, Rest) = Rest.split('\n');
      First = First.trim();
    }
    First = First.substr(0, First.find(".  Try:"));
    First.consume_front("concur: ");
    First.consume_front(llvm::sys::path::filename(argv[0]).str() + ": ");
    First.consume_back("!");
    return inputError(First.trim().str() + " (see 'concur --help')");
  }

  if (ListChecks) {
    for (const CheckInfo &C : allChecks())
      outs() << C.Name << (C.EnabledByDefault ? "" : " (off by default)")
             << "\n    " << C.Summary << "\n";
    return ExitClean;
  }
  try {
    if (CheckCmd)
      return runCheck(FixedArgs, HasFixedArgs);
    if (AdviseCmd)
      return runAdvise(FixedArgs, HasFixedArgs);
  } catch (const std::exception &E) {
    return inputError(std::string("internal error: ") + E.what() +
                      "; please report it with the command line");
  }
  return inputError(
      "no command given; try 'concur check -p build' or 'concur --help'");
}
