//===- Facts.h - Per-file facts: serialisable function summaries ----------===//
//
// The second stage of the pipeline. A translation unit is parsed once and
// reduced to plain data: one summary per function defined in it, keyed by a
// stable symbol id (the Clang USR). Nothing here refers to a live AST, so the
// facts can be merged across files, cached, sharded or written to disk.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_FACTS_H
#define CONCUR_FACTS_FACTS_H

#include "catalog/Vocabulary.h"

#include <algorithm>
#include <climits>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace concur {

struct SourceLoc {
  std::string File; // Absolute, normalised path.
  unsigned Line = 0;
  unsigned Column = 0;

  bool valid() const { return !File.empty() && Line != 0; }
};

bool operator<(const SourceLoc &A, const SourceLoc &B);
bool operator==(const SourceLoc &A, const SourceLoc &B);

/// An edit of one source file, as a fix-it is: the bytes from Begin up to
/// End (same file; End == Begin inserts) become Text. Columns count bytes,
/// as clang's do, so the report stage can turn them into file offsets.
struct SourceEdit {
  SourceLoc Begin;
  SourceLoc End;
  std::string Text;
};

/// A call that matched an entry of the API catalog.
struct ApiUse {
  std::string Name; // Catalog name, e.g. "std::this_thread::sleep_for".
  ApiKind Kind = ApiKind::Blocking;
  std::string Category; // "sleep", "file-io", "lock", ...
  bool Blocks = false;
  std::string Severity; // "error", "warning" or "remark".
  std::string Alternative;
  /// A call on a file descriptor: the slot holding the descriptor, and when
  /// the call blocks given what the whole program does to it.
  std::string FdSlot;
  DescriptorBlocking FdBlocks = DescriptorBlocking::None;
};

/// Where a memory access points, relative to what the function can name:
/// a global, one of its locals, `this`, a parameter, or what a call returned.
/// Steps walk from there: ".field", "*" (dereference), "&" (address of) and
/// an element: "[k]" (constant index k), "[@]" (an index made of what a
/// thread was given), "[+]" (an index made of locals that start from
/// constants: a loop counter, which each copy of a thread's code steps
/// through alike), "[#<counter>]" (an index taken from a shared counter,
/// which no other take from it returns) or "[]" (any element). A path is a
/// symbolic lvalue; the whole-program stage binds `this` and parameters to the
/// caller's paths.
struct AccessPath {
  enum class RootKind { Global, Local, This, Param, Return };
  RootKind Root = RootKind::Global;
  std::string
      RootId; // Global/Local: variable USR; Param: index; Return: call index.
  std::string RootName; // Variable name as written, for messages.
  /// Local: USR of the function that declares the variable, which decides
  /// whose stack frame it lives in. ByCopy: a lambda's copy of it.
  std::string OwnerId;
  bool ByCopy = false;
  /// Local: a lambda's by-reference capture of a variable it is made at
  /// most once per lifetime of (declared in the loop body that makes the
  /// lambda, or no loop between them), the lambda being a call's argument:
  /// each closure handed to a thread reaches its own object (a range-for
  /// element, a per-iteration local), not one all of them share. So does
  /// its copy of such a pointer, initialised with a new object (`new`,
  /// std::make_shared) and never changed: the object is its own.
  bool FreshPerClosure = false;
  std::vector<std::string> Steps;
  /// How people name the state: "g_hits", "Server::requests_", "main::counter".
  std::string Name;

  bool isAddress() const { return !Steps.empty() && Steps.back() == "&"; }
};

const char *rootKindName(AccessPath::RootKind K);
/// A path as one string (root kind, root id, steps): the same object by the
/// same name gives the same key.
inline std::string pathKey(const AccessPath &P) {
  std::string Key = std::string(rootKindName(P.Root)) + ":" + P.RootId;
  for (const std::string &S : P.Steps)
    Key += S;
  return Key;
}

/// Appends a step to a path, cancelling "&" followed by "*" and the reverse:
/// the object at an address is the object. "^.f" steps up from field f to
/// the object holding it (container_of), cancelling a ".f" before it.
inline void appendPathStep(std::vector<std::string> &Steps,
                           const std::string &Step) {
  if (!Steps.empty() &&
      ((Step == "*" && Steps.back() == "&") ||
       (Step == "&" && Steps.back() == "*") ||
       (Step.size() > 1 && Step[0] == '^' &&
        Steps.back().compare(0, std::string::npos, Step, 1) == 0))) {
    Steps.pop_back();
    return;
  }
  Steps.push_back(Step);
}

/// "file.cpp:12", for messages that name a place in passing.
inline std::string shortLocation(const SourceLoc &L) {
  return L.File.substr(L.File.rfind('/') + 1) + ":" + std::to_string(L.Line);
}
std::optional<AccessPath::RootKind> parseRootKind(const std::string &S);

struct HeldLock {
  AccessPath Mutex;
  bool Shared = false; // A reader's lock: orders against writers only.
  /// Taken by awaiting (an asynchronous mutex made for coroutines): it
  /// excludes other holders, but no thread blocks on it.
  bool Awaited = false;
};

