//===- Driver.cpp - The profiling binary's command line -------------------===//
//
// A profiling binary has three jobs. Asked to profile (the default), it runs
// every selected workload under every executor, each combination in a fresh
// copy of itself ("a cell") so that peak RSS is per combination, a crash or
// hang costs only that combination, and a kill reaches every worker. Asked
// for one cell (--cell, internal), it runs and measures that combination.
// And --list tells concur-profile what is registered.
//
//===----------------------------------------------------------------------===//

#include "concur/workload.hpp"

#include "support/Args.h"
#include "support/Cores.h"
#include "support/Errors.h"
#include "support/Files.h"
#include "support/MeasurementTable.h"
#include "support/Process.h"
#include "support/Stats.h"
#include "workload/Executors.h"

#include <nlohmann/json.hpp>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>

using nlohmann::json;

namespace concur::runtime {
namespace {

constexpr const char *MeasurementSchemaVersion = "1.0";

/// CPU share of wall time, taken from the sequential run, at or above which
/// work is CPU-bound and at or below which it is I/O-bound.
constexpr double CpuBoundShare = 0.7;
constexpr double IoBoundShare = 0.3;
/// Tasks shorter than this are dominated by the executors' own costs.
constexpr double NegligibleTaskSeconds = 50e-6;
constexpr unsigned MaxThreadsPerTask = 1024;

struct Options {
  std::vector<std::string> Workloads;
  std::vector<ExecutorKind> Kinds;
  std::string CoresSpec;
  CoreSet Cores;
  unsigned Tasks = 8;
  unsigned Repetitions = 3;
  unsigned Workers = 0; // --cell only
  double TimeoutSeconds = 120;
  bool Scaling = true;
  bool Json = false;
  bool MonitorStalls = true;
  std::string OutputPath;
  std::string PidFile;
};

void printHelp(const char *Program) {
  std::printf(
      "usage: %s [options]            profile the registered workloads\n"
      "       %s --list [--format json]\n"
      "\n"
      "Runs every registered workload under each executor (sequential,\n"
      "event-loop, threads, threads-per-task, processes), pinned to the\n"
      "given cores, and prints wall time, CPU time, context switches,\n"
      "throughput, speedup over sequential, peak RSS and, on the event loop,\n"
      "how long and how often resumptions blocked the loop.\n"
      "\n"
      "options:\n"
      "  --workload NAME      only this workload (repeatable)\n"
      "  --executor NAME      only this executor (repeatable)\n"
      "  --cores LIST         CPUs to run on, e.g. 0-3 (default: all allowed)\n"
      "  --tasks N            tasks per run (default 8)\n"
      "  --repetitions N      runs per measurement (default 3)\n"
      "  --timeout SECONDS    per workload and executor (default 120)\n"
      "  --no-scaling         skip the 1..N core scaling runs\n"
      "  --no-stall-monitor   do not time event-loop resumptions (saves about\n"
      "                       0.7 us per resumption; no stall figures)\n"
      "  --format text|json   output format (default text)\n"
      "  -o FILE              write the output to FILE (atomically)\n"
      "  --worker-pid-file F  append the pid of every process started to F\n"
      "  --overhead           measure the cost of measuring (bench/overhead)\n",
      Program, Program);
}

const workload::Workload &findWorkload(const std::string &Name) {
  for (const workload::Workload &W : workload::registeredWorkloads())
    if (W.Name == Name)
      return W;
  std::string Known;
  for (const workload::Workload &W : workload::registeredWorkloads())
    Known += (Known.empty() ? "" : ", ") + W.Name;
  throw UsageError("unknown workload '" + Name + "'; this binary registers: " +
                   (Known.empty() ? "nothing" : Known) + " (see --list)");
}

std::vector<std::string> variantsOf(const workload::Workload &W) {
  std::vector<std::string> Variants;
  if (W.Plain)
    Variants.push_back("plain");
  if (W.Coroutine)
    Variants.push_back("coroutine");
  return Variants;
}

//===----------------------------------------------------------------------===//
// One cell: a workload under one executor, measured over repetitions
//===----------------------------------------------------------------------===//

struct ProcessUsage {
  double User = 0, System = 0;
  long Voluntary = 0, Involuntary = 0;
};

double seconds(const timeval &T) { return T.tv_sec + T.tv_usec * 1e-6; }

/// This process and its reaped children: forked workers are reaped inside
/// each repetition, so their CPU time lands in the difference.
ProcessUsage processUsage() {
  rusage Self, Children;
  getrusage(RUSAGE_SELF, &Self);
  getrusage(RUSAGE_CHILDREN, &Children);
  ProcessUsage U;
  U.User = seconds(Self.ru_utime) + seconds(Children.ru_utime);
  U.System = seconds(Self.ru_stime) + seconds(Children.ru_stime);
  U.Voluntary = Self.ru_nvcsw + Children.ru_nvcsw;
  U.Involuntary = Self.ru_nivcsw + Children.ru_nivcsw;
  return U;
}

/// Time the calling thread spent runnable but waiting for a CPU, from the
/// scheduler's own accounting. Other load on the machine shows up here, and
/// subtracting it keeps a busy machine from making CPU-bound work look like
/// waiting.
double runQueueWaitSeconds() {
  std::ifstream Stat("/proc/thread-self/schedstat");
  unsigned long long OnCpu = 0, Waiting = 0;
  if (!(Stat >> OnCpu >> Waiting))
    return 0;
  return Waiting * 1e-9;
}

long peakRssKb() {
  rusage Self, Children;
  getrusage(RUSAGE_SELF, &Self);
  getrusage(RUSAGE_CHILDREN, &Children);
  return std::max(Self.ru_maxrss, Children.ru_maxrss);
}

json measureRepetition(const CellSpec &Spec) {
  std::vector<CpuTicks> TicksBefore = readCpuTicks(Spec.Cores);
  ProcessUsage Before = processUsage();
  double WaitBefore = runQueueWaitSeconds();
  auto Start = std::chrono::steady_clock::now();
  ExecutionOutcome Outcome = execute(Spec);
  auto End = std::chrono::steady_clock::now();
  double WaitAfter = runQueueWaitSeconds();
  ProcessUsage After = processUsage();
  std::vector<CpuTicks> TicksAfter = readCpuTicks(Spec.Cores);

  json Rep;
  double Wall = std::chrono::duration<double>(End - Start).count();
  Rep["wall_s"] = Wall;
  Rep["user_s"] = After.User - Before.User;
  Rep["system_s"] = After.System - Before.System;
  Rep["voluntary_switches"] = After.Voluntary - Before.Voluntary;
  Rep["involuntary_switches"] = After.Involuntary - Before.Involuntary;
  Rep["tasks_completed"] = Outcome.TasksCompleted;
  Rep["runqueue_wait_s"] = WaitAfter - WaitBefore;
  json Utilisation = json::array();
  for (size_t I = 0; I < Spec.Cores.size(); ++I) {
    std::uint64_t Total = TicksAfter[I].Total - TicksBefore[I].Total;
    std::uint64_t Busy = TicksAfter[I].Busy - TicksBefore[I].Busy;
    Utilisation.push_back(
        {{"cpu", Spec.Cores[I]},
         {"busy", Total ? static_cast<double>(Busy) / Total : 0.0}});
  }
  Rep["core_utilisation"] = Utilisation;
  if (Spec.Kind == ExecutorKind::EventLoop && Spec.MonitorStalls)
    Rep["stall"] = {
        {"resumptions", Outcome.Stall.Resumptions},
        {"blocked_resumptions", Outcome.Stall.BlockedResumptions},
        {"longest_resumption_s", Outcome.Stall.LongestResumptionSeconds},
        {"blocked_s", Outcome.Stall.BlockedSeconds}};
  return Rep;
}

json summariseRepetitions(const json &Reps, unsigned Tasks) {
  auto Collect = [&](auto Value) {
    std::vector<double> V;
    for (const json &R : Reps)
      V.push_back(Value(R));
    return summarise(V);
  };
  json S;
  S["wall_s"] =
      toJson(Collect([](const json &R) { return R["wall_s"].get<double>(); }));
  S["throughput"] = toJson(Collect([&](const json &R) {
    return Tasks / std::max(R["wall_s"].get<double>(), 1e-9);
  }));
  S["user_s"] =
      toJson(Collect([](const json &R) { return R["user_s"].get<double>(); }));
  S["system_s"] = toJson(
      Collect([](const json &R) { return R["system_s"].get<double>(); }));
  S["cpu_share"] = toJson(Collect([](const json &R) {
    return (R["user_s"].get<double>() + R["system_s"].get<double>()) /
           std::max(R["wall_s"].get<double>(), 1e-9);
  }));
  // CPU time over the wall time in which the measuring thread was not
  // waiting for a CPU: what the work asked for, whatever else the machine
  // ran. Meaningful where that thread runs the tasks (sequential).
  S["cpu_demand"] = toJson(Collect([](const json &R) {
    double Wall = R["wall_s"].get<double>() - R.value("runqueue_wait_s", 0.0);
    return std::min(1.0,
                    (R["user_s"].get<double>() + R["system_s"].get<double>()) /
                        std::max(Wall, 1e-9));
  }));
  S["voluntary_switches"] = toJson(Collect(
      [](const json &R) { return R["voluntary_switches"].get<double>(); }));
  S["involuntary_switches"] = toJson(Collect(
      [](const json &R) { return R["involuntary_switches"].get<double>(); }));
  json PerCore = json::array();
  if (!Reps.empty())
    for (size_t I = 0; I < Reps[0]["core_utilisation"].size(); ++I)
      PerCore.push_back({{"cpu", Reps[0]["core_utilisation"][I]["cpu"]},
                         {"busy", summarise([&] {
                                    std::vector<double> V;
                                    for (const json &R : Reps)
                                      V.push_back(
                                          R["core_utilisation"][I]["busy"]);
                                    return V;
                                  }())
                                      .Median}});
  S["core_utilisation"] = PerCore;
  if (!Reps.empty() && Reps[0].contains("stall")) {
    double Longest = 0;
    std::uint64_t MaxBlocked = 0;
    for (const json &R : Reps) {
      Longest =
          std::max(Longest, R["stall"]["longest_resumption_s"].get<double>());
      MaxBlocked = std::max(
          MaxBlocked, R["stall"]["blocked_resumptions"].get<std::uint64_t>());
    }
    S["stall"] = {
        {"longest_resumption_s", Longest},
        {"blocked_resumptions", MaxBlocked},
        {"resumptions", Collect([](const json &R) {
                          return R["stall"]["resumptions"].get<double>();
                        }).Median}};
  }
  return S;
}

int runCell(const Options &Opts) {
  if (Opts.Workloads.size() != 1 || Opts.Kinds.size() != 1)
    throw UsageError("--cell needs exactly one --workload and one --executor");
  const workload::Workload &W = findWorkload(Opts.Workloads[0]);
  CellSpec Spec;
  Spec.Work = &W;
  Spec.Kind = Opts.Kinds[0];
  Spec.Tasks = Opts.Tasks;
  Spec.Cores = Opts.Cores;
  Spec.Workers = Opts.Workers ? Opts.Workers : 1;
  Spec.MonitorStalls = Opts.MonitorStalls;
  Spec.PidFile = Opts.PidFile;
  Spec.Deadline =
      std::chrono::steady_clock::now() +
      std::chrono::duration_cast<std::chrono::steady_clock::duration>(
          std::chrono::duration<double>(Opts.TimeoutSeconds));
  pinCallingThread(Spec.Cores);

  json Cell;
  Cell["workload"] = W.Name;
  Cell["executor"] = executorName(Spec.Kind);
  Cell["model"] = modelName(Spec.Kind);
  Cell["variant"] = variantFor(W, Spec.Kind);
  Cell["workers"] = Spec.Workers;
  Cell["tasks"] = Spec.Tasks;
  Cell["cores"] = formatCoreList(Spec.Cores);
  json Reps = json::array();
  try {
    for (unsigned R = 0; R < Opts.Repetitions; ++R) {
      json Rep = measureRepetition(Spec);
      if (Rep["tasks_completed"] != Spec.Tasks)
        throw RunError("workload '" + W.Name + "' under " +
                       executorName(Spec.Kind) + " completed " +
                       Rep["tasks_completed"].dump() + " of " +
                       std::to_string(Spec.Tasks) + " tasks");
      Reps.push_back(std::move(Rep));
    }
  } catch (const RunError &E) {
    // The parent reads the reason from stdout; stderr stays the user's.
    std::cout << json{{"error", E.what()}}.dump() << std::endl;
    return ExitRunFailure;
  }
  Cell["repetitions"] = Reps;
  Cell["summary"] = summariseRepetitions(Reps, Spec.Tasks);
  Cell["peak_rss_kb"] = peakRssKb();
  std::cout << Cell.dump() << std::endl;
  return 0;
}

//===----------------------------------------------------------------------===//
// Overhead: the measured path against an unmeasured one, same process
//===----------------------------------------------------------------------===//

int runOverhead(const Options &Opts) {
  if (Opts.Workloads.size() != 1 || Opts.Kinds.size() != 1)
    throw UsageError(
        "--overhead needs exactly one --workload and one --executor");
  CellSpec Spec;
  Spec.Work = &findWorkload(Opts.Workloads[0]);
  Spec.Kind = Opts.Kinds[0];
  Spec.Tasks = Opts.Tasks;
  Spec.Cores = Opts.Cores;
  Spec.Workers = Spec.Kind == ExecutorKind::ThreadsPerTask
                     ? std::min(Opts.Tasks, MaxThreadsPerTask)
                 : (Spec.Kind == ExecutorKind::Threads ||
                    Spec.Kind == ExecutorKind::Processes)
                     ? static_cast<unsigned>(Opts.Cores.size())
                     : 1;
  Spec.Deadline = std::chrono::steady_clock::now() + std::chrono::hours(1);
  pinCallingThread(Spec.Cores);
  std::vector<double> Baseline, Measured;
  // Alternate, so that drift in the machine's state hits both sides alike.
  for (unsigned R = 0; R < Opts.Repetitions; ++R) {
    CellSpec Plain = Spec;
    Plain.MonitorStalls = false;
    auto Start = std::chrono::steady_clock::now();
    execute(Plain);
    Baseline.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
            .count());
    Start = std::chrono::steady_clock::now();
    measureRepetition(Spec);
    Measured.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
            .count());
  }
  Spread B = summarise(Baseline), M = summarise(Measured);
  json Out = {{"workload", Spec.Work->Name},
              {"executor", executorName(Spec.Kind)},
              {"tasks", Spec.Tasks},
              {"repetitions", Opts.Repetitions},
              {"baseline_s", toJson(B)},
              {"measured_s", toJson(M)},
              {"ratio", M.Median / std::max(B.Median, 1e-12)}};
  std::cout << Out.dump() << std::endl;
  return 0;
}

