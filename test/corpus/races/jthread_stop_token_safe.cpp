// corpus: safe
// pattern: std::jthread importer cancelled through its stop_token
//
// Safe: the importer's only shared state is the stop_token (thread-safe);
// main reads g_progress only after the jthread's destructor joined it.
#include <chrono>
#include <cstdio>
#include <thread>

int g_progress = 0; // rows imported

int main() {
  {
    std::jthread Importer([](std::stop_token Stop) {
      for (int Row = 0; Row < 1000000 && !Stop.stop_requested(); ++Row) {
        g_progress = Row;
        if (Row % 64 == 0)
          std::this_thread::sleep_for(std::chrono::microseconds(10));
      }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    Importer.request_stop();
  } // ~jthread joins here
  std::printf("imported %d rows before cancel\n", g_progress);
}
