//===- FunctionBoundnessCheck.h - concur-function-boundness ---------------===//
//
// For every function: CPU-bound, I/O-bound, mixed or negligible, with two
// scores and the evidence (WorkEstimate.h). Off by default: it describes
// rather than finds; `--checks=concur-function-boundness` or `concur advise`
// prints it, and the JSON report always carries it in functions[].
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_CHECKS_FUNCTIONBOUNDNESSCHECK_H
#define CONCUR_CHECKS_FUNCTIONBOUNDNESSCHECK_H

#include "checks/Check.h"

namespace concur {

class FunctionBoundnessCheck : public Check {
public:
  static constexpr const char *Name = "concur-function-boundness";
  void run(const Program &P, std::vector<Finding> &Out,
           CheckStats &Stats) override;
};

} // namespace concur

#endif // CONCUR_CHECKS_FUNCTIONBOUNDNESSCHECK_H
