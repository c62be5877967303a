//===- metrics.cpp - Request counters shared by every thread --------------===//

#include "metrics.h"

#include <algorithm>
#include <ctime>
#include <fstream>
#include <unistd.h>
#include <utility>
#include <vector>

void Metrics::record_request(std::string_view command) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto counter = requests_by_command_.find(command);
  if (counter == requests_by_command_.end())
    counter = requests_by_command_.emplace(std::string(command), 0).first;
  ++counter->second;
}

void Metrics::record_bytes_saved(std::size_t bytes) {
  std::lock_guard<std::mutex> lock(mutex_);
  bytes_saved_ += bytes;
}

std::uint64_t Metrics::total_requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::uint64_t total = 0;
  for (const auto &[command, count] : requests_by_command_)
    total += count;
  return total;
}

std::string Metrics::render_report() const {
  std::vector<std::pair<std::string, std::uint64_t>> counts;
  std::uint64_t bytes_saved = 0;
  {
    // Copy under the lock, format without it: formatting is the slow part.
    std::lock_guard<std::mutex> lock(mutex_);
    counts.assign(requests_by_command_.begin(), requests_by_command_.end());
    bytes_saved = bytes_saved_;
  }
  std::sort(counts.begin(), counts.end(), [](const auto &a, const auto &b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });

  std::time_t now = std::time(nullptr);
  char stamp[32] = "?";
  // localtime returns a pointer to one static struct tm shared by the whole
  // process; localtime_r would be the thread-safe choice.
  if (const std::tm *local = std::localtime(&now))
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", local);

  std::string report = "STATS at ";
  report += stamp;
  for (const auto &[command, count] : counts)
    report += " " + command + "=" + std::to_string(count);
  report += " bytes_saved=" + std::to_string(bytes_saved);
  report += " rss_kb=" + std::to_string(resident_kb());
  return report;
}

long read_resident_set_kb() {
  std::ifstream statm("/proc/self/statm");
  long total_pages = 0;
  long resident_pages = 0;
  if (!(statm >> total_pages >> resident_pages))
    return 0;
  return resident_pages * (sysconf(_SC_PAGESIZE) / 1024);
}
