// corpus: racy
// pattern: in-memory crash log buffer; appenders lock, but the dump path
//          (meant for a crash handler) copies it without the lock
// race: g_log_count
// race: g_log_entries
//
// Racy: the dumper reads g_log_count and g_log_entries with no lock while the
// appenders write them under g_log_mutex, so nothing orders the two sides.
#include <chrono>
#include <cstdio>
#include <iterator>
#include <mutex>
#include <thread>

std::mutex g_log_mutex;
struct LogEntry {
  long Timestamp;
  int Code;
};
LogEntry g_log_entries[4096];
size_t g_log_count = 0;

static void logLine(long Timestamp, int Code) {
  std::lock_guard<std::mutex> Lock(g_log_mutex);
  size_t Pos = g_log_count;
  if (Pos == std::size(g_log_entries)) // full: drop the entry
    return;
  g_log_entries[Pos] = LogEntry{Timestamp, Code}; // RACE
  g_log_count = Pos + 1;                          // RACE
}

// Must not block: it is also called from the fatal-signal handler.
static long dumpLog() {
  long Checksum = 0;
  size_t N = g_log_count; // RACE
  for (size_t I = 0; I < N; ++I)
    Checksum += g_log_entries[I].Code; // RACE
  return Checksum;
}

static void appender(int Code) {
  for (int I = 0; I < 800; ++I) {
    logLine(I, Code);
    if (I % 100 == 0)
      std::this_thread::sleep_for(std::chrono::microseconds(20));
  }
}

int main() {
  std::thread A(appender, 1), B(appender, 2);
  long Dumped = 0;
  for (int I = 0; I < 5; ++I) {
    std::this_thread::sleep_for(std::chrono::microseconds(100));
    Dumped = dumpLog();
  }
  A.join();
  B.join();
  std::printf("dump checksum %ld, final %zu entries\n", Dumped, g_log_count);
}
