//===- ProfileMain.cpp - concur-profile: settle static advice by measuring ===//
//
// Reads the static report, runs the profiling binary on the chosen cores and
// says, per advice entry, whether the measured best execution model is the
// advised one. Everything that can be wrong with the arguments is checked
// before the first workload runs, and outputs are written whole or not at
// all, so a bad invocation costs nothing and leaves nothing behind.
//
//===----------------------------------------------------------------------===//

#include "profile/Measurements.h"
#include "profile/Svg.h"
#include "profile/Verdict.h"
#include "support/Args.h"
#include "support/Cores.h"
#include "support/Errors.h"
#include "support/Files.h"
#include "support/MeasurementTable.h"
#include "support/Process.h"

#include <nlohmann/json.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <optional>

using nlohmann::json;

namespace concur::runtime {
namespace {

constexpr const char *VerdictSchemaVersion = "1.0";

struct Options {
  std::string ReportPath;
  std::string BinaryPath;
  std::string MeasurementsPath;
  std::string CoresSpec;
  bool CoresGiven = false;
  std::string Tasks, Repetitions, Timeout;
  std::vector<std::string> Workloads;
  std::vector<std::string> Executors;
  bool Scaling = true;
  bool Json = false;
  std::string OutputPath;
  std::string SvgPath;
  std::string PidFile;
};

void printHelp() {
  std::printf(
      "usage: concur-profile [options] REPORT.json PROFILING-BINARY\n"
      "       concur-profile [options] REPORT.json --measurements FILE\n"
      "\n"
      "Runs PROFILING-BINARY (your workloads linked with "
      "concur::workload_main)\n"
      "under every execution model on the given cores and checks the advice "
      "in\n"
      "REPORT.json (from 'concur advise --format=json') against what it "
      "measured:\n"
      "confirmed, refuted, or inconclusive when the difference is inside the\n"
      "noise of the repetitions.\n"
      "\n"
      "options:\n"
      "  --cores LIST          CPUs to run on, e.g. 0-3 (default: all "
      "allowed)\n"
      "  --tasks N             tasks per run (default 8)\n"
      "  --repetitions N       runs per measurement (default 3)\n"
      "  --timeout SECONDS     per workload and executor (default 120)\n"
      "  --workload NAME       only this workload (repeatable)\n"
      "  --executor NAME       only this executor (repeatable)\n"
      "  --no-scaling          skip the 1..N core scaling runs\n"
      "  --format text|json    what to print on stdout (default text)\n"
      "  -o FILE               write the verdicts and measurements as JSON\n"
      "  --svg FILE            write throughput and scaling charts as SVG\n"
      "  --measurements FILE   judge saved measurements (the binary's\n"
      "                        --format json output) instead of running\n"
      "  --version             print the version\n");
}

json parseJsonFile(const std::string &Path, const std::string &What,
                   const std::string &Fix) {
  return parseJsonText(readWholeFile(Path, What), Path, What, Fix);
}

std::string formatSeconds(double Seconds) {
  char Text[32];
  std::snprintf(Text, sizeof Text, "%g", Seconds);
  return Text;
}

void checkExecutable(const std::string &Path) {
  struct stat Info;
  if (stat(Path.c_str(), &Info) != 0 || !S_ISREG(Info.st_mode) ||
      access(Path.c_str(), X_OK) != 0)
    throw UsageError("profiling binary '" + Path +
                     "' is not an executable file; build your workloads "
                     "linked with concur::workload_main and pass its path");
}

std::string absolutePath(const std::string &Path) {
  if (!Path.empty() && Path[0] == '/')
    return Path;
  if (Path.find('/') == std::string::npos)
    return "./" + Path; // execv does not search PATH; make it explicit
  return Path;
}

/// What the binary registers; it must answer within Timeout seconds (the
/// --timeout of one cell), so that a binary that hangs is found in seconds.
std::vector<std::string> listWorkloads(const std::string &Binary,
                                       double Timeout) {
  ChildOutcome Listed =
      runChild({Binary, "--list", "--format", "json"}, Timeout);
  if (Listed.Interrupted)
    exitForInterrupt();
  json List;
  try {
    List = json::parse(Listed.Stdout);
  } catch (const json::exception &) {
  }
  if (!Listed.succeeded() || !List.is_object() || !List.contains("workloads"))
    throw UsageError(
        "'" + Binary + "' is not a concur profiling binary (--list " +
        (Listed.TimedOut ? "did not answer within " + formatSeconds(Timeout) +
                               " s; see --timeout"
                         : describeWaitStatus(Listed.WaitStatus)) +
        "); link your workloads with concur::workload_main");
  std::vector<std::string> Names;
  for (const json &W : List["workloads"])
    Names.push_back(W.value("name", ""));
  return Names;
}

int run(int Argc, char **Argv) {
  Options Opts;
  std::vector<std::string> Positional;
  std::string Value;
  ArgReader Args(Argc, Argv);
  while (!Args.done()) {
    if (Args.flag("--help") || Args.flag("-h")) {
      printHelp();
      return 0;
    }
    if (Args.flag("--version")) {
      std::printf("concur-profile %s\n", CONCUR_VERSION);
      return 0;
    }
    if (Args.flag("--no-scaling"))
      Opts.Scaling = false;
    else if (Args.option("--cores", Value)) {
      Opts.CoresSpec = Value;
      Opts.CoresGiven = true;
    } else if (Args.option("--tasks", Value))
      Opts.Tasks = std::to_string(parsePositive(Value, "--tasks"));
    else if (Args.option("--repetitions", Value))
      Opts.Repetitions =
          std::to_string(parsePositive(Value, "--repetitions", 1000));
    else if (Args.option("--timeout", Value)) {
      parseSeconds(Value, "--timeout");
      Opts.Timeout = Value;
    } else if (Args.option("--workload", Value))
      Opts.Workloads.push_back(Value);
    else if (Args.option("--executor", Value)) {
      static const char *const Known[] = {"sequential", "event-loop", "threads",
                                          "threads-per-task", "processes"};
      if (std::find(std::begin(Known), std::end(Known), Value) ==
          std::end(Known))
        throw UsageError("unknown executor '" + Value +
                         "' (--executor); choose sequential, event-loop, "
                         "threads, threads-per-task or processes");
      Opts.Executors.push_back(Value);
    } else if (Args.option("--format", Value)) {
      Opts.Json = parseJsonFormat(Value);
    } else if (Args.option("-o", Value) || Args.option("--output", Value))
      Opts.OutputPath = Value;
    else if (Args.option("--svg", Value))
      Opts.SvgPath = Value;
    else if (Args.option("--measurements", Value))
      Opts.MeasurementsPath = Value;
    else if (Args.option("--worker-pid-file", Value))
      Opts.PidFile = Value;
    else if (Args.peek().size() > 1 && Args.peek()[0] == '-')
      throw UsageError("unknown option '" + Args.peek() +
                       "'; see concur-profile --help");
    else
      Positional.push_back(Args.next());
  }
  const std::string ReportFix =
      "; pass the output of 'concur advise --format=json'";
  size_t Wanted = Opts.MeasurementsPath.empty() ? 2 : 1;
  if (Positional.empty())
    throw UsageError("no static report given; usage: concur-profile "
                     "[options] REPORT.json PROFILING-BINARY");
  if (Positional.size() != Wanted)
    throw UsageError(Opts.MeasurementsPath.empty()
                         ? "expected REPORT.json and PROFILING-BINARY, got " +
                               std::to_string(Positional.size()) +
                               " arguments; see concur-profile --help"
                         : "with --measurements give only REPORT.json; "
                           "drop the binary argument");
  Opts.ReportPath = Positional[0];

  // Everything that can be checked is checked before anything runs.
  json Report = parseJsonFile(Opts.ReportPath, "static report", ReportFix);
  std::vector<Advice> AdviceList = parseAdvice(Report, Opts.ReportPath);
  if (Opts.CoresGiven && Opts.CoresSpec.empty())
    parseCoreList(Opts.CoresSpec, "--cores");
  CoreSet Cores = resolveCores(Opts.CoresSpec, "--cores");

  installInterruptHandlers();
  becomeSubreaper();
  // After the handlers: an interrupt from here on removes their temporary
  // files.
  std::optional<OutputFile> Output, Svg;
  if (!Opts.OutputPath.empty())
    Output.emplace(Opts.OutputPath, "-o");
  if (!Opts.SvgPath.empty())
    Svg.emplace(Opts.SvgPath, "--svg");

  json Measurements;
  bool Complete = true;
  if (!Opts.MeasurementsPath.empty()) {
    Measurements = parseJsonFile(Opts.MeasurementsPath, "measurements",
                                 "; pass the --format json output of a "
                                 "profiling binary");
    if (!Measurements.is_object() || !Measurements.contains("workloads"))
      throw UsageError("measurements '" + Opts.MeasurementsPath +
                       "' have no 'workloads'; pass the --format json "
                       "output of a profiling binary");
    checkMeasurements(Measurements, Opts.MeasurementsPath);
  } else {
    Opts.BinaryPath = absolutePath(Positional[1]);
    checkExecutable(Opts.BinaryPath);
    // Probing the binary is covered by --timeout too; without it, by 30 s
    // (a listing takes milliseconds).
    std::vector<std::string> Known = listWorkloads(
        Opts.BinaryPath, Opts.Timeout.empty() ? 30 : std::stod(Opts.Timeout));
    for (const std::string &Name : Opts.Workloads)
      if (std::find(Known.begin(), Known.end(), Name) == Known.end()) {
        std::string List;
        for (const std::string &K : Known)
          List += (List.empty() ? "" : ", ") + K;
        throw UsageError("unknown workload '" + Name + "' (--workload); '" +
                         Opts.BinaryPath +
                         "' registers: " + (List.empty() ? "nothing" : List));
      }
    std::vector<std::string> Command = {Opts.BinaryPath, "--format", "json",
                                        "--cores", formatCoreList(Cores)};
    auto Forward = [&](const char *Name, const std::string &V) {
      if (!V.empty()) {
        Command.push_back(Name);
        Command.push_back(V);
      }
    };
    Forward("--tasks", Opts.Tasks);
    Forward("--repetitions", Opts.Repetitions);
    Forward("--timeout", Opts.Timeout);
    Forward("--worker-pid-file", Opts.PidFile);
    for (const std::string &W : Opts.Workloads)
      Forward("--workload", W);
    for (const std::string &E : Opts.Executors)
      Forward("--executor", E);
    if (!Opts.Scaling)
      Command.push_back("--no-scaling");
    // Each cell has its own timeout inside the binary; this one only
    // catches a binary that stops making progress altogether.
    double PerCell = Opts.Timeout.empty() ? 120 : std::stod(Opts.Timeout);
    size_t Workloads =
        Opts.Workloads.empty() ? Known.size() : Opts.Workloads.size();
    double Overall = (PerCell + 5) * std::max<size_t>(Workloads, 1) *
                         (5 + 2 * Cores.size()) +
                     30;
    ChildOutcome Outcome = runChild(
        Command, Overall, [&](pid_t Pid) { recordPid(Opts.PidFile, Pid); });
    if (Outcome.Interrupted)
      exitForInterrupt();
    if (Outcome.TimedOut)
      throw RunError("'" + Opts.BinaryPath + "' made no progress for " +
                     std::to_string(static_cast<long>(Overall)) +
                     " s and was killed");
    try {
      Measurements = json::parse(Outcome.Stdout);
    } catch (const json::exception &) {
      // The binary reported its own reason on stderr.
      if (WIFEXITED(Outcome.WaitStatus) &&
          WEXITSTATUS(Outcome.WaitStatus) == ExitUsage)
        return ExitUsage;
      throw RunError("'" + Opts.BinaryPath + "' " +
                     describeWaitStatus(Outcome.WaitStatus) +
                     " without measurements");
    }
    Complete = Outcome.succeeded();
  }

  std::vector<VerdictRow> Rows = judge(
      AdviceList, parseMeasurements(Measurements, Opts.MeasurementsPath.empty()
                                                      ? Opts.BinaryPath
                                                      : Opts.MeasurementsPath));
  json Verdicts = json::array();
  for (const VerdictRow &R : Rows)
    Verdicts.push_back(toJson(R));
  json Result = {
      {"schema_version", VerdictSchemaVersion},
      {"tool", {{"name", "concur-profile"}, {"version", CONCUR_VERSION}}},
      {"report", Opts.ReportPath},
      {"binary",
       Opts.BinaryPath.empty() ? json(nullptr) : json(Opts.BinaryPath)},
      {"cores", Measurements.value("cores", formatCoreList(Cores))},
      {"topology", Measurements.value("topology", json(nullptr))},
      {"complete", Complete && Measurements.value("complete", true)},
      {"verdicts", Verdicts},
      {"measurements", Measurements}};

  if (Opts.Json)
    std::cout << Result.dump(2) << "\n";
  else
    std::cout << formatMeasurementTable(Measurements) << "\nverdicts on CPUs "
              << Result["cores"].get<std::string>() << ":\n"
              << formatVerdictTable(Rows);
  std::cout << std::flush;
  if (Output)
    Output->commit(Result.dump(2) + "\n");
  if (Svg)
    Svg->commit(renderSvg(Measurements, Rows));
  if (pendingInterrupt())
    exitForInterrupt();
  return Result["complete"].get<bool>() ? 0 : ExitRunFailure;
}

} // namespace
} // namespace concur::runtime

int main(int Argc, char **Argv) {
  using namespace concur::runtime;
  try {
    return run(Argc, Argv);
  } catch (const UsageError &E) {
    std::fprintf(stderr, "concur-profile: error: %s\n", E.what());
    return ExitUsage;
  } catch (const std::exception &E) {
    std::fprintf(stderr, "concur-profile: error: %s\n", E.what());
    return ExitRunFailure;
  }
}
