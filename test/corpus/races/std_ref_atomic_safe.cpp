// corpus: safe
// pattern: local counter handed to worker threads with std::ref
//
// Safe: twin of std_ref_local_racy with the shared local an std::atomic<int>.
#include <atomic>
#include <cstdio>
#include <functional>
#include <string>
#include <thread>
#include <vector>

static void processFiles(const std::vector<std::string> &Files,
                         std::atomic<int> &Processed) {
  for (const std::string &F : Files)
    if (!F.empty())
      ++Processed;
}

int main() {
  std::vector<std::string> Batch(3000, "file.txt");
  std::atomic<int> processed{0};
  std::thread A(processFiles, std::cref(Batch), std::ref(processed));
  std::thread B(processFiles, std::cref(Batch), std::ref(processed));
  A.join();
  B.join();
  std::printf("processed=%d\n", processed.load());
}
