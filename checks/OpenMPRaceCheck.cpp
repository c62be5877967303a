//===- OpenMPRaceCheck.cpp - concur-openmp-race ---------------------------===//
//
// Regions: each outermost parallel or teams construct of a function is
// walked once (OpenMPStrands), through the functions it calls. Pairs: the
// accesses of one walk to the same root (a variable, what a parameter or
// `this` designates) are paired, and each pair is judged strand by strand
// from the region down:
//
//  * at a team step both accesses run in, two threads run them at once
//    when they are in one barrier phase (two iterations, when both are in
//    one worksharing loop, or in two loops with the same static schedule);
//    otherwise they are on one thread, and the next step decides;
//  * where one access is in a task its creator made and the other is the
//    creator's own, they overlap when the other falls between the task's
//    creation and the taskwait, taskgroup end or barrier that completes it;
//    two sibling tasks overlap unless one completes before the other is
//    created or their depend clauses order them;
//  * memory private to one thread or task (a variable a task shares with
//    shared()) is only reached by strands below that owner.
//
// Each way of running at once is a set of constraints; with the equality of
// the two subscripts, the loop ranges and the branch conditions, the
// dependence test (OpenMPDependence) decides whether it has a solution.
//
//===----------------------------------------------------------------------===//

#include "checks/OpenMPRaceCheck.h"
#include "checks/OpenMPDependence.h"
#include "checks/OpenMPStrands.h"
#include "facts/Affine.h"

#include <algorithm>
#include <sstream>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace concur {
namespace {

using namespace omp;

/// The same two places are tested at most this often (in different
/// contexts of the walk): enough to find a context that races.
constexpr unsigned MaxTestsPerPlacePair = 12;

std::string where(const SourceLoc &L) {
  return L.File + ":" + std::to_string(L.Line) + ":" + std::to_string(L.Column);
}

std::vector<std::string> leaves(const std::string &Name) {
  std::vector<std::string> L;
  std::istringstream In(Name);
  std::string W;
  while (In >> W)
    L.push_back(W);
  return L;
}

/// One way two accesses could run at once, as constraints: symbols equal
/// on both sides (one thread, one task), groups of which some pair differs
/// (another iteration: some counter; another thread), and more.
struct Scenario {
  std::vector<std::pair<std::string, std::string>> Same;
  std::vector<std::vector<std::pair<std::string, std::string>>> Differ;
  std::vector<OmpAffine> Equal;
  std::vector<OmpAffine> AtLeastZero;
  /// Counters equal on both sides (one iteration of a loop with barriers).
  std::set<std::string> Unify;
  std::string Reason;
};

class PairJudge {
public:
  explicit PairJudge(const RegionWalk &W) : W(W) {}

  /// Why A and B may race, or nothing.
  std::optional<std::string> race(const AccessInstance &A,
                                  const AccessInstance &B) {
    std::vector<OmpAffine> Address;
    Unified.clear();
    if (!overlap(A, B, nullptr))
      return std::nullopt;
    std::vector<Scenario> Scenarios;
    scenarios(A, B, Scenarios);
    for (const Scenario &S : Scenarios) {
      // Symbols are sided anew for each scenario: what it unifies.
      Unified = S.Unify;
      Address.clear();
      overlap(A, B, &Address);
      std::vector<std::vector<OmpAffine>> LockAlternatives;
      if (commonLock(A, B, LockAlternatives))
        return std::nullopt;
      if (forcedApart(Address, S))
        continue;
      if (feasible(A, B, Address, S, LockAlternatives)) {
        Unified.clear();
        return S.Reason;
      }
    }
    Unified.clear();
    return std::nullopt;
  }

private:
  //===-- Symbols of the two sides ----------------------------------------===//

  /// A symbol as one side sees it: shared symbols and, in a scenario
  /// where both sides are in one iteration of a loop, its counter are the
  /// same on both sides; a read from memory nothing writes is one value
  /// when its indexes are.
  std::string side(const std::string &Sym, char Tag) const {
    if (W.Shared.count(Sym) || Unified.count(Sym) || uniformLocal(Sym, Unified))
      return Sym;
    if (Sym.rfind("o:", 0) == 0 && !W.PrivateReads.count(Sym))
      if (std::optional<OpaqueRead> R = OpaqueRead::parse(Sym)) {
        for (auto &[Inner, Offset] : R->Indexes)
          if (!Inner.empty())
            Inner = side(Inner, Tag);
        return R->symbol();
      }
    return std::string(1, Tag) + ":" + Sym;
  }

  OmpAffine sided(const OmpAffine &E, char Tag) const {
    return affine::rename(E,
                          [&](const std::string &S) { return side(S, Tag); });
  }

