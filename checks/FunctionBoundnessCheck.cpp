//===- FunctionBoundnessCheck.cpp - concur-function-boundness -------------===//

#include "checks/FunctionBoundnessCheck.h"

#include "checks/WorkEstimate.h"

#include <cstdio>

namespace concur {

void FunctionBoundnessCheck::run(const Program &P, std::vector<Finding> &Out,
                                 CheckStats &Stats) {
  const WorkEstimate &Work = WorkEstimate::of(P);
  for (const auto &[Id, F] : Work.profiles()) {
    if (!F.Fn || P.isSuppressed(F.Fn->Loc, Name))
      continue;
    char Scores[64];
    std::snprintf(Scores, sizeof(Scores), "cpu %.2f, io %.2f", F.Cpu, F.Io);
    Finding Out1;
    Out1.Check = Name;
    Out1.Level = Severity::Remark;
    Out1.Loc = F.Fn->Loc;
    Out1.Message = "function '" + F.Fn->Name + "' is " + F.Class + " (" +
                   Scores + "; ~" + roughly(F.CpuUnits) + " ns computing, ~" +
                   roughly(F.IoUnits) + " ns waiting per call)";
    for (const std::string &E : F.Evidence)
      Out1.Notes.push_back({{}, E});
    Out1.Details = {{"function", {{"id", Id}, {"name", F.Fn->Name}}},
                    {"class", F.Class},
                    {"scores", {{"cpu", F.Cpu}, {"io", F.Io}}}};
    Out.push_back(std::move(Out1));
    ++Stats["functions_classified"];
  }
}

} // namespace concur
