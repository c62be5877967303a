//===- GateInputsFuzzer.cpp - .concur.yaml, line filters and diffs --------===//
//
// The text readers of a CI gate's inputs, chosen by the first byte: the
// .concur.yaml options (LLVM's YAML I/O, then verified and dumped), a
// clang-tidy --line-filter and a unified diff (then asked about a finding).
//
//===----------------------------------------------------------------------===//

#include "report/ChangedLines.h"
#include "tool/ProjectConfig.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  if (Size == 0)
    return 0;
  std::string Text(reinterpret_cast<const char *>(Data) + 1, Size - 1);
  std::string Error;
  switch (Data[0] % 3) {
  case 0: {
    concur::ProjectOptions O;
    if (concur::parseProjectOptions(Text, "fuzz.yaml", O, Error)) {
      (void)concur::verifyProjectOptions(O);
      (void)concur::dumpProjectOptions(O);
    }
    break;
  }
  case 1:
  case 2: {
    concur::ChangedLines Lines;
    bool Read = Data[0] % 3 == 1
                    ? concur::ChangedLines::fromLineFilter(Text, Lines, Error)
                    : concur::ChangedLines::fromUnifiedDiff(Text, "/project",
                                                            Lines, Error);
    if (Read) {
      concur::Finding F;
      F.Loc = {"/project/src/a.cpp", 3, 1};
      F.Details = {
          {"chain",
           {{{"location", {{"file", "/project/b.cpp"}, {"line", 7}}}}}}};
      (void)Lines.touches(F);
    }
    break;
  }
  }
  return 0;
}
