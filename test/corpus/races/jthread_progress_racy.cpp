// corpus: racy
// pattern: std::jthread importer publishing progress that the UI thread polls
// race: g_progress
//
// Racy: main reads g_progress while the jthread is still writing it; the
// jthread's join only happens when it goes out of scope.
#include <chrono>
#include <cstdio>
#include <thread>

int g_progress = 0; // percent done

int main() {
  int Shown = -1;
  {
    std::jthread Importer([](std::stop_token Stop) {
      for (int Row = 0; Row < 4000 && !Stop.stop_requested(); ++Row) {
        if (Row % 40 == 0) {
          g_progress = Row / 40; // RACE
          std::this_thread::sleep_for(std::chrono::microseconds(10));
        }
      }
    });
    for (int Tick = 0; Tick < 10; ++Tick) {
      Shown = g_progress; // RACE
      std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
  }
  std::printf("last shown %d%%\n", Shown);
}
