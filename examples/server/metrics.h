//===- metrics.h - Request counters shared by every thread ------*- C++ -*-===//
//
// Sessions count requests on the event loop while jobs on the blocking pool
// count the bytes they save, so the counters sit behind a mutex. The resident
// set size has one writer and is read anywhere: an atomic is enough.
//
//===----------------------------------------------------------------------===//

#ifndef EXAMPLE_SERVER_METRICS_H
#define EXAMPLE_SERVER_METRICS_H

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

class Metrics {
public:
  void record_request(std::string_view command);
  void record_bytes_saved(std::size_t bytes);

  /// One line: the time, then each command with its count, busiest first.
  std::string render_report() const;

  std::uint64_t total_requests() const;

  void set_resident_kb(long kilobytes) {
    resident_kb_.store(kilobytes, std::memory_order_relaxed);
  }
  long resident_kb() const {
    return resident_kb_.load(std::memory_order_relaxed);
  }

private:
  mutable std::mutex mutex_;
  std::map<std::string, std::uint64_t, std::less<>> requests_by_command_;
  std::uint64_t bytes_saved_ = 0;
  std::atomic<long> resident_kb_{0};
};

/// The process's resident set size in KiB, from /proc/self/statm (0 where
/// there is no /proc).
long read_resident_set_kb();

#endif // EXAMPLE_SERVER_METRICS_H