/// Is the last step of L's place Mark: how the marks below, which the
/// analysis holds like locks, are told apart.
inline bool endsWithMark(const HeldLock &L, const std::string &Mark) {
  return !L.Mutex.Steps.empty() && L.Mutex.Steps.back() == Mark;
}
/// The mark of `if (mutex_) ... else ...`'s null branch: "<pointer>?absent"
/// is held there, so that the race check knows the object has no mutex. It
/// is no lock: nothing waits for it and nothing is held across a suspension.
inline bool isMutexAbsence(const HeldLock &L) {
  return endsWithMark(L, "?absent");
}
/// The mark of code known to run on the thread that owns an object:
/// "<owner id>?owner" is held after a test of the object's owner thread id
/// against the current thread's (`if (isInLoopThread())`, or a call to an
/// assertion of it). Two places holding it for one object run on one
/// thread, so they exclude each other as a lock would; but nothing waits
/// for it, and nothing is held across a suspension.
inline bool isThreadOwnership(const HeldLock &L) {
  return endsWithMark(L, "?owner");
}
/// The step after a pointer loaded from a shared list and unlinked from it
/// under a lock (TakenObjects): the object one take holds, which no other
/// take holds. A claimed index, so two such steps name different objects.
inline const std::string TakenMark = "[#taken]";
/// The root of an object a call allocated (LibraryRole::Allocates, `new`):
/// a local of the allocating function named by the allocation's place
/// ("heap:<function>@<line>:<column>"), so it is each thread's own, as a
/// local is, until a thread hands its address on.
inline const std::string HeapRootPrefix = "heap:";
/// The element step of an index made of locals that start from constants.
inline const std::string SteppedIndexStep = "[+]";
inline bool isHeapRoot(const std::string &RootId) {
  return RootId.compare(0, HeapRootPrefix.size(), HeapRootPrefix) == 0;
}
/// An element step whose index was taken from a shared counter.
inline bool isClaimedIndex(const std::string &Step) {
  return Step.size() > 3 && Step.compare(0, 2, "[#") == 0;
}
/// An element step at an index known only to be k or more ("[>=k]", k >=
/// 1; ClaimedIndexes::lowerBoundStep): no element below k.
inline std::string lowerBoundedIndex(long long K) {
  return "[>=" + std::to_string(K) + "]";
}
inline std::optional<long long> indexLowerBound(const std::string &Step) {
  if (Step.size() < 5 || Step.compare(0, 3, "[>=") != 0 || Step.back() != ']')
    return std::nullopt;
  return std::stoll(Step.substr(3, Step.size() - 4));
}
/// The index of an element step at a constant index ("[k]").
inline std::optional<long long> constantIndex(const std::string &Step) {
  if (Step.size() < 3 || Step.front() != '[' || Step.back() != ']')
    return std::nullopt;
  size_t First = Step[1] == '-' ? 2 : 1;
  if (First + 1 >= Step.size() ||
      !std::all_of(Step.begin() + First, Step.end() - 1,
                   [](char C) { return C >= '0' && C <= '9'; }))
    return std::nullopt;
  return std::stoll(Step.substr(1, Step.size() - 2));
}
/// The mark of the branch of a hand-made once (OnceFlags):
/// "<flag>?oncebranch" is held where a test under a lock found the flag at
/// its first value, and the branch sets it. The branch runs once, so two
/// places holding it for one flag exclude each other as a lock would.
inline bool isOnceBranch(const HeldLock &L) {
  return endsWithMark(L, "?oncebranch");
}
/// "<call>?lockedonreturn", a Return path: held where the result of the
/// call at that order was found not null, the lock the callee returned
/// holding (FunctionFacts::AcquiresOnNonNullReturn), resolved by the
/// whole-program stage.
inline bool isLockedOnReturn(const HeldLock &L) {
  return L.Mutex.Root == AccessPath::RootKind::Return &&
         endsWithMark(L, "?lockedonreturn");
}
/// "<spawn>?startfailed", a Return path naming the spawn at that order:
/// held where its status said the thread was not started (the nonzero
/// edge of `if (pthread_create(...) != 0)`). The threads of that spawn do
/// not run there, and a join there joins none of them.
inline bool isStartFailure(const HeldLock &L) {
  return L.Mutex.Root == AccessPath::RootKind::Return &&
         endsWithMark(L, "?startfailed");
}
/// "<join>?tryjoined", a Return path naming the join event at that order:
/// held on the edge where a try or timed join succeeded (`if
/// (pthread_timedjoin_np(t, NULL, &limit) == 0)`). What holds it comes
/// after the threads the join joined; on the failure edge, and past the
/// place where the edges meet again, they may still run.
inline const std::string TryJoinedMark = "?tryjoined";
inline bool isTryJoined(const HeldLock &L) {
  return L.Mutex.Root == AccessPath::RootKind::Return &&
         endsWithMark(L, TryJoinedMark);
}
/// A call of a program function whose result was tested: the step before
/// "?startfailed" says which result the edge found, null or zero
/// (ResultZeroMark) or not (ResultNonZeroMark). The whole program decides
/// whether the function returns that only where the threads it started
/// did not start (FunctionFacts::ReturnOutcomes); then none of them runs
/// on that edge, as on a failed start's.
inline const std::string ResultZeroMark = "?zero";
inline const std::string ResultNonZeroMark = "?nonzero";
/// Before the class: the call is made in a loop, whose earlier passes'
/// threads run whatever this pass found. The function's own returns ask
/// about this pass alone (a start function's documented limit); what the
/// branch does is not told apart from those threads.
inline const std::string ResultInLoopMark = "?inloop";
inline bool isResultInLoop(const HeldLock &L) {
  const auto &S = L.Mutex.Steps;
  return S.size() >= 3 && S[S.size() - 3] == ResultInLoopMark;
}
inline const std::string *resultClassOf(const HeldLock &L) {
  const auto &S = L.Mutex.Steps;
  if (!isStartFailure(L) || S.size() < 2)
    return nullptr;
  const std::string &Class = S[S.size() - 2];
  return Class == ResultZeroMark || Class == ResultNonZeroMark ? &Class
                                                               : nullptr;
}
/// "<object>?lastref", held where a decrement took the object's reference
/// count to zero (facts/LastReference.h): the thread holds the last
/// reference, so what it does to the object's own fields races with
/// nothing.
inline const std::string LastReferenceMark = "?lastref";
inline bool isLastReference(const HeldLock &L) {
  return endsWithMark(L, LastReferenceMark);
}
/// "channel:callable:<slot>?callableset", held where a test found a
/// callable slot set (`if (mosq->on_connect) { ... }`): the branch runs
/// only in a program that stores some function there.
inline const std::string CallableSetMark = "?callableset";
inline const std::string CallableSlotChannel = "callable:";
inline bool isCallableSet(const HeldLock &L) {
  return endsWithMark(L, CallableSetMark);
}
/// "channel:impossible?impossible", held on a branch edge that no value a
/// call it tests returns takes (facts/DecidedBranches.h): what runs there is
/// run by no thread.
inline const std::string ImpossibleMark = "?impossible";
inline bool isImpossibleBranch(const HeldLock &L) {
  return endsWithMark(L, ImpossibleMark);
}
/// "paramtest:<index>" with a last step "?paramtest", held on a branch
/// edge that a test of the function's own parameter <index> decides (an
/// integer the function never changes, compared with constants for
/// equality): the step before lists the values that take the edge
/// ("=1,3") or the only ones that do not ("!=0"). A call that passes a
/// known value (IntegerArg) takes the edge or never does
/// (facts/DecidedBranches.h).
inline const std::string ParamTestMark = "?paramtest";
inline const std::string ParamTestRoot = "paramtest:";
inline bool isParamTest(const HeldLock &L) {
  return endsWithMark(L, ParamTestMark);
}
/// "<place>" + "=1,3" or "!=0" + "?flagtest", held on a branch edge that
/// a test of an integer field or global (`mosq->threaded == mosq_ts_none`)
/// for equality with constants decides, and on nothing else: the values
/// the place holds where the edge is taken (facts/DecidedBranches.h).
inline const std::string FlagTestMark = "?flagtest";
inline bool isFlagTest(const HeldLock &L) {
  return endsWithMark(L, FlagTestMark);
}
/// A flag test's place and the values it lists ("=0"), from its mark.
struct FlagTest {
  AccessPath Place;
  std::string Values;
};
inline std::optional<FlagTest> flagTestOf(const HeldLock &L) {
  if (!isFlagTest(L) || L.Mutex.Steps.size() < 2)
    return std::nullopt;
  FlagTest T{L.Mutex, L.Mutex.Steps[L.Mutex.Steps.size() - 2]};
  T.Place.Steps.resize(T.Place.Steps.size() - 2);
  return T;
}
/// The values a flag test's edge admits: those listed ("=1,3"), or all but
/// those listed ("!=0"). What holds on two ways to one place is their
/// union; two tests on one way, their intersection.
struct FlagValues {
  std::set<long long> Listed;
  bool AllBut = false;