  /// Adds the ranges of E's symbols on one side (and of the symbols those
  /// ranges use).
  void ranges(const OmpAffine &E, char Tag, DependenceProblem &P,
              std::set<std::string> &Done) const {
    for (const std::string &S : affine::symbols(E)) {
      std::string Sided = side(S, Tag);
      if (!Done.insert(Sided).second)
        continue;
      // A quotient or remainder: what holds of it.
      auto Facts = W.Facts.find(S);
      if (Facts != W.Facts.end())
        for (const OmpConstraint &K : Facts->second) {
          (K.Equal ? P.Equal : P.AtLeastZero).push_back(sided(K.Expr, Tag));
          ranges(K.Expr, Tag, P, Done);
        }
      auto R = W.Ranges.find(S);
      if (W.Shared.count(S)) {
        P.Invariants.insert(S);
        if (R == W.Ranges.end())
          continue;
      }
      if (R == W.Ranges.end())
        continue;
      const OmpCounter &C = R->second;
      OmpAffine Lo = sided(C.Lower, Tag), Hi = sided(C.Upper, Tag);
      OmpAffine V = affine::symbol(Sided);
      if (Lo.Known)
        P.AtLeastZero.push_back(affine::sub(V, Lo));
      if (Hi.Known)
        P.AtLeastZero.push_back(affine::sub(Hi, V));
      if (Lo.Known && Hi.Known)
        P.Bounds[Sided] = {Lo, Hi};
      for (const OmpAffine &B : C.MoreLower)
        if (OmpAffine S = sided(B, Tag); S.Known) {
          P.AtLeastZero.push_back(affine::sub(V, S));
          ranges(B, Tag, P, Done);
        }
      for (const OmpAffine &B : C.MoreUpper)
        if (OmpAffine S = sided(B, Tag); S.Known) {
          P.AtLeastZero.push_back(affine::sub(S, V));
          ranges(B, Tag, P, Done);
        }
      // A step other than 1: the counter is its start plus a multiple.
      long long Step = C.Step < 0 ? -C.Step : C.Step;
      const OmpAffine &Anchor = C.Step > 0 ? Lo : Hi;
      if (Step > 1 && Anchor.Known) {
        OmpAffine T = affine::symbol("t:" + Sided);
        P.Equal.push_back(
            affine::sub(affine::sub(V, Anchor),
                        affine::scale(T, C.Step > 0 ? Step : -Step)));
        P.AtLeastZero.push_back(T);
      }
      ranges(C.Lower, Tag, P, Done);
      ranges(C.Upper, Tag, P, Done);
    }
  }

  //===-- The memory
  //-------------------------------------------------------===//

  /// Do the two places overlap as far as their steps tell? Equalities of
  /// their subscripts go to Address (an index a path lacks is index 0).
  bool overlap(const AccessInstance &A, const AccessInstance &B,
               std::vector<OmpAffine> *Address) {
    size_t I = 0, J = 0, IA = 0, IB = 0;
    const std::vector<OmpAffine> *SA = nullptr, *SB = nullptr;
    if (Address) {
      SA = &sidedIndexes(A, 'A');
      SB = &sidedIndexes(B, 'B');
    }
    auto Index = [](const std::vector<OmpAffine> *X, size_t K) {
      return X && K < X->size() ? (*X)[K] : affine::unknown();
    };
    auto Equate = [&](const OmpAffine &X, const OmpAffine &Y) {
      if (Address && X.Known && Y.Known)
        Address->push_back(affine::sub(X, Y));
    };
    while (I < A.Steps.size() && J < B.Steps.size()) {
      const std::string &StepA = A.Steps[I], &StepB = B.Steps[J];
      if (StepA == "[]" && StepB == "[]") {
        Equate(Index(SA, IA++), Index(SB, IB++));
        ++I;
        ++J;
      } else if (StepA == "[]") {
        Equate(Index(SA, IA++), affine::constant(0));
        ++I;
      } else if (StepB == "[]") {
        Equate(affine::constant(0), Index(SB, IB++));
        ++J;
      } else if (StepA == StepB) {
        ++I;
        ++J;
      } else {
        return false;
      }
    }
    // Writing a whole object conflicts with its parts; what a pointer
    // points to is another object than the pointer.
    if (I < A.Steps.size() && A.Steps[I] == "*")
      return false;
    if (J < B.Steps.size() && B.Steps[J] == "*")
      return false;
    return true;
  }

