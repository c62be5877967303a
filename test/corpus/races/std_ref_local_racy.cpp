// corpus: racy
// pattern: local counter handed to worker threads with std::ref
// race: main::processed
//
// Racy: std::ref makes both workers alias the same local int; they increment
// it concurrently without synchronisation.
#include <cstdio>
#include <functional>
#include <string>
#include <thread>
#include <vector>

static void processFiles(const std::vector<std::string> &Files,
                         int &Processed) {
  for (const std::string &F : Files)
    if (!F.empty())
      ++Processed; // RACE
}

int main() {
  std::vector<std::string> Batch(3000, "file.txt");
  int processed = 0;
  std::thread A(processFiles, std::cref(Batch), std::ref(processed));
  std::thread B(processFiles, std::cref(Batch), std::ref(processed));
  A.join();
  B.join();
  std::printf("processed=%d\n", processed);
}
