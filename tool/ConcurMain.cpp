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

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>

using namespace llvm;
using namespace concur;

namespace {

enum ExitCode { ExitClean = 0, ExitFindings = 1, ExitInputError = 2 };

cl::OptionCategory ConcurCategory("concur options");

cl::SubCommand CheckCmd("check",
                        "Analyse files of a compile database and report "
                        "findings in clang's format");

cl::opt<bool> ListChecks("list-checks",
                         cl::desc("List the checks and whether they are on "
                                  "by default"),
                         cl::cat(ConcurCategory));

cl::opt<std::string> BuildPath(
    "p", cl::desc("Build directory holding compile_commands.json (or the "
                  "file itself); searched upward from the files if absent"),
    cl::value_desc("build-dir"), cl::sub(CheckCmd), cl::cat(ConcurCategory));

cl::list<std::string> SourceFiles(
    cl::Positional,
    cl::desc("[files...] (default: every file of the database)"),
    cl::sub(CheckCmd), cl::cat(ConcurCategory));

cl::opt<std::string>
    ChecksFilter("checks",
                 cl::desc("Checks to run, clang-tidy style: "
                          "'-*,concur-blocking-*' (default: the default set)"),
                 cl::sub(CheckCmd), cl::cat(ConcurCategory));

enum class OutputFormat { Text, Json };
cl::opt<OutputFormat> Format(
    "format", cl::desc("Report format"),
    cl::values(clEnumValN(OutputFormat::Text, "text", "clang-style diagnostics"),
               clEnumValN(OutputFormat::Json, "json",
                          "versioned JSON report (docs/report-schema.md)")),
    cl::init(OutputFormat::Text), cl::sub(CheckCmd), cl::cat(ConcurCategory));

cl::opt<std::string>
    OutputFile("o",
               cl::desc("Write the report here instead of standard output "
                        "(written atomically)"),
               cl::value_desc("file"), cl::sub(CheckCmd),
               cl::cat(ConcurCategory));

cl::opt<std::string>
    FailOn("fail-on",
           cl::desc("Exit with 1 when a finding is at or above this level: "
                    "never, remark, warning, error (default: never)"),
           cl::init("never"), cl::sub(CheckCmd), cl::cat(ConcurCategory));

cl::opt<unsigned> Jobs("j",
                       cl::desc("Files parsed in parallel (default: one per "
                                "core)"),
                       cl::init(0), cl::sub(CheckCmd), cl::cat(ConcurCategory));

cl::opt<std::string>
    ConfigFile("config",
               cl::desc("Config file for every file, instead of the "
                        ".concur.json found upward from each"),
               cl::value_desc("file"), cl::sub(CheckCmd),
               cl::cat(ConcurCategory));

cl::opt<std::string> DumpFacts(
    "dump-facts",
    cl::desc("Also write the merged per-function facts as JSON (debugging)"),
    cl::value_desc("file"), cl::sub(CheckCmd), cl::cat(ConcurCategory),
    cl::Hidden);

cl::opt<bool> Quiet("quiet",
                    cl::desc("Do not print the summary line or parse errors "
                             "on standard error"),
                    cl::sub(CheckCmd), cl::cat(ConcurCategory));

int inputError(const std::string &Message) {
  WithColor::error(errs(), "concur") << Message << "\n";
  return ExitInputError;
}

void printVersion(raw_ostream &OS) {
  OS << "concur " << CONCUR_VERSION << " (LLVM " << LLVM_VERSION_STRING
     << ")\n";
}

int runCheck(const std::vector<std::string> &FixedArgs, bool HasFixedArgs) {
  std::optional<Severity> Threshold;
  if (FailOn != "never") {
    Threshold = parseSeverity(FailOn);
    if (!Threshold)
      return inputError("unknown --fail-on level '" + FailOn +
                        "'; use never, remark, warning or error");
  }
  if (!OutputFile.empty() && llvm::sys::fs::is_directory(OutputFile))
    return inputError("output '" + OutputFile +
                      "' is a directory; give -o a file name");

  AnalysisRequest Request;
  Request.BuildPath = BuildPath;
  Request.Files = SourceFiles;
  Request.HasFixedArgs = HasFixedArgs;
  Request.FixedArgs = FixedArgs;
  Request.ConfigPath = ConfigFile;
  Request.CheckFilter = ChecksFilter;
  Request.Jobs = Jobs;
  Request.Quiet = Quiet;

  AnalysisResult Result;
  std::string Error;
  if (!runAnalysis(Request, Result, Error))
    return inputError(Error);
  Result.Report.FailOn = FailOn;
  if (!DumpFacts.empty()) {
    nlohmann::json Functions = nlohmann::json::array();
    for (const auto &[Id, F] : Result.Whole.functions())
      Functions.push_back(F);
    if (!writeFileAtomically(DumpFacts, Functions.dump(1) + "\n", Error))
      return inputError(Error);
  }

  if (OutputFile.empty()) {
    if (Format == OutputFormat::Json)
      outs() << toJson(Result.Report).dump(2) << "\n";
    else
      printText(Result.Report, outs());
    outs().flush();
  } else {
    std::string Text;
    raw_string_ostream OS(Text);
    OS.enable_colors(false);
    if (Format == OutputFormat::Json)
      OS << toJson(Result.Report).dump(2) << "\n";
    else
      printText(Result.Report, OS);
    if (!writeFileAtomically(OutputFile, OS.str(), Error))
      return inputError(Error);
  }
  if (!Quiet)
    printSummary(Result.Report, errs());

  for (const FileStatus &F : Result.Report.Files)
    if (!F.Parsed)
      return ExitInputError;
  if (Threshold)
    for (const Finding &F : Result.Report.Findings)
      if (F.Level >= *Threshold)
        return ExitFindings;
  return ExitClean;
}

} // namespace

int main(int argc, char **argv) {
  InitLLVM Init(argc, argv);
  CrashRecoveryContext::Enable();
  // Colours on a terminal, plain text when piped or redirected.
  outs().enable_colors(outs().has_colors());
  errs().enable_colors(errs().has_colors());

  // Everything after "--" is a compile command for the files, as with
  // clang-tidy; llvm::cl must not see it.
  std::vector<const char *> Args(argv, argv + argc);
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
  if (!cl::ParseCommandLineOptions(
          static_cast<int>(Args.size()), Args.data(),
          "concur: a Clang-based concurrency advisor for C++\n\n"
          "  concur check -p build [files...]   report findings\n"
          "  concur --list-checks               the checks concur has\n",
          &ErrStream)) {
    std::string First = ErrStream.str();
    First = First.substr(0, First.find('\n'));
    First = First.substr(0, First.find(".  Try:"));
    llvm::StringRef Trimmed(First);
    Trimmed.consume_front("concur: ");
    Trimmed.consume_front(llvm::sys::path::filename(argv[0]).str() + ": ");
    return inputError(Trimmed.trim().str() + " (see 'concur --help')");
  }

  if (ListChecks) {
    for (const CheckInfo &C : allChecks())
      outs() << C.Name << (C.EnabledByDefault ? "" : " (off by default)")
             << "\n    " << C.Summary << "\n";
    return ExitClean;
  }
  if (CheckCmd)
    return runCheck(FixedArgs, HasFixedArgs);
  return inputError(
      "no command given; try 'concur check -p build' or 'concur --help'");
}