  /// An access's subscripts as one side sees them; without unified
  /// symbols (most scenarios) they are kept.
  const std::vector<OmpAffine> &sidedIndexes(const AccessInstance &X,
                                             char Tag) {
    if (!Unified.empty()) {
      Scratch[Tag == 'A'].clear();
      for (const OmpAffine &I : X.Indexes)
        Scratch[Tag == 'A'].push_back(sided(I, Tag));
      return Scratch[Tag == 'A'];
    }
    auto &Cache = Tag == 'A' ? SidedA : SidedB;
    auto It = Cache.find(&X);
    if (It != Cache.end())
      return It->second;
    std::vector<OmpAffine> &V = Cache[&X];
    for (const OmpAffine &I : X.Indexes)
      V.push_back(sided(I, Tag));
    return V;
  }

  bool sidedFree(const OmpAffine &E) const {
    for (const std::string &S : affine::symbols(E))
      if (!W.Shared.count(S))
        return false;
    return true;
  }

  /// A lock both hold: true when it is provably the same lock; for
  /// elements of an array of locks, the ways their indexes can differ.
  bool commonLock(const AccessInstance &A, const AccessInstance &B,
                  std::vector<std::vector<OmpAffine>> &Differ) const {
    for (const HeldLockRef &L : A.Locks)
      for (const HeldLockRef &M : B.Locks) {
        if (L.Base != M.Base || L.Indexes.size() != M.Indexes.size())
          continue;
        bool Same = true, Usable = true;
        for (size_t K = 0; K < L.Indexes.size(); ++K) {
          Same &= affine::equal(L.Indexes[K], M.Indexes[K]) &&
                  sidedFree(L.Indexes[K]);
          Usable &= L.Indexes[K].Known && M.Indexes[K].Known;
        }
        if (Same)
          return true;
        if (Usable && Differ.empty())
          for (size_t K = 0; K < L.Indexes.size(); ++K) {
            OmpAffine D =
                affine::sub(sided(L.Indexes[K], 'A'), sided(M.Indexes[K], 'B'));
            Differ.push_back({affine::sub(D, affine::constant(1))});
            Differ.push_back(
                {affine::sub(affine::scale(D, -1), affine::constant(1))});
          }
      }
    return false;
  }

  //===-- Ways to run at once ------------------------------------------===//

  /// Some symbol of X (side A) differs from its counterpart in Y (B).
  static void distinct(const std::vector<std::string> &X,
                       const std::vector<std::string> &Y, Scenario &S) {
    std::vector<std::pair<std::string, std::string>> Group;
    for (size_t K = 0; K < X.size() && K < Y.size(); ++K)
      Group.push_back({X[K], Y[K]});
    if (!Group.empty())
      S.Differ.push_back(std::move(Group));
  }

  /// Two accesses in one barrier interval inside a sequential loop with
  /// barriers are in one iteration of it, or (its last segment against its
  /// first) in consecutive ones.
  void sameIteration(const StrandStep &SA, const StrandStep &SB,
                     Scenario &S) const {
    for (int L : SA.Loops) {
      if (std::find(SB.Loops.begin(), SB.Loops.end(), L) == SB.Loops.end())
        continue;
      const RegionWalk::BarrierLoop &Loop = W.Loops.at(L);
      if (Loop.Counter.empty())
        continue;
      OmpAffine D = affine::sub(sided(affine::symbol(Loop.Counter), 'B'),
                                sided(affine::symbol(Loop.Counter), 'A'));
      if (SA.Phase == Loop.Last && SB.Phase == Loop.First &&
          SA.Phase != SB.Phase)
        S.Equal.push_back(affine::sub(D, affine::constant(Loop.Step)));
      else if (SB.Phase == Loop.Last && SA.Phase == Loop.First &&
               SA.Phase != SB.Phase)
        S.Equal.push_back(affine::add(D, affine::constant(Loop.Step)));
      else
        S.Unify.insert(Loop.Counter);
    }
  }

  static void same(const std::vector<std::string> &X,
                   const std::vector<std::string> &Y,
                   std::vector<std::pair<std::string, std::string>> &Eq) {
    for (size_t K = 0; K < X.size() && K < Y.size(); ++K)
      Eq.push_back({X[K], Y[K]});
  }

  /// In two arms of one branch on values every thread sees alike: all
  /// threads take the same arm, so the two never run together.
  bool otherArms(const StrandStep &SA, const StrandStep &SB,
                 const std::set<std::string> &Unify) const {
    for (const auto &[Branch, Arm] : SA.Arms)
      for (const auto &[OtherBranch, OtherArm] : SB.Arms) {
        if (Branch != OtherBranch || Arm == OtherArm)
          continue;
        const std::set<std::string> &Symbols = W.Branches.at(Branch);
        if (std::all_of(
                Symbols.begin(), Symbols.end(),
                [&](const std::string &S) { return uniform(S, Unify); }))
          return true;
      }
    return false;
  }

