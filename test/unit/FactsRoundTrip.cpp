//===- FactsRoundTrip.cpp - Facts survive their JSON form -----------------===//
//
// Extracts the facts of a real file, writes them as JSON, reads them back
// and writes them again: both texts must be equal, and the facts must not be
// trivially empty (a test that cannot fail is a defect).
//
//===----------------------------------------------------------------------===//

#include "catalog/Catalog.h"
#include "compdb/CompilationSetup.h"
#include "facts/ExtractFacts.h"
#include "facts/FactsJson.h"

#include <algorithm>
#include <cstdio>
#include <string>

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: concur-facts-roundtrip FILE.cpp [FLAG...]\n");
    return 2;
  }
  std::string Error;
  std::string ResourceDir = concur::findClangResourceDir(Error);
  if (ResourceDir.empty()) {
    std::fprintf(stderr, "%s\n", Error.c_str());
    return 2;
  }
  concur::CompileJob Job;
  Job.File = concur::absolutePath(argv[1]);
  Job.Directory = ".";
  std::vector<std::string> Command = {"clang++", "-std=c++20", "-pthread", "-c",
                                      Job.File};
  // Extra flags (-fopenmp: the OpenMP skeletons must survive too).
  Command.insert(Command.end(), argv + 2, argv + argc);
  Job.CommandLine = concur::adjustCommandLine(Command, ResourceDir);
  concur::FileFacts Facts =
      concur::extractFacts(Job, concur::Catalog::builtin());
  if (!Facts.Parsed) {
    std::fprintf(stderr, "parse failed: %s\n", Facts.FirstError.c_str());
    return 1;
  }
  size_t Accesses = 0, Spawns = 0, Skeletons = 0;
  for (const concur::FunctionFacts &F : Facts.Functions) {
    Accesses += F.Accesses.size();
    Spawns += F.Spawns.size();
    Skeletons += F.OpenMP && !F.OpenMP->Nodes.empty();
  }
  bool OpenMP =
      std::find(argv + 2, argv + argc, std::string("-fopenmp")) != argv + argc;
  if (Facts.Functions.empty() || Accesses == 0 || Spawns == 0 ||
      (OpenMP && Skeletons == 0)) {
    std::fprintf(stderr, "facts unexpectedly empty\n");
    return 1;
  }
  nlohmann::json First = Facts;
  concur::FileFacts Back = First.get<concur::FileFacts>();
  nlohmann::json Second = Back;
  if (First.dump() != Second.dump()) {
    std::fprintf(stderr, "facts changed through JSON\n");
    return 1;
  }
  std::printf("%zu functions, %zu accesses, %zu spawns, %zu OpenMP skeletons "
              "round-tripped\n",
              Facts.Functions.size(), Accesses, Spawns, Skeletons);
  return 0;
}
