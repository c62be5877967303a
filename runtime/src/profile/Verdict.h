//===- Verdict.h - Static advice against measured behaviour ---------------===//
//
// Joins the static report's advice to measured workloads by the registered
// workload name and decides, per entry, whether the measurement confirms the
// advised model, refutes it, or cannot tell the difference from noise.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_RUNTIME_PROFILE_VERDICT_H
#define CONCUR_RUNTIME_PROFILE_VERDICT_H

#include "support/Stats.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace concur::runtime {

struct Advice {
  std::string EntryId;
  std::string EntryName;
  std::string Kind;
  std::string Model;
  std::string StaticClass;
  std::string Reason;
  std::string Workload; // empty when the report has null or nothing
  nlohmann::json Location;
};

/// The best executor measured for one model (thread-pool has two).
struct ModelMeasurement {
  std::string Model;
  std::string Executor;
  Spread Throughput;
};

struct WorkloadMeasurement {
  std::string Name;
  std::string MeasuredClass;
  std::optional<double> CpuShare;
  std::optional<double> CpuDemand; // CPU share with waits for a CPU removed
  std::vector<ModelMeasurement> Models;
  std::vector<std::string> Errors;
};

struct VerdictRow {
  std::string Workload;
  std::optional<Advice> Entry;
  std::string BestModel;
  std::string BestExecutor;
  std::optional<double> Ratio; // best throughput / advised throughput
  std::string MeasuredClass;
  std::optional<double> CpuShare;
  std::optional<double> CpuDemand;
  std::string Verdict; // confirmed refuted inconclusive no-advice not-measured
  std::string Explanation;
};

/// Relative difference below which two throughputs count as equal even when
/// their repetitions do not overlap.
constexpr double MinimumEffect = 0.05;

/// Reads the advice of a static report (schema 1.x). Throws UsageError
/// naming Path, the entry and the first field that is wrong.
std::vector<Advice> parseAdvice(const nlohmann::json &Report,
                                const std::string &Path);

/// Reads a profiling binary's measurements (--format json), after checking
/// every field the profiler reads (checkMeasurements). Throws UsageError
/// naming Source, where they came from, and the first thing wrong.
std::vector<WorkloadMeasurement>
parseMeasurements(const nlohmann::json &Measurements,
                  const std::string &Source);

/// One row per advice entry (measured or not) and one per measured workload
/// that no advice mentions.
std::vector<VerdictRow> judge(const std::vector<Advice> &AdviceList,
                              const std::vector<WorkloadMeasurement> &Measured);

nlohmann::json toJson(const VerdictRow &Row);
std::string formatVerdictTable(const std::vector<VerdictRow> &Rows);

} // namespace concur::runtime

#endif // CONCUR_RUNTIME_PROFILE_VERDICT_H