  /// One value for both sides: shared, unified, or read from memory
  /// nothing writes at such indexes.
  bool uniform(const std::string &S, const std::set<std::string> &Unify,
               unsigned Depth = 0) const {
    if (W.Shared.count(S) || Unify.count(S) || uniformLocal(S, Unify, Depth))
      return true;
    if (S.rfind("o:", 0) != 0 || W.PrivateReads.count(S))
      return false;
    std::optional<OpaqueRead> R = OpaqueRead::parse(S);
    return R && std::all_of(R->Indexes.begin(), R->Indexes.end(),
                            [&](const auto &I) {
                              return I.first.empty() ||
                                     uniform(I.first, Unify, Depth + 1);
                            });
  }

  /// A local of a called function every thread computes alike: one value
  /// when the call's arguments are.
  bool uniformLocal(const std::string &S, const std::set<std::string> &Unify,
                    unsigned Depth = 0) const {
    size_t Slash = S.find('/');
    if (Slash == std::string::npos || S.compare(Slash + 1, 2, "u:") != 0 ||
        Depth > 8)
      return false;
    auto Inputs = W.CallInputs.find(S.substr(0, Slash + 1));
    if (Inputs == W.CallInputs.end())
      return false;
    return std::all_of(
        Inputs->second.begin(), Inputs->second.end(),
        [&](const std::string &I) { return uniform(I, Unify, Depth + 1); });
  }

  std::string construct(int Id) const {
    auto It = W.Constructs.find(Id);
    if (It == W.Constructs.end())
      return "the construct";
    return "'" + It->second.Name + "' (" + shortLocation(It->second.Loc) + ")";
  }

  static bool inWindow(const TaskInstance &T, unsigned Pos, unsigned End = 0) {
    unsigned Start = T.InLoop && T.Sync > T.LoopEnd ? T.LoopBegin : T.Create;
    return Start < Pos && Pos < std::max(T.Sync, End);
  }

  /// A task's descendants may outlive it: the latest completion among the
  /// tasks of a path from step K down (a taskwait inside a task waits only
  /// for that task's children).
  unsigned latestSync(const std::vector<StrandStep> &Path, size_t K) const {
    unsigned End = 0;
    for (size_t I = K; I < Path.size(); ++I)
      if (Path[I].K == StrandStep::TaskStep)
        End = std::max(End, W.Tasks[Path[I].Task].Sync);
    return End;
  }

  /// Two depend items of one list item order their tasks unless both are
  /// in (or both inoutset); mutexinoutset excludes them from each other.
  static bool conflicting(const std::string &K1, const std::string &K2) {
    return !(K1 == "in" && K2 == "in") &&
           !(K1 == "inoutset" && K2 == "inoutset");
  }

  static bool directlyOrdered(const TaskInstance &X, const TaskInstance &Y) {
    for (const auto &[K1, I1] : X.Depends)
      for (const auto &[K2, I2] : Y.Depends)
        if (I1 == I2 && conflicting(K1, K2))
          return true;
    return false;
  }

  /// Sibling tasks their depend clauses order (directly or through one
  /// task created between them).
  bool dependOrdered(const TaskInstance &X, const TaskInstance &Y) const {
    if (directlyOrdered(X, Y))
      return true;
    const TaskInstance &First = X.Create < Y.Create ? X : Y;
    const TaskInstance &Last = X.Create < Y.Create ? Y : X;
    for (const TaskInstance &Z : W.Tasks)
      if (Z.Creator == First.Creator && Z.Depth == First.Depth &&
          Z.Create > First.Create && Z.Create < Last.Create &&
          directlyOrdered(First, Z) && directlyOrdered(Z, Last))
        return true;
    return false;
  }

  /// Instances of one task created in a loop that a depend item names the
  /// same way in every iteration: each waits for the one before.
  static bool instancesChained(const TaskInstance &T) {
    for (const auto &[Kind, Item] : T.Depends) {
      if (Kind == "in" || Kind == "inoutset")
        continue;
      bool Varies = false;
      for (const std::string &C : T.Instance)
        Varies |= Item.find(C.substr(0, C.find('|'))) != std::string::npos;
      if (!Varies)
        return true;
    }
    return false;
  }

  std::string taskName(const TaskInstance &T) const {
    return "the " + T.Name + " at " + shortLocation(T.Loc);
  }

