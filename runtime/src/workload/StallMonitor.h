//===- StallMonitor.h - Catching resumptions that block the event loop ----===//
//
// Every handler an io_context runs for a coroutine (its start and each
// resumption after an await) goes through the coroutine's executor. Wrapping
// that executor lets us time each resumption from the moment the loop thread
// enters it to the moment the coroutine suspends again: the loop is stalled
// for exactly that long. A resumption that blocked shows a voluntary context
// switch (it slept in the kernel) or wall time far above its CPU time
// (over twice as long, and by more than a millisecond).
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_RUNTIME_WORKLOAD_STALLMONITOR_H
#define CONCUR_RUNTIME_WORKLOAD_STALLMONITOR_H

#include <asio/execution.hpp>
#include <asio/prefer.hpp>
#include <asio/query.hpp>
#include <asio/require.hpp>

#include <cstdint>
#include <utility>

namespace concur::runtime {

struct StallStats {
  std::uint64_t Resumptions = 0;
  std::uint64_t BlockedResumptions = 0;
  double LongestResumptionSeconds = 0;
  double BlockedSeconds = 0;
};

/// Times the outermost handler on the loop thread; nested handlers (Asio
/// may run a completion inline inside another) belong to their parent.
class StallMonitor {
public:
  /// Wall time above CPU time beyond which an unpreempted resumption is
  /// taken to have waited: far above scheduler jitter, far below any real
  /// blocking call worth reporting.
  static constexpr double WaitThresholdSeconds = 0.001;

  template <typename Function> void run(Function &Fn) {
    if (Depth++ > 0) {
      Guard G{Depth};
      std::move(Fn)();
      return;
    }
    Sample Before = sample();
    {
      Guard G{Depth};
      std::move(Fn)();
    }
    record(Before, sample());
  }

  const StallStats &stats() const { return Stats; }

private:
  struct Guard {
    int &Depth;
    ~Guard() { --Depth; }
  };
  struct Sample {
    double Wall, Cpu;
    long Voluntary, Involuntary;
  };
  static Sample sample();
  void record(const Sample &Before, const Sample &After);

  int Depth = 0;
  StallStats Stats;
};

/// An Asio standard executor that runs everything its inner executor would,
/// inside StallMonitor::run. Properties are forwarded so that it can stand
/// wherever the inner one could, including inside any_io_executor.
template <typename Inner> class MonitoredExecutor {
public:
  MonitoredExecutor(Inner InnerExecutor, StallMonitor *Monitor)
      : InnerExecutor(std::move(InnerExecutor)), Monitor(Monitor) {}

  template <typename Function> void execute(Function &&Fn) const {
    asio::execution::execute(
        InnerExecutor, [Fn = std::forward<Function>(Fn),
                        Monitor = Monitor]() mutable { Monitor->run(Fn); });
  }

  template <typename Property>
  auto query(const Property &P) const
      -> decltype(asio::query(std::declval<const Inner &>(), P)) {
    return asio::query(InnerExecutor, P);
  }

  template <typename Property>
  auto require(const Property &P) const -> MonitoredExecutor<
      std::decay_t<decltype(asio::require(std::declval<const Inner &>(), P))>> {
    return {asio::require(InnerExecutor, P), Monitor};
  }

  template <typename Property>
  auto prefer(const Property &P) const -> MonitoredExecutor<
      std::decay_t<decltype(asio::prefer(std::declval<const Inner &>(), P))>> {
    return {asio::prefer(InnerExecutor, P), Monitor};
  }

  friend bool operator==(const MonitoredExecutor &A,
                         const MonitoredExecutor &B) noexcept {
    return A.InnerExecutor == B.InnerExecutor && A.Monitor == B.Monitor;
  }
  friend bool operator!=(const MonitoredExecutor &A,
                         const MonitoredExecutor &B) noexcept {
    return !(A == B);
  }

private:
  Inner InnerExecutor;
  StallMonitor *Monitor;
};

} // namespace concur::runtime

#endif // CONCUR_RUNTIME_WORKLOAD_STALLMONITOR_H