  static FlagValues parse(const std::string &Step) {
    FlagValues V;
    V.AllBut = Step.rfind("!=", 0) == 0;
    std::string Rest = Step.substr(V.AllBut ? 2 : 1);
    for (size_t At = 0; At < Rest.size();) {
      size_t Comma = Rest.find(',', At);
      if (Comma == std::string::npos)
        Comma = Rest.size();
      if (Comma > At)
        V.Listed.insert(std::stoll(Rest.substr(At, Comma - At)));
      At = Comma + 1;
    }
    return V;
  }
  std::string str() const {
    std::string S = AllBut ? "!=" : "=";
    for (long long V : Listed)
      S += (S.back() == '=' ? "" : ",") + std::to_string(V);
    return S;
  }
  bool admits(long long V) const { return Listed.count(V) != AllBut; }
  /// Admits every value: no test at all.
  bool everything() const { return AllBut && Listed.empty(); }

  FlagValues unite(const FlagValues &O) const {
    return combine(O, /*Union=*/true);
  }
  FlagValues intersect(const FlagValues &O) const {
    return combine(O, /*Union=*/false);
  }

private:
  /// In the complement of an "all but" list, union and intersection swap.
  FlagValues combine(const FlagValues &O, bool Union) const {
    FlagValues R;
    const FlagValues *A = this, *B = &O;
    if (A->AllBut && !B->AllBut)
      std::swap(A, B);
    if (!A->AllBut && !B->AllBut) { // Two lists.
      R.Listed = Union ? A->Listed : std::set<long long>();
      for (long long V : B->Listed)
        if (Union || A->Listed.count(V))
          R.Listed.insert(V);
      return R;
    }
    if (A->AllBut && B->AllBut) { // Two complements.
      R.AllBut = true;
      R.Listed = Union ? std::set<long long>() : A->Listed;
      for (long long V : B->Listed)
        if (!Union || A->Listed.count(V))
          R.Listed.insert(V);
      return R;
    }
    // A list (A) and a complement (B).
    if (Union) {
      R.AllBut = true;
      for (long long V : B->Listed)
        if (!A->Listed.count(V))
          R.Listed.insert(V);
    } else {
      for (long long V : A->Listed)
        if (!B->Listed.count(V))
          R.Listed.insert(V);
    }
    return R;
  }
};

/// Marks the analysis holds like locks that are none (or, for a call's
/// result, not yet: only the whole program says which lock it is).
inline bool isPseudoLock(const HeldLock &L) {
  return isMutexAbsence(L) || isThreadOwnership(L) || isOnceBranch(L) ||
         isLockedOnReturn(L) || isStartFailure(L) || isLastReference(L) ||
         isCallableSet(L) || isImpossibleBranch(L) || isParamTest(L) ||
         isFlagTest(L) || isTryJoined(L);
}
inline bool holdsRealLock(const std::vector<HeldLock> &Locks) {
  for (const HeldLock &L : Locks)
    if (!isPseudoLock(L))
      return true;
  return false;
}

