// corpus: safe
// pattern: std::async search tasks returning their match counts
//
// Safe: twin of async_ref_capture_racy; each task counts into its own local
// and returns it, and get() orders the task before main's addition.
#include <cstdio>
#include <future>
#include <string>
#include <vector>

int main() {
  std::vector<std::string> Lines(4000, "GET /index.html 200");
  for (size_t I = 0; I < Lines.size(); I += 3)
    Lines[I] = "GET /missing 404";
  auto Scan = [&](size_t Begin, size_t End) {
    int Found = 0;
    for (size_t I = Begin; I < End; ++I)
      if (Lines[I].find(" 404") != std::string::npos)
        ++Found;
    return Found;
  };
  size_t Half = Lines.size() / 2;
  auto A = std::async(std::launch::async, Scan, 0, Half);
  auto B = std::async(std::launch::async, Scan, Half, Lines.size());
  int matches = A.get() + B.get();
  std::printf("404s=%d\n", matches);
}
