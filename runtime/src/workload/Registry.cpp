//===- Registry.cpp - Where Registrar objects put their workloads ---------===//

#include "concur/workload.hpp"

#include <algorithm>

namespace concur::workload {

// Function-local statics: registrars in other translation units run during
// static initialisation, in an order nobody controls.
static std::vector<Workload> &mutableRegistry() {
  static std::vector<Workload> Registry;
  return Registry;
}

static std::vector<std::string> &mutableDuplicates() {
  static std::vector<std::string> Duplicates;
  return Duplicates;
}

static void add(const char *Name, PlainFunction Fn, CoroutineFunction Coro) {
  std::vector<Workload> &Registry = mutableRegistry();
  std::string Key = Name ? Name : "";
  if (std::any_of(Registry.begin(), Registry.end(),
                  [&](const Workload &W) { return W.Name == Key; })) {
    mutableDuplicates().push_back(Key);
    return;
  }
  Registry.push_back(Workload{Key, std::move(Fn), Coro});
}

const std::vector<Workload> &registeredWorkloads() { return mutableRegistry(); }

const std::vector<std::string> &duplicateWorkloadNames() {
  return mutableDuplicates();
}

Registrar::Registrar(const char *Name, PlainFunction Fn) {
  add(Name, std::move(Fn), nullptr);
}

Registrar::Registrar(const char *Name, CoroutineFunction Coro) {
  add(Name, nullptr, Coro);
}

Registrar::Registrar(const char *Name, PlainFunction Fn,
                     CoroutineFunction Coro) {
  add(Name, std::move(Fn), Coro);
}

} // namespace concur::workload