//===----------------------------------------------------------------------===//
// Profile: every workload under every executor, one child per cell
//===----------------------------------------------------------------------===//

std::string selfPath() {
  char Buffer[4096];
  ssize_t N = readlink("/proc/self/exe", Buffer, sizeof Buffer - 1);
  if (N <= 0)
    throw RunError("cannot find this binary's own path in /proc/self/exe");
  return std::string(Buffer, static_cast<size_t>(N));
}

unsigned workersFor(ExecutorKind Kind, unsigned CoreCount, unsigned Tasks) {
  switch (Kind) {
  case ExecutorKind::Threads:
  case ExecutorKind::Processes:
    return CoreCount;
  case ExecutorKind::ThreadsPerTask:
    // Beyond this a thread per task measures the kernel's thread limits,
    // not the workload.
    return std::min(Tasks, MaxThreadsPerTask);
  default:
    return 1;
  }
}

json runCellChild(const Options &Opts, const std::string &Self,
                  const std::string &Workload, ExecutorKind Kind,
                  unsigned Workers, const CoreSet &Cores) {
  std::vector<std::string> Argv = {Self,
                                   "--cell",
                                   "--workload",
                                   Workload,
                                   "--executor",
                                   executorName(Kind),
                                   "--workers",
                                   std::to_string(Workers),
                                   "--tasks",
                                   std::to_string(Opts.Tasks),
                                   "--repetitions",
                                   std::to_string(Opts.Repetitions),
                                   "--cores",
                                   formatCoreList(Cores),
                                   "--timeout",
                                   std::to_string(Opts.TimeoutSeconds)};
  if (!Opts.MonitorStalls)
    Argv.push_back("--no-stall-monitor");
  if (!Opts.PidFile.empty()) {
    Argv.push_back("--worker-pid-file");
    Argv.push_back(Opts.PidFile);
  }
  if (isatty(STDERR_FILENO))
    std::fprintf(stderr, "  %s under %s (%u worker%s on CPUs %s)\n",
                 Workload.c_str(), executorName(Kind), Workers,
                 Workers == 1 ? "" : "s", formatCoreList(Cores).c_str());
  // The cell enforces the timeout itself where it can (processes); this
  // margin lets it report that cleanly before it is killed from outside.
  ChildOutcome Outcome =
      runChild(Argv, Opts.TimeoutSeconds + 2,
               [&](pid_t Pid) { recordPid(Opts.PidFile, Pid); });
  json Failed = {{"workload", Workload},
                 {"executor", executorName(Kind)},
                 {"model", modelName(Kind)},
                 {"workers", Workers},
                 {"cores", formatCoreList(Cores)}};
  if (Outcome.Interrupted)
    exitForInterrupt();
  if (Outcome.TimedOut) {
    Failed["error"] = "workload '" + Workload + "' did not finish within " +
                      std::to_string(static_cast<long>(Opts.TimeoutSeconds)) +
                      " s under " + executorName(Kind) +
                      "; it was killed (raise --timeout if it is just slow)";
    return Failed;
  }
  if (!Outcome.succeeded()) {
    try {
      json Reported = json::parse(Outcome.Stdout);
      if (Reported.contains("error")) {
        Failed["error"] = Reported["error"];
        return Failed;
      }
    } catch (const json::exception &) {
    }
    Failed["error"] = "workload '" + Workload + "' failed under " +
                      executorName(Kind) + ": the measuring process " +
                      describeWaitStatus(Outcome.WaitStatus);
    return Failed;
  }
  try {
    return json::parse(Outcome.Stdout);
  } catch (const json::exception &) {
    Failed["error"] = "workload '" + Workload + "' under " +
                      executorName(Kind) +
                      " wrote to stdout; the profiler needs stdout for its "
                      "measurements, write diagnostics to stderr instead";
    return Failed;
  }
}