/// A read or write of memory that another thread might also reach.
struct MemoryAccess {
  AccessPath Path;
  bool Write = false;
  SourceLoc Loc;
  unsigned Order = 0; // Program order within the function.
  std::vector<HeldLock> Locks;
  /// Locks held here on some paths, not on all (a lock a trylock's result
  /// carries, dropped where the loop that took it exits).
  std::vector<HeldLock> MaybeLocks;
  /// Earlier calls (by order) on no path to this access: the locks they
  /// take or give back do not apply here.
  std::vector<unsigned> UnreachedCalls;
  bool Volatile = false;
  /// Through std::atomic_ref or an __atomic builtin: races only with plain
  /// accesses of the same memory.
  bool Atomic = false;
  /// A read of a kept thread id to compare it with the current thread's
  /// (holder_ == tid()): how an object tests from any thread whether it is
  /// on its owner's (facts/ThreadAffinity.cpp).
  bool KeptIdTest = false;
  /// A read of every byte of a struct (a copy of it: `struct s c = x.in;`,
  /// an implicit copy constructor or operator=): it conflicts with a write
  /// of any part, which reading the object as such (a container's size)
  /// does not.
  bool WholeValue = false;
  /// An access of the block a pointer points into, from that place on (a
  /// library call given the pointer and a length: memset, memcpy's source
  /// and destination): not only `*p`, which is p[0], but p[k] too.
  bool Block = false;
  /// A write of a whole struct (`c->parser = p;`): the pointer fields it
  /// fills with whatever the copied struct held (".data"), nested structs'
  /// included, not what they point to.
  std::vector<std::string> CopiedPointerFields;
  /// The records CopiedPointerFields belong to, one for each ("" where
  /// unnamed): which struct's `.data` each is.
  std::vector<std::string> CopiedPointerRecords;
  /// The fields the accessed expression itself names, in path order, each
  /// as "<record>::<field>" (`p->seq[j]`: "bseq1_t::seq"): the last steps
  /// of Path that are fields are these. Fields of different structs with
  /// one name are told apart by them where it matters (whether a field
  /// only ever points at new objects).
  std::vector<std::string> FieldRecords;
  /// The object such a write copies, where concur can name it (a place,
  /// or a call's result: Return, the callee's returned object).
  std::optional<AccessPath> CopiedFrom;
  /// In the branch of `if (v == 0) { v = ...; }` on a static variable v
  /// (its USR): lazy initialisation, which runs only while v is still zero.
  std::string LazyInitOf;
  /// A write of a pointer by `p = v`, v not null: where v points (the
  /// address it holds, as PathBuilder::pointerValueOf spells it; empty when
  /// concur cannot tell). Whether each copy of a thread's code points its
  /// own slot's pointers at objects of its own depends on it.
  bool StoresPointer = false;
  std::optional<AccessPath> Stored;
  /// The pointer stored is an object allocated right there
  /// (`sp->result = malloc(...)`, `p->buf = new char[n]`).
  bool StoresNewObject = false;
  /// The pointer stored is what a call made right there returned
  /// (`states[i] = new_state()`), or a local holding it hands on here and
  /// nowhere else (SoleHandOnMap): a new object at each store when the
  /// callee returns one, unlike a local holding one call's result stored
  /// over and over.
  bool StoresCallResult = false;
  /// The value stored is the current thread's id (`main_thread =
  /// pthread_self()`): the thread that stores it keeps its own id there.
  bool StoresCurrentThreadId = false;
  /// Through a local pointer to an object the function made, before any
  /// path could have handed the pointer on (facts/UnpublishedObjects.h):
  /// no other thread reaches this object yet, if the whole program finds
  /// the object new (an allocation, or a function returning one). In a
  /// constructor: through `this`, before it was given on, when the object
  /// is a whole one (a local, or what `new` made).
  bool Unpublished = false;
  /// Inside a loop of its function: it may run again after what follows
  /// it in program order.
  bool InLoop = false;
  /// The outermost loop of its function it is in, numbered from 1 (0: in
  /// none; GotoLoop: a loop made of a backward goto, taken as the whole
  /// function's): accesses and calls with one number may each follow the
  /// other.
  unsigned Loop = 0;
  /// The integer constant a plain assignment stores (`pool->shutdown = 0`).
  std::optional<long long> StoredConstant;
  /// An increment of an integer (`ctx->spawned++`): a count that only
  /// grows, as one of the threads started (RaceFinder's start counters).
  bool CountsUp = false;
  /// Locks the function gave back on every path here without taking them
  /// (its caller's: a task the scheduler runs under its lock that unlocks
  /// it): not held here unless Locks holds them again.
  std::vector<AccessPath> GivenBack;
};

/// MemoryAccess::Loop and CallSite::Loop of an event in a loop of gotos.
inline constexpr unsigned GotoLoop = ~0u;

/// Synchronisation that orders accesses without a lock: a release in one
/// thread before an acquire of the same object in another.
struct SyncEvent {
  AccessPath Object;
  bool Release = false; // Otherwise an acquire.
  unsigned Order = 0;
  /// The test (acquire) or the set (release) of a flag that guards a
  /// one-time initialisation ("<flag>?once", OnceFlags): it orders only where
  /// a lock is held, and a set orders only what its branch did (the places
  /// that hold "<flag>?oncebranch"). Locks and UnreachedCalls as a
  /// MemoryAccess has them.
  bool Once = false;
  std::vector<HeldLock> Locks;
  std::vector<unsigned> UnreachedCalls;
  /// A write of a volatile flag, or the exit of a loop that waits for one:
  /// a handshake that orders nothing in C++, but would if the flag were
  /// atomic. The check tells what it alone orders apart.
  bool Volatile = false;
};

/// Waiting for started work: std::thread::join, pthread_join, future::get.
struct JoinEvent {
  AccessPath Handle;
  unsigned Order = 0;
  SourceLoc Loc;
  /// The marks held where the join is that say what it does not join: a
  /// failed start's ("?startfailed": none of its threads), a branch no
  /// thread takes ("?impossible", an unset callback's: nothing).
  std::vector<HeldLock> BranchMarks;
  /// A try or timed join, on the edge where it succeeded: it joins only
  /// what holds its mark (isTryJoined), not what follows where the edges
  /// meet again.
  bool OnSuccessEdge = false;
};

/// A thread's handle copied (`*idp = thread_id;`, `pthread_t t = ctx->tid;`):
/// a join through the copy joins the thread.
struct HandleCopy {
  AccessPath From;
  AccessPath To;
  unsigned Order = 0;
};

enum class CallKind {
  Direct,   // The callee is known statically.
  Virtual,  // Dispatched through a vtable: targets from the class hierarchy.
  Indirect, // Through a function pointer or a stored callable (Slot).
  Callback, // A callable handed to an opaque function that may call it here.
  /// The destructor the program defines for a local, run where its scope
  /// ends. Only the race check follows it, and only into a destructor
  /// that joins a thread (the object's own worker): walking every local's
  /// destructor spends the walk's budgets on code that orders nothing.
  ScopeEnd,
};

/// A callable passed to a parameter of callable type: the functions it
/// denotes, or the slot whose contents it passes on.
struct CallableArg {
  unsigned Index = 0;
  std::vector<std::string> TargetIds;
  std::string FromSlot;
};

/// One function an indirect or virtual call may reach, as the whole-program
/// stage resolved it (never written by the extractor).
struct CallTarget {
  std::string Id;
  std::string Name;
  /// The hop as a message reads it: "through 'Store::get', overridden by
  /// 'FileStore::get'" or "through 'on_done_' (std::function), set at
  /// session.cpp:40".
  std::string Via;
  /// A callable passed as an argument: the callee that calls it, through
  /// which of its parameters.
  std::string ThroughFunction;
  int ThroughParam = -1;
  /// Set by the whole-program stage: the file holding the main of the one
  /// program this target exists in (it is defined there, or only code of
  /// that program stores it), or empty when any program may reach it.
  std::string Program;
  /// Indirect calls through a field: the objects (globals, or locals in
  /// any frame) whose initialisers alone put this target into that field
  /// (CallableStore::Object), or empty when some store may have put it
  /// into any object's.
  std::vector<std::string> Objects;
  /// Indirect calls: the functions whose code stored this target (into the
  /// slot, or into one it was copied from), or empty when an initialiser
  /// of a global did: it is there only where one of them ran.
  std::vector<std::string> StoredBy;
};

const char *callKindName(CallKind K);
std::optional<CallKind> parseCallKind(const std::string &S);

