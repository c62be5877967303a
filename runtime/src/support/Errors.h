//===- Errors.h - The two ways a profiler run can fail --------------------===//
//
// Usage errors (bad arguments, unreadable inputs) exit with 2 before anything
// runs or is written; run errors (a workload crashed or timed out) exit with
// 1. Both carry a single line naming the thing at fault and the fix.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_RUNTIME_SUPPORT_ERRORS_H
#define CONCUR_RUNTIME_SUPPORT_ERRORS_H

#include <stdexcept>
#include <string>

namespace concur::runtime {

constexpr int ExitRunFailure = 1;
constexpr int ExitUsage = 2;

class UsageError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

class RunError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

} // namespace concur::runtime

#endif // CONCUR_RUNTIME_SUPPORT_ERRORS_H
