//===- OpenMPRaceCheck.h - concur-openmp-race -----------------------------===//
//
// Data races in OpenMP code, by OpenMP's own rules: which variables a
// construct shares (OpenMPSharing), which threads, iterations and tasks run
// each access and what orders them (OpenMPStrands), and whether two
// accesses can touch the same element (OpenMPDependence). Two accesses race
// when one writes, they are not both atomic, no common lock or critical
// section guards them, and some pair of strands runs them unordered: two
// threads in one barrier phase, two iterations of a worksharing loop, a
// task and its creator before a taskwait, two tasks no depend clause
// orders. One finding per pair of places, naming the rule that lets them
// run at once and the rule that shares the memory.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_CHECKS_OPENMPRACECHECK_H
#define CONCUR_CHECKS_OPENMPRACECHECK_H

#include "checks/Check.h"

namespace concur {

class OpenMPRaceCheck : public Check {
public:
  static constexpr const char *Name = "concur-openmp-race";
  void run(const Program &P, std::vector<Finding> &Out,
           CheckStats &Stats) override;
};

} // namespace concur

#endif // CONCUR_CHECKS_OPENMPRACECHECK_H