/// A call that starts the coroutine it calls (or is given) somewhere: as an
/// argument of co_spawn, sync_wait, via(executor), or posted to a context.
struct StartInfo {
  std::string Api;
  /// Where the started coroutine runs: from the executor's type, or the
  /// calling thread.
  ExecutionContext Context = ExecutionContext::Unknown;
  /// The executor object, when there is one (an io_context several threads
  /// may run).
  std::optional<AccessPath> Executor;
  SourceLoc Loc;
};

/// What a call passes to an integer parameter, when that is known: a
/// constant (an enumerator, a literal), or the caller's own parameter
/// passed on unchanged (its index).
struct IntegerArg {
  std::optional<long long> Constant;
  int Param = -1;
  /// A thread's start only: the argument is the counter of the one loop
  /// around the start, stepped once per pass and changed nowhere else, so
  /// no two threads that start gives have the same value.
  bool Distinct = false;
};

struct CallSite {
  std::string CalleeId; // Empty for indirect calls.
  std::string CalleeName;
  SourceLoc Loc;
  CallKind Kind = CallKind::Direct;
  unsigned LoopDepth = 0;
  /// The outermost loop of the caller around the call (MemoryAccess::Loop).
  unsigned Loop = 0;
  /// Estimated times the call runs per call of the function: the product of
  /// the enclosing loops' trip counts (constant bounds, else a default).
  double Trips = 1;
  /// In a coroutine: runs after an awaited switch to another executor, so not
  /// on the coroutine's original event loop; and where it runs now.
  bool OffLoop = false;
  ExecutionContext SwitchedTo = ExecutionContext::None;
  /// Every path from the call ends the process (std::exit, abort, a failed
  /// assertion): what it blocks is never waited for by anything else.
  bool EndsProcess = false;
  /// A call that makes a coroutine handed to a spawn (co_spawn(ex, f())):
  /// its body runs where the spawn puts it, not here.
  bool SpawnedElsewhere = false;
  /// A call that makes a coroutine object the code keeps (in a variable, a
  /// container, a capture, a parameter) instead of awaiting or starting
  /// it: the coroutine runs where what later awaits it from there does.
  bool StoredUnstarted = false;
  /// The call starts the coroutine it calls, as this says.
  std::optional<StartInfo> StartedBy;
  /// A blocking call the catalog can write as an awaited operation of the
  /// coroutine's own library (a sleep as an awaited timer): the edits that
  /// do so. A judgement fix: other tasks run while the coroutine waits.
  std::vector<SourceEdit> AwaitableRewrite;
  /// Catalog entries the call matched (blocking, cpu-heavy, mt-unsafe).
  std::vector<ApiUse> Apis;
  unsigned Order = 0;
  std::vector<HeldLock> Locks; // Held at the call, so held in the callee.
  std::vector<HeldLock> MaybeLocks; // Held on some paths to the call.
  /// Earlier calls (by order) on no path to this one.
  std::vector<unsigned> UnreachedCalls;
  /// As MemoryAccess::GivenBack: the caller's locks given back before it.
  std::vector<AccessPath> GivenBack;
  /// Some path from the function's entry to one of its returns makes no
  /// call like this one, to the same callee with the same arguments (an
  /// unlock only in the branch that returns NULL, not one in each
  /// branch): what the call gives back may still be held on that return.
  bool SkippedOnSomeReturn = false;
  std::optional<AccessPath> This;
  std::vector<std::optional<AccessPath>> Args; // Per parameter.
  /// Per parameter, when some is known: what it is given (IntegerArg).
  std::vector<IntegerArg> IntegerArgs;
  /// Per parameter: a struct passed by value (StructCopies.h). The callee's
  /// parameter is its own copy of the object Args names: what it points to
  /// is the caller's, its own fields are the callee's.
  std::vector<bool> CopiedArgs;
  /// std::call_once: the callee runs once per flag, ordered before every
  /// return from call_once on that flag.
  std::optional<AccessPath> OnceFlag;
  /// A handler posted to this io_context: it runs where the context runs.
  std::optional<AccessPath> PostedTo;
  /// Indirect calls: the callable slot called through (CallableStore), and
  /// how the code names it ("on_done_", "ops->read").
  std::string Slot;
  std::string SlotName;
  /// Indirect calls through a field (`te->entry_func()`): the field's
  /// place, to tell which object's field it is (CallableStore::Object).
  std::optional<AccessPath> CalleeObject;
  /// Indirect calls through a pointer read from a field or element, as
  /// itself or through a local copy of that one place (`task.fn =
  /// pool->queue[h].fn; (*task.fn)(arg)`): that place. The callee runs only
  /// where the place held a function (DecidedBranches.h).
  std::optional<AccessPath> CalledFrom;
  /// Callables passed to the callee's parameters of callable type.
  std::vector<CallableArg> CallableArgs;
  /// Filled in by the whole-program stage for virtual and indirect calls.
  std::vector<CallTarget> Targets;
  /// Whole-program stage: an indirect call through the function's own
  /// parameter (its index; -1 otherwise), whose target each caller gives;
  /// and for a direct call, the callables it passes to parameters the
  /// callee calls (they run inside this call).
  int ThroughParam = -1;
  std::vector<CallTarget> ArgTargets;

  const ApiUse *blockingApi() const {
    for (const ApiUse &A : Apis)
      if (A.Kind == ApiKind::Blocking && A.Blocks)
        return &A;
    return nullptr;
  }
};

/// An integer field or global given a constant (`mosq->threaded =
/// mosq_ts_self`), which it still holds at a later point on every path:
/// no write to a place of that name, and no call, between.
struct StoredFlag {
  AccessPath Place;
  long long Value = 0;
};