  void scenarios(const AccessInstance &A, const AccessInstance &B,
                 std::vector<Scenario> &Out) const {
    const auto &PA = A.Path, &PB = B.Path;
    int Owner = std::max(A.OwnerDepth, B.OwnerDepth);
    std::vector<std::pair<std::string, std::string>> Same;
    for (size_t K = 0;; ++K) {
      bool EndA = K >= PA.size(), EndB = K >= PB.size();
      if (EndA && EndB)
        return; // One strand runs both, in order.
      if (EndA || EndB) {
        // One runs in the strand that started the other's child strand.
        const StrandStep &Child = EndA ? PB[K] : PA[K];
        const AccessInstance &Parent = EndA ? A : B;
        if (Child.K != StrandStep::TaskStep)
          return; // A nested team is joined before its creator goes on.
        const TaskInstance &T = W.Tasks[Child.Task];
        if (inWindow(T, Parent.Pos, latestSync(EndA ? PB : PA, K))) {
          Scenario S;
          S.Same = Same;
          S.Reason = "by " + taskName(T) + " and by its creator, " +
                     (T.Sync == UINT_MAX ? "which never waits for it"
                                         : "before " + T.SyncBy + " (" +
                                               shortLocation(T.SyncLoc) +
                                               ") completes the task");
          Out.push_back(std::move(S));
        }
        return;
      }
      const StrandStep &SA = PA[K], &SB = PB[K];
      if (SA.Id != SB.Id) {
        // Two child strands of one strand.
        if (SA.K == StrandStep::Team && SB.K == StrandStep::Team)
          return;
        const StrandStep &X = SA.K == StrandStep::TaskStep ? SA : SB;
        const StrandStep &Y = SA.K == StrandStep::TaskStep ? SB : SA;
        const TaskInstance &TX = W.Tasks[X.Task];
        const auto &PX = SA.K == StrandStep::TaskStep ? PA : PB;
        const auto &PY = SA.K == StrandStep::TaskStep ? PB : PA;
        unsigned EndX = latestSync(PX, K), EndY = latestSync(PY, K);
        bool Overlap;
        if (Y.K == StrandStep::TaskStep) {
          const TaskInstance &TY = W.Tasks[Y.Task];
          Overlap = (inWindow(TX, TY.Create, EndX) ||
                     inWindow(TY, TX.Create, EndY) || TX.Create == TY.Create) &&
                    !dependOrdered(TX, TY);
          if (Overlap) {
            Scenario S;
            S.Same = Same;
            S.Reason = "by " + taskName(TX) + " and " + taskName(TY) +
                       ", which no taskwait, taskgroup, barrier or depend "
                       "clause orders";
            Out.push_back(std::move(S));
          }
        } else if (inWindow(TX, Y.Enter, EndX)) {
          Scenario S;
          S.Same = Same;
          S.Reason = "by " + taskName(TX) +
                     " and by a region its creator "
                     "starts before waiting for it";
          Out.push_back(std::move(S));
        }
        return;
      }
      if (SA.K == StrandStep::Team) {
        bool SamePhase = W.overlap(SA.Phase, SB.Phase);
        Scenario S;
        S.Same = Same;
        sameIteration(SA, SB, S);
        if (static_cast<int>(K) > Owner && !SA.OneThread && SamePhase &&
            !otherArms(SA, SB, S.Unify)) {
          // Whatever else differs, two threads run them.
          distinct({SA.Tid}, {SB.Tid}, S);
          if (SA.LoopId >= 0 && SA.LoopId == SB.LoopId) {
            distinct(SA.Iteration, SB.Iteration, S);
            if (SA.Safelen > 0)
              for (size_t I = 0; I < SA.Iteration.size() && I < 1; ++I) {
                OmpAffine D =
                    affine::sub(sided(affine::symbol(SA.Iteration[I]), 'A'),
                                sided(affine::symbol(SB.Iteration[I]), 'B'));
                OmpAffine Limit = affine::constant(SA.Safelen - 1);
                S.AtLeastZero.push_back(affine::sub(Limit, D));
                S.AtLeastZero.push_back(affine::add(Limit, D));
              }
            S.Reason = "in different iterations of " + construct(SA.LoopId) +
                       (SA.Tid.rfind("lane@", 0) == 0
                            ? ", which its SIMD lanes run together"
                            : ", which may run on different threads");
          } else if (SA.LoopId >= 0 && SB.LoopId >= 0 &&
                     !SA.ScheduleKey.empty() &&
                     SA.ScheduleKey == SB.ScheduleKey) {
            distinct(SA.Iteration, SB.Iteration, S);
            S.Reason = "in different iterations of " + construct(SA.LoopId) +
                       " and " + construct(SB.LoopId) +
                       " (the same static schedule gives one iteration of "
                       "both to one thread; others may run on different "
                       "threads)";
          } else {
            bool Tasks = latestSync(PA, K + 1) || latestSync(PB, K + 1);
            bool League = SA.Tid.rfind("team@", 0) == 0;
            S.Reason = std::string(Tasks ? "by tasks of " : "by ") +
                       (League ? "different teams of " + construct(SA.Id) +
                                     ", which no barrier synchronises"
                               : "different threads of " + construct(SA.Id) +
                                     " with no barrier between them");
            auto Nowait = W.NowaitIn.find(SA.Phase);
            if (Nowait != W.NowaitIn.end())
              S.Reason += " (the nowait at " + shortLocation(Nowait->second) +
                          " removes one)";
            // Loops over one range without schedule(static) on both: the
            // implementation may give iteration i of each to another thread.
            if (SA.LoopId >= 0 && SB.LoopId >= 0 && SA.LoopId != SB.LoopId &&
                !SA.RangeKey.empty() && SA.RangeKey == SB.RangeKey &&
                (SA.ScheduleKey.empty() || SB.ScheduleKey.empty()))
              S.Reason += "; only schedule(static) on both loops would keep "
                          "an iteration of both on one thread";
          }
          Out.push_back(std::move(S));
        }
        same({SA.Tid}, {SB.Tid}, Same);
        continue;
      }
      // One task construct: two of its instances, or the same one.
      const TaskInstance &T = W.Tasks[SA.Task];
      if (static_cast<int>(K) > Owner &&
          (T.Taskloop || (T.InLoop && T.Sync > T.LoopEnd)) &&
          !(!T.Taskloop && instancesChained(T))) {
        Scenario S;
        S.Same = Same;
        distinct(T.Instance, T.Instance, S);
        S.Reason = T.Taskloop
                       ? "by different tasks of " + taskName(T)
                       : "by two instances of " + taskName(T) +
                             ", created in a loop that does not wait for them";
        Out.push_back(std::move(S));
      }
      same(T.Instance, T.Instance, Same);
    }
  }

