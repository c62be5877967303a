//===- MeasurementTable.cpp - Measurements as a table for people ----------===//

#include "support/MeasurementTable.h"

#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <limits>
#include <sstream>

using nlohmann::json;

namespace concur::runtime {
namespace {

/// The number at Path inside J, or NaN when any step is missing.
double number(const json &J, std::initializer_list<const char *> Path) {
  const json *At = &J;
  for (const char *Key : Path) {
    if (!At->is_object() || !At->contains(Key))
      return std::numeric_limits<double>::quiet_NaN();
    At = &(*At)[Key];
  }
  return At->is_number() ? At->get<double>()
                         : std::numeric_limits<double>::quiet_NaN();
}

std::string text(const json &J, const char *Key, const char *Default = "-") {
  return J.is_object() && J.contains(Key) && J[Key].is_string()
             ? J[Key].get<std::string>()
             : Default;
}

std::string fixed(double Value, int Digits, const char *Suffix = "") {
  if (std::isnan(Value))
    return "-";
  char Buffer[64];
  std::snprintf(Buffer, sizeof Buffer, "%.*f%s", Digits, Value, Suffix);
  return Buffer;
}

std::string cell(const json &C, std::initializer_list<const char *> Path,
                 double Scale, int Digits) {
  double V = number(C, Path);
  return fixed(std::isnan(V) ? V : V * Scale, Digits);
}

} // namespace

std::string formatMeasurementTable(const json &Result) {
  std::ostringstream Out;
  const json Topology = Result.value("topology", json::object());
  Out << "cores " << text(Result, "cores") << " of " << text(Topology, "online")
      << " online";
  if (Topology.contains("model_name"))
    Out << " (" << text(Topology, "model_name") << ")";
  const json Settings = Result.value("settings", json::object());
  Out << "; " << fixed(number(Settings, {"tasks"}), 0) << " tasks, "
      << fixed(number(Settings, {"repetitions"}), 0)
      << " repetitions, median [min-max]\n";
  for (const json &W : Result.value("workloads", json::array())) {
    Out << "\n"
        << text(W, "name") << ": measured " << text(W, "measured_class");
    double Share = number(W, {"cpu_share"});
    if (!std::isnan(Share))
      Out << " (sequentially: CPU " << fixed(Share * 100, 0)
          << "% of wall time, " << fixed(number(W, {"cpu_demand"}) * 100, 0)
          << "% of the time not spent waiting for a CPU; "
          << fixed(number(W, {"task_s"}) * 1000, 2) << " ms per task)";
    Out << "\n";
    char Line[512];
    std::snprintf(Line, sizeof Line,
                  "  %-17s %7s %-24s %9s %7s %9s %9s %6s %7s %7s %8s  %s\n",
                  "executor", "workers", "wall ms", "tasks/s", "speedup",
                  "user ms", "sys ms", "CPU%", "vcsw", "ivcsw", "RSS MiB",
                  "busy per CPU / stalls");
    Out << Line;
    for (const json &C : W.value("executors", json::array())) {
      std::string Wall = cell(C, {"summary", "wall_s", "median"}, 1000, 1) +
                         " [" + cell(C, {"summary", "wall_s", "min"}, 1000, 1) +
                         "-" + cell(C, {"summary", "wall_s", "max"}, 1000, 1) +
                         "]";
      std::string Extra;
      const json Summary = C.value("summary", json::object());
      for (const json &U : Summary.value("core_utilisation", json::array()))
        Extra += "cpu" + fixed(number(U, {"cpu"}), 0) + " " +
                 fixed(number(U, {"busy"}) * 100, 0) + "% ";
      if (Summary.contains("stall"))
        Extra += "| longest resumption " +
                 cell(Summary, {"stall", "longest_resumption_s"}, 1000, 2) +
                 " ms, " +
                 cell(Summary, {"stall", "blocked_resumptions"}, 1, 0) +
                 " blocked";
      std::snprintf(
          Line, sizeof Line,
          "  %-17s %7s %-24s %9s %7s %9s %9s %6s %7s %7s %8s  %s\n",
          text(C, "executor").c_str(), fixed(number(C, {"workers"}), 0).c_str(),
          Wall.c_str(),
          cell(C, {"summary", "throughput", "median"}, 1, 1).c_str(),
          fixed(number(C, {"speedup"}), 2, "x").c_str(),
          cell(C, {"summary", "user_s", "median"}, 1000, 1).c_str(),
          cell(C, {"summary", "system_s", "median"}, 1000, 1).c_str(),
          cell(C, {"summary", "cpu_share", "median"}, 100, 0).c_str(),
          cell(C, {"summary", "voluntary_switches", "median"}, 1, 0).c_str(),
          cell(C, {"summary", "involuntary_switches", "median"}, 1, 0).c_str(),
          cell(C, {"peak_rss_kb"}, 1.0 / 1024, 1).c_str(), Extra.c_str());
      Out << Line;
    }
    // Kept in a variable: items() of a temporary would dangle in the loop.
    const json Scaling = W.value("scaling", json::object());
    for (auto &[Kind, Points] : Scaling.items()) {
      Out << "  scaling " << Kind << ":";
      for (const json &P : Points) {
        double Cores = number(P, {"cores"});
        Out << "  " << fixed(Cores, 0) << (Cores == 1 ? " core " : " cores ")
            << fixed(number(P, {"speedup"}), 2, "x");
      }
      Out << "\n";
    }
    for (const json &E : W.value("errors", json::array()))
      if (E.is_string())
        Out << "  error: " << E.get<std::string>() << "\n";
  }
  return Out.str();
}

} // namespace concur::runtime
