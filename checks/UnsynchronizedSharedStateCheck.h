//===- UnsynchronizedSharedStateCheck.h - concur-unsynchronized-shared-state =//
//
// Static race detection without annotations, after the design of Infer's
// RacerD: each function is reduced to its memory accesses (symbolic paths),
// the locks held at each, and its thread events; this check runs every
// thread from where it starts, binds `this` and parameters to what the
// spawner passed, and reports pairs of accesses to the same memory, at least
// one a write, from two threads that can run at the same time, with no common
// lock and no ordering between them (start, join, release/acquire, once).
//
// Precision first: an access is only reported when both sides are known to
// reach the same object. Unknown pointers, array elements at unknown indexes
// and objects created inside a thread are taken as not shared.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_CHECKS_UNSYNCHRONIZEDSHAREDSTATECHECK_H
#define CONCUR_CHECKS_UNSYNCHRONIZEDSHAREDSTATECHECK_H

#include "checks/Check.h"

namespace concur {

class UnsynchronizedSharedStateCheck : public Check {
public:
  static constexpr const char *Name = "concur-unsynchronized-shared-state";
  void run(const Program &P, std::vector<Finding> &Out,
           CheckStats &Stats) override;
};

} // namespace concur

#endif // CONCUR_CHECKS_UNSYNCHRONIZEDSHAREDSTATECHECK_H