std::string classify(double CpuShare, double TaskSeconds) {
  if (TaskSeconds < NegligibleTaskSeconds)
    return "negligible";
  if (CpuShare >= CpuBoundShare)
    return "cpu-bound";
  if (CpuShare <= IoBoundShare)
    return "io-bound";
  return "mixed";
}

void reportCellError(const std::string &Self, const json &Message) {
  std::string Program = Self.substr(Self.rfind('/') + 1);
  std::fprintf(stderr, "%s: error: %s\n", Program.c_str(),
               Message.get<std::string>().c_str());
}

json profileWorkload(const Options &Opts, const std::string &Self,
                     const workload::Workload &W, bool &AnyFailed) {
  json Entry;
  Entry["name"] = W.Name;
  Entry["variants"] = variantsOf(W);
  json Cells = json::array();
  json Errors = json::array();
  unsigned CoreCount = static_cast<unsigned>(Opts.Cores.size());
  for (ExecutorKind Kind : Opts.Kinds) {
    json Cell =
        runCellChild(Opts, Self, W.Name, Kind,
                     workersFor(Kind, CoreCount, Opts.Tasks), Opts.Cores);
    if (Cell.contains("error")) {
      reportCellError(Self, Cell["error"]);
      Errors.push_back(Cell["error"]);
      AnyFailed = true;
      continue;
    }
    Cells.push_back(std::move(Cell));
  }

  const json *Sequential = nullptr;
  for (const json &C : Cells)
    if (C["executor"] == "sequential")
      Sequential = &C;
  double SequentialWall =
      Sequential ? (*Sequential)["summary"]["wall_s"]["median"].get<double>()
                 : 0;
  for (json &C : Cells)
    C["speedup"] = SequentialWall > 0
                       ? json(SequentialWall /
                              C["summary"]["wall_s"]["median"].get<double>())
                       : json(nullptr);

  if (Sequential) {
    double Share = (*Sequential)["summary"]["cpu_share"]["median"];
    double Demand = (*Sequential)["summary"]["cpu_demand"]["median"];
    double TaskSeconds = SequentialWall / Opts.Tasks;
    Entry["cpu_share"] = Share;
    Entry["cpu_demand"] = Demand;
    Entry["task_s"] = TaskSeconds;
    Entry["measured_class"] = classify(Demand, TaskSeconds);
  } else {
    Entry["cpu_share"] = nullptr;
    Entry["cpu_demand"] = nullptr;
    Entry["task_s"] = nullptr;
    Entry["measured_class"] = "unknown";
  }

  json Scaling = json::object();
  if (Opts.Scaling && CoreCount > 1) {
    for (ExecutorKind Kind : {ExecutorKind::Threads, ExecutorKind::Processes}) {
      if (std::find(Opts.Kinds.begin(), Opts.Kinds.end(), Kind) ==
          Opts.Kinds.end())
        continue;
      json Points = json::array();
      for (unsigned K = 1; K <= CoreCount; ++K) {
        json Cell;
        if (K == CoreCount) {
          for (const json &C : Cells)
            if (C["executor"] == executorName(Kind))
              Cell = C;
          if (Cell.is_null())
            continue;
        } else {
          CoreSet First(Opts.Cores.begin(), Opts.Cores.begin() + K);
          Cell = runCellChild(Opts, Self, W.Name, Kind, K, First);
          if (Cell.contains("error")) {
            reportCellError(Self, Cell["error"]);
            Errors.push_back(Cell["error"]);
            AnyFailed = true;
            continue;
          }
        }
        double Wall = Cell["summary"]["wall_s"]["median"];
        Points.push_back(
            {{"cores", K},
             {"cpus", Cell["cores"]},
             {"wall_s", Cell["summary"]["wall_s"]},
             {"throughput", Cell["summary"]["throughput"]},
             {"speedup", SequentialWall > 0 ? json(SequentialWall / Wall)
                                            : json(nullptr)}});
      }
      Scaling[executorName(Kind)] = Points;
    }
  }
  Entry["executors"] = Cells;
  Entry["scaling"] = Scaling;
  Entry["errors"] = Errors;
  return Entry;
}