/// Work handed to another thread: std::thread, std::async, a pool's submit.
struct Spawn {
  std::string Api; // Catalog name of the spawning function.
  SpawnModel Model = SpawnModel::Thread;
  SourceLoc Loc;
  unsigned LoopDepth = 0;
  /// The outermost loop of its function it is in (MemoryAccess::Loop).
  unsigned Loop = 0;
  std::vector<std::string> EntryIds; // Functions that run on the new thread.
  std::vector<std::string> EntryNames;
  /// Callables handed over through a slot (a stored std::function, a
  /// function pointer): the whole-program stage adds their targets to
  /// EntryIds.
  std::vector<std::string> EntrySlots;
  /// Set by the whole-program stage for the entries it adds from slots:
  /// EntryPrograms[i] is CallTarget::Program of EntryIds[i] (missing or
  /// empty: any program).
  std::vector<std::string> EntryPrograms;
  /// Set by the whole-program stage alongside EntryPrograms: the slot
  /// EntryIds[i] was added from (missing or empty: named at the spawn). A
  /// slot that is the spawning function's own parameter holds whatever any
  /// caller passed; one walk of a call knows which of them this one did.
  std::vector<std::string> EntryFromSlots;
  unsigned Order = 0;
  /// What the new thread's entry sees: its `this` and parameters.
  std::optional<AccessPath> This;
  std::vector<std::optional<AccessPath>> Args;
  /// The object that is later joined (a std::thread, a future, a pool).
  std::optional<AccessPath> Handle;
  /// The pool or executor a task is handed to, when the handle is another
  /// object (the future submit() returns): waiting for the pool, or
  /// destroying one whose destructor waits, joins the task too.
  std::optional<AccessPath> Executor;
  /// Parallel to Args (missing: false): the argument points to an object
  /// this execution of the spawning code allocated (`Arg *a = new Arg;
  /// pthread_create(..., a)`, no loop between the allocation and the
  /// start): each start hands its thread an object of its own.
  std::vector<bool> FreshArgs;
  /// Parallel to Args, when some is known: what the entry's parameter is
  /// given (IntegerArg; a null pointer is the constant 0).
  std::vector<IntegerArg> IntegerArgs;
  /// The flags the spawning code set to a constant before the start, on
  /// every path to it (a start in no loop of its function).
  std::vector<StoredFlag> FlagsSet;
  /// The tests of flags held at the start ("?flagtest" marks): the values
  /// they found may be those the thread runs with.
  std::vector<HeldLock> FlagTests;
};

/// `co_await pool.schedule()` and friends: the rest of the coroutine runs on
/// another executor. Unawaited switches are the classic missing co_await.
struct ExecutorSwitch {
  std::string Api;
  SourceLoc Loc;
  bool Awaited = false;
  /// False for awaits that look like a switch but resume where they were,
  /// such as co_await asio::post(pool, asio::use_awaitable).
  bool Moves = true;
  /// Where the coroutine runs after it.
  ExecutionContext To = ExecutionContext::Unknown;
  /// For an unawaited switch: the edit that awaits it (inserts co_await
  /// where the call's expression starts). Empty inside a macro.
  std::vector<SourceEdit> AwaitFix;
};

/// A callable stored into a slot: a function pointer variable or field, a
/// std::function, a parameter, a container's elements, a function's return
/// value. Slots are named so that every file agrees: "var:<usr>",
/// "field:<usr>", "param:<function usr>#<index>", "ret:<function usr>", and
/// "<slot>[]" for the elements of a container or array held in a slot. Either
/// a function is stored (TargetId) or whatever another slot holds (FromSlot).
/// The FromSlot of a store whose value concur cannot follow: no slot, so
/// it adds no target, but it says the slot may hold something.
inline const std::string OpaqueSlot = "?opaque";

struct CallableStore {
  std::string Slot;
  std::string SlotName; // As the code names it, for messages.
  std::string TargetId;
  std::string FromSlot;
  SourceLoc Loc;
  /// A store by the initialiser of a variable's object into one of its
  /// fields (`struct entry worker_entry = {worker_proc};`): that field of
  /// that object, spelled as the race check keys places, without a local's
  /// thread ("G:<usr>.entry_func", "L:<usr>.on_done"). A call through this
  /// very field reaches this target, and a call through the same field of
  /// another such object does not.
  std::string Object;
  /// A store by code into a field of an object the function names
  /// (`param->start_routine = start_routine;`): that field, as the function
  /// names places. The race check binds the callables a call of this
  /// function passed to FromSlot (its own parameter) to this field of this
  /// call's object, for what the call goes on to do and the threads it
  /// starts: a call through the field of that object reaches them alone.
  std::optional<AccessPath> Place;
};

/// What the program does to a file descriptor held in a slot (the slots of
/// CallableStore): it is made non-blocking or lingering, or it is copied
/// from another slot (the same descriptor).
struct DescriptorFact {
  std::string Slot;
  DescriptorEffect Sets = DescriptorEffect::None;
  std::string FromSlot;
  SourceLoc Loc;
};

/// A co_await or co_yield of a coroutine, with the thread-blocking locks
/// held there (and where each was taken), and the locks the coroutine gave
/// back before it without having taken them itself (taken by a callee).
struct SuspendPoint {
  SourceLoc Loc;
  unsigned Order = 0;
  bool Yield = false;
  std::vector<HeldLock> Held;
  std::vector<SourceLoc> TakenAt; // Parallel to Held.
  /// Held on some paths to the suspension, not all.
  std::vector<HeldLock> MaybeHeld;
  std::vector<SourceLoc> MaybeTakenAt;
  std::vector<AccessPath> ReleasedBefore;
  /// Parallel to Held: the edits that end the scope of the guard holding
  /// the lock just before the statement that suspends (braces around the
  /// guard and the statements after it), when nothing declared in between
  /// is used from that statement on. Empty when no such edit is safe.
  std::vector<std::vector<SourceEdit>> ScopeEnds;
};

/// An integer-valued expression of the symbols a function knows, as OpenMP's
/// rules need it for array subscripts, loop bounds and conditions: a
/// constant plus terms, each a coefficient times a product of symbols.
/// Symbols: "i:<node>.<k>" (counter k of the loop at skeleton node <node>),
/// "p:<index>" (a parameter's value on entry), "s:<usr>" (a variable no
/// thread of the construct changes: the same value for all of them),
/// "u:<usr>" (a local every thread computes alike: OpenMPUniformity),
/// "o:<place>{<symbol>;<offset>...}" (an integer read from memory the
/// function never writes, at indexes given as symbols plus offsets),
/// "q:(<n>/<k>)" and "r:(<n>%<k>)" (quotient and remainder of an
/// expression by a positive constant, with facts in OmpSkeleton::Facts),
/// "x:<usr>@<node>" (a value each thread or iteration computes for itself),
/// "tid", "nthreads", "team", "nteams", "maxthreads" (omp_get_thread_num()
/// and friends).
/// Unknown when the expression is of no such form (a[idx[i]]).
struct OmpAffine {
  bool Known = false;
  long long Const = 0;
  std::vector<std::pair<std::vector<std::string>, long long>> Terms;
};

/// A place in memory as OpenMP code names it: a path whose element steps
/// ("[]") each have a subscript in Indexes, in order. A dereference ("*")
/// is always followed by an element step (*p is p[0]).
struct OmpRef {
  AccessPath Path;
  std::vector<OmpAffine> Indexes;
};

