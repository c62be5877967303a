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

#include <algorithm>
#include <climits>
#include <map>
#include <optional>
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
  /// The segment between two barriers the access is in, and the sequential
  /// loops with barriers around it in this team (instances in
  /// RegionWalk::Loops).
  int Phase = 0;
  std::vector<int> Loops;
  /// The arms of branches it is in (branch instance, arm).
  std::vector<std::pair<int, int>> Arms;
  std::string Tid; // This team's thread-number symbol.
  /// In a worksharing loop (or a simd loop): its occurrence and the
  /// iteration's counters.
  int LoopId = -1;
  std::vector<std::string> Iteration;
  std::string ScheduleKey; // Explicit static schedules pair iterations.
  std::string RangeKey;    // The loop's ranges, whatever its schedule.
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
  /// Segments between barriers. Two segments overlap (run in one barrier
  /// interval) when a loop or branch with barriers joins them: the last
  /// segment of a loop's body with the first one (of the next iteration)
  /// and with what follows the loop; the first one with what precedes it.
  int Phases = 0;
  std::set<std::pair<int, int>> Overlap;
  /// The nowait that left two constructs in one segment.
  std::map<int, SourceLoc> NowaitIn;
  /// Sequential loops whose bodies have barriers: their first and last
  /// segments, and their counter (two accesses in one segment of the body
  /// are in one iteration).
  struct BarrierLoop {
    int First = -1, Last = -1;
    std::string Counter;
    long long Step = 1;
  };
  std::map<int, BarrierLoop> Loops;
  /// Branches whose conditions compare only known values: their symbols.
  /// When every thread sees the same values, all take the same arm.
  std::map<int, std::set<std::string>> Branches;
  /// Locals every thread of a call computes alike ("u:" symbols of called
  /// functions): one value when the call's arguments are. The context's
  /// argument symbols, by context prefix ("c3/").
  std::map<std::string, std::set<std::string>> CallInputs;
  /// What holds of quotient and remainder symbols, renamed into the walk.
  std::map<std::string, std::vector<OmpConstraint>> Facts;
  /// Reads of a called function's own arrays: one per call, per thread.
  std::set<std::string> PrivateReads;
  bool Truncated = false;

  bool overlap(int A, int B) const {
    return A == B || Overlap.count({std::min(A, B), std::max(A, B)});
  }
};

/// Walks the region starting at node Start of Function's skeleton; with
/// Start -1, the whole function as run by one initial thread.
RegionWalk walkRegion(const Program &P, const FunctionFacts &Function,
                      int Start);

/// A value read from memory nothing writes (facts' "o:" symbols): the place
/// and the symbols (plus constants) of its indexes.
struct OpaqueRead {
  std::string Root;
  std::vector<std::pair<std::string, long long>> Indexes;
  std::string Shown;

  static std::optional<OpaqueRead> parse(const std::string &Symbol);
  std::string symbol() const;
};

/// A symbol as the code names it.
std::string displaySymbol(const std::string &Symbol);
std::string displayAffine(const OmpAffine &A);

} // namespace omp
} // namespace concur

#endif // CONCUR_CHECKS_OPENMPSTRANDS_H