int runProfile(const Options &Opts) {
  installInterruptHandlers();
  becomeSubreaper();
  std::optional<OutputFile> Output;
  if (!Opts.OutputPath.empty())
    Output.emplace(Opts.OutputPath, "-o");
  std::string Self = selfPath();
  std::vector<const workload::Workload *> Selected;
  if (Opts.Workloads.empty())
    for (const workload::Workload &W : workload::registeredWorkloads())
      Selected.push_back(&W);
  else
    for (const std::string &Name : Opts.Workloads)
      Selected.push_back(&findWorkload(Name));
  if (Selected.empty())
    throw UsageError("no workload is registered in '" + Self +
                     "'; register one with CONCUR_WORKLOAD(name, fn)");

  json Result;
  Result["schema_version"] = MeasurementSchemaVersion;
  Result["kind"] = "concur-measurements";
  Result["binary"] = Self;
  Result["cores"] = formatCoreList(Opts.Cores);
  Result["core_list"] = Opts.Cores;
  Result["topology"] = machineTopology();
  json ExecutorNames = json::array();
  for (ExecutorKind K : Opts.Kinds)
    ExecutorNames.push_back(executorName(K));
  Result["settings"] = {{"tasks", Opts.Tasks},
                        {"repetitions", Opts.Repetitions},
                        {"timeout_s", Opts.TimeoutSeconds},
                        {"executors", ExecutorNames},
                        {"scaling", Opts.Scaling}};
  json Workloads = json::array();
  bool AnyFailed = false;
  for (const workload::Workload *W : Selected)
    Workloads.push_back(profileWorkload(Opts, Self, *W, AnyFailed));
  Result["workloads"] = Workloads;
  Result["complete"] = !AnyFailed;

  std::string Text =
      Opts.Json ? Result.dump(2) + "\n" : formatMeasurementTable(Result);
  if (Output)
    Output->commit(Text);
  else
    std::cout << Text << std::flush;
  return AnyFailed ? ExitRunFailure : 0;
}

