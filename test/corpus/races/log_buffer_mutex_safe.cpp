// corpus: safe
// pattern: in-memory log buffer written by threads and snapshotted by a
//          dumper thread
//
// Safe: twin of log_buffer_racy; the dump path takes g_log_mutex too.
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
  g_log_entries[Pos] = LogEntry{Timestamp, Code};
  g_log_count = Pos + 1;
}

static long dumpLog() {
  std::lock_guard<std::mutex> Lock(g_log_mutex);
  long Checksum = 0;
  for (size_t I = 0; I < g_log_count; ++I)
    Checksum += g_log_entries[I].Code;
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