  /// The quick answer for most pairs of a loop body: a subscript a[i + c]
  /// on both sides forces i to be equal, and the scenario needs some
  /// counter it forces equal to differ.
  static bool forcedApart(const std::vector<OmpAffine> &Address,
                          const Scenario &S) {
    std::set<std::string> Equal; // x, forced equal on both sides.
    for (const OmpAffine &E : Address) {
      if (!E.Known || E.Const != 0 || E.Terms.size() != 2)
        continue;
      const auto &[M1, C1] = E.Terms[0];
      const auto &[M2, C2] = E.Terms[1];
      if (M1.size() != 1 || M2.size() != 1 || C1 != -C2)
        continue;
      const std::string &X = M1[0], &Y = M2[0];
      if (X.size() < 2 || Y.size() < 2 || X[1] != ':' || Y[1] != ':' ||
          X[0] == Y[0] || X.compare(2, std::string::npos, Y, 2) != 0)
        continue;
      Equal.insert(X.substr(2));
    }
    if (Equal.empty())
      return false;
    for (const auto &Group : S.Differ)
      if (std::all_of(Group.begin(), Group.end(), [&](const auto &P) {
            return P.first == P.second && Equal.count(P.first);
          }))
        return true;
    return false;
  }

  //===-- The dependence test ------------------------------------------===//

  bool feasible(const AccessInstance &A, const AccessInstance &B,
                const std::vector<OmpAffine> &Address, const Scenario &S,
                const std::vector<std::vector<OmpAffine>> &LockDiffer) const {
    DependenceProblem P;
    std::set<std::string> Done;
    P.Equal = Address;
    for (const OmpAffine &E : S.Equal)
      P.Equal.push_back(E);
    for (const auto &[X, Y] : S.Same)
      P.Equal.push_back(affine::sub(sided(affine::symbol(X), 'A'),
                                    sided(affine::symbol(Y), 'B')));
    for (const OmpAffine &E : S.AtLeastZero)
      P.AtLeastZero.push_back(E);
    for (const auto &[X, Tag] :
         {std::pair<const AccessInstance *, char>{&A, 'A'}, {&B, 'B'}}) {
      for (const OmpConstraint &C : X->Conditions) {
        OmpAffine E = sided(C.Expr, Tag);
        (C.Equal ? P.Equal : P.AtLeastZero).push_back(E);
        ranges(C.Expr, Tag, P, Done);
      }
      for (const OmpAffine &I : X->Indexes)
        ranges(I, Tag, P, Done);
      for (const StrandStep &Step : X->Path) {
        ranges(affine::symbol(Step.Tid.empty() ? "none" : Step.Tid), Tag, P,
               Done);
        for (const std::string &It : Step.Iteration)
          ranges(affine::symbol(It), Tag, P, Done);
      }
      for (const HeldLockRef &L : X->Locks)
        for (const OmpAffine &I : L.Indexes)
          ranges(I, Tag, P, Done);
    }
    std::vector<std::vector<std::vector<OmpAffine>>> Groups;
    for (const auto &Pairs : S.Differ) {
      std::vector<std::vector<OmpAffine>> Group;
      for (const auto &[X, Y] : Pairs) {
        OmpAffine D = affine::sub(sided(affine::symbol(X), 'A'),
                                  sided(affine::symbol(Y), 'B'));
        if (!D.Known || (D.Terms.empty() && D.Const == 0))
          continue; // One symbol on both sides: never differs.
        Group.push_back({affine::sub(D, affine::constant(1))});
        Group.push_back(
            {affine::sub(affine::scale(D, -1), affine::constant(1))});
      }
      if (Group.empty())
        return false; // Nothing in the group can differ.
      Groups.push_back(std::move(Group));
    }
    if (!LockDiffer.empty())
      Groups.push_back(LockDiffer);
    return anyCombination(P, Groups, 0);
  }

