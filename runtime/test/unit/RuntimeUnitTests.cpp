//===- RuntimeUnitTests.cpp - The profiler's pure logic, without running --===//
//
// CPU lists, the noise rule behind verdicts and the advice/measurement join,
// checked directly. Everything that needs processes is in the lit tests.
//
//===----------------------------------------------------------------------===//

#include "profile/Verdict.h"
#include "support/Cores.h"
#include "support/Errors.h"
#include "support/Stats.h"

#include <cstdio>
#include <functional>
#include <string>

using namespace concur::runtime;

static int Failures = 0;

#define EXPECT(Condition)                                                      \
  do {                                                                         \
    if (!(Condition)) {                                                        \
      std::fprintf(stderr, "%s:%d: expected %s\n", __FILE__, __LINE__,         \
                   #Condition);                                                \
      ++Failures;                                                              \
    }                                                                          \
  } while (0)

static bool throwsUsage(const std::function<void()> &Fn,
                        const std::string &Fragment) {
  try {
    Fn();
  } catch (const UsageError &E) {
    return std::string(E.what()).find(Fragment) != std::string::npos;
  }
  return false;
}

static void testCoreLists() {
  EXPECT((parseCoreList("0-3,6", "--cores") == CoreSet{0, 1, 2, 3, 6}));
  EXPECT((parseCoreList(" 3,1, 1 ", "--cores") == CoreSet{1, 3}));
  EXPECT(formatCoreList({0, 1, 2, 3, 6}) == "0-3,6");
  EXPECT(formatCoreList({0, 1}) == "0,1");
  EXPECT(formatCoreList({}) == "");
  EXPECT(throwsUsage([] { parseCoreList("", "--cores"); }, "names no CPU"));
  EXPECT(
      throwsUsage([] { parseCoreList("3-1", "--cores"); }, "not a CPU list"));
  EXPECT(throwsUsage([] { parseCoreList("0,", "--cores"); }, "not a CPU list"));
  EXPECT(throwsUsage([] { parseCoreList("a", "--cores"); }, "not a CPU list"));
  EXPECT(throwsUsage([] { parseCoreList("99999999", "--cores"); },
                     "not a CPU list"));
  EXPECT(!allowedCores().empty());
  EXPECT(resolveCores("", "--cores") == allowedCores());
  EXPECT(throwsUsage([] { resolveCores("4000", "--cores"); },
                     "which this process may not run on"));
}

static void testSummary() {
  Spread S = summarise({3, 1, 2, 10});
  EXPECT(S.Median == 2.5 && S.Min == 1 && S.Max == 10);
  EXPECT(summarise({}).Median == 0);
}

static WorkloadMeasurement workload(const std::string &Name,
                                    std::vector<ModelMeasurement> Models) {
  WorkloadMeasurement W;
  W.Name = Name;
  W.MeasuredClass = "cpu-bound";
  W.Models = std::move(Models);
  return W;
}

static Advice advice(const std::string &Workload, const std::string &Model) {
  Advice A;
  A.Workload = Workload;
  A.Model = Model;
  A.EntryName = Workload + "Entry";
  return A;
}

static void testVerdicts() {
  ModelMeasurement Sequential{"sequential", "sequential", {10, 9.8, 10.2}};
  ModelMeasurement Pool{"thread-pool", "threads", {20, 19.5, 20.5}};
  ModelMeasurement Loop{"event-loop", "event-loop", {10.1, 9.9, 10.3}};
  // Overlapping repetitions with the pool: the same within noise.
  ModelMeasurement Processes{"processes", "processes", {19.8, 19.0, 20.2}};
  std::vector<WorkloadMeasurement> Measured = {
      workload("cpu", {Sequential, Pool, Loop, Processes})};

  auto One = [&](const std::string &Model) {
    return judge({advice("cpu", Model)}, Measured).front();
  };
  EXPECT(One("thread-pool").Verdict == "confirmed");
  EXPECT(One("processes").Verdict == "confirmed"); // ties the best
  VerdictRow Wrong = One("event-loop");
  EXPECT(Wrong.Verdict == "refuted");
  EXPECT(Wrong.BestModel == "thread-pool");
  EXPECT(Wrong.Ratio && *Wrong.Ratio > 1.97 && *Wrong.Ratio < 1.99);
  EXPECT(One("fibers").Verdict == "inconclusive"); // not measured

  // A larger gap than MinimumEffect but overlapping repetitions: noise.
  ModelMeasurement NoisyA{"thread-pool", "threads", {11, 8, 14}};
  ModelMeasurement NoisyB{"event-loop", "event-loop", {10, 7, 13}};
  std::vector<WorkloadMeasurement> Noisy = {
      workload("noisy", {NoisyA, NoisyB})};
  EXPECT(judge({advice("noisy", "event-loop")}, Noisy).front().Verdict ==
         "inconclusive");
  // Separated repetitions but a difference below MinimumEffect: noise too.
  ModelMeasurement TightA{"thread-pool", "threads", {10.3, 10.25, 10.35}};
  ModelMeasurement TightB{"event-loop", "event-loop", {10, 9.95, 10.05}};
  std::vector<WorkloadMeasurement> Tight = {
      workload("tight", {TightA, TightB})};
  EXPECT(judge({advice("tight", "event-loop")}, Tight).front().Verdict ==
         "inconclusive");

  // The join: extra advice, missing advice, null workload.
  std::vector<VerdictRow> Rows =
      judge({advice("cpu", "thread-pool"), advice("ghost", "processes"),
             advice("", "event-loop")},
            {workload("cpu", {Sequential, Pool}), workload("lonely", {Pool})});
  EXPECT(Rows.size() == 4);
  EXPECT(Rows[0].Verdict == "confirmed");
  EXPECT(Rows[1].Verdict == "not-measured" && Rows[1].Workload == "ghost");
  EXPECT(Rows[2].Verdict == "not-measured" && Rows[2].Workload.empty());
  EXPECT(Rows[3].Verdict == "no-advice" && Rows[3].Workload == "lonely" &&
         !Rows[3].Entry);
}

static void testAdviceParsing() {
  nlohmann::json Report = nlohmann::json::parse(R"({
    "schema_version": "1.1", "extra": 1,
    "functions": [{"id": "u1", "class": "io-bound"}],
    "advice": [{"entry_id": "u1", "model": "event-loop", "workload": "w",
                "unknown": [1, 2]},
               {"entry_id": "u2", "model": "processes", "workload": null,
                "class": "cpu-bound"}]})");
  std::vector<Advice> A = parseAdvice(Report, "r.json");
  EXPECT(A.size() == 2);
  EXPECT(A[0].StaticClass == "io-bound" && A[0].Workload == "w");
  EXPECT(A[1].Workload.empty() && A[1].StaticClass == "cpu-bound");
  EXPECT(parseAdvice(nlohmann::json::parse(R"({"schema_version": "1.0"})"),
                     "old.json")
             .empty());
  EXPECT(throwsUsage([] { parseAdvice(nlohmann::json::parse("[]"), "r.json"); },
                     "is not a JSON object"));
  EXPECT(throwsUsage(
      [] {
        parseAdvice(
            nlohmann::json::parse(
                R"({"schema_version": "1.1", "advice": [{"model": "thread-pool", "workload": 3}]})"),
            "r.json");
      },
      "'workload' must be a string or null"));
}

int main() {
  testCoreLists();
  testSummary();
  testVerdicts();
  testAdviceParsing();
  if (Failures) {
    std::fprintf(stderr, "%d expectation(s) failed\n", Failures);
    return 1;
  }
  std::printf("all runtime unit tests passed\n");
  return 0;
}
