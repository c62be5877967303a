//===- OpenMPStrands.h - Who runs each access of an OpenMP region ---------===//
//
// Models: one walk of an OpenMP region from its outermost parallel (or
// teams) construct, through the skeletons of the functions it calls,
// giving every access the strand that runs it: the path of team steps
// (a thread of a team: its barrier phase, its thread-number symbol, the
// worksharing loop iteration it is in) and task steps (an explicit task,
// with when it was created and when a taskwait, taskgroup or barrier
// ended it) from the region down, the locks and critical sections it
// holds, the conditions of the branches around it, and its subscripts in
// symbols of the whole walk.
//
// OpenMP's execution rules, as the walk applies them:
//  * a parallel or teams construct starts a team step; num_threads(1) or
//    if(0) makes a team of one thread;
//  * for, distribute, loop, simd and taskloop distribute their iterations:
//    the counters of the associated loops (collapse) are the iteration's
//    symbols; master and masked fix the thread number (filter), single and
//    each section run on one thread (a symbol of their own);
//  * barriers (explicit, and at the end of for, sections, single, scope
//    and workshare unless nowait) start a new phase; a sequential loop or
//    a branch that contains barriers merges the phases it spans;
//  * critical (by name), ordered, omp_set_lock/omp_unset_lock (and
//    omp_test_lock on its success branch) hold locks; the ordered
//    construct and doacross waits order the iterations of their loop;
//  * a task (and target nowait) starts a task step; it ends at the first
//    taskwait of its creator, the end of an enclosing taskgroup, or the
//    next barrier; tasks created in a loop whose end does not wait for
//    them overlap each other and the loop's later iterations;
//  * reduction, lastprivate and firstprivate read or write the original
//    variable as their clauses say (each thread; the last iteration's
//    thread; each thread at the start).
//
// Does not model: cancellation, tasks created in final or mergeable tasks
// differently from others, detach, or affinity.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_CHECKS_OPENMPSTRANDS_H
#define CONCUR_CHECKS_OPENMPSTRANDS_H

#include "program/Program.h"

#include <climits>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace concur {
namespace omp {

struct StrandStep {
  enum Kind { Team, TaskStep } K = Team;
  int Id = -1;        // The construct occurrence that started the step.
  unsigned Enter = 0; // Where in its parent strand it started.
  // Team steps.
  int Phase = 0;
  std::string Tid; // This team's thread-number symbol.
  /// In a worksharing loop (or a simd loop): its occurrence and the
  /// iteration's counters.
  int LoopId = -1;
  std::vector<std::string> Iteration;
  std::string ScheduleKey; // Explicit static schedules pair iterations.
  long long Safelen = -1;  // simd: iterations this close run together.
  bool OneThread = false;
  // Task steps.
  int Task = -1;
};

struct HeldLockRef {
  std::string Base;               // Lock, critical or ordered key.
  std::vector<OmpAffine> Indexes; // An element of an array of locks.
  std::string Display;
};

struct AccessInstance {
  SourceLoc Loc;
  std::string Function;
  std::string RootKey;
  std::string Display;
  std::vector<std::string> Steps;
  std::vector<OmpAffine> Indexes;
  bool Write = false;
  bool Atomic = false;
  std::string Event; // "", "firstprivate", "lastprivate", "reduction".
  std::string Sharing;
  std::vector<StrandStep> Path;
  /// The strand (index into Path) whose instance owns the memory; -1 when
  /// every strand of the walk reaches the same memory.
  int OwnerDepth = -1;
  std::vector<HeldLockRef> Locks;
  std::vector<OmpConstraint> Conditions;
  unsigned Pos = 0;
};

struct TaskInstance {
  int Id = -1;
  std::string Name;
  SourceLoc Loc;
  unsigned Create = 0;
  unsigned Sync = UINT_MAX;
  SourceLoc SyncLoc;
  std::string SyncBy; // "the taskwait", "the barrier of 'single'", ...
  /// The innermost loop around the creation, in the creating strand.
  bool InLoop = false;
  unsigned LoopBegin = 0, LoopEnd = UINT_MAX;
  /// Counters that tell instances of this task apart (loops around its
  /// creation, a taskloop's own).
  std::vector<std::string> Instance;
  bool Taskloop = false;
  std::vector<std::pair<std::string, std::string>> Depends; // (kind, item)
  size_t Depth = 0; // Its step's index in the path.
  int Creator = -1; // The step (construct occurrence) that created it.
};

struct Construct {
  std::string Name;
  SourceLoc Loc;
};

/// Everything one walk found.
struct RegionWalk {
  std::vector<AccessInstance> Accesses;
  std::vector<TaskInstance> Tasks;
  std::map<int, Construct> Constructs;
  /// Ranges of counters and thread numbers: symbol -> (lower, upper, step).
  std::map<std::string, OmpCounter> Ranges;
  /// Symbols with one value for every strand of the walk.
  std::set<std::string> Shared;
  /// Phases merged by a sequential loop or branch with barriers, and the
  /// nowait that left two constructs in one phase.
  std::vector<int> PhaseParent;
  std::map<int, SourceLoc> NowaitIn;
  bool Truncated = false;

  int phase(int P) const {
    while (PhaseParent[P] != P)
      P = PhaseParent[P];
    return P;
  }
};

/// Walks the region starting at node Start of Function's skeleton; with
/// Start -1, the whole function as run by one initial thread.
RegionWalk walkRegion(const Program &P, const FunctionFacts &Function,
                      int Start);

/// A symbol as the code names it.
std::string displaySymbol(const std::string &Symbol);
std::string displayAffine(const OmpAffine &A);

} // namespace omp
} // namespace concur

#endif // CONCUR_CHECKS_OPENMPSTRANDS_H