/// A linear condition on symbols: Expr == 0 (Equal) or Expr >= 0.
struct OmpConstraint {
  OmpAffine Expr;
  bool Equal = false;
};

/// One counter of a loop: its range, Lower..Upper inclusive, by Step, and
/// further bounds when a bound is the minimum or maximum of several
/// (i < min(n, (b + 1) * 16): the counter is below both).
struct OmpCounter {
  std::string Name;
  OmpAffine Lower, Upper;
  long long Step = 1;
  std::vector<OmpAffine> MoreLower, MoreUpper;
};

/// A clause of a directive, as far as data sharing and ordering need it.
/// Kind is the clause's name ("private", "depend", "schedule", ...);
/// Modifier its kind word ("in", "static", "+", "tofrom"); Value an integer
/// argument (collapse, safelen, a chunk, an if() known at compile time;
/// -1 when none or not constant); Items its list.
struct OmpClause {
  std::string Kind;
  std::string Modifier;
  long long Value = -1;
  std::vector<OmpRef> Items;
};

enum class OmpNodeKind {
  Directive,  // A construct with its structured block: children are in it.
  Standalone, // barrier, taskwait, taskyield, flush, ordered depend(...).
  Loop,       // A sequential loop; children are its body.
  Branch,     // if / switch / ?: ; children are its Arms.
  Arm,        // One way through a branch, with what holds on it.
  Access,     // A read or write of memory another thread may share.
  Call,       // A call of a function of the program.
  Lock,       // omp_set_lock, omp_unset_lock, omp_test_lock (an Arm holds it).
};

/// A value passed to a parameter: the place a pointer or reference argument
/// designates (for a pointer, the element it points to), and an integer
/// argument's value.
struct OmpArg {
  std::optional<OmpRef> Place;
  OmpAffine Value;
  /// The place is private to an instance of this construct node (-1: it is
  /// not, or it is the function's own frame), and why it is shared.
  int Owner = -1;
  std::string Sharing;
};

/// One node of a function's OpenMP skeleton: what the race check needs of
/// the function's structure, in program order (pre-order, each node naming
/// its parent).
struct OmpNode {
  OmpNodeKind Kind = OmpNodeKind::Access;
  int Parent = -1;
  SourceLoc Loc;
  /// Directive, Standalone: the directive's name ("parallel for",
  /// "barrier"); a critical's name; Lock: "set", "unset" or "test".
  std::string Name;
  std::string CriticalName;
  std::vector<OmpClause> Clauses;
  /// Loops and loop directives: the counters of the associated loops.
  std::vector<OmpCounter> Counters;
  /// Arm: conditions that hold on it; Lock "test": the arm that has the lock.
  std::vector<OmpConstraint> Conditions;
  /// Branch: the integer operands its condition compares (unknown ones
  /// included): when every thread sees the same values, every thread takes
  /// the same arm.
  std::vector<OmpAffine> Operands;
  /// Access: the place; Lock: the lock; Call: the object called on.
  std::optional<OmpRef> Ref;
  bool Write = false;
  bool Atomic = false;
  /// Access: the data-sharing rule that makes the place shared ("shared by
  /// default in 'parallel'", "shared(x)", "global", ...), and, for memory
  /// private to one thread or task that a task shares, the construct node
  /// whose instance owns it (-1: the function's frame or global memory).
  std::string Sharing;
  int Owner = -1;
  /// Call: the callee and its arguments.
  std::string Callee;
  std::string CalleeName;
  std::vector<OmpArg> Args;
};

/// A function's OpenMP skeleton: extracted for functions compiled with
/// -fopenmp, in files that are not system headers.
struct OmpSkeleton {
  std::vector<OmpNode> Nodes;
  /// What holds of symbols that stand for a quotient or remainder by a
  /// constant ("q:", "r:"): n / 16 = q with 16*q <= n <= 16*q + 15.
  std::vector<std::pair<std::string, std::vector<OmpConstraint>>> Facts;
  /// The function's own directives (not only calls): it starts regions or
  /// has orphaned constructs.
  bool HasDirectives = false;
};

/// A method's parameter that points to, or refers to, an object of a class
/// the program defines, or to a mutex: the object a caller hands in.
struct ParamObject {
  unsigned Index = 0;
  std::string ClassId;
  std::string ClassName;
  /// A reference names the object itself; a pointer holds its address.
  bool ByReference = false;
};

/// A pointer a function returns where marks of a branch some callers
/// never take are held (a callable-set test, a parameter's test, a branch
/// no known result takes).
struct ReturnedValue {
  AccessPath Value;
  std::vector<HeldLock> Under;
};

/// What one return statement of a function with a scalar or pointer
/// result hands back, as far as the start of threads goes: a constant
/// (null or zero, or not), the status a start or a call in the function
/// returned (StatusOf, that event's order), the status a local last took
/// from one of several calls (LastStatus), or something else. A pointer
/// is not null when it is a new object or an address, or a local tested
/// not null on every path to the return and not assigned since. Block is
/// the return's CFG block (UINT_MAX in a catch handler, which the CFG's
/// edges do not reach); StartFailures the start failures held at it.
struct ReturnOutcome {
  enum class Kind { Zero, NonZero, StatusOf, Unknown, LastStatus };
  Kind Value = Kind::Unknown;
  unsigned StatusOf = 0;
  /// StatusOf and LastStatus: the caller finds the status negated
  /// (`return !res;`, `return rc == 0;`): zero where the status was not.
  bool Negated = false;
  /// LastStatus: every value the local is given, as (the order of the
  /// start or program call whose status it is, or UINT_MAX for another
  /// call's or a constant; the CFG block of the assignment). At the return
  /// it holds the last one given on the way.
  std::vector<std::pair<unsigned, unsigned>> StatusAssignments;
  unsigned Block = UINT_MAX;
  std::vector<HeldLock> StartFailures;
};

/// The address of a shared place taken (facts/AddressEscapes.h): given to
/// the function CalleeId (a function of the program), or handed on
/// otherwise (CalleeId empty).
struct AddressEscape {
  AccessPath Place;
  std::string CalleeId;
};

