//===- Cores.cpp - CPU sets, pinning and the machine's topology -----------===//

#include "support/Cores.h"
#include "support/Errors.h"

#include <sched.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace concur::runtime {

static bool parseNumber(const std::string &Text, size_t &Pos, int &Out) {
  size_t Start = Pos;
  long Value = 0;
  while (Pos < Text.size() &&
         std::isdigit(static_cast<unsigned char>(Text[Pos]))) {
    Value = Value * 10 + (Text[Pos] - '0');
    if (Value > 1000000)
      return false;
    ++Pos;
  }
  Out = static_cast<int>(Value);
  return Pos > Start;
}

CoreSet parseCoreList(const std::string &Text, const std::string &OptionName) {
  std::string Trimmed;
  for (char C : Text)
    if (!std::isspace(static_cast<unsigned char>(C)))
      Trimmed += C;
  if (Trimmed.empty())
    throw UsageError(OptionName + " '" + Text +
                     "' names no CPU; give a list such as 0-1 or 0,2 "
                     "(allowed here: " +
                     formatCoreList(allowedCores()) + ")");
  CoreSet Cores;
  size_t Pos = 0;
  auto Malformed = [&] {
    return UsageError(OptionName + " '" + Text +
                      "' is not a CPU list; write it like 0-3 or 0,2,4 "
                      "(allowed here: " +
                      formatCoreList(allowedCores()) + ")");
  };
  while (Pos < Trimmed.size()) {
    int First, Last;
    if (!parseNumber(Trimmed, Pos, First))
      throw Malformed();
    Last = First;
    if (Pos < Trimmed.size() && Trimmed[Pos] == '-') {
      ++Pos;
      if (!parseNumber(Trimmed, Pos, Last) || Last < First)
        throw Malformed();
    }
    for (int Cpu = First; Cpu <= Last; ++Cpu)
      Cores.push_back(Cpu);
    if (Pos < Trimmed.size()) {
      if (Trimmed[Pos] != ',' || Pos + 1 == Trimmed.size())
        throw Malformed();
      ++Pos;
    }
  }
  std::sort(Cores.begin(), Cores.end());
  Cores.erase(std::unique(Cores.begin(), Cores.end()), Cores.end());
  return Cores;
}

std::string formatCoreList(const CoreSet &Cores) {
  std::string Out;
  for (size_t I = 0; I < Cores.size();) {
    size_t J = I;
    while (J + 1 < Cores.size() && Cores[J + 1] == Cores[J] + 1)
      ++J;
    if (!Out.empty())
      Out += ',';
    Out += std::to_string(Cores[I]);
    if (J > I) {
      Out += J == I + 1 ? ',' : '-';
      Out += std::to_string(Cores[J]);
    }
    I = J + 1;
  }
  return Out;
}

CoreSet allowedCores() {
  cpu_set_t Mask;
  CPU_ZERO(&Mask);
  CoreSet Cores;
  if (sched_getaffinity(0, sizeof(Mask), &Mask) != 0)
    return Cores;
  for (int Cpu = 0; Cpu < CPU_SETSIZE; ++Cpu)
    if (CPU_ISSET(Cpu, &Mask))
      Cores.push_back(Cpu);
  return Cores;
}

CoreSet resolveCores(const std::string &Spec, const std::string &OptionName) {
  CoreSet Allowed = allowedCores();
  if (Spec.empty())
    return Allowed;
  CoreSet Cores = parseCoreList(Spec, OptionName);
  for (int Cpu : Cores)
    if (!std::binary_search(Allowed.begin(), Allowed.end(), Cpu))
      throw UsageError(OptionName + " '" + Spec + "' includes CPU " +
                       std::to_string(Cpu) +
                       ", which this process may not run on; choose from "
                       "the allowed CPUs " +
                       formatCoreList(Allowed));
  return Cores;
}

