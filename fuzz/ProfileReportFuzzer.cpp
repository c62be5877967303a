//===- ProfileReportFuzzer.cpp - What concur-profile reads ----------------===//
//
// The input is a JSON document given to concur-profile as the static report
// and as --measurements at once: advice and measurements are read, judged,
// and drawn as the table and the SVG chart. A bad input must end in the
// profiler's one-line errors (UsageError, RunError); any other exception
// escapes and is a finding.
//
//===----------------------------------------------------------------------===//

#include "profile/Svg.h"
#include "profile/Verdict.h"
#include "support/Errors.h"
#include "support/Files.h"
#include "support/MeasurementTable.h"

#include <nlohmann/json.hpp>

#include <cstdint>

using namespace concur::runtime;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  nlohmann::json Doc;
  try {
    Doc = parseJsonText(std::string(reinterpret_cast<const char *>(Data), Size),
                        "fuzz.json", "static report", "");
  } catch (const UsageError &) {
    return 0;
  }
  std::vector<Advice> AdviceList;
  try {
    AdviceList = parseAdvice(Doc, "fuzz.json");
  } catch (const UsageError &) {
  }
  try {
    std::vector<VerdictRow> Rows =
        judge(AdviceList, parseMeasurements(Doc, "fuzz.json"));
    for (const VerdictRow &R : Rows)
      (void)toJson(R);
    (void)formatVerdictTable(Rows);
    (void)formatMeasurementTable(Doc);
    (void)renderSvg(Doc, Rows);
  } catch (const UsageError &) {
  } catch (const RunError &) {
  }
  return 0;
}