struct FunctionFacts {
  std::string Id;   // Clang USR.
  std::string Name; // Human-readable qualified name.
  SourceLoc Loc;
  bool IsCoroutine = false;
  bool IsLambda = false;
  /// Locks a constructor takes belong to the object's scope (a guard); its
  /// destructor, which the AST does not show as a call, gives them back.
  bool IsConstructor = false;
  /// Methods: the class (USR and name), and how the class's users see it.
  /// A class marked single-threaded (by an annotation or the catalog) is
  /// never assumed to run its methods at once.
  std::string ClassId;
  std::string ClassName;
  bool IsPublic = false;
  bool IsStatic = false;
  bool IsDestructor = false;
  bool ClassSingleThreaded = false;
  /// The class holds a mutex, an atomic or another synchronisation object
  /// as a field (arrays of them too): it is meant for several threads.
  bool ClassSynchronises = false;
  /// Methods: the parameters through which callers hand in objects.
  std::vector<ParamObject> ParamObjects;
  /// The integer parameters whose value decides a branch here
  /// ("?paramtest") or that a call passes on (IntegerArg::Param): only
  /// these values are worth carrying into a call of the function.
  std::vector<unsigned> TestedParams;
  /// Static work estimate of the function's own code: arithmetic and memory
  /// operations, each weighted by the trip counts of its enclosing loops.
  double Ops = 0;
  /// co_await and co_yield, weighted like Ops: a coroutine's asynchronous
  /// waiting, which leaves the thread free.
  double Awaits = 0;
  unsigned Loops = 0;
  unsigned MaxLoopDepth = 0;
  std::vector<CallSite> Calls;
  std::vector<Spawn> Spawns;
  std::vector<ExecutorSwitch> Switches;
  std::vector<MemoryAccess> Accesses;
  std::vector<SyncEvent> Syncs;
  std::vector<JoinEvent> Joins;
  std::vector<HandleCopy> HandleCopies;
  /// The function's control flow, for what must follow what: the CFG block
  /// of each event, by its order (UINT_MAX where no block was walked); each
  /// block's successors, without exceptions' edges (a block from which
  /// every path ends the process has none); and the exit's block. Empty
  /// when the function was walked without a CFG.
  std::vector<unsigned> OrderBlocks;
  std::vector<std::vector<unsigned>> BlockSuccessors;
  unsigned ExitBlock = 0;
  /// What a function returning a reference or pointer hands back.
  std::optional<AccessPath> Returns;
  /// Where Returns is a pointer returned on a branch some callers never
  /// take: that branch's marks, and the pointers the function's other
  /// returns hand back (ZSTD_customCalloc: a custom allocator's result
  /// where one is set, calloc's otherwise).
  std::vector<HeldLock> ReturnsUnder;
  std::vector<ReturnedValue> OtherReturns;
  /// Every return of a scalar or pointer result, in order: what a caller's
  /// test of the result says about the threads the call started.
  std::vector<ReturnOutcome> ReturnOutcomes;
  /// The addresses of shared places it takes (AddressEscapes.h).
  std::vector<AddressEscape> AddressEscapes;
  /// Locks still held when the function returns (a lock() method), and
  /// locks it releases that it did not take (an unlock() method).
  std::vector<HeldLock> AcquiresOnExit;
  std::vector<AccessPath> ReleasesOnExit;
  /// The function's own static locals that hold a constant at every normal
  /// return, set on every path (`static bool first = true; ...; first =
  /// false;`): after its first call returns, they keep it, if nothing else
  /// stores another value (the race check's first-call flags).
  std::vector<StoredFlag> FlagsOnReturn;
  /// Locks held at every return of a pointer that is not null, and not at
  /// the others (a trylock wrapper returning the mutex it took, or NULL):
  /// the caller holds them where it found the result not null.
  std::vector<HeldLock> AcquiresOnNonNullReturn;
  /// Locks it takes and still holds on some of its returns but not on
  /// every one (a trylock inside a loop that may hand the item it locked to
  /// the caller). Held in the caller only where the caller gives them back
  /// later without taking them itself: the lock was handed over.
  std::vector<HeldLock> MayHoldOnReturn;
  /// Releases of a lock taken on no path through the function (an unlock
  /// it makes directly), each with the order of the first event after it:
  /// whoever called it holds the lock until then, unless a call in between
  /// took it (a lock wrapper's). Releasing a mutex one does not hold is
  /// undefined, so the events before the release are under that lock.
  std::vector<std::pair<AccessPath, unsigned>> UntakenReleases;
  /// io_context::run() and friends: this function's thread runs the
  /// handlers posted to these contexts.
  std::vector<AccessPath> ExecutorRuns;
  /// Callables this function stores into slots.
  std::vector<CallableStore> Stores;
  /// File descriptors it makes non-blocking, lingering, or copies.
  std::vector<DescriptorFact> Descriptors;
  /// A coroutine's suspension points.
  std::vector<SuspendPoint> Suspends;
  /// Where the analysis of this function stopped short, and why (an
  /// expression nested deeper than concur follows).
  std::vector<std::string> Cuts;
  /// Compiled with -fopenmp: the skeleton concur-openmp-race reads.
  std::optional<OmpSkeleton> OpenMP;
};

/// A method that overrides another: the whole program's class hierarchy is
/// the union of these, from every file.
struct MethodOverride {
  std::string MethodId;
  std::string MethodName;
  std::string OverriddenId;
};

/// A NOLINT, NOLINTNEXTLINE or NOLINTBEGIN/END comment, as clang-tidy reads
/// them.
struct Suppression {
  std::string File;
  unsigned Line = 0; // The line the comment is on.
  std::string Kind;  // "NOLINT", "NOLINTNEXTLINE", "NOLINTBEGIN", "NOLINTEND".
  std::vector<std::string> Checks; // Empty means every check.
};

/// A unit of work registered for the profiler (concur/workload.hpp): its
/// name joins the static advice to the runtime's measurements.
struct Workload {
  std::string Name;
  SourceLoc Loc;
  std::vector<std::string> EntryIds;
  std::vector<std::string> EntryNames;
};

struct FileFacts {
  std::string File;
  bool Parsed = false;
  std::string FirstError; // "file:line:col: message" when !Parsed.
  std::vector<FunctionFacts> Functions;
  std::vector<Suppression> Suppressions;
  std::vector<Workload> Workloads;
  std::vector<MethodOverride> Overrides;
  /// Callables stored by the initialisers of global variables (a table of
  /// function pointers).
  std::vector<CallableStore> GlobalStores;
  /// The addresses of shared places global initialisers take.
  std::vector<AddressEscape> GlobalAddressEscapes;
  /// Every file the parse read, headers included: what the fact cache
  /// checks before it reuses these facts.
  std::vector<std::string> Dependencies;
};

} // namespace concur

#endif // CONCUR_FACTS_FACTS_H