void pinCallingThread(const CoreSet &Cores) {
  cpu_set_t Mask;
  CPU_ZERO(&Mask);
  for (int Cpu : Cores)
    CPU_SET(Cpu, &Mask);
  // pid 0 means the calling thread on Linux, which is what threads and
  // forked workers need: each pins itself.
  if (sched_setaffinity(0, sizeof(Mask), &Mask) != 0)
    throw RunError("cannot pin to CPUs " + formatCoreList(Cores) + ": " +
                   std::strerror(errno));
}

static std::string readTrimmed(const std::string &Path) {
  std::ifstream In(Path);
  std::string Line;
  if (!In || !std::getline(In, Line))
    return "";
  while (!Line.empty() && std::isspace(static_cast<unsigned char>(Line.back())))
    Line.pop_back();
  return Line;
}

nlohmann::json machineTopology() {
  const std::string Root = "/sys/devices/system/cpu/";
  nlohmann::json Topology;
  Topology["source"] = Root;
  std::string Online = readTrimmed(Root + "online");
  Topology["online"] = Online;
  Topology["allowed"] = formatCoreList(allowedCores());
  nlohmann::json Cpus = nlohmann::json::array();
  CoreSet OnlineSet;
  try {
    OnlineSet = parseCoreList(Online, "online");
  } catch (const UsageError &) {
    OnlineSet = allowedCores();
  }
  for (int Cpu : OnlineSet) {
    std::string Dir = Root + "cpu" + std::to_string(Cpu) + "/topology/";
    nlohmann::json Entry;
    Entry["cpu"] = Cpu;
    auto AsInt = [](const std::string &S) -> nlohmann::json {
      if (S.empty())
        return nullptr;
      try {
        return std::stoi(S);
      } catch (...) {
        return nullptr;
      }
    };
    Entry["core_id"] = AsInt(readTrimmed(Dir + "core_id"));
    Entry["package_id"] = AsInt(readTrimmed(Dir + "physical_package_id"));
    Entry["thread_siblings"] = readTrimmed(Dir + "thread_siblings_list");
    std::string MaxKHz = readTrimmed(Root + "cpu" + std::to_string(Cpu) +
                                     "/cpufreq/cpuinfo_max_freq");
    Entry["max_mhz"] = MaxKHz.empty()
                           ? nlohmann::json(nullptr)
                           : nlohmann::json(std::stol(MaxKHz) / 1000);
    Cpus.push_back(Entry);
  }
  Topology["cpus"] = Cpus;
  std::ifstream CpuInfo("/proc/cpuinfo");
  std::string Line;
  while (std::getline(CpuInfo, Line))
    if (Line.rfind("model name", 0) == 0) {
      Topology["model_name"] = Line.substr(Line.find(':') + 2);
      break;
    }
  return Topology;
}

std::vector<CpuTicks> readCpuTicks(const CoreSet &Cores) {
  std::vector<CpuTicks> Result(Cores.size());
  std::ifstream Stat("/proc/stat");
  std::string Line;
  while (std::getline(Stat, Line)) {
    if (Line.size() < 4 || Line.compare(0, 3, "cpu") != 0 ||
        !std::isdigit(static_cast<unsigned char>(Line[3])))
      continue;
    std::istringstream Fields(Line.substr(3));
    int Cpu;
    Fields >> Cpu;
    auto It = std::lower_bound(Cores.begin(), Cores.end(), Cpu);
    if (It == Cores.end() || *It != Cpu)
      continue;
    // user nice system idle iowait irq softirq steal; idle and iowait are
    // the time the CPU had nothing to run.
    std::uint64_t Value, Total = 0, Idle = 0;
    for (int Field = 0; Field < 8 && (Fields >> Value); ++Field) {
      Total += Value;
      if (Field == 3 || Field == 4)
        Idle += Value;
    }
    CpuTicks &T = Result[It - Cores.begin()];
    T.Total = Total;
    T.Busy = Total - Idle;
  }
  return Result;
}

} // namespace concur::runtime
