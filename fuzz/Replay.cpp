//===- Replay.cpp - Run a fuzz target once over files, without libFuzzer --===//
//
// The same targets, built with the normal compiler and no sanitizer, run
// over the seed corpus in the test suite: a regression test that costs a
// second, while the fuzzing itself (fuzz/run) stays out of it.
//
//===----------------------------------------------------------------------===//

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size);

int main(int Argc, char **Argv) {
  std::vector<std::filesystem::path> Inputs;
  for (int I = 1; I < Argc; ++I) {
    std::filesystem::path P(Argv[I]);
    if (std::filesystem::is_directory(P)) {
      for (const auto &Entry : std::filesystem::directory_iterator(P))
        if (Entry.is_regular_file())
          Inputs.push_back(Entry.path());
    } else {
      Inputs.push_back(P);
    }
  }
  for (const std::filesystem::path &P : Inputs) {
    std::ifstream In(P, std::ios::binary);
    std::string Data((std::istreambuf_iterator<char>(In)),
                     std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(Data.data()),
                           Data.size());
  }
  std::printf("replayed %zu inputs\n", Inputs.size());
  return Inputs.empty() ? 1 : 0;
}
