//===- Measurements.cpp - What a measurements document must look like -----===//

#include "profile/Measurements.h"
#include "support/Errors.h"

using nlohmann::json;

namespace concur::runtime {

namespace {

class Checker {
public:
  explicit Checker(const std::string &Source) : Source(Source) {}

  [[noreturn]] void fail(const std::string &Field, const std::string &Must) {
    throw UsageError("measurements from '" + Source + "': " + Field + " " +
                     Must +
                     "; pass the --format json output of a profiling "
                     "binary");
  }

  const json &object(const json &J, const std::string &Field) {
    if (!J.is_object())
      fail(Field, "must be an object");
    return J;
  }

  /// Optional members: absent or null is fine, anything else must fit.
  const json *member(const json &Object, const char *Key) {
    auto It = Object.find(Key);
    return It == Object.end() || It->is_null() ? nullptr : &*It;
  }

  /// Strings are read with defaults for absent ones only: null is wrong.
  void string(const json &Object, const char *Key, const std::string &Where) {
    auto It = Object.find(Key);
    if (It != Object.end() && !It->is_string())
      fail(Where + "." + Key, "must be a string");
  }

  void number(const json &Object, const char *Key, const std::string &Where) {
    if (const json *V = member(Object, Key); V && !V->is_number())
      fail(Where + "." + Key, "must be a number");
  }

  const json &array(const json &Object, const char *Key,
                    const std::string &Where) {
    static const json Empty = json::array();
    const json *V = member(Object, Key);
    if (!V)
      return Empty;
    if (!V->is_array())
      fail(Where + "." + Key, "must be a list");
    return *V;
  }

  void spread(const json &Object, const char *Key, const std::string &Where) {
    const json *V = member(Object, Key);
    std::string Field = Where + "." + Key;
    if (!V || !V->is_object())
      fail(Field, "must be an object with median, min and max");
    for (const char *Part : {"median", "min", "max"})
      if (!V->contains(Part) || !(*V)[Part].is_number())
        fail(Field + "." + Part, "must be a number");
  }

  void cell(const json &C, const std::string &Where) {
    object(C, Where);
    for (const char *Key : {"executor", "model"})
      string(C, Key, Where);
    for (const char *Key : {"workers", "speedup", "peak_rss_kb"})
      number(C, Key, Where);
    const json *Summary = member(C, "summary");
    if (!Summary)
      fail(Where + ".summary", "is missing");
    object(*Summary, Where + ".summary");
    spread(*Summary, "throughput", Where + ".summary");
    if (const json *Stall = member(*Summary, "stall"))
      object(*Stall, Where + ".summary.stall");
    const json &Busy = array(*Summary, "core_utilisation", Where + ".summary");
    for (size_t I = 0; I < Busy.size(); ++I)
      object(Busy[I],
             Where + ".summary.core_utilisation[" + std::to_string(I) + "]");
  }

  void scalingPoint(const json &P, const std::string &Where) {
    object(P, Where);
    const json *Cores = member(P, "cores");
    if (!Cores || !Cores->is_number_integer() || Cores->get<int64_t>() < 1 ||
        Cores->get<int64_t>() > MaxScalingCores)
      fail(Where + ".cores", "must be a whole number from 1 to " +
                                 std::to_string(MaxScalingCores));
    number(P, "speedup", Where);
  }

  void workload(const json &W, const std::string &Where) {
    object(W, Where);
    for (const char *Key : {"name", "measured_class"})
      string(W, Key, Where);
    for (const char *Key : {"cpu_share", "cpu_demand", "task_s"})
      number(W, Key, Where);
    const json &Errors = array(W, "errors", Where);
    for (size_t I = 0; I < Errors.size(); ++I)
      if (!Errors[I].is_string())
        fail(Where + ".errors[" + std::to_string(I) + "]", "must be a string");
    const json &Cells = array(W, "executors", Where);
    for (size_t I = 0; I < Cells.size(); ++I)
      cell(Cells[I], Where + ".executors[" + std::to_string(I) + "]");
    if (const json *Scaling = member(W, "scaling")) {
      object(*Scaling, Where + ".scaling");
      for (auto It = Scaling->begin(); It != Scaling->end(); ++It) {
        std::string Field = Where + ".scaling." + It.key().substr(0, 100);
        if (!It->is_array())
          fail(Field, "must be a list");
        for (size_t I = 0; I < It->size(); ++I)
          scalingPoint((*It)[I], Field + "[" + std::to_string(I) + "]");
      }
    }
  }

  void document(const json &M) {
    object(M, "the document");
    string(M, "cores", "measurements");
    if (M.contains("complete") && !M["complete"].is_boolean())
      fail("measurements.complete", "must be true or false");
    for (const char *Key : {"topology", "settings"})
      if (const json *V = member(M, Key))
        object(*V, std::string("measurements.") + Key);
    if (!M.contains("workloads"))
      fail("measurements.workloads", "is missing");
    const json &Workloads = array(M, "workloads", "measurements");
    for (size_t I = 0; I < Workloads.size(); ++I)
      workload(Workloads[I], "workloads[" + std::to_string(I) + "]");
  }

private:
  const std::string &Source;
};

} // namespace

void checkMeasurements(const json &Measurements, const std::string &Source) {
  Checker(Source).document(Measurements);
}

} // namespace concur::runtime