int runList(const Options &Opts) {
  if (Opts.Json) {
    json List = json::array();
    for (const workload::Workload &W : workload::registeredWorkloads())
      List.push_back({{"name", W.Name}, {"variants", variantsOf(W)}});
    std::cout << json{{"workloads", List}}.dump(2) << std::endl;
    return 0;
  }
  for (const workload::Workload &W : workload::registeredWorkloads()) {
    std::cout << W.Name;
    for (const std::string &V : variantsOf(W))
      std::cout << " " << V;
    std::cout << "\n";
  }
  return 0;
}

int dispatch(int Argc, char **Argv) {
  Options Opts;
  enum class Mode { Profile, List, Cell, Overhead } Mode = Mode::Profile;
  std::string Value;
  std::string ProgramName = Argc > 0 ? Argv[0] : "profile";
  ArgReader Args(Argc, Argv);
  while (!Args.done()) {
    if (Args.flag("--help") || Args.flag("-h")) {
      printHelp(ProgramName.c_str());
      return 0;
    }
    if (Args.flag("--list"))
      Mode = Mode::List;
    else if (Args.flag("--cell"))
      Mode = Mode::Cell;
    else if (Args.flag("--overhead"))
      Mode = Mode::Overhead;
    else if (Args.flag("--no-scaling"))
      Opts.Scaling = false;
    else if (Args.flag("--no-stall-monitor"))
      Opts.MonitorStalls = false;
    else if (Args.option("--workload", Value))
      Opts.Workloads.push_back(Value);
    else if (Args.option("--executor", Value)) {
      std::optional<ExecutorKind> Kind = parseExecutorName(Value);
      if (!Kind)
        throw UsageError("unknown executor '" + Value +
                         "' (--executor); choose sequential, event-loop, "
                         "threads, threads-per-task or processes");
      if (std::find(Opts.Kinds.begin(), Opts.Kinds.end(), *Kind) ==
          Opts.Kinds.end())
        Opts.Kinds.push_back(*Kind);
    } else if (Args.option("--cores", Value)) {
      Opts.CoresSpec = Value;
      // An explicitly empty list is a mistake, not "all cores".
      if (Value.empty())
        parseCoreList(Value, "--cores");
    } else if (Args.option("--tasks", Value))
      Opts.Tasks = parsePositive(Value, "--tasks");
    else if (Args.option("--repetitions", Value))
      Opts.Repetitions = parsePositive(Value, "--repetitions", 1000);
    else if (Args.option("--workers", Value))
      Opts.Workers = parsePositive(Value, "--workers", 4096);
    else if (Args.option("--timeout", Value))
      Opts.TimeoutSeconds = parseSeconds(Value, "--timeout");
    else if (Args.option("--format", Value))
      Opts.Json = parseJsonFormat(Value);
    else if (Args.option("-o", Value) || Args.option("--output", Value))
      Opts.OutputPath = Value;
    else if (Args.option("--worker-pid-file", Value))
      Opts.PidFile = Value;
    else
      throw UsageError("unknown argument '" + Args.peek() + "'; see --help");
  }
  if (!workload::duplicateWorkloadNames().empty())
    throw UsageError("workload '" + workload::duplicateWorkloadNames()[0] +
                     "' is registered more than once; give each registration "
                     "its own name");
  if (Mode == Mode::List)
    return runList(Opts);
  Opts.Cores = resolveCores(Opts.CoresSpec, "--cores");
  for (const std::string &Name : Opts.Workloads)
    findWorkload(Name);
  if (Opts.Kinds.empty())
    Opts.Kinds = allExecutors();
  if (Mode == Mode::Cell) {
    // Only the processes executor has children to clean up on an interrupt;
    // every other cell may simply die of it.
    if (Opts.Kinds.size() == 1 && Opts.Kinds[0] == ExecutorKind::Processes)
      installInterruptHandlers();
    return runCell(Opts);
  }
  if (Mode == Mode::Overhead)
    return runOverhead(Opts);
  return runProfile(Opts);
}

} // namespace
} // namespace concur::runtime

int concur::workload::runMain(int Argc, char **Argv) {
  std::string Program = Argc > 0 ? Argv[0] : "profile";
  size_t Slash = Program.rfind('/');
  if (Slash != std::string::npos)
    Program = Program.substr(Slash + 1);
  try {
    return runtime::dispatch(Argc, Argv);
  } catch (const runtime::UsageError &E) {
    std::fprintf(stderr, "%s: error: %s\n", Program.c_str(), E.what());
    return runtime::ExitUsage;
  } catch (const runtime::RunError &E) {
    std::fprintf(stderr, "%s: error: %s\n", Program.c_str(), E.what());
    return runtime::ExitRunFailure;
  } catch (const std::exception &E) {
    std::fprintf(stderr, "%s: error: %s\n", Program.c_str(), E.what());
    return runtime::ExitRunFailure;
  }
}
