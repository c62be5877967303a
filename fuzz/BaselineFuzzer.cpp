//===- BaselineFuzzer.cpp - A baseline, as a team's repository holds it ---===//
//
// The input is a baseline file's text, read the way --baseline reads one;
// one that is accepted is then matched against findings with its own
// fingerprints and written back.
//
//===----------------------------------------------------------------------===//

#include "report/Baseline.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  concur::Baseline B;
  std::string Error;
  if (!concur::parseBaseline(Text, "fuzz.json", B, Error))
    return 0;
  std::vector<concur::Finding> Findings;
  for (const concur::BaselineEntry &E : B.Entries) {
    concur::Finding F;
    F.Check = E.Check;
    F.Fingerprint = E.Fingerprint;
    F.ProjectPath = E.Path;
    F.Loc.Line = E.Line;
    F.Message = E.Message;
    Findings.push_back(F);
  }
  (void)concur::baselineText(Findings, "fuzz");
  (void)concur::applyBaseline(B, "fuzz.json", Findings);
  return 0;
}
