//===- OpenMPSharing.h - Data-sharing attributes by OpenMP's rules --------===//
//
// Models: the data-sharing attribute of a variable referenced inside nested
// OpenMP constructs, as the specification decides it (OpenMP 5.2, 5.1.1):
//
//  * predetermined: threadprivate and thread_local variables are private to
//    each thread; the counters of a worksharing, taskloop, distribute or
//    simd loop are private; variables declared inside a construct are
//    private to whoever runs the declaration, unless static (shared);
//  * explicit: private, firstprivate, lastprivate, reduction, in_reduction,
//    task_reduction, linear make a copy for each thread or task of the
//    construct; shared keeps the enclosing context's storage; a map keeps
//    one copy for the device's threads;
//  * implicit: a parallel or teams construct shares what it does not list,
//    unless default(private|firstprivate); a task shares what the team
//    shares and takes a firstprivate copy of what is private where it is
//    created (default(shared) shares everything); a target construct takes
//    a firstprivate copy of scalars it does not map.
//
// A decision names the construct whose instance owns the storage (a frame
// of the stack, or none: the function's frame or global memory), whether a
// thread or task other than the owner can see it (a parallel, teams, task
// or target construct lies between the owner and the access), and the rule,
// for messages.
//
// Does not model: Fortran's rules (inner sequential loop counters private),
// `allocate`, `uses_allocators`, or a reference parameter's caller.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_OPENMPSHARING_H
#define CONCUR_FACTS_OPENMPSHARING_H

#include "clang/AST/Decl.h"
#include "clang/AST/StmtOpenMP.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace concur {
namespace extract {

struct SharingFrame {
  const clang::OMPExecutableDirective *D = nullptr;
  int Node = -1;
  std::string Name; // The directive as written: "parallel for".
  /// Variables listed in data-sharing clauses, and the clause.
  std::map<const clang::VarDecl *, std::string> Listed;
  std::set<const clang::VarDecl *> Counters;
  std::string Default; // "", "shared", "none", "private", "firstprivate".
  bool Team = false;   // parallel, teams: a team of threads runs the block.
  bool Task = false;   // task, taskloop, target: a task runs it.
  bool Target = false;

  /// Reads the directive's clauses and loop counters.
  static SharingFrame of(const clang::OMPExecutableDirective *D, int Node);
};

struct SharingDecision {
  /// Some thread or task other than the owner may reach the storage.
  bool Crossing = false;
  /// Never shared: threadprivate, or a private copy nobody else sees.
  bool ThreadPrivate = false;
  /// The frame whose instance owns the storage; -1 for the function's own
  /// frame (a local declared outside every construct) or global memory.
  int OwnerFrame = -1;
  bool Global = false;
  /// Why: "shared(x) on 'task'", "shared by default in 'parallel'",
  /// "private(x) on 'for'", "global", ...
  std::string Rule;
};

class SharingScope {
public:
  void push(SharingFrame F) { Frames.push_back(std::move(F)); }
  void pop() { Frames.pop_back(); }
  const std::vector<SharingFrame> &frames() const { return Frames; }

  /// A variable declared here: private to the innermost frame's instance.
  void declare(const clang::VarDecl *VD) {
    DeclaredIn[VD] = static_cast<int>(Frames.size()) - 1;
  }

  /// The storage a reference to VD reaches. ForValue: the variable's value
  /// is what matters (a pointer being dereferenced, a subscript): a
  /// firstprivate copy has the value of its original.
  SharingDecision decide(const clang::VarDecl *VD, bool ForValue) const;

private:
  SharingDecision decideFrom(const clang::VarDecl *VD, int Top,
                             bool ForValue) const;
  int teamBelow(int F) const;

  std::vector<SharingFrame> Frames;
  std::map<const clang::VarDecl *, int> DeclaredIn;
};

} // namespace extract
} // namespace concur

#endif // CONCUR_FACTS_OPENMPSHARING_H