  /// One alternative of each group, added to P: is any combination
  /// solvable?
  static bool
  anyCombination(const DependenceProblem &P,
                 const std::vector<std::vector<std::vector<OmpAffine>>> &Groups,
                 size_t I) {
    if (I == Groups.size())
      return mayHaveSolution(P);
    for (const std::vector<OmpAffine> &Alt : Groups[I]) {
      DependenceProblem Q = P;
      Q.AtLeastZero.insert(Q.AtLeastZero.end(), Alt.begin(), Alt.end());
      if (anyCombination(Q, Groups, I + 1))
        return true;
    }
    return false;
  }

  const RegionWalk &W;
  /// Counters both sides share in the scenario being tested.
  std::set<std::string> Unified;
  std::map<const AccessInstance *, std::vector<OmpAffine>> SidedA, SidedB;
  std::vector<OmpAffine> Scratch[2];
};

//===-- Findings -------------------------------------------------------===//

std::string describe(const AccessInstance &X) {
  std::string S = "'" + X.Display + "' is " + (X.Write ? "written" : "read");
  if (X.Event == "reduction")
    S = "'" + X.Display + "' is written by the reduction at a construct's end";
  else if (X.Event == "lastprivate")
    S = "'" + X.Display + "' is written by lastprivate at a loop's end";
  else if (X.Event == "firstprivate")
    S = "'" + X.Display + "' is read by firstprivate";
  return S;
}

std::string lockNote(const AccessInstance &A, const AccessInstance &B) {
  std::string Note;
  if (A.Atomic != B.Atomic)
    Note += "; an atomic access does not exclude a plain one";
  auto Criticals = [](const AccessInstance &X) {
    std::vector<std::string> C;
    for (const HeldLockRef &L : X.Locks)
      if (L.Base.rfind("critical:", 0) == 0)
        C.push_back(L.Display);
    return C;
  };
  std::vector<std::string> CA = Criticals(A), CB = Criticals(B);
  if (!CA.empty() && !CB.empty())
    Note += "; " + CA.front() + " and " + CB.front() +
            " are different critical sections";
  else if (!CA.empty() || !CB.empty())
    Note += "; only one of them is in a critical section";
  return Note;
}

nlohmann::json accessJson(const AccessInstance &X) {
  return {
      {"kind", X.Write ? "write" : "read"},
      {"place", X.Display},
      {"location",
       {{"file", X.Loc.File}, {"line", X.Loc.Line}, {"column", X.Loc.Column}}},
      {"function", X.Function},
      {"atomic", X.Atomic},
      {"clause", X.Event},
      {"sharing", X.Sharing}};
}

Finding makeFinding(const AccessInstance &A, const AccessInstance &B,
                    const std::string &Reason) {
  Finding F;
  F.Check = OpenMPRaceCheck::Name;
  F.Level = Severity::Warning;
  F.Loc = A.Loc;
  bool Self = A.Loc == B.Loc && A.Display == B.Display;
  if (Self)
    F.Message = describe(A) + " " + Reason;
  else
    F.Message = describe(A) + " and " + describe(B).replace(0, 0, "") + " (" +
                where(B.Loc) + ") " + Reason;
  F.Message += lockNote(A, B);
  if (!A.Sharing.empty())
    F.Message += "; " + A.Sharing;
  if (!Self)
    F.Notes.push_back({B.Loc, "the other access: " + describe(B)});
  std::string Variable = A.Display.substr(0, A.Display.find_first_of("[."));
  F.Details = {{"variable", Variable},
               {"reason", Reason},
               {"accesses", {accessJson(A), accessJson(B)}}};
  return F;
}

/// Where concurrency starts: a team of threads or of teams, or the lanes
/// of a simd loop outside any team.
bool startsTeam(const OmpNode &N) {
  if (N.Kind != OmpNodeKind::Directive)
    return false;
  std::vector<std::string> L = leaves(N.Name);
  if (!L.empty() && L.front() == "simd")
    return true;
  for (const std::string &Leaf : L)
    if (Leaf == "parallel" || Leaf == "teams")
      return true;
  return false;
}

/// A target task the host does not wait for (target ... nowait) outside
/// any team: the device runs beside the initial thread.
bool hostConcurrency(const std::vector<OmpNode> &Nodes) {
  for (size_t I = 0; I < Nodes.size(); ++I) {
    const OmpNode &N = Nodes[I];
    if (N.Kind != OmpNodeKind::Directive && N.Kind != OmpNodeKind::Standalone)
      continue;
    std::vector<std::string> L = leaves(N.Name);
    bool Nowait =
        std::any_of(N.Clauses.begin(), N.Clauses.end(),
                    [](const OmpClause &C) { return C.Kind == "nowait"; });
    if (L.empty() || L.front() != "target" || !Nowait)
      continue;
    bool Nested = false;
    for (int Up = N.Parent; Up >= 0 && !Nested; Up = Nodes[Up].Parent)
      Nested = startsTeam(Nodes[Up]);
    if (!Nested)
      return true;
  }
  return false;
}

} // namespace

