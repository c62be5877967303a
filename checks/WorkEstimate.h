//===- WorkEstimate.h - Where each function's time goes -------------------===//
//
// A static estimate, in rough nanoseconds per call, of the computation and the
// waiting a function does, its own and its callees' (across files). Loops
// multiply what they contain by their trip count (the constant bound when
// there is one, else "many"); a catalogued I/O call costs what its category
// typically costs (a sleep a millisecond, a socket call a hundred
// microseconds, a file call ten). The absolute numbers are crude; the ratio
// between computation and waiting is what the classes rest on.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_CHECKS_WORKESTIMATE_H
#define CONCUR_CHECKS_WORKESTIMATE_H

#include "program/Program.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace concur {

struct FunctionProfile {
  const FunctionFacts *Fn = nullptr;
  double CpuUnits = 0; // Estimated ns of computation per call.
  double IoUnits = 0;  // Estimated ns of waiting per call.
  double Cpu = 0;      // Scores in [0, 1], for sorting.
  double Io = 0;
  std::string Class; // "cpu-bound", "io-bound", "mixed", "negligible".
  bool Recursive = false;
  /// I/O categories reached (own and callees'), and those inside loops.
  std::set<std::string> IoCategories;
  std::set<std::string> IoInLoops;
  /// Catalogued calls reached: blocking ones with their alternatives, CPU-
  /// heavy library calls, functions that are not thread-safe.
  std::map<std::string, std::string> BlockingApis; // Name -> alternative.
  std::set<std::string> CpuHeavyApis;
  std::set<std::string> MtUnsafeApis;
  /// The callee carrying most of each part (empty: the function itself).
  std::string TopCpuCallee;
  std::string TopIoCallee;
  std::vector<std::string> Evidence;
};

class WorkEstimate {
public:
  /// The estimate of a program, computed on first use.
  static const WorkEstimate &of(const Program &P);
  explicit WorkEstimate(const Program &P);

  const FunctionProfile *profile(const std::string &Id) const {
    auto It = Profiles.find(Id);
    return It == Profiles.end() ? nullptr : &It->second;
  }
  const std::map<std::string, FunctionProfile> &profiles() const {
    return Profiles;
  }

  /// The functions[] array of the JSON report.
  nlohmann::json toJson() const;

  /// Typical cost of one call of a catalogued category, in ns.
  static double costOf(const std::string &Category);

private:
  void compute(const std::string &Root);
  void begin(const FunctionFacts &Fn, FunctionProfile &Out);
  void addApis(const CallSite &C, FunctionProfile &Out);
  void addCallee(const CallSite &C, const FunctionProfile &Callee,
                 FunctionProfile &Out, double &TopCpu, double &TopIo);
  void classify(FunctionProfile &F) const;

  const Program &P;
  std::map<std::string, FunctionProfile> Profiles;
  std::set<std::string> Done;
};

/// "12k", "3.4M": estimates are orders of magnitude, printed as such.
std::string roughly(double Value);

} // namespace concur

#endif // CONCUR_CHECKS_WORKESTIMATE_H
