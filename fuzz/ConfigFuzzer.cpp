//===- ConfigFuzzer.cpp - .concur.json, as a user writes it ---------------===//
//
// The input is a config file's text, read the way ConfigSet reads one: the
// built-in catalog extended by it, every field validated. A config that is
// accepted is then used for what the extractor asks of it.
//
//===----------------------------------------------------------------------===//

#include "catalog/Catalog.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  std::string Error;
  auto C = concur::Catalog::builtin().withConfig(Text, Error);
  if (!C)
    return 0;
  for (const concur::CatalogEntry &E : C->entries()) {
    if (!E.FromConfig)
      continue;
    (void)C->severityOf(E);
    concur::CallShape Call;
    Call.Names = E.Names;
    Call.ArgTokens.resize(E.MinArgs);
    (void)C->matchAll(Call);
  }
  return 0;
}
