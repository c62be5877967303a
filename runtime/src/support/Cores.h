//===- Cores.h - CPU sets, pinning and the machine's topology -------------===//

#ifndef CONCUR_RUNTIME_SUPPORT_CORES_H
#define CONCUR_RUNTIME_SUPPORT_CORES_H

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace concur::runtime {

/// CPU numbers as the kernel counts them, sorted and without duplicates.
using CoreSet = std::vector<int>;

/// Parses a kernel-style CPU list ("0-3,6"). Throws UsageError naming
/// OptionName when the text is empty or not a list.
CoreSet parseCoreList(const std::string &Text, const std::string &OptionName);

/// The inverse of parseCoreList, with ranges folded ("0-3,6").
std::string formatCoreList(const CoreSet &Cores);

/// The CPUs this process may run on (its affinity mask).
CoreSet allowedCores();

/// Parses Spec and checks every CPU is allowed; an empty Spec means all
/// allowed CPUs. Throws UsageError with the allowed set in the message.
CoreSet resolveCores(const std::string &Spec, const std::string &OptionName);

/// Restricts the calling thread (and whatever it later creates or forks) to
/// Cores. Throws RunError when the kernel refuses.
void pinCallingThread(const CoreSet &Cores);

/// What /sys/devices/system/cpu says about the machine: online CPUs and, per
/// CPU, its core, package and hyperthread siblings.
nlohmann::json machineTopology();

/// Cumulative busy and total ticks of one CPU from /proc/stat.
struct CpuTicks {
  std::uint64_t Busy = 0;
  std::uint64_t Total = 0;
};

/// Ticks for each CPU in Cores, in the same order; zeros when unreadable.
std::vector<CpuTicks> readCpuTicks(const CoreSet &Cores);

} // namespace concur::runtime

#endif // CONCUR_RUNTIME_SUPPORT_CORES_H
