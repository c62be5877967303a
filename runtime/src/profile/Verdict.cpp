//===- Verdict.cpp - Static advice against measured behaviour -------------===//

#include "profile/Verdict.h"
#include "profile/Measurements.h"
#include "support/Errors.h"

#include <algorithm>
#include <cstdio>
#include <map>

using nlohmann::json;

namespace concur::runtime {

static std::string stringField(const json &Object, const char *Key) {
  auto It = Object.find(Key);
  return It != Object.end() && It->is_string() ? It->get<std::string>() : "";
}

std::vector<Advice> parseAdvice(const json &Report, const std::string &Path) {
  const std::string Fix = "; pass the output of 'concur advise --format=json'";
  if (!Report.is_object())
    throw UsageError("report '" + Path + "' is not a JSON object" + Fix);
  auto Version = Report.find("schema_version");
  if (Version == Report.end() || !Version->is_string())
    throw UsageError("report '" + Path + "' has no schema_version string" +
                     Fix);
  std::string V = Version->get<std::string>();
  bool Major1 = V.size() > 2 && V.compare(0, 2, "1.") == 0 &&
                V.find_first_not_of("0123456789", 2) == std::string::npos;
  bool OtherMajor = !V.empty() && V.size() < 20 &&
                    V.find_first_not_of("0123456789.") == std::string::npos &&
                    V[0] != '1';
  if (!Major1 && OtherMajor)
    throw UsageError("report '" + Path + "' has schema_version " + V +
                     ", which this concur-profile does not read (it reads "
                     "1.x); use the concur-profile built with that concur");
  if (!Major1)
    throw UsageError("report '" + Path + "' has schema_version '" +
                     V.substr(0, 40) +
                     "', which is not MAJOR.MINOR (such as 1.3)" + Fix);

  // The class of an entry comes with the advice; older reports only have it
  // on the function, so fall back to that.
  std::map<std::string, std::string> ClassById;
  if (auto Functions = Report.find("functions");
      Functions != Report.end() && Functions->is_array())
    for (const json &F : *Functions)
      if (F.is_object())
        ClassById[stringField(F, "id")] = stringField(F, "class");

  std::vector<Advice> Result;
  auto AdviceList = Report.find("advice");
  if (AdviceList == Report.end() || AdviceList->is_null())
    return Result; // a check-only report: nothing advised, nothing to judge
  if (!AdviceList->is_array())
    throw UsageError("report '" + Path + "': 'advice' is not an array" + Fix);
  for (size_t I = 0; I < AdviceList->size(); ++I) {
    const json &Entry = (*AdviceList)[I];
    std::string Where =
        "report '" + Path + "': advice[" + std::to_string(I) + "]";
    if (!Entry.is_object())
      throw UsageError(Where + " is not an object" + Fix);
    Advice A;
    A.Model = stringField(Entry, "model");
    if (A.Model.empty())
      throw UsageError(Where + " has no 'model' string" + Fix);
    static const char *const Models[] = {"event-loop", "thread-pool",
                                         "processes"};
    if (std::find(std::begin(Models), std::end(Models), A.Model) ==
        std::end(Models))
      throw UsageError(Where +
                       ": 'model' must be event-loop, thread-pool or "
                       "processes, not '" +
                       A.Model.substr(0, 40) + "'" + Fix);
    // The other strings may be absent or null, never of another type.
    for (const char *Key :
         {"workload", "entry_id", "entry_name", "kind", "reason", "class"}) {
      auto Field = Entry.find(Key);
      if (Field != Entry.end() && !Field->is_null() && !Field->is_string())
        throw UsageError(Where + ": '" + Key + "' must be a string or null" +
                         Fix);
    }
    A.Workload = stringField(Entry, "workload");
    A.EntryId = stringField(Entry, "entry_id");
    A.EntryName = stringField(Entry, "entry_name");
    A.Kind = stringField(Entry, "kind");
    A.Reason = stringField(Entry, "reason");
    A.StaticClass = stringField(Entry, "class");
    if (A.StaticClass.empty() && ClassById.count(A.EntryId))
      A.StaticClass = ClassById[A.EntryId];
    A.Location = Entry.value("location", json(nullptr));
    Result.push_back(std::move(A));
  }
  return Result;
}

std::vector<WorkloadMeasurement> parseMeasurements(const json &M,
                                                   const std::string &Source) {
  checkMeasurements(M, Source);
  std::vector<WorkloadMeasurement> Result;
  for (const json &W : M.value("workloads", json::array())) {
    WorkloadMeasurement Entry;
    Entry.Name = W.value("name", "");
    Entry.MeasuredClass = W.value("measured_class", "unknown");
    if (W.contains("cpu_share") && W["cpu_share"].is_number())
      Entry.CpuShare = W["cpu_share"].get<double>();
    if (W.contains("cpu_demand") && W["cpu_demand"].is_number())
      Entry.CpuDemand = W["cpu_demand"].get<double>();
    for (const json &E : W.value("errors", json::array()))
      Entry.Errors.push_back(E.get<std::string>());
    for (const json &Cell : W.value("executors", json::array())) {
      ModelMeasurement Candidate{Cell.value("model", ""),
                                 Cell.value("executor", ""),
                                 spreadFromJson(Cell["summary"]["throughput"])};
      auto Same = std::find_if(Entry.Models.begin(), Entry.Models.end(),
                               [&](const ModelMeasurement &Known) {
                                 return Known.Model == Candidate.Model;
                               });
      if (Same == Entry.Models.end())
        Entry.Models.push_back(Candidate);
      else if (Candidate.Throughput.Median > Same->Throughput.Median)
        *Same = Candidate;
    }
    Result.push_back(std::move(Entry));
  }
  return Result;
}

/// A beats B beyond noise: no repetition of A was as slow as the fastest of
/// B, and the medians differ by more than MinimumEffect.
static bool beats(const ModelMeasurement &A, const ModelMeasurement &B) {
  return A.Throughput.Min > B.Throughput.Max &&
         A.Throughput.Median >= B.Throughput.Median * (1 + MinimumEffect);
}

static std::string ratioText(double R) {
  char Buffer[32];
  std::snprintf(Buffer, sizeof Buffer, "%.2fx", R);
  return Buffer;
}

static void judgeAgainst(VerdictRow &Row, const WorkloadMeasurement &W,
                         const std::string &AdvisedModel) {
  const ModelMeasurement *Best = nullptr;
  for (const ModelMeasurement &M : W.Models)
    if (!Best || M.Throughput.Median > Best->Throughput.Median)
      Best = &M;
  if (Best) {
    Row.BestModel = Best->Model;
    Row.BestExecutor = Best->Executor;
  }
  if (AdvisedModel.empty()) {
    Row.Verdict = "no-advice";
    Row.Explanation = "no advice names this workload";
    return;
  }
  auto Advised = std::find_if(
      W.Models.begin(), W.Models.end(),
      [&](const ModelMeasurement &M) { return M.Model == AdvisedModel; });
  if (!Best || Advised == W.Models.end()) {
    Row.Verdict = "inconclusive";
    Row.Explanation = "the advised model '" + AdvisedModel +
                      "' was not measured" +
                      (W.Errors.empty() ? "" : " (" + W.Errors.front() + ")");
    return;
  }
  Row.Ratio =
      Best->Throughput.Median / std::max(Advised->Throughput.Median, 1e-12);
  if (Best->Model != Advised->Model && beats(*Best, *Advised)) {
    Row.Verdict = "refuted";
    Row.Explanation = Best->Model + " (" + Best->Executor + ") ran " +
                      ratioText(*Row.Ratio) + " the throughput of " +
                      AdvisedModel + ", beyond the noise of repetitions";
    return;
  }
  const ModelMeasurement *Beaten = nullptr;
  for (const ModelMeasurement &M : W.Models)
    if (M.Model != Advised->Model && beats(*Advised, M) &&
        (!Beaten || M.Throughput.Median < Beaten->Throughput.Median))
      Beaten = &M;
  if (Beaten) {
    Row.Verdict = "confirmed";
    Row.Explanation =
        AdvisedModel + " is " +
        (Best->Model == Advised->Model
             ? std::string("the fastest")
             : "within noise of the fastest (" + Best->Model + ")") +
        " and ran " +
        ratioText(Advised->Throughput.Median /
                  std::max(Beaten->Throughput.Median, 1e-12)) +
        " the throughput of " + Beaten->Model;
    return;
  }
  Row.Verdict = "inconclusive";
  Row.Explanation = "every model measured within noise of " + AdvisedModel +
                    "; more repetitions or tasks may separate them";
}

std::vector<VerdictRow>
judge(const std::vector<Advice> &AdviceList,
      const std::vector<WorkloadMeasurement> &Measured) {
  std::vector<VerdictRow> Rows;
  std::vector<bool> Advised(Measured.size(), false);
  for (const Advice &A : AdviceList) {
    VerdictRow Row;
    Row.Workload = A.Workload;
    Row.Entry = A;
    auto It = std::find_if(Measured.begin(), Measured.end(),
                           [&](const WorkloadMeasurement &W) {
                             return !A.Workload.empty() && W.Name == A.Workload;
                           });
    if (It == Measured.end()) {
      Row.Verdict = "not-measured";
      Row.Explanation =
          A.Workload.empty()
              ? "no workload is registered for this entry; register one with "
                "CONCUR_WORKLOAD and re-run the analyser"
              : "the profiling binary has no workload '" + A.Workload + "'";
      Rows.push_back(std::move(Row));
      continue;
    }
    Advised[It - Measured.begin()] = true;
    Row.MeasuredClass = It->MeasuredClass;
    Row.CpuShare = It->CpuShare;
    Row.CpuDemand = It->CpuDemand;
    judgeAgainst(Row, *It, A.Model);
    Rows.push_back(std::move(Row));
  }
  for (size_t I = 0; I < Measured.size(); ++I) {
    if (Advised[I])
      continue;
    VerdictRow Row;
    Row.Workload = Measured[I].Name;
    Row.MeasuredClass = Measured[I].MeasuredClass;
    Row.CpuShare = Measured[I].CpuShare;
    Row.CpuDemand = Measured[I].CpuDemand;
    judgeAgainst(Row, Measured[I], "");
    Rows.push_back(std::move(Row));
  }
  return Rows;
}

static json optionalNumber(const std::optional<double> &V) {
  return V ? json(*V) : json(nullptr);
}

static json optionalString(const std::string &S) {
  return S.empty() ? json(nullptr) : json(S);
}

json toJson(const VerdictRow &Row) {
  json J;
  J["workload"] = optionalString(Row.Workload);
  if (Row.Entry) {
    J["entry_id"] = Row.Entry->EntryId;
    J["entry_name"] = Row.Entry->EntryName;
    J["kind"] = Row.Entry->Kind;
    J["location"] = Row.Entry->Location;
    J["advised_model"] = Row.Entry->Model;
    J["static_class"] = optionalString(Row.Entry->StaticClass);
  } else {
    J["entry_id"] = nullptr;
    J["entry_name"] = nullptr;
    J["advised_model"] = nullptr;
    J["static_class"] = nullptr;
  }
  J["best_model"] = optionalString(Row.BestModel);
  J["best_executor"] = optionalString(Row.BestExecutor);
  J["ratio_best_over_advised"] = optionalNumber(Row.Ratio);
  J["measured_class"] = optionalString(Row.MeasuredClass);
  J["cpu_share"] = optionalNumber(Row.CpuShare);
  J["cpu_demand"] = optionalNumber(Row.CpuDemand);
  J["class_agrees"] =
      Row.Entry && !Row.MeasuredClass.empty() && !Row.Entry->StaticClass.empty()
          ? json(Row.MeasuredClass == Row.Entry->StaticClass)
          : json(nullptr);
  J["verdict"] = Row.Verdict;
  J["explanation"] = Row.Explanation;
  return J;
}

std::string formatVerdictTable(const std::vector<VerdictRow> &Rows) {
  using Cells = std::vector<std::string>;
  std::vector<Cells> Table = {{"workload", "entry", "advised", "best", "ratio",
                               "measured class (CPU)", "static class",
                               "verdict"}};
  auto OrDash = [](const std::string &S) { return S.empty() ? "-" : S; };
  for (const VerdictRow &R : Rows) {
    std::string Measured = OrDash(R.MeasuredClass);
    if (R.CpuShare) {
      char Share[32];
      std::snprintf(Share, sizeof Share, " (%.0f%%)", *R.CpuShare * 100);
      Measured += Share;
    }
    Table.push_back(
        {OrDash(R.Workload), R.Entry ? OrDash(R.Entry->EntryName) : "-",
         R.Entry ? OrDash(R.Entry->Model) : "-", OrDash(R.BestModel),
         R.Ratio ? ratioText(*R.Ratio) : "-", Measured,
         R.Entry ? OrDash(R.Entry->StaticClass) : "-", R.Verdict});
  }
  // Columns as wide as their widest cell, so that long entry names (lambdas,
  // qualified methods) do not push the rest out of line.
  std::vector<size_t> Width(Table[0].size(), 0);
  for (const Cells &Row : Table)
    for (size_t C = 0; C < Row.size(); ++C)
      Width[C] = std::max(Width[C], Row[C].size());
  std::string Out;
  for (const Cells &Row : Table) {
    for (size_t C = 0; C < Row.size(); ++C) {
      bool RightAligned = C == 4; // the ratio
      std::string Pad(Width[C] - Row[C].size(), ' ');
      Out += RightAligned ? Pad + Row[C] : Row[C];
      if (C + 1 < Row.size())
        Out += RightAligned ? " " : Pad + " ";
    }
    Out += "\n";
  }
  for (const VerdictRow &R : Rows) {
    std::string Subject = !R.Workload.empty() ? R.Workload
                          : R.Entry           ? "(" + R.Entry->EntryName + ")"
                                              : "-";
    Out += "  " + Subject + ": " + R.Verdict + ": " + R.Explanation + "\n";
  }
  return Out;
}

} // namespace concur::runtime
