// corpus: racy
// pattern: std::async search tasks counting matches into a captured local
// race: main::matches
//
// Racy: both async tasks capture `matches` by reference and increment it
// concurrently; futures only order each task's end before get().
#include <cstdio>
#include <future>
#include <string>
#include <vector>

int main() {
  std::vector<std::string> Lines(4000, "GET /index.html 200");
  for (size_t I = 0; I < Lines.size(); I += 3)
    Lines[I] = "GET /missing 404";
  int matches = 0;
  auto Scan = [&](size_t Begin, size_t End) {
    for (size_t I = Begin; I < End; ++I)
      if (Lines[I].find(" 404") != std::string::npos)
        ++matches; // RACE
  };
  size_t Half = Lines.size() / 2;
  auto A = std::async(std::launch::async, Scan, 0, Half);
  auto B = std::async(std::launch::async, Scan, Half, Lines.size());
  A.get();
  B.get();
  std::printf("404s=%d\n", matches);
}