void OpenMPRaceCheck::run(const Program &P, std::vector<Finding> &Out,
                          CheckStats &Stats) {
  // A place is a line: the two reads of `j < n; j++` and its write are
  // one pair of places, reported once however many regions, calling
  // contexts or memory roots reach it (a function called from 13 places of
  // a region is one finding, not 13). Roots and places are numbered once,
  // so that the pairs of a large region cost integer lookups.
  std::map<std::string, uint64_t> RootIds, PlaceIds;
  auto Number = [](std::map<std::string, uint64_t> &Ids,
                   const std::string &Key) {
    return Ids.emplace(Key, Ids.size()).first->second;
  };
  std::unordered_set<uint64_t> Reported;
  std::unordered_map<uint64_t, unsigned> Tested;
  unsigned Judged = 0;
  for (const auto &[Id, F] : P.functions()) {
    if (!F.OpenMP || !F.OpenMP->HasDirectives)
      continue;
    const std::vector<OmpNode> &Nodes = F.OpenMP->Nodes;
    std::vector<int> Starts;
    if (hostConcurrency(Nodes))
      Starts.push_back(-1);
    for (size_t I = 0; I < Nodes.size(); ++I) {
      if (!startsTeam(Nodes[I]))
        continue;
      bool Nested = false;
      for (int Up = Nodes[I].Parent; Up >= 0 && !Nested; Up = Nodes[Up].Parent)
        Nested = startsTeam(Nodes[Up]);
      if (!Nested)
        Starts.push_back(static_cast<int>(I));
    }
    for (int Start : Starts) {
      RegionWalk W = walkRegion(P, F, Start);
      Stats["openmp_regions"] += 1;
      Stats["openmp_accesses"] += static_cast<unsigned>(W.Accesses.size());
      if (W.Truncated)
        Stats["openmp_regions_truncated"] += 1;
      PairJudge Judge(W);
      std::map<std::string, std::vector<size_t>> ByRoot;
      std::vector<uint64_t> Place(W.Accesses.size());
      for (size_t K = 0; K < W.Accesses.size(); ++K) {
        const AccessInstance &X = W.Accesses[K];
        ByRoot[X.RootKey].push_back(K);
        Place[K] =
            Number(PlaceIds, X.Loc.File + ":" + std::to_string(X.Loc.Line));
      }
      for (const auto &[Root, Group] : ByRoot) {
        uint64_t RootId = Number(RootIds, Root);
        for (size_t X = 0; X < Group.size(); ++X)
          for (size_t Y = X; Y < Group.size(); ++Y) {
            const AccessInstance *A = &W.Accesses[Group[X]];
            const AccessInstance *B = &W.Accesses[Group[Y]];
            if (!A->Write && !B->Write)
              continue;
            if (A->Atomic && B->Atomic)
              continue;
            uint64_t P1 = std::min(Place[Group[X]], Place[Group[Y]]);
            uint64_t P2 = std::max(Place[Group[X]], Place[Group[Y]]);
            uint64_t Key = (RootId << 42) ^ (P1 << 21) ^ P2;
            uint64_t Places = (P1 << 32) ^ P2;
            if (Reported.count(Places) || ++Tested[Key] > MaxTestsPerPlacePair)
              continue;
            ++Judged;
            std::optional<std::string> Reason = Judge.race(*A, *B);
            if (!Reason)
              continue;
            // Report at a write; of two writes, at the earlier place.
            if (!A->Write || (B->Write && B->Loc < A->Loc))
              std::swap(A, B);
            if (P.isSuppressed(A->Loc, Name) || P.isSuppressed(B->Loc, Name))
              continue;
            Reported.insert(Places);
            Out.push_back(makeFinding(*A, *B, *Reason));
          }
      }
    }
  }
  Stats["openmp_pairs_judged"] += Judged;
}

} // namespace concur
