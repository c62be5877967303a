//===- CompileDatabaseFuzzer.cpp - compile_commands.json, as -p reads it --===//
//
// The input is a compile database. It goes through what `concur check -p`
// does with one: load (clang's reader and concur's entry checks), list the
// files, and turn each file's command into one for Clang 19.
//
//===----------------------------------------------------------------------===//

#include "compdb/CompilationSetup.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  static const std::string Path = [] {
    llvm::SmallString<128> Dir;
    llvm::sys::fs::createUniqueDirectory("concur-fuzz-compdb", Dir);
    return std::string(Dir) + "/compile_commands.json";
  }();
  {
    std::error_code EC;
    llvm::raw_fd_ostream Out(Path, EC);
    Out.write(reinterpret_cast<const char *>(Data), Size);
  }
  std::string Error;
  auto Setup = concur::CompilationSetup::load(Path, {}, nullptr, Error);
  if (!Setup)
    return 0;
  unsigned Jobs = 0;
  for (const std::string &File : Setup->allFiles()) {
    concur::CompileJob Job;
    if (!Setup->jobFor(File, Job, Error))
      continue;
    if (++Jobs == 64) // Enough to cover the paths; a unit stays fast.
      break;
  }
  return 0;
}
