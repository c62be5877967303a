//===- UnsynchronizedSharedStateCheck.cpp - races without annotations -----===//
//
// Threads. Instance 0 runs `main` (or, in code without a main, each function
// that starts threads and is called by nobody). Walking a thread inlines the
// functions it calls, in program order, so that every event gets a position
// in that thread's trace. A spawn met on the way creates a child instance
// whose window in the parent's trace runs from the spawn to the join of its
// handle (or forever). Two accesses can run at the same time when they are in
// different instances whose windows overlap below their lowest common
// ancestor, or in one instance that runs several times at once (started in a
// loop).
//
// Classes meant for threads (RacerD's rule). Real compile databases hold
// tests and benchmarks whose mains call library code from one thread, so
// reachability from a main misses how a library is used. A class that
// synchronises (a mutex or atomic member, locks taken in its methods) is
// meant to be used from several threads: each of its public methods is also
// a root of its own, on "some object of the class", that runs at once with
// every other such root and with itself. Pairs found only through these
// roots are reported when the memory is locked somewhere (lock
// consistency: a warning) or, unlocked everywhere, as a remark.
//
// Memory. Paths from the facts are resolved in the context of the call:
// `this` and parameters become the caller's paths, a local becomes the local
// of the thread instance whose frame holds it (a lambda spawned with [&]
// reaches its creator's frame).
//
//===----------------------------------------------------------------------===//

#include "checks/UnsynchronizedSharedStateCheck.h"
#include "program/CallResolution.h"
#include "program/ExecutorRunners.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SaveAndRestore.h"

#include <algorithm>
#include <climits>
#include <cstring>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace concur {
namespace {

/// A path resolved to something every thread agrees on.
struct AbsPath {
  std::string Root; // "G:<usr>", "L:<instance>:<usr>", "O:<class>"
  std::vector<std::string> Steps;
  std::string Name;
  std::string Display;
  /// Reached from an object a caller handed to a method assumed to run from
  /// any thread: "some object" of that kind, for one class's methods only.
  bool HandedIn = false;
  /// A struct a callee got by value names, by these steps, the caller's
  /// object it copied (CallSite::CopiedArgs): until a dereference past
  /// them, the memory is the callee's own copy, not the caller's.
  size_t OwnCopyFrom = std::string::npos;
  /// The steps ("[@]") made of a loop counter that starts from a constant
  /// ("[+]" in the facts) in the code of the thread that made this path:
  /// every copy of that code steps through the same elements. A start
  /// hands its thread the element as its own slot (ownSlots), and then
  /// the list is emptied.
  std::vector<size_t> SteppedSlots;
  /// Root is the object the start of thread OwnRunOf made for that run,
  /// which the starter also keeps elsewhere (a connection on the server's
  /// list), so it goes by the starter's name: every start, and every run
  /// of one, has another (RaceFinder::ofOtherStarts). -1: not known to be.
  int OwnRunOf = -1;
  /// Root is an object the activation of the walk numbered MadeIn
  /// (Context::Frame) made, and this access is in it or in what it called
  /// and handed the object to (Context::FreshRoots): each run of that code
  /// has another. 0: not known to be.
  unsigned MadeIn = 0;

  /// Is this place inside a by-value parameter's own copy?
  bool inOwnCopy() const {
    return OwnCopyFrom != std::string::npos &&
           std::find(Steps.begin() + std::min(OwnCopyFrom, Steps.size()),
                     Steps.end(), "*") == Steps.end();
  }

  std::string key() const {
    std::string K = Root;
    for (const std::string &S : Steps)
      K += S;
    return K;
  }
};

void appendStep(AbsPath &P, const std::string &Step) {
  appendPathStep(P.Steps, Step);
  // A step up out of the copied object (container_of) stays in the copy.
  if (P.OwnCopyFrom != std::string::npos)
    P.OwnCopyFrom = std::min(P.OwnCopyFrom, P.Steps.size());
}

/// The object of a once-flag's test and set ("<flag>?once", OnceFlags).
const std::string OnceMark = "?once";
/// The root of a local (or heap object) Id of a thread instance: each
/// instance has its own.
std::string localRoot(unsigned Thread, const std::string &Id) {
  return "L:" + std::to_string(Thread) + ":" + Id;
}
/// Is Root a local (or heap object) of that thread instance?
bool isLocalOf(const std::string &Root, unsigned Thread) {
  return Root.rfind(localRoot(Thread, ""), 0) == 0;
}
/// Is Root an object some allocation made ("L:<n>:heap:...")?
bool isHeapObjectRoot(const std::string &Root) {
  return Root.rfind("L:", 0) == 0 &&
         Root.find(":" + HeapRootPrefix) != std::string::npos;
}
/// The root a thread has for an object its starter made for its start
/// (StartObject), and back: the starter's name for it.
const std::string StartObjectMark = ":fresh:";
std::string startObjectRoot(unsigned Thread, const std::string &Made) {
  return "L:" + std::to_string(Thread) + StartObjectMark + Made + "&";
}
/// Key with a start object's root named apart from the instance it is
/// rooted at: twins of a start have one each, alike.
std::string withoutInstance(const std::string &Key) {
  size_t At = Key.find(StartObjectMark);
  return Key.rfind("L:", 0) == 0 && At != std::string::npos ? Key.substr(At)
                                                            : Key;
}
std::optional<std::string> madeForStart(const std::string &Root) {
  size_t At = Root.find(StartObjectMark);
  if (Root.rfind("L:", 0) != 0 || At == std::string::npos || Root.back() != '&')
    return std::nullopt;
  size_t From = At + StartObjectMark.size();
  return Root.substr(From, Root.size() - From - 1);
}
/// Is Key a field of Object's, or Object itself with OrSelf ("<object>.f...")?
bool isFieldKeyOf(const std::string &Key, const std::string &Object,
                  bool OrSelf = false) {
  return Key.compare(0, Object.size(), Object) == 0 &&
         (Key.size() == Object.size() ? OrSelf : Key[Object.size()] == '.');
}

/// Before the key of a volatile flag's handshake (SyncEvent::Volatile): it
/// orders nothing, and is only asked what it would order.
const std::string VolatileMark = "volatile:";
bool isVolatileKey(const std::string &Key) {
  return Key.rfind(VolatileMark, 0) == 0;
}
bool isOnceKey(const std::string &Key) {
  return Key.size() >= OnceMark.size() &&
         Key.compare(Key.size() - OnceMark.size(), OnceMark.size(), OnceMark) ==
             0;
}

bool isIndex(const std::string &Step) {
  return !Step.empty() && Step.front() == '[';
}

/// Does the element step Bounded, at an index of k or more ("[>=k]"), name
/// no element that the constant index of Other names?
bool belowBound(const std::string &Bounded, const std::string &Other) {
  auto K = indexLowerBound(Bounded);
  auto J = constantIndex(Other);
  return K && J && *J < *K;
}

/// The accesses of one root that may overlap one another, found without
/// trying every pair: two paths overlap only if, up to the shorter one's
/// length, each step is the same or both are indexes (RaceFinder::overlap).
/// So paths are filed by their steps with every index made one ("the
/// skeleton"), and an access's partners are the paths whose skeleton is a
/// prefix of its own or has its own as a prefix. Paths through a taken
/// object, whose mark overlap() may drop, pair with every path. A small
/// root is paired exhaustively, as it always was.
class OverlapCandidates {
public:
  template <typename PathOf>
  OverlapCandidates(size_t Count, PathOf Path) : Count(Count) {
    if (Count <= ExhaustiveUpTo)
      return;
    Skeletons.resize(Count);
    for (size_t I = 0; I < Count; ++I) {
      const std::vector<std::string> &Steps = Path(I);
      if (std::find(Steps.begin(), Steps.end(), TakenMark) != Steps.end()) {
        Anywhere.push_back(I);
        continue;
      }
      std::string &Skeleton = Skeletons[I];
      for (const std::string &Step : Steps)
        (Skeleton += isIndex(Step) ? "[" : Step) += '\x1f';
      BySkeleton[Skeleton].push_back(I);
    }
  }

  /// The partners of access X, in the order every pair was once tried:
  /// the later accesses, ascending, then X itself.
  void partnersOf(size_t X, std::vector<size_t> &Out) const {
    Out.clear();
    if (Count <= ExhaustiveUpTo ||
        std::binary_search(Anywhere.begin(), Anywhere.end(), X)) {
      for (size_t Y = X + 1; Y < Count; ++Y)
        Out.push_back(Y);
      Out.push_back(X);
      return;
    }
    auto Take = [&](const std::vector<size_t> &From) {
      for (auto It = std::upper_bound(From.begin(), From.end(), X);
           It != From.end(); ++It)
        Out.push_back(*It);
    };
    const std::string &Own = Skeletons[X];
    // Shorter paths (and its own skeleton): the prefixes ending at a step.
    for (size_t End = 0; End <= Own.size(); ++End)
      if (End == 0 || Own[End - 1] == '\x1f')
        if (auto It = BySkeleton.find(std::string_view(Own).substr(0, End));
            It != BySkeleton.end())
          Take(It->second);
    // Longer paths under it.
    for (auto It = BySkeleton.upper_bound(Own);
         It != BySkeleton.end() && It->first.compare(0, Own.size(), Own) == 0;
         ++It)
      Take(It->second);
    Take(Anywhere);
    std::sort(Out.begin(), Out.end());
    Out.push_back(X);
  }

private:
  static constexpr size_t ExhaustiveUpTo = 4096;
  size_t Count;
  std::vector<std::string> Skeletons;
  std::map<std::string, std::vector<size_t>, std::less<>> BySkeleton;
  std::vector<size_t> Anywhere;
};

struct ResolvedLock {
  std::string Key;
  std::string Name;
  bool Shared = false;
  /// Not a lock but the mark of a null mutex pointer (isMutexAbsence): the
  /// key of the mutex it would point to, the key its locks have.
  std::string AbsentMutex;
  /// Not a lock but the mark of a branch that does not run in this
  /// program: a test found a callable slot set that the program never
  /// stores a function into (isCallableSet).
  bool Unreachable = false;
  /// Not a lock but the mark of running on the thread whose id Name is
  /// (isThreadOwnership), and where that id is kept.
  bool Ownership = false;
  std::string KeptIdKey;
  /// Not a lock but the mark of a hand-made once's branch (isOnceBranch):
  /// the key of its flag.
  std::string OnceFlag;
  /// Not a lock but the mark of holding the last reference to an object
  /// (isLastReference): the object.
  std::optional<AbsPath> LastReferenceTo;
  /// The key with every element of an array of locks taken as one.
  std::string ArrayKey;
  /// Not a lock but the mark of a start that failed (isStartFailure): the
  /// threads that start would have made.
  std::vector<unsigned> NotStarted;
  /// Not a lock but the mark of a try or timed join's success
  /// (isTryJoined): the threads it joined.
  std::vector<unsigned> Joined;
  /// Held because a call returned holding it and a later call gives it
  /// back (a lookup that locks the item it finds): it orders what is done
  /// under it, but was not taken for it, so says nothing about what the
  /// program means to protect.
  bool HandedOver = false;
};

/// Not a lock but the mark of a branch a flag's test decides (isFlagTest),
/// keyed "?flag:<values>|<the flag's key>": the values ("=0", "!=1") the
/// flag holds there. (No field of its own: ResolvedLocks are many, and
/// their size counts against the walk's memory budget.)
inline const std::string FlagGuardPrefix = "?flag:";
inline bool isFlagGuard(const ResolvedLock &L) {
  return L.Key.rfind(FlagGuardPrefix, 0) == 0;
}
/// A flag guard's flag key and values, from its key.
inline std::pair<std::string, std::string> flagGuardOf(const ResolvedLock &L) {
  size_t Bar = L.Key.find('|');
  return {L.Key.substr(Bar + 1),
          L.Key.substr(FlagGuardPrefix.size(), Bar - FlagGuardPrefix.size())};
}

/// Not a lock but the mark of holding a token (trackToken), keyed
/// "?token:<claimed value>|<lock key>|<flag key>": the flag was set to the
/// value holding the lock, and the thread has not set it to another since.
inline const std::string TokenPrefix = "?token:";
inline bool isToken(const ResolvedLock &L) {
  return L.Key.rfind(TokenPrefix, 0) == 0;
}
/// A token's claimed value, lock key and flag key, from its key.
inline std::tuple<std::string, std::string, std::string>
tokenOf(const ResolvedLock &L) {
  size_t First = L.Key.find('|'), Second = L.Key.find('|', First + 1);
  return {L.Key.substr(TokenPrefix.size(), First - TokenPrefix.size()),
          L.Key.substr(First + 1, Second - First - 1),
          L.Key.substr(Second + 1)};
}

/// The flags tested on the way to an access: (flag key, values) pairs.
using FlagGuards = std::vector<std::pair<std::string, std::string>>;

/// One loop on a walk's way down to an event: the loop numbered Loop
/// (MemoryAccess::Loop) of the call walked as Frame, within the loops
/// Outer names (RaceFinder::LoopLinks, from 1; 0: none). Two events whose
/// ways pass one such loop may each run after the other.
struct LoopLink {
  unsigned Frame = 0;
  unsigned Loop = 0;
  unsigned Outer = 0;
  bool operator==(const LoopLink &O) const {
    return Frame == O.Frame && Loop == O.Loop && Outer == O.Outer;
  }
};
struct LoopLinkHash {
  size_t operator()(const LoopLink &L) const {
    return std::hash<uint64_t>()((uint64_t(L.Frame) << 32) ^ L.Outer) ^
           std::hash<unsigned>()(L.Loop);
  }
};

struct ResolvedAccess {
  AbsPath Path;
  bool Write = false;
  /// The loops on the way to the access (a LoopLink's number, 0: none).
  /// Reached again on another way, or replayed from a walk memo, it is in
  /// loops they do not name (LoopsUnknown).
  unsigned Loops = 0;
  bool LoopsUnknown = false;
  /// A write the starter made to set up the slot it hands a thread
  /// (handSlotSetup), moved to that thread: before the start in the
  /// starter's own order, so never at once with what the starter does.
  int SetUpBy = -1;
  /// Such a write made in no loop of the starter's activation that holds
  /// the start (`deal into the slots; start them all`): before every start
  /// of the thread it was moved to, so before all that thread's copies do.
  bool SetUpBeforeStarts = false;
  /// A write of a flag some start follows a set of (StartFlagNames) or a
  /// test of (GuardFlagNames), or of a whole object that may hold one:
  /// every position it was made at is kept
  /// (RaceFinder::FlagWriteOccurrences), not just the first and last.
  bool TracksOccurrences = false;
  /// Where the thread first and last made this access between the same
  /// ordering events (a release falls between them, not an event).
  unsigned Pos = 0;
  unsigned LastPos = 0;
  /// Where the thread last made it in program order: LastPos but for its
  /// move past the entry's releases (moveEscapingAccesses).
  unsigned LastMadePos = 0;
  unsigned Thread = 0;
  std::vector<ResolvedLock> Locks;
  /// Mutex pointers found null on the way here ("<pointer>?absent"): the
  /// object was made without its mutex, so no holder of "*<pointer>" shares
  /// it.
  std::vector<std::string> Absent;
  /// The flags of the hand-made onces whose branch this is in
  /// ("<flag>?oncebranch"): it runs once, before whatever any thread does
  /// after its own test of the flag.
  std::vector<std::string> OnceFlags;
  /// Threads whose start failed where this access is (isStartFailure).
  std::vector<unsigned> NotStarted;
  /// Threads a try or timed join found ended on the way here (isTryJoined).
  std::vector<unsigned> Joined;
  SourceLoc Loc;
  std::string Function;
  bool Volatile = false;
  /// Through a by-reference capture of the thread's own closure, one object
  /// per closure (AccessPath::FreshPerClosure).
  bool FreshPerClosure = false;
  bool Atomic = false;
  /// A write of a pointer (MemoryAccess::StoresPointer).
  bool StoresPointer = false;
  /// A write of the writing thread's own id
  /// (MemoryAccess::StoresCurrentThreadId).
  bool StoresOwnId = false;
  /// A kept thread id read to compare it with the current thread's.
  bool KeptIdTest = false;
  /// A copy of a whole struct (MemoryAccess::WholeValue).
  bool WholeValue = false;
  /// Of the block from the place on (MemoryAccess::Block).
  bool Block = false;
  /// Made on the way to ending the process (Context::Dying).
  bool Dying = false;
  /// In a lazy initialisation of this global ("G:<usr>"), which runs only
  /// while it is still zero (MemoryAccess::LazyInitOf).
  std::string LazyInitOf;
  /// The one program this access runs in (Context::Program), or "".
  std::string Program;
  /// The records of the fields the access names itself
  /// (MemoryAccess::FieldRecords): the last field steps of Path.
  const std::vector<std::string> *FieldRecords = nullptr;
};

/// What a walked function leaves to its caller: locks taken and not
/// released (a lock() method), locks released that it did not take.
struct LockEffect {
  std::vector<ResolvedLock> Acquired;
  std::vector<std::string> Released;
  /// Held on some of the callee's returns, not on every one (a lookup that
  /// gives the item's lock back only where it returns NULL): held in the
  /// caller only where the caller gives it back later without taking it.
  std::vector<ResolvedLock> MayHold;
};

/// Where a flag's test was made: no earlier than Since, in Function (whose
/// own writes of the flag come before the test: the walk drops a test
/// where its function writes the flag).
struct GuardTest {
  unsigned Since = 0;
  std::string Function;
};

/// An object the starter made for one start: made in the activation that
/// made the start (Frame, a Context::Frame), at most once in it, and handed
/// through no loop (Context::FreshRoots, Spawn::FreshArgs). The thread's
/// own, as its locals are, if no other start of that activation is handed
/// it too (decideStartObjects): a reader and a writer handed one
/// connection share it.
struct StartObject {
  /// The root the starter names it by.
  std::string Made;
  unsigned Frame = 0;
  /// The start's argument it is, or -1: what Holder's pointer field Field
  /// points at (`param->arg = conn;` in a start wrapper's block).
  int Param = -1;
  int Holder = -1;
  std::string Field;
};

/// A pointer field of a start object that the starter aimed at something
/// else than another start object (`param->daemon = daemon;`): where it
/// points, by the starter's name for it.
struct StartField {
  int Holder = -1;
  std::string Field;
  AbsPath Pointee;
};

struct ThreadInstance {
  std::string EntryId;
  std::string EntryName;
  /// The objects its start made for it (StartObject): the root the
  /// starter names each by, and the thread's own root for it.
  std::vector<std::pair<std::string, std::string>> FreshObjects;
  /// Candidates for FreshObjects until its parent's walk is over
  /// (decideStartObjects), and the fields that lead out of them.
  std::vector<StartObject> StartObjects;
  std::vector<StartField> StartFields;
  /// The start that made it: its function, that function's activation
  /// (Context::Frame) and the start's order there.
  const FunctionFacts *SpawnFn = nullptr;
  unsigned SpawnFrame = 0;
  unsigned SpawnOrder = 0;
  /// Where the pointer fields of its own start objects point, by the
  /// field's key under the thread's root for the object (resolve()).
  std::map<std::string, AbsPath> StartPointees;
  int Parent = -1;
  unsigned SpawnPos = 0;
  unsigned JoinPos = UINT_MAX;
  /// Another thread than its parent that joins it (a server's master
  /// thread joining the workers the main thread started), or -1.
  int JoinedBy = -1;
  bool Multi = false;
  /// Multi only because a call made in a loop started it: that call (its
  /// instance, Context::LoopCalls). Joined by its parent before that call
  /// returned, it ended before the loop's next pass started it again.
  unsigned LoopCall = 0;
  /// Started again by the same instance of its parent (a start in a loop,
  /// a function that starts it called twice): its runs share what their
  /// parent's run owns. A thread only Multi through its parent is not.
  bool Restarted = false;
  /// When a later start last merged into it (a twin started again), by
  /// Merges' count then; 0 if none did.
  unsigned MergedAt = 0;
  SourceLoc StartLoc;
  std::optional<std::string> HandleKey;
  /// Where copies of the handle went (a wrapper's `*idp = thread_id`).
  std::vector<std::string> HandleCopies;
  /// The pool the thread's task was handed to: waiting for it joins.
  std::optional<std::string> ExecutorKey;
  std::optional<AbsPath> This;
  std::vector<std::optional<AbsPath>> Params;
  /// The functions its starter's callers stored into fields of objects
  /// (Context::FieldCallables), the thread's to call.
  std::map<std::string, std::vector<std::string>> FieldCallables;
  /// The constants and null pointers its entry was given, where the entry
  /// tests them (Context::ParamValues).
  std::vector<std::optional<long long>> ParamValues;
  /// Its entry's parameters that each of its instances is given another
  /// value of (IntegerArg::Distinct; Context::DistinctParams).
  std::vector<bool> DistinctParams;
  /// The flags its parent set before starting it, on every path to the
  /// start (Spawn::FlagsSet), by key.
  std::map<std::string, long long> RunFlags;
  /// Those of RunFlags that hold while it runs (findCompletionFlags): no
  /// other write reaches them before its own last writes.
  std::map<std::string, long long> HeldFlags;
  /// The values of the global flags a test found on the way to its start
  /// (a guard its parent held there), by key.
  std::map<std::string, std::set<long long>> GuardFlags;
  /// Where those tests were made (Context::GuardSince).
  std::map<std::string, std::vector<GuardTest>> GuardSince;
  /// Those of GuardFlags that hold while it runs (findCompletionFlags):
  /// what it does under a test that finds another value, it never does.
  std::map<std::string, std::set<long long>> KnownFlags;
  /// The root of each of RunFlags' places (AbsPath::Root): a flag in an
  /// object of an allocation site (one of many, to concur) orders only
  /// what is in or reached through that object.
  std::map<std::string, std::string> FlagRoots;
  std::set<std::string> Frames;
  /// Objects made for its start that its starter keeps elsewhere too
  /// (keptElsewhere), by the starter's name (AbsPath::OwnRunOf).
  std::map<std::string, unsigned> KeptStartObjects;
  /// The functions on the spawner's stack when this thread started.
  std::set<std::string> LiveAtSpawn;
  bool IsProgram = false; // A main: separate programs never run together.
  /// The program the thread belongs to (Program::programOf its main), or
  /// "" for roots assumed from classes and library entry points.
  std::string Program;
  /// A public method of a class that synchronises, assumed to be called
  /// from any thread at any time: the class's name.
  std::string AssumedFromClass;
  /// A constructor walked for the threads it starts, not for its accesses.
  bool Constructing = false;
  /// Its walk stopped at a budget: what it starts is not all known.
  bool Truncated = false;
};

struct Context {
  unsigned Thread = 0;
  const FunctionFacts *Fn = nullptr;
  /// The position at which this call of Fn began.
  unsigned EntryPos = 0;
  /// Where each flag guard of Locks (by its key) was first held in this
  /// walk: the start of the function whose call carried its test in (the
  /// test was made there), and that function.
  std::map<std::string, GuardTest> GuardSince;
  std::optional<AbsPath> This;
  std::vector<std::optional<AbsPath>> Params;
  /// The functions the caller passed to parameters of callable type, when
  /// it named them: a thread-start wrapper starts what this call gave it.
  std::map<unsigned, std::vector<std::string>> Callables;
  /// The functions a caller on the way here stored from such a parameter
  /// into a field of an object (`param->start_routine = start_routine;`),
  /// by the field's place: a call through that field of that object (the
  /// wrapper's thread's `param->start_routine(param->arg)`) reaches them
  /// alone, not every function any caller of the wrapper passed.
  std::map<std::string, std::vector<std::string>> FieldCallables;
  /// The integer and pointer parameters the caller gave a known value
  /// (IntegerArg; a null pointer is 0).
  std::vector<std::optional<long long>> ParamValues;
  /// A thread's entry only: the parameters no two instances of the thread
  /// share a value of. A test that finds one at a single value guards what
  /// one instance alone does (oneInstanceOnly).
  std::vector<bool> DistinctParams;
  std::vector<ResolvedLock> Locks;
  /// Objects made for this activation of the calls on the way here (by
  /// root), each with the activation (Frame) that made it: made by a
  /// caller, or returned new by a call it made, once, and handed down
  /// through calls made in no loop. A start given one hands it to that
  /// start alone, unless another start of the same activation gets it too
  /// (StartObject).
  std::map<std::string, unsigned> FreshRoots;
  bool InLoop = false;
  /// This call's walk (a number of its own) and the loops around it
  /// (a LoopLink's number, 0: none).
  unsigned Frame = 0;
  unsigned Loops = 0;
  /// The calls made in a loop that this call is within, outermost first
  /// (each call's own instance number, NextCallInstance).
  std::vector<unsigned> LoopCalls;
  /// On the way to ending the process: inside a call every path from which
  /// ends it (a panic's crash report, an error's exit).
  bool Dying = false;
  unsigned Depth = 0;
  /// The one program this call runs in: the thread's, or, for a root
  /// assumed from a library class, the program whose own code the walk
  /// entered (a test's callback), or "" while it is still library code.
  std::string Program;
};

constexpr unsigned MaxDepth = 40;
/// Pairs of accesses to token flags dropInvalidTokens looks at, in all;
/// past them, the tokens left are dropped.
constexpr size_t MaxTokenPairs = 1000000;
constexpr unsigned MaxInstances = 512;
/// Accesses a thread's walk makes, repeats counted: a server's main that
/// runs its protocol handlers makes 202k in 38k calls (memcached). It also
/// bounds the walk's memo of what each call touched: at 1M, redis's main,
/// which reaches the call budget, kept 15 GB; at 250k, 1.6 GB.
constexpr size_t MaxAccessesPerThread = 250000;
/// The distinct accesses of all threads together, by the bytes of their
/// names, places and locks: the memory the analysis keeps (about three
/// times this; cpp-httplib's tests keep 1.07 GiB of it). A database whose
/// programs start hundreds of thread instances that each reach the
/// per-thread budgets (xz's encoders) would otherwise keep gigabytes per
/// thread.
constexpr size_t MaxAccessBytesTotal = size_t(1280) << 20;
/// The part of it one thread's walk may fill: a main that walks a whole
/// library (nng's nngcat, deep paths through its lists) would otherwise
/// fill it alone, and the threads it started would not be walked at all.
constexpr size_t MaxAccessBytesPerThread = MaxAccessBytesTotal / 2;
/// Pairs of accesses to one root looked at for a race: quadratic in the
/// accesses, so bounded as well.
constexpr size_t MaxPairsExamined = 2000000000;
/// Calls inlined per thread: the walk re-enters a callee at each call site,
/// which is exact but grows with the number of call paths.
constexpr size_t MaxCallsPerThread = 200000;
/// Calls a thread's walk past its budget may still make towards the
/// threads it starts (mayStartThreads).
constexpr size_t MaxDiscoveryCalls = 200000;
/// Roots assumed from classes: one per public method, each walk smaller.
constexpr unsigned MaxClassRoots = 4000;
constexpr size_t MaxCallsPerClassRoot = 2000;
constexpr size_t MaxAccessesPerClassRoot = 5000;
/// How deep the walk looks through direct calls for locks a call gives
/// back: an iterator's finish() calls an unlock wrapper, which unlocks.
constexpr unsigned MaxGiveBackDepth = 3;
/// Pointers followed per buffer of thread handles: a pool keeps one or two.
constexpr size_t MaxBufferPointers = 8;
/// How many pointer fields deep addStartObject follows objects made for a
/// start (a wrapper's block, the connection it points at, its buffers).
constexpr unsigned MaxStartObjectDepth = 3;
constexpr size_t MaxAddressCells = 8;
/// Pointers of one place named by the one object they point to, in turn
/// (a pool's pointer, then its queue's): a cycle of them stops here.
constexpr unsigned MaxPointerRenames = 4;

class RaceFinder {
public:
  explicit RaceFinder(const Program &P) : P(P) {}

  void run(std::vector<Finding> &Out, CheckStats &Stats) {
    indexSlotTargets();
    indexIndexedCells();
    indexStartFlags();
    indexFirstCallFlags();
    noteAddressEscapes(P.globalAddressEscapes(), Context());
    findMultiThreadedExecutors();
    createRoots();
    findProgramReach();
    for (size_t I = 0; I < Threads.size() && I < MaxInstances; ++I)
      walkThread(static_cast<unsigned>(I));
    FirstClassRoot = Threads.size();
    createClassRoots();
    for (size_t I = FirstClassRoot; I < Threads.size(); ++I)
      walkThread(static_cast<unsigned>(I));
    joinThroughJoiners();
    dropSetupBeforeStart();
    dropLazyInitialisedBeforeStart();
    shareFreshObjectsWithStarters();
    for (size_t I = 0; I < Threads.size(); ++I)
      computeMulti(static_cast<unsigned>(I));
    findCompletionFlags();
    findSingleThreadedPrograms();
    findOwnPointerCells();
    findOtherIdWrites();
    nameLocksThroughSinglePointers();
    // (Only globals' pointers: a local struct's field points where one
    // run of its frame aimed it.)
    for (const auto &[Cell, Pointee] : GlobalPointees)
      if (Pointee && Cell.rfind("G:", 0) == 0)
        GlobalPointeeRoots.insert(Pointee->Root);
    indexSyncs();
    dropInvalidTokens();
    report(Out);
    Stats["threads_modelled"] += static_cast<unsigned>(FirstClassRoot);
    Stats["methods_assumed_concurrent"] +=
        static_cast<unsigned>(Threads.size() - FirstClassRoot);
    Stats["shared_accesses"] += static_cast<unsigned>(Accesses.size());
    if (Truncated)
      Stats["race_analysis_truncated"] += 1;
  }

private:
  //===-- Threads --------------------------------------------------------===//

  void createRoots() {
    // Each main is a program of its own (a database often holds several).
    for (const auto &[Id, F] : P.functions())
      if (F.Name == "main" && !F.IsLambda) {
        ThreadInstance Main;
        Main.EntryId = Id;
        Main.EntryName = "main";
        Main.IsProgram = true;
        Main.Program = P.programOf(F);
        Threads.push_back(Main);
      }
    if (!Threads.empty())
      return;
    // A library: every function that starts threads and that nothing in the
    // program calls is where threads begin.
    std::set<std::string> Called;
    for (const auto &[Id, F] : P.functions())
      for (const CallSite &C : F.Calls)
        Called.insert(C.CalleeId);
    // Constructors are left to the class roots, which know that nobody
    // else holds the object while one runs.
    for (const auto &[Id, F] : P.functions()) {
      if (F.Spawns.empty() || Called.count(Id) || F.IsConstructor)
        continue;
      ThreadInstance Root;
      Root.EntryId = Id;
      Root.EntryName = F.Name;
      // "Some object of this class": methods of one object share it.
      if (!F.ClassId.empty())
        Root.This = someObject(F.ClassId, F.ClassName);
      Threads.push_back(Root);
    }
  }

  /// A public method that starts threads (ThreadPool::start) is the second
  /// half of a constructor: its caller owns the object and sets it up
  /// before anyone else holds it, as a constructor's caller does. What the
  /// method does before its first start is not assumed to run at once with
  /// the class's other methods; the threads it starts, and what it does
  /// while they run, are.
  void dropSetupBeforeStart() {
    std::map<unsigned, unsigned> FirstStart;
    for (size_t I = FirstClassRoot; I < Threads.size(); ++I) {
      const ThreadInstance &T = Threads[I];
      if (T.Parent < 0 || static_cast<size_t>(T.Parent) < FirstClassRoot)
        continue;
      const ThreadInstance &Root = Threads[T.Parent];
      if (Root.Parent >= 0 || Root.Constructing ||
          Root.AssumedFromClass.empty())
        continue;
      auto [It, New] = FirstStart.try_emplace(T.Parent, T.SpawnPos);
      if (!New)
        It->second = std::min(It->second, T.SpawnPos);
    }
    if (FirstStart.empty())
      return;
    Accesses.erase(std::remove_if(Accesses.begin(), Accesses.end(),
                                  [&](const ResolvedAccess &A) {
                                    auto It = FirstStart.find(A.Thread);
                                    return It != FirstStart.end() &&
                                           A.Pos < It->second;
                                  }),
                   Accesses.end());
  }

  /// `if (v == 0) { v = ...; }` run by a thread: v is no longer zero there
  /// afterwards, nor in the threads it starts afterwards (and theirs), so
  /// the branch does not run again in them. (A program that sets v back to
  /// zero is taken not to.)
  void dropLazyInitialisedBeforeStart() {
    std::map<std::pair<unsigned, std::string>, unsigned> FirstInit;
    for (const ResolvedAccess &A : Accesses)
      if (A.Write && !A.LazyInitOf.empty() && A.Path.key() == A.LazyInitOf) {
        auto [It, New] = FirstInit.try_emplace({A.Thread, A.LazyInitOf}, A.Pos);
        if (!New)
          It->second = std::min(It->second, A.Pos);
      }
    if (FirstInit.empty())
      return;
    auto Dead = [&](const ResolvedAccess &A) {
      if (A.LazyInitOf.empty())
        return false;
      auto Own = FirstInit.find({A.Thread, A.LazyInitOf});
      if (Own != FirstInit.end() && Own->second < A.Pos)
        return true;
      std::vector<int> Chain = chain(A.Thread);
      for (size_t I = 1; I < Chain.size(); ++I) {
        auto It = FirstInit.find({Chain[I], A.LazyInitOf});
        if (It != FirstInit.end() &&
            It->second < Threads[Chain[I - 1]].SpawnPos)
          return true;
      }
      return false;
    };
    Accesses.erase(std::remove_if(Accesses.begin(), Accesses.end(), Dead),
                   Accesses.end());
  }

  /// "Some object of this class": every root assumed on the class shares it.
  static AbsPath someObject(const std::string &ClassId,
                            const std::string &ClassName) {
    AbsPath Object;
    Object.Root = "O:" + ClassId;
    Object.Name = Object.Display = ClassName;
    appendStep(Object, "&");
    return Object;
  }

  /// "Some object" of a parameter's class, as the methods of one class
  /// assumed to run from any thread are handed it (RacerD's unowned
  /// formals): one per class and owner, so that only the owner's methods
  /// are compared on it, and a mutex handed in is one lock for them.
  static AbsPath handedInObject(const ParamObject &PO,
                                const std::string &OwnerId,
                                const std::string &OwnerName) {
    AbsPath Object;
    Object.Root = "O:" + PO.ClassId + "@" + OwnerId;
    Object.Name = Object.Display =
        PO.ClassName + " (handed to the methods of " + OwnerName + ")";
    Object.HandedIn = true;
    if (!PO.ByReference)
      appendStep(Object, "&");
    return Object;
  }

  /// The object a method or constructor of class OwnerId is handed. One of
  /// the class itself is "some object" of it, the one its methods are
  /// assumed to share: a copy constructor reads it while its methods may
  /// write it (RacerD's unowned formals of constructors).
  static AbsPath paramObject(const ParamObject &PO, const std::string &OwnerId,
                             const std::string &OwnerName) {
    if (PO.ClassId != OwnerId)
      return handedInObject(PO, OwnerId, OwnerName);
    AbsPath Object;
    Object.Root = "O:" + OwnerId;
    Object.Name = Object.Display = OwnerName;
    if (!PO.ByReference)
      appendStep(Object, "&");
    return Object;
  }

  /// Does the function take a lock anywhere (held at an access or a call,
  /// or left held for its caller)?
  /// Does F lock a mutex that outlives its call? A mutex of its own frame
  /// (a local `std::mutex m;` that a wait on a local condition variable
  /// needs) guards nothing another call of a method reaches: no sign that
  /// the class is meant for threads.
  static bool takesLocks(const FunctionFacts &F) {
    auto Outliving = [&](const std::vector<HeldLock> &Locks) {
      return std::any_of(Locks.begin(), Locks.end(), [&](const HeldLock &L) {
        const AccessPath &M = L.Mutex;
        bool OwnFrame =
            M.Root == AccessPath::RootKind::Local && M.OwnerId == F.Id &&
            !M.ByCopy && !isHeapRoot(M.RootId) &&
            std::find(M.Steps.begin(), M.Steps.end(), "*") == M.Steps.end();
        return !isPseudoLock(L) && !OwnFrame;
      });
    };
    return Outliving(F.AcquiresOnExit) ||
           std::any_of(
               F.Accesses.begin(), F.Accesses.end(),
               [&](const MemoryAccess &A) { return Outliving(A.Locks); }) ||
           std::any_of(F.Calls.begin(), F.Calls.end(),
                       [&](const CallSite &C) { return Outliving(C.Locks); });
  }

  /// Constructors, destructors and assignments make or replace the whole
  /// object: nobody else can use it meanwhile.
  static bool isObjectApi(const FunctionFacts &F) {
    if (F.ClassId.empty() || F.IsLambda || !F.IsPublic || F.IsStatic ||
        F.IsConstructor || F.IsDestructor)
      return false;
    std::string Method = F.Name.substr(F.Name.rfind("::") + 2);
    return Method != "operator=";
  }

  /// A root for F, a public method or constructor of the class ClassId
  /// assumed to run from any thread at once with itself, on This and on
  /// the objects its callers hand it. False at the cap on class roots.
  bool addClassRoot(const FunctionFacts &F, const AbsPath &This,
                    const std::string &ClassId, const std::string &ClassName) {
    if (Threads.size() - FirstClassRoot >= MaxClassRoots) {
      Truncated = true;
      return false;
    }
    ThreadInstance Root;
    Root.EntryId = F.Id;
    Root.EntryName = F.Name;
    Root.Multi = true;
    Root.This = This;
    Root.AssumedFromClass = ClassName;
    Root.Program = P.programOf(F);
    for (const ParamObject &PO : F.ParamObjects) {
      if (Root.Params.size() <= PO.Index)
        Root.Params.resize(PO.Index + 1);
      Root.Params[PO.Index] = paramObject(PO, ClassId, ClassName);
    }
    Threads.push_back(std::move(Root));
    return true;
  }

  void createClassRoots() {
    struct ClassInfo {
      std::string Name;
      bool Synchronises = false;
      bool Locks = false;
      bool SingleThreaded = false;
      /// An awaiter (it has await_suspend): made for one co_await, in the
      /// frame of the coroutine that awaits it, and driven by that
      /// co_await alone, one call after another.
      bool Awaiter = false;
      std::vector<const FunctionFacts *> Api;
      /// Constructors that start threads on the object.
      std::vector<const FunctionFacts *> Starters;
      /// Public constructors handed objects: they read them while their
      /// owners may use them.
      std::vector<const FunctionFacts *> HandedObjects;
    };
    std::map<std::string, ClassInfo> Classes;
    for (const auto &[Id, F] : P.functions()) {
      if (F.ClassId.empty())
        continue;
      ClassInfo &C = Classes[F.ClassId];
      C.Name = F.ClassName;
      C.Synchronises |= F.ClassSynchronises || takesLocks(F);
      C.Locks |= takesLocks(F);
      C.SingleThreaded |= F.ClassSingleThreaded;
      C.Awaiter |= llvm::StringRef(F.Name).ends_with("::await_suspend");
      if (isObjectApi(F))
        C.Api.push_back(&F);
      // A constructor that starts a thread makes the class multithreaded
      // whatever it holds: the thread runs with every method called later.
      if (F.IsConstructor && !F.Spawns.empty()) {
        C.Starters.push_back(&F);
        C.Synchronises = true;
      } else if (F.IsConstructor && F.IsPublic && !F.ParamObjects.empty()) {
        C.HandedObjects.push_back(&F);
      }
    }
    for (const auto &[ClassId, C] : Classes) {
      if (!C.Synchronises || C.SingleThreaded || C.Awaiter)
        continue;
      if (C.Locks)
        LockingClasses.insert(C.Name);
      AbsPath Object = someObject(ClassId, C.Name);
      for (const FunctionFacts *F : C.Api)
        if (!addClassRoot(*F, Object, ClassId, C.Name))
          return;
      // A constructor builds an object nobody else holds yet (its own, as
      // a local is), from objects others may be using at the same time.
      for (const FunctionFacts *F : C.HandedObjects) {
        AbsPath Built;
        Built.Root = localRoot(Threads.size(), "this");
        Built.Name = Built.Display = C.Name + " (under construction)";
        appendStep(Built, "&");
        if (!addClassRoot(*F, Built, ClassId, C.Name))
          return;
      }
      // The constructor's threads; its own accesses come before anyone
      // else holds the object, so they are not recorded.
      for (const FunctionFacts *F : C.Starters) {
        ThreadInstance Root;
        Root.EntryId = F->Id;
        Root.EntryName = F->Name;
        Root.This = Object;
        Root.AssumedFromClass = C.Name;
        Root.Program = P.programOf(*F);
        Root.Constructing = true;
        Threads.push_back(Root);
      }
    }
  }

  /// The names (a field's step, a global's id) of the flags some start
  /// follows a set of (Spawn::FlagsSet): only tests of those can tell a
  /// thread's life apart, so only they are kept, and split the walk.
  /// So are the global flags a call on the way to a start is made under a
  /// test of (`if (cfg.mode == LINE) run_threaded();`): the value such a
  /// test found may be the one the thread runs with.
  void indexStartFlags() {
    std::set<std::string> &Starting = StartingFunctions;
    std::map<std::string, std::vector<std::string>> CallersOf;
    for (const auto &[Id, F] : P.functions()) {
      for (const Spawn &S : F.Spawns) {
        for (const StoredFlag &Flag : S.FlagsSet)
          StartFlagNames.insert(flagName(Flag.Place));
        for (const HeldLock &L : S.FlagTests)
          if (std::optional<std::string> Name = guardOnTheWay(L))
            GuardFlagNames.insert(*Name);
      }
      if (!F.Spawns.empty())
        Starting.insert(Id);
      for (const CallSite &Call : F.Calls)
        if (!Call.CalleeId.empty())
          CallersOf[Call.CalleeId].push_back(Id);
      // What a start may be counted by (StartCounters).
      if (!F.Spawns.empty())
        for (const MemoryAccess &A : F.Accesses)
          if (A.CountsUp)
            CounterFlagNames.insert(flagName(A.Path));
    }
    std::vector<std::string> Work(Starting.begin(), Starting.end());
    while (!Work.empty()) {
      std::string Id = std::move(Work.back());
      Work.pop_back();
      for (const std::string &Caller : CallersOf[Id])
        if (Starting.insert(Caller).second)
          Work.push_back(Caller);
    }
    for (const auto &[Id, F] : P.functions())
      for (const CallSite &Call : F.Calls)
        if (Starting.count(Call.CalleeId))
          for (const HeldLock &L : Call.Locks)
            if (std::optional<std::string> Name = guardOnTheWay(L))
              GuardFlagNames.insert(*Name);
    indexPublishedFlags();
  }

  /// First-call flags: a function's own static local that every normal
  /// return of it leaves at one value V (FunctionFacts::FlagsOnReturn), and
  /// that every store sets to V (`static bool first = true; if (first) {
  /// ... } first = false;`). Once a call of the function has returned, the
  /// flag is V for good: a branch its test takes only at other values runs
  /// on a first call only.
  void indexFirstCallFlags() {
    for (const auto &[Id, F] : P.functions())
      for (const StoredFlag &Flag : F.FlagsOnReturn)
        if (Flag.Place.Root == AccessPath::RootKind::Global &&
            Flag.Place.Steps.empty())
          FirstCallFlags[Flag.Place.RootId] = {Id, Flag.Value};
    if (FirstCallFlags.empty())
      return;
    for (const auto &[Id, F] : P.functions())
      for (const MemoryAccess &A : F.Accesses) {
        if (!A.Write || A.Path.Root != AccessPath::RootKind::Global)
          continue;
        auto It = FirstCallFlags.find(A.Path.RootId);
        if (It != FirstCallFlags.end() &&
            (!A.Path.Steps.empty() || A.StoredConstant != It->second.Value))
          FirstCallFlags.erase(It);
      }
    for (const auto &[Flag, Settled] : FirstCallFlags)
      FirstCallFunctions.insert(Settled.Function);
  }

  /// Has a call of the function Id returned in Thread, or in a thread that
  /// started Thread's branch before that start?
  bool firstCallDone(unsigned Thread, const std::string &Id) const {
    std::string Key = FirstCallMark + Id;
    return OnceDoneAt.count({Thread, Key}) || onceDoneBeforeStart(Thread, Key);
  }

  /// The names of the flags a lock may publish (afterFlagPublication):
  /// fields some code writes holding a lock and some code tests.
  void indexPublishedFlags() {
    std::set<std::string> Locked, Tested;
    auto NoteTests = [&](const std::vector<HeldLock> &Locks) {
      for (const HeldLock &L : Locks)
        if (std::optional<FlagTest> Test = flagTestOf(L))
          if (Test->Place.Root != AccessPath::RootKind::Global)
            Tested.insert(flagName(Test->Place));
    };
    for (const auto &[Id, F] : P.functions()) {
      for (const MemoryAccess &A : F.Accesses) {
        if (A.Write && A.Path.Root != AccessPath::RootKind::Global &&
            holdsRealLock(A.Locks))
          Locked.insert(flagName(A.Path));
        NoteTests(A.Locks);
      }
      for (const CallSite &Call : F.Calls) {
        NoteTests(Call.Locks);
        if (Call.CalledFrom &&
            Call.CalledFrom->Root != AccessPath::RootKind::Global)
          Tested.insert(flagName(*Call.CalledFrom));
      }
    }
    for (const std::string &Name : Tested)
      if (Locked.count(Name))
        PublishedFlagNames.insert(Name);
  }
  /// The flag's name, where L is a test of a global flag that found it at
  /// listed values.
  static std::optional<std::string> guardOnTheWay(const HeldLock &L) {
    std::optional<FlagTest> Test = flagTestOf(L);
    if (!Test || Test->Place.Root != AccessPath::RootKind::Global ||
        Test->Values.rfind("=", 0) != 0)
      return std::nullopt;
    return flagName(Test->Place);
  }
  static std::string flagName(const AccessPath &Place) {
    return Place.Steps.empty() ? Place.RootId : Place.Steps.back();
  }

  /// The places in variables that some access indexes directly, reached
  /// through no pointer (`arr` of `arr[i]`, `cfg.slots` of
  /// `cfg.slots[2]`): arrays, whose decayed address is that of their first
  /// element only (isScalarVariableCell). Globals by "G:<id>", locals and
  /// thread_locals by "L:<id>", whichever thread's (initialisedPlace).
  void indexIndexedCells() {
    for (const auto &[Id, F] : P.functions())
      for (const MemoryAccess &A : F.Accesses) {
        if (A.Path.Root != AccessPath::RootKind::Global &&
            A.Path.Root != AccessPath::RootKind::Local)
          continue;
        std::string Key =
            (A.Path.Root == AccessPath::RootKind::Global ? "G:" : "L:") +
            A.Path.RootId;
        for (const std::string &S : A.Path.Steps) {
          if (S == "*" || S == "&")
            break;
          if (isIndex(S))
            IndexedCells.insert(Key);
          Key += S;
        }
      }
  }

  /// What each callable slot may hold, from the indirect calls through it
  /// (each call through a slot has the slot's targets), and a null entry
  /// for a store of a value concur cannot follow (OpaqueSlot). A slot
  /// nothing is stored into holds nothing.
  void indexSlotTargets() {
    // Every call through one slot has the same targets: one call's do.
    std::set<std::string> Called;
    for (const auto &[Id, F] : P.functions()) {
      for (const CallableStore &S : F.Stores)
        if (S.FromSlot == OpaqueSlot)
          SlotTargets[S.Slot].push_back(nullptr);
      for (const CallSite &Call : F.Calls) {
        if (Call.Kind != CallKind::Indirect || Call.Slot.empty() ||
            !Called.insert(Call.Slot).second)
          continue;
        std::vector<const CallTarget *> &Held = SlotTargets[Call.Slot];
        for (const CallTarget &T : Call.Targets)
          Held.push_back(&T);
      }
    }
  }

  /// The functions each program's code may reach: from its main and the
  /// other functions of its file (callbacks it hands to libraries),
  /// through direct calls, the targets found for indirect and virtual ones,
  /// callables passed to callees that call them, and thread entries.
  /// Library code no program reaches runs only for callers outside the
  /// database (a C++ wrapper library that registers every callback).
  void findProgramReach() {
    for (const ThreadInstance &T : Threads) {
      if (!T.IsProgram || T.Program.empty() || ProgramReach.count(T.Program))
        continue;
      std::set<std::string> &Reach = ProgramReach[T.Program];
      std::deque<std::string> Work;
      auto Visit = [&](const std::string &Id) {
        if (!Id.empty() && Reach.insert(Id).second)
          Work.push_back(Id);
      };
      Visit(T.EntryId);
      for (const auto &[Id, F] : P.functions())
        if (P.programOf(F) == T.Program)
          Visit(Id);
      while (!Work.empty()) {
        const FunctionFacts *F = P.function(Work.front());
        Work.pop_front();
        if (!F)
          continue;
        for (const CallSite &C : F->Calls) {
          Visit(C.CalleeId);
          for (const CallTarget &X : C.Targets)
            Visit(X.Id);
          for (const CallTarget &X : C.ArgTargets)
            Visit(X.Id);
          for (const CallableArg &A : C.CallableArgs)
            for (const std::string &Id : A.TargetIds)
              Visit(Id);
        }
        for (const Spawn &S : F->Spawns)
          for (const std::string &Id : S.EntryIds)
            Visit(Id);
      }
    }
  }

  /// Is a stored target there in the program of C: stored by code the
  /// program reaches, or by an initialiser?
  bool storedInProgram(const CallTarget &T, const Context &C) const {
    if (C.Program.empty() || T.StoredBy.empty())
      return true;
    auto Reach = ProgramReach.find(C.Program);
    return Reach == ProgramReach.end() ||
           std::any_of(T.StoredBy.begin(), T.StoredBy.end(),
                       [&](const std::string &F) {
                         return Reach->second.count(F) != 0;
                       });
  }

  /// io_contexts run by more than one thread: handlers posted to them run
  /// at the same time as each other.
  void findMultiThreadedExecutors() {
    MultiThreadedExecutors = multiThreadedExecutors(P);
  }

  void walkThread(unsigned Index) {
    const FunctionFacts *Entry = P.function(Threads[Index].EntryId);
    if (!Entry)
      return;
    Context C;
    C.Thread = Index;
    C.Fn = Entry;
    C.This = Threads[Index].This;
    C.Params = Threads[Index].Params;
    C.ParamValues = Threads[Index].ParamValues;
    C.DistinctParams = Threads[Index].DistinctParams;
    C.FieldCallables = Threads[Index].FieldCallables;
    // An entry that gives back a lock it did not take (an unlock() method
    // of a class assumed to be used from several threads) runs with it
    // held: its callers took it, as a REQUIRES annotation says. A thread
    // something started holds no lock at its start: what it gives back
    // there it took on some path only (`if (arg) lock(m); ...`).
    if (Threads[Index].Parent < 0)
      for (const AccessPath &R : Entry->ReleasesOnExit)
        if (auto M = resolve(R, C))
          C.Locks.push_back({M->key(), M->Name, false, "", false});
    C.Program = Threads[Index].Program;
    std::vector<std::string> Stack;
    AccessesInThread = 0;
    CallsInThread = 0;
    BytesBeforeThread = AccessBytes;
    bool Assumed = !assumedClass(Index).empty();
    CallBudget = Assumed ? MaxCallsPerClassRoot : MaxCallsPerThread;
    AccessBudget = Assumed ? MaxAccessesPerClassRoot : MaxAccessesPerThread;
    if (AccessBytes >= MaxAccessBytesTotal) {
      Threads[Index].Truncated = Truncated = true;
      return;
    }
    bool TruncatedBefore = Truncated;
    Truncated = false;
    // Memo keys name their thread: another thread's walks never match.
    // Kept, they held every thread's walks at once (a database of several
    // programs whose mains each reach the call budget ran out of memory).
    Walked.clear();
    LockPointers.clear();
    // The entry's touches too, for moveEscapingAccesses.
    Touches.emplace_back();
    walkFunction(C, Stack);
    Touches.pop_back();
    decideStartObjects(Index);
    Threads[Index].Truncated = Truncated;
    Truncated |= TruncatedBefore;
  }

  /// Is Root a local (or heap object) that each run of thread T has of its
  /// own: T's, or an ancestor's that T's runs do not share (no thread from
  /// T up to that ancestor was started again by the same run of its
  /// parent: each WebSocket a connection's task makes starts one heartbeat
  /// thread, on its own socket), and no global points at it.
  bool ownedByEachRun(const std::string &Root, unsigned T) const {
    // An object a global points at is the one every run reaches there.
    if (GlobalPointeeRoots.count(Root))
      return false;
    for (int X = static_cast<int>(T); X >= 0; X = Threads[X].Parent) {
      if (isLocalOf(Root, static_cast<unsigned>(X)))
        return true;
      if (Threads[X].Restarted)
        return false;
    }
    return false;
  }

  /// Started in a loop, or by a thread that runs several times at once.
  void computeMulti(unsigned Index) {
    ThreadInstance &T = Threads[Index];
    if (T.Parent >= 0 && Threads[T.Parent].Multi)
      T.Multi = true;
  }

  std::vector<int> chain(unsigned Thread) const {
    std::vector<int> C;
    for (int T = static_cast<int>(Thread); T >= 0; T = Threads[T].Parent)
      C.push_back(T);
    return C;
  }

  /// A program whose main's whole walk started no thread runs all its code
  /// on that one thread, whatever the classes it uses assume of callers.
  void findSingleThreadedPrograms() {
    for (size_t I = 0; I < FirstClassRoot; ++I)
      if (Threads[I].IsProgram && !Threads[I].Truncated &&
          !Threads[I].Program.empty() &&
          !ThreadedPrograms.count(Threads[I].Program))
        SingleThreadedPrograms.insert(Threads[I].Program);
  }

  bool concurrent(const ResolvedAccess &A, const ResolvedAccess &B) const {
    // Two programs never share memory; the code of one that starts no
    // thread never runs at once with itself.
    if (!A.Program.empty() && !B.Program.empty() && A.Program != B.Program)
      return false;
    if (SingleThreadedPrograms.count(A.Program.empty() ? B.Program : A.Program))
      return false;
    // Two writes one starter made to set slots up, each moved to the
    // thread it hands its slot: both in the starter's own order.
    if (A.SetUpBy >= 0 && A.SetUpBy == B.SetUpBy && !Threads[A.SetUpBy].Multi)
      return false;
    // A setup made before every start of the thread, against what a copy
    // of that thread does (no later start merged into it).
    auto SetUpBeforeAll = [&](const ResolvedAccess &X,
                              const ResolvedAccess &Y) {
      return X.SetUpBeforeStarts && Y.SetUpBy < 0 && X.Thread == Y.Thread &&
             !Threads[X.Thread].MergedAt && !Threads[X.Thread].LoopCall;
    };
    if (SetUpBeforeAll(A, B) || SetUpBeforeAll(B, A))
      return false;
    if (A.Thread == B.Thread)
      return Threads[A.Thread].Multi;
    // A slot's setup comes before what its starter does next (another copy
    // of a starter that runs at once with itself is no later point in the
    // setting-up copy's order).
    auto SetUpBefore = [&](const ResolvedAccess &X, const ResolvedAccess &Y) {
      return X.SetUpBy == static_cast<int>(Y.Thread) &&
             !Threads[Y.Thread].Multi;
    };
    if (SetUpBefore(A, B) || SetUpBefore(B, A))
      return false;
    std::vector<int> CA = chain(A.Thread), CB = chain(B.Thread);
    // Where a start failed, its threads (and theirs) do not run.
    auto NotStartedFor = [](const ResolvedAccess &X,
                            const std::vector<int> &Chain) {
      return std::any_of(Chain.begin(), Chain.end(), [&](int T) {
        return std::count(X.NotStarted.begin(), X.NotStarted.end(),
                          static_cast<unsigned>(T)) != 0;
      });
    };
    if (NotStartedFor(A, CB) || NotStartedFor(B, CA))
      return false;
    // Where a try or timed join found the other thread ended.
    auto JoinedFor = [](const ResolvedAccess &X, unsigned Other) {
      return std::count(X.Joined.begin(), X.Joined.end(), Other) != 0;
    };
    if (JoinedFor(A, B.Thread) || JoinedFor(B, A.Thread))
      return false;
    auto InWindow = [&](int Child, unsigned Pos) {
      return Threads[Child].SpawnPos < Pos && Pos < Threads[Child].JoinPos;
    };
    // B is an ancestor of A: B's access must fall in A's branch's window.
    for (size_t I = 1; I < CA.size(); ++I)
      if (CA[I] == static_cast<int>(B.Thread))
        return InWindow(CA[I - 1], B.Pos);
    for (size_t I = 1; I < CB.size(); ++I)
      if (CB[I] == static_cast<int>(A.Thread))
        return InWindow(CB[I - 1], A.Pos);
    // Siblings below a common ancestor: their windows must overlap.
    for (size_t I = 1; I < CA.size(); ++I)
      for (size_t J = 1; J < CB.size(); ++J)
        if (CA[I] == CB[J]) {
          const ThreadInstance &X = Threads[CA[I - 1]];
          const ThreadInstance &Y = Threads[CB[J - 1]];
          return X.SpawnPos < Y.JoinPos && Y.SpawnPos < X.JoinPos;
        }
    // Unrelated roots: two programs never share memory; the entry points of
    // a library may be called from threads at the same time.
    return !Threads[CA.back()].IsProgram && !Threads[CB.back()].IsProgram;
  }

  //===-- Resolution -----------------------------------------------------===//

  unsigned ownerOf(const std::string &FunctionId, unsigned Thread) const {
    for (int T = static_cast<int>(Thread); T >= 0; T = Threads[T].Parent)
      if (Threads[T].Frames.count(FunctionId))
        return static_cast<unsigned>(T);
    return Thread;
  }

  std::optional<AbsPath> resolve(const std::optional<AccessPath> &Path,
                                 const Context &C) {
    if (!Path)
      return std::nullopt;
    return resolve(*Path, C);
  }

  /// The mark of a branch this program never takes (ResolvedLock::
  /// Unreachable): what is done under it is dropped.
  static ResolvedLock unreachable(const HeldLock &L) {
    ResolvedLock R{"?unreachable", L.Mutex.Name, false, ""};
    R.Unreachable = true;
    return R;
  }

  static bool anyUnreachable(const std::vector<ResolvedLock> &Locks) {
    return std::any_of(Locks.begin(), Locks.end(),
                       [](const ResolvedLock &L) { return L.Unreachable; });
  }

  /// The values a test's step lists ("=1,3", "!=0"): parsed once per
  /// step, as every call of the function resolves the same marks.
  const FlagValues &testedValues(const std::string &Step) {
    auto [It, New] = ParsedTests.try_emplace(Step);
    if (New)
      It->second = FlagValues::parse(Step);
    return It->second;
  }

  /// A test of the function's own parameter: where the call gave it a
  /// value that does not take this edge, the edge is never taken.
  std::optional<ResolvedLock> paramTest(const HeldLock &L, const Context &C) {
    size_t Index = std::stoul(L.Mutex.RootId.substr(ParamTestRoot.size()));
    if (L.Mutex.Steps.size() < 2)
      return std::nullopt;
    const std::string &Values = L.Mutex.Steps[L.Mutex.Steps.size() - 2];
    // A test of a parameter each instance has another value of, finding one
    // value: a flag guard on the thread's own pseudo-flag of it.
    if (Index < C.DistinctParams.size() && C.DistinctParams[Index] &&
        Values.rfind("=", 0) == 0 && Values.find(',') == std::string::npos)
      return ResolvedLock{FlagGuardPrefix + Values + "|" +
                              distinctParamKey(C.Thread, Index),
                          L.Mutex.Name, false, ""};
    if (Index >= C.ParamValues.size() || !C.ParamValues[Index])
      return std::nullopt;
    const FlagValues &Tested = testedValues(Values);
    if (Tested.admits(*C.ParamValues[Index]))
      return std::nullopt;
    return unreachable(L);
  }

  /// A lock held in the facts, in the context of the call. The mark of a
  /// null mutex pointer ("<pointer>?absent") also names the mutex it would
  /// point to ("<pointer>*").
  std::optional<ResolvedLock> resolveLock(const HeldLock &L, const Context &C) {
    if (isCallableSet(L)) {
      // Set where the program stores some function into the slot, or
      // stores what concur cannot follow (then its calls are unresolved).
      const std::string Prefix = "channel:" + CallableSlotChannel;
      auto It = SlotTargets.find(L.Mutex.RootId.substr(
          std::min(Prefix.size(), L.Mutex.RootId.size())));
      if (It == SlotTargets.end() ||
          std::any_of(
              It->second.begin(), It->second.end(), [&](const CallTarget *T) {
                return !T ||
                       (inProgram(T->Program, C) && storedInProgram(*T, C));
              }))
        return std::nullopt;
      return unreachable(L);
    }
    if (isParamTest(L))
      return paramTest(L, C);
    if (isFlagTest(L)) {
      std::optional<FlagTest> Test = flagTestOf(L);
      if (!Test)
        return std::nullopt;
      // A first-call flag after its function's first call: settled.
      auto First = FirstCallFlags.find(Test->Place.RootId);
      if (First != FirstCallFlags.end() && Test->Place.Steps.empty() &&
          Test->Place.Root == AccessPath::RootKind::Global &&
          firstCallDone(C.Thread, First->second.Function)) {
        if (testedValues(Test->Values).admits(First->second.Value))
          return std::nullopt;
        return unreachable(L);
      }
      std::string Name = flagName(Test->Place);
      bool Stored = StartFlagNames.count(Name) != 0;
      bool Published = PublishedFlagNames.count(Name) != 0;
      bool Guard = GuardFlagNames.count(Name) != 0;
      bool Counter = CounterFlagNames.count(Name) != 0;
      if (!Stored && !Published && !Guard && !Counter)
        return std::nullopt;
      auto Flag = resolve(Test->Place, C);
      if (!Flag)
        return std::nullopt;
      if (!Stored && !Published && !Counter)
        GuardOnlyKeys.insert(Flag->key());
      else if (!Stored && !Guard && !Counter)
        PublishedOnlyKeys.insert(Flag->key());
      return ResolvedLock{FlagGuardPrefix + Test->Values + "|" + Flag->key(),
                          L.Mutex.Name, false, ""};
    }
    if (isImpossibleBranch(L))
      return unreachable(L);
    if (isLockedOnReturn(L))
      return lockedOnReturn(std::stoul(L.Mutex.RootId), C);
    if (isTryJoined(L)) {
      auto Joined = TryJoined.find({C.Frame, std::stoul(L.Mutex.RootId)});
      if (Joined == TryJoined.end())
        return std::nullopt;
      ResolvedLock R{"?tryjoined:" + std::to_string(C.Frame) + ":" +
                         L.Mutex.RootId,
                     L.Mutex.Name, false, ""};
      R.Joined = Joined->second;
      return R;
    }
    if (isStartFailure(L)) {
      // What the branch does is not told apart from the threads of a
      // call's earlier passes (isResultInLoop).
      std::vector<unsigned> NotStarted =
          notStartedUnder(L, C, /*ThisPassOnly=*/false);
      if (NotStarted.empty())
        return std::nullopt;
      ResolvedLock R{"?startfailed:" + startFailureKey(L, C), L.Mutex.Name,
                     false, ""};
      R.NotStarted = std::move(NotStarted);
      return R;
    }
    auto M = resolve(L.Mutex, C);
    if (!M)
      return std::nullopt;
    // A lock is there to be shared: one in an object made for a start goes
    // by the starter's name for it, whichever thread takes it.
    if (auto Made = madeForStart(M->Root))
      M->Root = *Made;
    ResolvedLock R{M->key(), M->Name, L.Shared, ""};
    // A lock of an array taken at an index known only at run time is the
    // array's one lock to the model (lock striping: the element is chosen
    // by what it guards). An index made of what the thread was given ("[@]",
    // its own slot among copies of its code) is such an index as well: a
    // helper's parameter is a slot only as far as the function can tell.
    for (std::string &Step : M->Steps)
      if (Step == "[@]")
        Step = "[]";
    R.ArrayKey = M->key();
    // Shown by the object whose thread it is: the owner id's path without
    // the mark.
    if (isThreadOwnership(L)) {
      AccessPath Id = L.Mutex;
      Id.Steps.pop_back();
      auto P = resolve(Id, C);
      R.Name = P ? P->Name : L.Mutex.Name;
      R.Ownership = true;
      if (P)
        R.KeptIdKey = P->key();
    }
    if (isOnceBranch(L)) {
      AccessPath Flag = L.Mutex;
      Flag.Steps.pop_back();
      if (auto P = resolve(Flag, C))
        R.OnceFlag = P->key();
      else
        return std::nullopt;
    }
    if (isLastReference(L)) {
      AccessPath Object = L.Mutex;
      Object.Steps.pop_back();
      R.LastReferenceTo = resolve(Object, C);
      if (!R.LastReferenceTo)
        return std::nullopt;
    }
    if (isMutexAbsence(L)) {
      AccessPath Pointee = L.Mutex;
      Pointee.Steps.back() = "*";
      if (auto P = resolve(Pointee, C))
        R.AbsentMutex = P->key();
    }
    return R;
  }

  std::optional<AbsPath> resolve(const AccessPath &Path, const Context &C) {
    AbsPath Base;
    switch (Path.Root) {
    case AccessPath::RootKind::Global:
      Base.Root = "G:" + Path.RootId;
      Base.Name = Base.Display = Path.RootName;
      if (Path.Name.find("::") != std::string::npos || Path.Steps.empty())
        Base.Name = Path.Name;
      break;
    case AccessPath::RootKind::Local:
      Base.Root = localRoot(ownerOf(Path.OwnerId, C.Thread), Path.RootId);
      Base.Name = Path.Name;
      Base.Display = Path.RootName;
      break;
    case AccessPath::RootKind::This:
      if (!C.This)
        return std::nullopt;
      Base = *C.This;
      break;
    case AccessPath::RootKind::Param: {
      size_t Index = std::stoul(Path.RootId);
      if (Index >= C.Params.size() || !C.Params[Index])
        return std::nullopt;
      Base = *C.Params[Index];
      break;
    }
    case AccessPath::RootKind::Return: {
      auto R = resolveReturn(std::stoul(Path.RootId), C);
      if (!R)
        return std::nullopt;
      Base = *R;
      break;
    }
    }
    bool HasField = false;
    for (size_t I = 0; I < Path.Steps.size(); ++I) {
      const std::string &S = Path.Steps[I];
      if (S == "*" && I + 1 < Path.Steps.size() && !Path.Steps[I + 1].empty() &&
          Path.Steps[I + 1].front() == '.' && throughGlobalPointer(Base)) {
        Base.OwnRunOf = -1;
        continue;
      }
      // (The variable's own name then, not that of a field on the way.)
      if (S == "*" && I + 1 == Path.Steps.size() &&
          throughGlobalPointer(Base, /*ToScalarCell=*/true)) {
        Base.OwnRunOf = -1;
        HasField = false;
        continue;
      }
      // A pointer field of an object made for this thread's start: what
      // the starter aimed it at.
      if (S == "*" &&
          (I + 1 == Path.Steps.size() ||
           (!Path.Steps[I + 1].empty() && Path.Steps[I + 1].front() == '.')))
        if (const AbsPath *To = startPointee(Base, C.Thread)) {
          Base.Root = To->Root;
          Base.Steps = To->Steps;
          Base.SteppedSlots = To->SteppedSlots;
          Base.OwnRunOf = To->OwnRunOf;
          Base.Display = "*" + Base.Display;
          // All of what it points at (`*a->count`): that thing's own name.
          if (I + 1 == Path.Steps.size() && !To->Name.empty()) {
            Base.Name = To->Name;
            HasField = false;
          }
          continue;
        }
      // Keys name a stepped index as a slot's, as a starter's slots are
      // named where it hands them out; only copies of one thread's code
      // tell them apart (overlap()).
      if (S == SteppedIndexStep) {
        appendStep(Base, "[@]");
        Base.SteppedSlots.push_back(Base.Steps.size() - 1);
        Base.Display += "[@]";
        continue;
      }
      appendStep(Base, S);
      if (!S.empty() && S.front() == '.')
        HasField = true;
      if (S == "*")
        Base.Display = "*" + Base.Display;
      else if (S != "&" && S != TakenMark)
        Base.Display += isClaimedIndex(S) ? "[]" : S;
    }
    if (HasField)
      Base.Name = Path.Name;
    // Past a pointer, the object is another one, whoever made it.
    bool InObject = std::find(Base.Steps.begin(), Base.Steps.end(), "*") ==
                    Base.Steps.end();
    if (!InObject)
      Base.OwnRunOf = -1;
    Base.MadeIn = 0;
    if (InObject && C.Fn && namesObjectItself(Path, C)) {
      if (auto It = C.FreshRoots.find(Base.Root); It != C.FreshRoots.end())
        Base.MadeIn = It->second;
      else if (madeBy(Base.Root, *C.Fn))
        Base.MadeIn = C.Frame;
    }
    return Base;
  }

  /// Does Path name a part of the object it starts from, as the code that
  /// holds it does: an object a local holds (`c->state` after `c =
  /// calloc(...)`), or the one a parameter points to, through no pointer
  /// on the way (not `c->next->state`, which may be any object of the
  /// kind)?
  static bool namesObjectItself(const AccessPath &Path, const Context &C) {
    auto Derefs = std::count(Path.Steps.begin(), Path.Steps.end(), "*");
    if (Path.Root == AccessPath::RootKind::Local)
      return Derefs == 0 && Path.RootId.rfind(HeapRootPrefix, 0) == 0;
    if (Path.Root != AccessPath::RootKind::Param || Derefs != 1 ||
        Path.Steps.front() != "*")
      return false;
    size_t Index = std::stoul(Path.RootId);
    static const std::vector<std::string> Address{"&"};
    return Index < C.Params.size() && C.Params[Index] &&
           C.Params[Index]->Steps == Address;
  }

  /// A global pointer (or a pointer field of a global) that every store
  /// the walk has seen so far aims at one object, `pool = create(...)`:
  /// its dereference is that object, by whichever name a thread reaches
  /// it (the heap object the creator handed its threads). Turns Base, the
  /// pointer, into the object, keeping the name the code uses; false where
  /// it points at no one object. Only where a field of the object follows
  /// (`pool->threads`): `*p` and `p[k]` keep the pointer's name, under
  /// which `*p` is p[0], apart from p[1] (overlap()); the object itself
  /// would be all of its elements.
  ///
  /// With ToScalarCell, for a dereference that ends the access (`*p`):
  /// only where the one object is a variable of the program's own (or a
  /// field or element of one) that no access indexes as an array, so that
  /// `*p` is all of it (`shared = &g; ... *shared = 1` writes g). An array
  /// the pointer was aimed at by decay (`p = arr`) keeps the pointer's
  /// name, as heap objects do.
  bool throughGlobalPointer(AbsPath &Base, bool ToScalarCell = false) const {
    if (!isGlobalCell(Base) && !(ToScalarCell && isLocalVariableCell(Base)))
      return false;
    auto It = GlobalPointees.find(anyElementKey(Base));
    if (It == GlobalPointees.end() || !It->second)
      return false;
    if (ToScalarCell && !isScalarVariableCell(*It->second))
      return false;
    Base.Root = It->second->Root;
    Base.Steps = It->second->Steps;
    Base.Display = "*" + Base.Display;
    // All of the object: its own name (a field that follows names itself).
    if (ToScalarCell)
      Base.Name = It->second->Name;
    return true;
  }

  /// Is P a place in a variable itself (a global, a thread_local, a
  /// local; not a heap object, reached through no pointer), at no index
  /// known only at run time, that no access indexes as an array?
  bool isScalarVariableCell(const AbsPath &P) const {
    if (isHeapObjectRoot(P.Root) ||
        std::any_of(P.Steps.begin(), P.Steps.end(), [](const std::string &S) {
          return S == "*" || (isIndex(S) && !constantIndex(S));
        }))
      return false;
    if (!isGlobalRoot(P.Root) && P.Root.rfind("L:", 0) != 0)
      return false;
    // A local's place by its declaration, whichever thread's it is.
    return !IndexedCells.count(initialisedPlace(P));
  }

  /// A block access through a global pointer (`free(pool)`, `memset(pool,
  /// 0, n)`) reaches the whole object it points at (throughGlobalPointer),
  /// under the name its fields go by: Path turned into that, if it is one.
  bool wholeObjectThroughGlobalPointer(AbsPath &Path) const {
    if (Path.Steps.empty() || Path.Steps.back() != "*")
      return false;
    AbsPath Pointer = Path;
    Pointer.Steps.pop_back();
    if (!throughGlobalPointer(Pointer))
      return false;
    Pointer.SteppedSlots.clear();
    Pointer.Name = Path.Name;
    Pointer.Display = Path.Display;
    Path = std::move(Pointer);
    return true;
  }

  /// The lock the call at Order in C's function returned holding, where
  /// its result is not null (a trylock wrapper returning the mutex).
  std::optional<ResolvedLock> lockedOnReturn(unsigned Order, const Context &C) {
    const CallSite *Call = callAt(Order, C);
    const FunctionFacts *Callee = Call ? P.function(Call->CalleeId) : nullptr;
    if (!Callee || Callee->AcquiresOnNonNullReturn.empty())
      return std::nullopt;
    return resolveLock(Callee->AcquiresOnNonNullReturn.front(),
                       calleeContext(*Call, *Callee, C));
  }

  /// The object a call (by its order in function Fn) returned new: its
  /// id in a heap root (resolveReturn, storesFreshObject).
  static std::string madeByCall(const std::string &Fn,
                                const std::string &Order) {
    return HeapRootPrefix + Fn + "#" + Order;
  }

  /// Is Arg, resolved to Value, an object made for this activation of C's
  /// function (Context::FreshRoots): one its callers made for it, or one
  /// it made itself (an allocation, or a call made in no loop that
  /// returned a new object)? The activation that made it, if so.
  std::optional<unsigned> freshFor(const std::optional<AccessPath> &Arg,
                                   const std::optional<AbsPath> &Value,
                                   const Context &C) {
    static const std::vector<std::string> Whole{"&"};
    if (!Arg || !Value || Value->Steps != Whole)
      return std::nullopt;
    if (auto It = C.FreshRoots.find(Value->Root); It != C.FreshRoots.end())
      return It->second;
    if (madeBy(Value->Root, *C.Fn))
      return C.Frame;
    // What a call made here returned, which that call made (the object a
    // constructor function sets up and hands back).
    if (Arg->Root == AccessPath::RootKind::Return && Arg->Steps.empty()) {
      const CallSite *Call = callAt(std::stoul(Arg->RootId), C);
      const FunctionFacts *Callee = Call ? P.function(Call->CalleeId) : nullptr;
      if (Callee && Call->LoopDepth == 0 && madeBy(Value->Root, *Callee))
        return C.Frame;
    }
    return std::nullopt;
  }

  /// What the call at Order in C's function returned.
  std::optional<AbsPath> resolveReturn(unsigned Order, const Context &C) {
    const CallSite *Call = callAt(Order, C);
    const FunctionFacts *Callee = Call ? P.function(Call->CalleeId) : nullptr;
    if (!Callee || !Callee->Returns)
      return std::nullopt;
    Context In = calleeContext(*Call, *Callee, C);
    const AccessPath *Returned = returnedIn(*Callee, In);
    auto R = resolve(*Returned, In);
    // An allocation wrapper (xmalloc) makes a new object at each call:
    // named by the call, two calls of it make two objects.
    if (R && handsOnAllocation(*Callee, *Returned, *R)) {
      std::string Inside = R->Root;
      R->Root = localRoot(ownerOf(C.Fn->Id, C.Thread),
                          madeByCall(C.Fn->Id, std::to_string(Order)));
      // The stores the callee made into it went by its own name.
      MadeInside[R->Root] = std::move(Inside);
      R->Name = R->Display = "(" + Callee->Name + "())";
      // What it returns is the block its callers use, past any header of
      // its own: the object itself, as a plain allocation's.
      R->Steps = {"&"};
    }
    return R;
  }

  /// The marks that resolve in C (those that do not are dropped).
  std::vector<ResolvedLock> resolveAll(const std::vector<HeldLock> &Marks,
                                       const Context &C) {
    std::vector<ResolvedLock> Resolved;
    for (const HeldLock &L : Marks)
      if (auto R = resolveLock(L, C))
        Resolved.push_back(*R);
    return Resolved;
  }

  /// What F returns in the context In: its first return's pointer, unless
  /// that return is on a branch this call never takes (a custom
  /// allocator's, where the program sets none) and one other return only
  /// is not; then that one.
  const AccessPath *returnedIn(const FunctionFacts &F, const Context &In) {
    auto NeverTaken = [&](const std::vector<HeldLock> &Marks) {
      return anyUnreachable(resolveAll(Marks, In));
    };
    if (F.ReturnsUnder.empty() || !NeverTaken(F.ReturnsUnder))
      return &*F.Returns;
    // Only one other return left: with several, which one a call takes
    // is not known, and the first return stands for them as before.
    const AccessPath *Left = nullptr;
    for (const ReturnedValue &Other : F.OtherReturns)
      if (!NeverTaken(Other.Under)) {
        if (Left)
          return &*F.Returns;
        Left = &Other.Value;
      }
    return Left ? Left : &*F.Returns;
  }

  /// Does F return, as R, the address of an object it allocated itself
  /// and let nothing else reach before it returns? Then no other thread
  /// can have seen what F did to it (initialise it, write a size header),
  /// and each call makes another object.
  bool handsOnAllocation(const FunctionFacts &F, const AccessPath &Returned,
                         const AbsPath &R) const {
    // The block itself, or an address inside it: a wrapper that keeps the
    // size in a header returns `(char *)p + PREFIX_SIZE` (redis's zmalloc).
    static const std::vector<std::string> Whole{"&"}, Inside{"[]", "&"};
    if ((R.Steps != Whole && R.Steps != Inside) || !madeBy(R.Root, F))
      return false;
    return !escapes(F, Returned.Root, Returned.RootId);
  }

  /// Is P the pointer to an object's memory (the object, or an address
  /// inside it, `&o->f`), not a value read from it (`o->buf`)?
  static bool pointsIntoObject(const AccessPath &P) {
    return P.Steps.empty() || P.Steps.back() == "&";
  }

  /// Does F let the object its paths reach from the root (Kind, Id) get
  /// beyond its own code: store a pointer into it (or a pointer concur
  /// cannot follow), start a thread with it, call a method on it, or pass
  /// it to a call that lets it escape (a library call, or the program's own
  /// function that does, a few calls deep)?
  bool escapes(const FunctionFacts &F, AccessPath::RootKind Kind,
               const std::string &Id, unsigned Depth = 3) const {
    auto Rooted = [&](const AccessPath &P) {
      return P.Root == Kind && P.RootId == Id;
    };
    auto Into = [&](const std::optional<AccessPath> &P) {
      return P && Rooted(*P) && pointsIntoObject(*P);
    };
    for (const MemoryAccess &A : F.Accesses)
      if (A.StoresPointer && (!A.Stored || Into(A.Stored)))
        return true;
    for (const Spawn &S : F.Spawns)
      if (Into(S.This) || Into(S.Handle) ||
          std::any_of(S.Args.begin(), S.Args.end(), Into))
        return true;
    for (const CallSite &Call : F.Calls) {
      if (Call.This && Rooted(*Call.This))
        return true;
      for (size_t I = 0; I < Call.Args.size(); ++I) {
        if (!Into(Call.Args[I]))
          continue;
        const FunctionFacts *Callee =
            Call.Kind == CallKind::Direct ? P.function(Call.CalleeId) : nullptr;
        if (!Callee || Depth == 0 ||
            escapes(*Callee, AccessPath::RootKind::Param, std::to_string(I),
                    Depth - 1))
          return true;
      }
    }
    return false;
  }

  /// Is Root an object F made, in the activation being walked: allocated
  /// in it, "L:<thread>:heap:<USR>@<place>", or returned new by one of its
  /// calls, "L:<thread>:heap:<id>#<order>"? (A second program's copy of a
  /// function has the id "<USR>@<file>", its facts' paths the USR.)
  /// A constructor's access through `this` to an object of its own (a
  /// local, or what `new` made; not a member of another object, which may
  /// have been given on before).
  static bool underConstruction(const AccessPath &Path, const Context &C) {
    return C.Fn->IsConstructor && Path.Root == AccessPath::RootKind::This &&
           C.This && C.This->Root.rfind("L:", 0) == 0 &&
           C.This->Steps.size() <= 1;
  }

  static bool madeBy(const std::string &Root, const FunctionFacts &F) {
    if (Root.rfind("L:", 0) != 0)
      return false;
    auto MadeAt = [&](const std::string &Id, char Mark) {
      std::string Site = ":" + HeapRootPrefix + Id + Mark;
      return Root.find(Site) != std::string::npos;
    };
    std::string Usr = F.Id;
    std::string Suffix = "@" + F.Loc.File;
    if (Usr.size() > Suffix.size() &&
        Usr.compare(Usr.size() - Suffix.size(), Suffix.size(), Suffix) == 0)
      Usr.resize(Usr.size() - Suffix.size());
    return MadeAt(Usr, '@') || MadeAt(F.Id, '#');
  }

  /// The call at Order in C's function, unless the walk is too deep to
  /// follow it.
  const CallSite *callAt(unsigned Order, const Context &C) const {
    if (C.Depth > MaxDepth)
      return nullptr;
    for (const CallSite &Call : C.Fn->Calls)
      if (Call.Order == Order)
        return &Call;
    return nullptr;
  }

  /// The values a call or a start gives Callee's parameters, where known
  /// (Args; the caller's own parameters passed on have the values C gave
  /// them). Only a value the callee tests or passes on changes what it
  /// does (and splits the walk's memo).
  static std::vector<std::optional<long long>>
  knownValues(const std::vector<IntegerArg> &Args, const FunctionFacts &Callee,
              const Context &C) {
    std::vector<std::optional<long long>> Values;
    for (size_t I = 0; I < Args.size(); ++I) {
      const IntegerArg &A = Args[I];
      std::optional<long long> Value = A.Constant;
      if (!Value && A.Param >= 0 &&
          static_cast<size_t>(A.Param) < C.ParamValues.size())
        Value = C.ParamValues[A.Param];
      if (!Value || !std::count(Callee.TestedParams.begin(),
                                Callee.TestedParams.end(), I))
        continue;
      Values.resize(std::max(Values.size(), I + 1));
      Values[I] = Value;
    }
    return Values;
  }

  Context calleeContext(const CallSite &Call, const FunctionFacts &Callee,
                        const Context &C) {
    Context Inner;
    Inner.Thread = C.Thread;
    Inner.Fn = &Callee;
    Inner.This = resolve(Call.This, C);
    for (size_t I = 0; I < Call.Args.size(); ++I) {
      Inner.Params.push_back(resolve(Call.Args[I], C));
      if (Inner.Params.back() && I < Call.CopiedArgs.size() &&
          Call.CopiedArgs[I])
        Inner.Params.back()->OwnCopyFrom = Inner.Params.back()->Steps.size();
    }
    Inner.FieldCallables = fieldCallablesBelow(C);
    // A call made in a loop is handed each pass's objects, or one object
    // again and again: none is this activation's alone.
    if (Call.LoopDepth == 0) {
      Inner.FreshRoots = C.FreshRoots;
      for (size_t I = 0; I < Call.Args.size(); ++I)
        if (auto Frame = freshFor(Call.Args[I], Inner.Params[I], C))
          Inner.FreshRoots.emplace(Inner.Params[I]->Root, *Frame);
    }
    for (const CallableArg &A : Call.CallableArgs) {
      if (!A.TargetIds.empty()) {
        Inner.Callables[A.Index] = A.TargetIds;
      } else if (auto Own = ownParamSlotIndex(A.FromSlot, C.Fn->Id)) {
        auto It = C.Callables.find(*Own);
        if (It != C.Callables.end())
          Inner.Callables[A.Index] = It->second;
      }
    }
    Inner.Locks = C.Locks;
    Inner.GuardSince = C.GuardSince;
    for (const HeldLock &L : Call.Locks)
      if (auto M = resolveLock(L, C)) {
        if (isFlagGuard(*M))
          Inner.GuardSince.emplace(M->Key, GuardTest{C.EntryPos, C.Fn->Name});
        Inner.Locks.push_back(*M);
      }
    // A call through a pointer read from a place runs where the place held
    // a function: what it does comes after the store that put it there
    // (afterFlagPublication), in its callees too.
    if (Call.CalledFrom) {
      HeldLock Mark{*Call.CalledFrom, false};
      appendPathStep(Mark.Mutex.Steps, "!=0");
      appendPathStep(Mark.Mutex.Steps, FlagTestMark);
      if (auto M = resolveLock(Mark, C); M && isFlagGuard(*M)) {
        CalledPointerKeys.insert(flagGuardOf(*M).first);
        Inner.Locks.push_back(std::move(*M));
      }
    }
    // A flag only tested on the way to starts is carried only that way
    // (and through the threads started under its test), and one only a
    // lock may publish guards only the accesses of the function that
    // tested it (afterFlagPublication): carried elsewhere, either would
    // split the walk's contexts for nothing.
    bool PastStarts =
        !GuardOnlyKeys.empty() && !StartingFunctions.count(Callee.Id);
    if (PastStarts || !PublishedOnlyKeys.empty()) {
      const auto &Known = Threads[C.Thread].GuardFlags;
      Inner.Locks.erase(std::remove_if(Inner.Locks.begin(), Inner.Locks.end(),
                                       [&](const ResolvedLock &L) {
                                         if (!isFlagGuard(L))
                                           return false;
                                         std::string Key = flagGuardOf(L).first;
                                         return (PastStarts &&
                                                 GuardOnlyKeys.count(Key) &&
                                                 !Known.count(Key)) ||
                                                (PublishedOnlyKeys.count(Key) &&
                                                 !CalledPointerKeys.count(Key));
                                       }),
                        Inner.Locks.end());
    }
    Inner.ParamValues = knownValues(Call.IntegerArgs, Callee, C);
    Inner.InLoop = C.InLoop || Call.LoopDepth > 0;
    Inner.Frame = ++NextFrame;
    Inner.Loops = Call.Loop ? loopLink({C.Frame, Call.Loop, C.Loops}) : C.Loops;
    Inner.LoopCalls = C.LoopCalls;
    if (Call.LoopDepth > 0)
      Inner.LoopCalls.push_back(++NextCallInstance);
    Inner.Dying = C.Dying || (Call.EndsProcess && !endsOnEveryPath(C));
    Inner.Depth = C.Depth + 1;
    Inner.EntryPos = NextPos;
    // Code defined next to a main exists only in that main's program.
    Inner.Program = C.Program.empty() ? P.programOf(Callee) : C.Program;
    return Inner;
  }

  /// The places whose addresses this context hands on, where a write
  /// concur cannot place may reach them (ExposedPlaces).
  void noteAddressEscapes(const std::vector<AddressEscape> &Escapes,
                          const Context &C) {
    if (StartFlagNames.empty() && GuardFlagNames.empty())
      return;
    // Globals only: an allocation site's objects are many to concur, and
    // their pointers are handed on all the time; a completion flag in
    // one is trusted as before.
    for (const AddressEscape &E : Escapes)
      if (E.CalleeId.empty() || !P.function(E.CalleeId))
        if (auto Place = resolve(E.Place, C);
            Place && isGlobalRoot(Place->Root))
          ExposedPlaces[C.Program].insert(Place->key());
  }

  /// May a write concur cannot place write the flag Key in Program: is
  /// its address, or that of an object holding it, or of a part of it,
  /// handed on there (or by code of no one program)?
  bool exposed(const std::string &Key, const std::string &Program) const {
    // A prefix that ends where a step begins: `t` holds no part of `tcfg`.
    auto Within = [](const std::string &Part, const std::string &Whole) {
      return Whole.rfind(Part, 0) == 0 &&
             (Whole.size() == Part.size() ||
              std::strchr(".*[&", Whole[Part.size()]) != nullptr);
    };
    for (const auto &[In, Places] : ExposedPlaces)
      if (In.empty() || Program.empty() || In == Program)
        for (const std::string &Place : Places)
          if (Within(Place, Key) || Within(Key, Place))
            return true;
    return false;
  }

  //===-- The walk -------------------------------------------------------===//

  LockEffect walkFunction(const Context &C, std::vector<std::string> &Stack) {
    const FunctionFacts &F = *C.Fn;
    // A lambda stored here and called later through a std::function sees
    // the `this` of the function that made it: in this thread, the latest
    // store's (a bind made just before the call that runs it).
    for (const CallableStore &S : F.Stores)
      if (!S.TargetId.empty() && C.This) {
        CreatorThis.emplace(S.TargetId, *C.This);
        CreatorThisInThread[{C.Thread, S.TargetId}].push_back(
            {NextPos, *C.This});
      }
    // Locks taken or dropped by callees, in effect for what follows here.
    std::vector<ResolvedLock> Dynamic;
    ThreadInstance &T = Threads[C.Thread];
    T.Frames.insert(F.Id);
    Stack.push_back(F.Id);
    noteAddressEscapes(F.AddressEscapes, C);

    // Merge the function's events by program order.
    enum Kind { Access, Call, Spawn_, Join, Sync, Copy };
    std::vector<std::pair<unsigned, std::pair<Kind, size_t>>> Events;
    for (size_t I = 0; I < F.Accesses.size(); ++I)
      Events.push_back({F.Accesses[I].Order, {Access, I}});
    for (size_t I = 0; I < F.Calls.size(); ++I)
      Events.push_back({F.Calls[I].Order, {Call, I}});
    for (size_t I = 0; I < F.Spawns.size(); ++I)
      Events.push_back({F.Spawns[I].Order, {Spawn_, I}});
    for (size_t I = 0; I < F.Joins.size(); ++I)
      Events.push_back({F.Joins[I].Order, {Join, I}});
    for (size_t I = 0; I < F.Syncs.size(); ++I)
      Events.push_back({F.Syncs[I].Order, {Sync, I}});
    for (size_t I = 0; I < F.HandleCopies.size(); ++I)
      Events.push_back({F.HandleCopies[I].Order, {Copy, I}});
    std::sort(Events.begin(), Events.end());

    // The calls' lock effects in program order: an event on a path that
    // bypasses some of them (the early return after an unlock() in one
    // branch) sees only the others.
    std::vector<std::pair<unsigned, LockEffect>> Effects;
    const LockHandover Handover = handedOverLocks(C);
    const HeldFromEntry FromEntry = heldFromEntry(C);
    // Callees' locks held on some of their returns that no later call
    // here gives back (by the order of the call that may hold them): maybe
    // held on this function's returns too.
    std::vector<std::pair<unsigned, ResolvedLock>> PassedUp;
    // The dynamic locks at an event, with those a later release settles.
    std::vector<ResolvedLock> WithSettled;
    auto settledAt = [&](const std::vector<ResolvedLock> &Locks,
                         const std::vector<HeldLock> &Maybe,
                         unsigned Order) -> const std::vector<ResolvedLock> & {
      std::vector<ResolvedLock> Settled;
      if (!Maybe.empty() && !Handover.Releases.empty())
        Settled = settledLocks(Maybe, Order, C, Handover);
      FromEntry.addHeldAt(Order, Locks, Settled);
      if (Settled.empty())
        return Locks;
      WithSettled = Locks;
      WithSettled.insert(WithSettled.end(), Settled.begin(), Settled.end());
      return WithSettled;
    };
    // Locks the callers hold that a call here gave back (an unlock through
    // wrappers of wrappers), by that call's order: not held on the ways
    // from the call, and given back to the callers when every way out
    // makes it.
    std::vector<std::pair<unsigned, std::string>> GivenBack;
    std::optional<Context> WithoutGiven;
    std::vector<std::string> WithoutKeys;
    // The event's own GivenBack (facts) are those the function gave back
    // itself (`pthread_mutex_unlock(&sched)` in a task the scheduler runs
    // holding it).
    auto contextAt =
        [&](const std::vector<unsigned> &Unreached,
            const std::vector<AccessPath> &Given) -> const Context & {
      if (GivenBack.empty() && Given.empty())
        return C;
      std::vector<std::string> Keys;
      for (const auto &[CallOrder, Key] : GivenBack)
        if (!std::count(Unreached.begin(), Unreached.end(), CallOrder))
          Keys.push_back(Key);
      for (const AccessPath &R : Given)
        if (auto M = resolve(R, C))
          Keys.push_back(lockPointee(M->key()));
      // A lock handed over to the callers (LockHandover) is held as far
      // as a release settles it; which release, the walk does not know:
      // it stays held here, and the release is the callers' to settle.
      auto GivenUp = [&](const ResolvedLock &L) {
        return !L.HandedOver && std::count(Keys.begin(), Keys.end(), L.Key);
      };
      if (std::none_of(C.Locks.begin(), C.Locks.end(), GivenUp))
        return C;
      if (!WithoutGiven || Keys != WithoutKeys) {
        WithoutGiven = C;
        WithoutGiven->Locks.erase(std::remove_if(WithoutGiven->Locks.begin(),
                                                 WithoutGiven->Locks.end(),
                                                 GivenUp),
                                  WithoutGiven->Locks.end());
        WithoutKeys = std::move(Keys);
      }
      return *WithoutGiven;
    };
    const std::vector<unsigned> NoneUnreached;
    const std::vector<AccessPath> NoneGiven;
    // Tokens claimed here whose lock is still held (trackToken).
    std::vector<ResolvedLock> Claims;
    std::vector<ResolvedLock> Bypassing;
    auto dynamicAt = [&](const std::vector<unsigned> &Unreached)
        -> const std::vector<ResolvedLock> & {
      if (Unreached.empty())
        return Dynamic;
      Bypassing.clear();
      for (const auto &[CallOrder, E] : Effects)
        if (std::find(Unreached.begin(), Unreached.end(), CallOrder) ==
            Unreached.end())
          applyEffect(Bypassing, E);
      return Bypassing;
    };

    std::vector<EventTouches> Spans;
    for (const auto &[Order, What] : Events) {
      size_t TouchesBefore = Touches.empty() ? 0 : Touches.back().size();
      switch (What.first) {
      case Access: {
        const MemoryAccess &A = F.Accesses[What.second];
        // A call's result locked on its non-null edge is a lock of the
        // function's own, which a later call can give back.
        auto ReleasedSince = [&](unsigned Since, const std::string &Key) {
          for (const auto &[CallOrder, E] : Effects)
            if (CallOrder > Since &&
                !std::count(A.UnreachedCalls.begin(), A.UnreachedCalls.end(),
                            CallOrder) &&
                std::count(E.Released.begin(), E.Released.end(), Key))
              return true;
          return false;
        };
        const Context &AtAccess = contextAt(A.UnreachedCalls, A.GivenBack);
        if (!Claims.empty())
          takeTokens(Claims,
                     heldAt(AtAccess, A.Locks, dynamicAt(A.UnreachedCalls)),
                     Dynamic);
        const std::vector<ResolvedLock> &Held =
            settledAt(dynamicAt(A.UnreachedCalls), A.MaybeLocks, A.Order);
        onAccess(A, AtAccess, Held, ReleasedSince);
        if (A.Write)
          trackToken(A, AtAccess, Held, Dynamic, Claims);
        break;
      }
      case Call: {
        const CallSite &Site = F.Calls[What.second];
        const Context &AtCall = contextAt(Site.UnreachedCalls, Site.GivenBack);
        if (!Claims.empty())
          takeTokens(Claims,
                     heldAt(AtCall, Site.Locks, dynamicAt(Site.UnreachedCalls)),
                     Dynamic);
        LockEffect E = onCall(Site, AtCall,
                              settledAt(dynamicAt(Site.UnreachedCalls),
                                        Site.MaybeLocks, Site.Order),
                              Stack);
        if (auto H = Handover.AtCall.find(Site.Order);
            H != Handover.AtCall.end())
          for (ResolvedLock L : H->second)
            if (!heldIn(Dynamic, L.Key) && !heldIn(E.Acquired, L.Key)) {
              L.HandedOver = true;
              E.Acquired.push_back(std::move(L));
            }
        for (const std::string &Key : E.Released)
          if (!heldIn(Dynamic, Key) && heldIn(AtCall.Locks, Key))
            GivenBack.push_back({Site.Order, Key});
        for (ResolvedLock &L : E.MayHold) {
          if (heldIn(Dynamic, L.Key) || heldIn(E.Acquired, L.Key))
            continue;
          if (Handover.releasedAfter(
                  Site.Order, L.Key,
                  [&](const std::string &K) { return lockPointee(K); })) {
            L.HandedOver = true;
            E.Acquired.push_back(std::move(L));
          } else
            PassedUp.push_back({Site.Order, std::move(L)});
        }
        applyEffect(Dynamic, E);
        if (!E.Acquired.empty() || !E.Released.empty())
          Effects.push_back({Site.Order, std::move(E)});
        break;
      }
      case Spawn_:
        onSpawn(F.Spawns[What.second], contextAt(NoneUnreached, NoneGiven),
                Stack);
        break;
      case Join:
        onJoin(F.Joins[What.second], contextAt(NoneUnreached, NoneGiven));
        break;
      case Copy:
        onHandleCopy(F.HandleCopies[What.second],
                     contextAt(NoneUnreached, NoneGiven));
        break;
      case Sync: {
        const SyncEvent &E = F.Syncs[What.second];
        if (E.Once && !lockedAt(E, contextAt(E.UnreachedCalls, NoneGiven),
                                dynamicAt(E.UnreachedCalls)))
          break;
        if (auto Object = resolve(E.Object, C)) {
          std::string Key = (E.Volatile ? VolatileMark : "") + Object->key();
          if (E.Volatile)
            VolatileFlagNames.try_emplace(Key.substr(VolatileMark.size()),
                                          Object->Name);
          if (E.Once && !E.Release)
            LockedOnceTests.insert(Key.substr(0, Key.size() - OnceMark.size()));
          recordSync(std::move(Key), E.Release, C.Thread);
        }
        break;
      }
      }
      if (!Touches.empty() && Touches.back().size() > TouchesBefore)
        Spans.push_back({Order, TouchesBefore, Touches.back().size()});
    }
    moveEscapingAccesses(F, C, Spans);
    Stack.pop_back();

    LockEffect Effect;
    Effect.Acquired = Dynamic;
    for (const HeldLock &L : F.AcquiresOnExit)
      if (auto M = resolveLock(L, C))
        Effect.Acquired.push_back(*M);
    for (const AccessPath &R : F.ReleasesOnExit)
      if (auto M = resolve(R, C))
        Effect.Released.push_back(lockPointee(M->key()));
    for (const auto &[CallOrder, Key] : GivenBack) {
      const CallSite *Call = callAt(CallOrder, C);
      if (Call && !Call->SkippedOnSomeReturn &&
          !std::count(Effect.Released.begin(), Effect.Released.end(), Key))
        Effect.Released.push_back(Key);
    }
    Effect.MayHold = heldOnSomeReturn(C, Effects, Effect.Acquired);
    for (const HeldLock &L : F.MayHoldOnReturn)
      if (auto M = resolveLock(L, C))
        if (!heldIn(Effect.Acquired, M->Key) && !heldIn(Effect.MayHold, M->Key))
          Effect.MayHold.push_back(std::move(*M));
    for (auto &[HoldOrder, L] : PassedUp) {
      bool ReleasedLater = false;
      for (const auto &[Order, E] : Effects)
        ReleasedLater |=
            Order > HoldOrder &&
            std::count(E.Released.begin(), E.Released.end(), L.Key);
      if (!ReleasedLater && !heldIn(Effect.Acquired, L.Key) &&
          !heldIn(Effect.MayHold, L.Key))
        Effect.MayHold.push_back(std::move(L));
    }
    return Effect;
  }

  /// A flag used as a token: set to a value holding a lock (the claim:
  /// `parse_token = 0` after the scheduler found it set), the lock given
  /// back, the work done, the lock taken again and the flag set to another
  /// value by the same function (the return). While one thread holds the
  /// claim no other can claim it, if every access to the flag that may run
  /// at once with another holds that lock (dropInvalidTokens, after the
  /// walk): what a thread does between its claim and its return is ordered
  /// with what another does between theirs, as under a lock. A claim is
  /// kept in Claims until the lock is given back (takeTokens), then held in
  /// this function's later events and callees (Dynamic); a store of
  /// another value returns it. AtA is the dynamic locks held at A.
  void trackToken(const MemoryAccess &A, const Context &C,
                  const std::vector<ResolvedLock> &AtA,
                  std::vector<ResolvedLock> &Dynamic,
                  std::vector<ResolvedLock> &Claims) {
    bool Holding =
        std::any_of(Dynamic.begin(), Dynamic.end(), isToken) || !Claims.empty();
    bool Claim =
        A.StoredConstant && returnedLater(*C.Fn)[&A - C.Fn->Accesses.data()];
    if (!Claim && !Holding)
      return;
    auto Path = resolve(A.Path, C);
    if (!Path)
      return;
    // Copied before Dynamic changes: AtA may be Dynamic itself.
    std::vector<ResolvedLock> Held = heldAt(C, A.Locks, AtA);
    std::string Flag = Path->key();
    std::string Value =
        A.StoredConstant ? std::to_string(*A.StoredConstant) : "";
    auto Returned = [&](const ResolvedLock &L) {
      if (!isToken(L))
        return false;
      auto [Claimed, Lock, Of] = tokenOf(L);
      return Of == Flag && Claimed != Value;
    };
    Dynamic.erase(std::remove_if(Dynamic.begin(), Dynamic.end(), Returned),
                  Dynamic.end());
    Claims.erase(std::remove_if(Claims.begin(), Claims.end(), Returned),
                 Claims.end());
    if (!Claim)
      return;
    for (const ResolvedLock &L : Held) {
      if (!isPlainLock(L))
        continue;
      ResolvedLock Token;
      Token.Key = TokenPrefix + Value + "|" + L.Key + "|" + Flag;
      Token.Name = Path->Name + " (token)";
      if (!heldIn(Dynamic, Token.Key) && !heldIn(Claims, Token.Key) &&
          !heldIn(Held, Token.Key)) {
        TokenFlags.insert(Flag);
        Claims.push_back(std::move(Token));
      }
    }
  }

  /// Per access of F: a store of a constant after which F sets the same
  /// flag to another constant (the return)? Worked out once per function.
  const std::vector<bool> &returnedLater(const FunctionFacts &F) {
    auto [It, New] = ReturnedLater.try_emplace(&F);
    if (!New)
      return It->second;
    std::vector<bool> &Returned = It->second;
    Returned.assign(F.Accesses.size(), false);
    std::vector<std::pair<std::string, const MemoryAccess *>> Stores;
    for (const MemoryAccess &A : F.Accesses)
      if (A.Write && A.StoredConstant)
        Stores.push_back({pathKey(A.Path), &A});
    for (const auto &[Key, A] : Stores)
      Returned[A - F.Accesses.data()] = std::any_of(
          Stores.begin(), Stores.end(), [&, &Key = Key, A = A](const auto &B) {
            return B.second->Order > A->Order &&
                   *B.second->StoredConstant != *A->StoredConstant &&
                   B.first == Key;
          });
    return Returned;
  }

  /// Claims whose lock is no longer held (in Held) become tokens held.
  static void takeTokens(std::vector<ResolvedLock> &Claims,
                         const std::vector<ResolvedLock> &Held,
                         std::vector<ResolvedLock> &Dynamic) {
    for (auto It = Claims.begin(); It != Claims.end();) {
      if (heldIn(Held, std::get<1>(tokenOf(*It)))) {
        ++It;
        continue;
      }
      Dynamic.push_back(std::move(*It));
      It = Claims.erase(It);
    }
  }

  /// Every lock held at an event: the context's, the callees' (Dynamic)
  /// and the event's own.
  std::vector<ResolvedLock> heldAt(const Context &C,
                                   const std::vector<HeldLock> &Own,
                                   const std::vector<ResolvedLock> &Dynamic) {
    std::vector<ResolvedLock> Held = C.Locks;
    Held.insert(Held.end(), Dynamic.begin(), Dynamic.end());
    for (const HeldLock &L : Own)
      if (auto M = resolveLock(L, C))
        Held.push_back(*M);
    return Held;
  }

  /// A mutex held (exclusively), not one of the marks the walk keeps with
  /// the locks.
  static bool isPlainLock(const ResolvedLock &L) {
    return !L.Shared && L.AbsentMutex.empty() && !L.Unreachable &&
           !L.Ownership && L.OnceFlag.empty() && !L.LastReferenceTo &&
           L.NotStarted.empty() && L.Joined.empty() && !L.HandedOver &&
           !isFlagGuard(L) && !isToken(L) && L.Key.rfind("once:", 0) != 0;
  }

  /// The locks calls took here that a later call gives back on some paths
  /// to a return but not on all (SkippedOnSomeReturn): held on the returns
  /// that skip the release, where a way from the call that took the lock
  /// to a return passes none of its releases (not where one early return
  /// skips both the lock and its unlock: `if (!thr->init) return;`). Held
  /// is what every return holds.
  std::vector<ResolvedLock>
  heldOnSomeReturn(const Context &C,
                   const std::vector<std::pair<unsigned, LockEffect>> &Effects,
                   const std::vector<ResolvedLock> &Held) const {
    struct Taken {
      ResolvedLock Lock;
      unsigned At;
      std::vector<unsigned> Releases;
    };
    const FunctionFacts &F = *C.Fn;
    std::vector<Taken> Kept;
    for (const auto &[Order, E] : Effects) {
      const CallSite *Call = callAt(Order, C);
      bool Skipped = Call && Call->SkippedOnSomeReturn;
      for (const std::string &Key : E.Released)
        Kept.erase(std::remove_if(Kept.begin(), Kept.end(),
                                  [&, Order = Order](Taken &T) {
                                    if (T.Lock.Key != Key)
                                      return false;
                                    if (!Skipped)
                                      return true;
                                    T.Releases.push_back(Order);
                                    return !F.BlockSuccessors.empty() &&
                                           !reachesReturnPast(F, T.At,
                                                              T.Releases);
                                  }),
                   Kept.end());
      for (const ResolvedLock &L : E.Acquired)
        Kept.push_back({L, Order, {}});
    }
    std::vector<ResolvedLock> Locks;
    for (Taken &T : Kept)
      if (!heldIn(Held, T.Lock.Key))
        Locks.push_back(std::move(T.Lock));
    return Locks;
  }

  /// A call's lock effect on the locks held after it; without Release,
  /// only what it takes.
  static void applyEffect(std::vector<ResolvedLock> &Locks, const LockEffect &E,
                          bool Release = true) {
    if (Release)
      for (const std::string &Key : E.Released)
        Locks.erase(
            std::remove_if(Locks.begin(), Locks.end(),
                           [&](const ResolvedLock &L) { return L.Key == Key; }),
            Locks.end());
    Locks.insert(Locks.end(), E.Acquired.begin(), E.Acquired.end());
  }

  /// Removes from Locks those held in Held, by key.
  static void dropHeld(std::vector<ResolvedLock> &Locks,
                       const std::vector<ResolvedLock> &Held) {
    Locks.erase(std::remove_if(
                    Locks.begin(), Locks.end(),
                    [&](const ResolvedLock &L) { return heldIn(Held, L.Key); }),
                Locks.end());
  }

  static bool heldIn(const std::vector<ResolvedLock> &Locks,
                     const std::string &Key) {
    return std::any_of(Locks.begin(), Locks.end(),
                       [&](const ResolvedLock &L) { return L.Key == Key; });
  }

  /// What a function's calls settle about locks it did not take: a call
  /// that gives back a lock neither this function nor its callers took
  /// (releases, by order) says the lock was held on the way to it. It was
  /// taken by an earlier call that may return holding it (a trylock of the
  /// item it hands back through an out-parameter; AtCall, by that call's
  /// order), or it is one held here on some paths only (MaybeLocks): the
  /// path that took it is the one that reaches the release.
  struct LockHandover {
    std::map<unsigned, std::vector<ResolvedLock>> AtCall;
    std::vector<std::pair<unsigned, std::string>> Releases;

    /// Pointee names the mutex a released pointer holds by then.
    template <typename PointeeFn>
    bool releasedAfter(unsigned Order, const std::string &Key,
                       PointeeFn Pointee) const {
      return std::any_of(Releases.begin(), Releases.end(), [&](const auto &R) {
        return R.first > Order && Pointee(R.second) == Key;
      });
    }
  };

  LockHandover handedOverLocks(const Context &C) {
    LockHandover Out;
    std::vector<const CallSite *> Calls;
    bool Releases = false;
    for (const CallSite &Call : C.Fn->Calls)
      if (Call.Kind == CallKind::Direct)
        if (const FunctionFacts *Callee = P.function(Call.CalleeId)) {
          bool Gives = mayGiveBack(Call.CalleeId);
          if (!Callee->MayHoldOnReturn.empty() || Gives) {
            Calls.push_back(&Call);
            Releases |= Gives;
          }
        }
    if (!Releases)
      return Out;
    std::sort(Calls.begin(), Calls.end(),
              [](const CallSite *A, const CallSite *B) {
                return A->Order < B->Order;
              });
    std::vector<std::pair<unsigned, ResolvedLock>> MayHold;
    for (const CallSite *Call : Calls) {
      const FunctionFacts &Callee = *P.function(Call->CalleeId);
      Context Inner = calleeContext(*Call, Callee, C);
      std::vector<std::string> Given;
      givenBack(Callee, Inner, 0, Given);
      for (const std::string &Key : Given) {
        if (heldIn(C.Locks, Key) ||
            std::any_of(Call->Locks.begin(), Call->Locks.end(),
                        [&](const HeldLock &L) {
                          auto Own = resolveLock(L, C);
                          return Own && Own->Key == Key;
                        }))
          continue;
        Out.Releases.push_back({Call->Order, Key});
        for (auto It = MayHold.rbegin(); It != MayHold.rend(); ++It)
          if (It->second.Key == Key) {
            Out.AtCall[It->first].push_back(It->second);
            break;
          }
      }
      for (const HeldLock &L : Callee.MayHoldOnReturn)
        if (auto M = resolveLock(L, Inner))
          MayHold.push_back({Call->Order, *M});
    }
    return Out;
  }

  /// Does the function give back a lock it did not take, itself or through
  /// the functions it calls directly (an iterator's `finish()` that calls
  /// the item's unlock wrapper)? Context-free, for the walk to skip calls
  /// that give nothing back.
  bool mayGiveBack(const std::string &Id) {
    if (!GivesBack)
      GivesBack = closeOverCallers(
          [](const FunctionFacts &F) { return !F.ReleasesOnExit.empty(); },
          [](const CallSite &Call, auto Edge) {
            if (Call.Kind == CallKind::Direct)
              Edge(Call.CalleeId);
          });
    return GivesBack->count(Id) != 0;
  }

  /// The locks (by key) a call of F in context C gives back that F did not
  /// take itself: its own releases and those of its direct callees, a few
  /// calls deep, less what it or those callees take (a wrapper that locks
  /// and unlocks around its work gives nothing back).
  void givenBack(const FunctionFacts &F, const Context &C, unsigned Depth,
                 std::vector<std::string> &Out) {
    std::vector<std::string> Given, Taken;
    for (const AccessPath &R : F.ReleasesOnExit)
      if (auto M = resolveLock(HeldLock{R, false}, C))
        Given.push_back(M->Key);
    for (const CallSite &Call : F.Calls) {
      for (const HeldLock &L : Call.Locks)
        if (auto M = resolveLock(L, C))
          Taken.push_back(M->Key);
      const FunctionFacts *Callee =
          Call.Kind == CallKind::Direct ? P.function(Call.CalleeId) : nullptr;
      if (!Callee)
        continue;
      bool Takes = !Callee->AcquiresOnExit.empty() ||
                   !Callee->AcquiresOnNonNullReturn.empty() ||
                   !Callee->MayHoldOnReturn.empty();
      bool Gives = Depth < MaxGiveBackDepth && mayGiveBack(Call.CalleeId);
      if (!Takes && !Gives)
        continue;
      Context Inner = calleeContext(Call, *Callee, C);
      for (const auto *Locks :
           {&Callee->AcquiresOnExit, &Callee->AcquiresOnNonNullReturn,
            &Callee->MayHoldOnReturn})
        for (const HeldLock &L : *Locks)
          if (auto M = resolveLock(L, Inner))
            Taken.push_back(M->Key);
      if (Gives)
        givenBack(*Callee, Inner, Depth + 1, Given);
    }
    for (std::string &Key : Given)
      if (!std::count(Taken.begin(), Taken.end(), Key) &&
          !std::count(Out.begin(), Out.end(), Key))
        Out.push_back(std::move(Key));
  }

  /// Locks the function gives back without having taken them
  /// (FunctionFacts::UntakenReleases): held from its entry to the release,
  /// unless a call in between takes them (a lock wrapper's).
  struct HeldFromEntry {
    std::vector<std::pair<unsigned, ResolvedLock>> Releases;
    std::vector<std::pair<unsigned, std::string>> TakenByCalls;

    /// Adds to Out those held at the event at Order (not among Locks).
    void addHeldAt(unsigned Order, const std::vector<ResolvedLock> &Locks,
                   std::vector<ResolvedLock> &Out) const {
      for (const auto &[ReleaseOrder, L] : Releases) {
        if (ReleaseOrder <= Order || heldIn(Locks, L.Key) || heldIn(Out, L.Key))
          continue;
        bool TakenBetween = false;
        for (const auto &[CallOrder, Key] : TakenByCalls)
          TakenBetween |=
              CallOrder > Order && CallOrder < ReleaseOrder && Key == L.Key;
        if (!TakenBetween)
          Out.push_back(L);
      }
    }
  };

  HeldFromEntry heldFromEntry(const Context &C) {
    HeldFromEntry Out;
    for (const auto &[Mutex, Order] : C.Fn->UntakenReleases)
      if (auto M = resolveLock(HeldLock{Mutex, false}, C))
        if (!heldIn(C.Locks, M->Key))
          Out.Releases.push_back({Order, *M});
    if (Out.Releases.empty())
      return Out;
    for (const CallSite &Call : C.Fn->Calls) {
      const FunctionFacts *Callee = P.function(Call.CalleeId);
      if (!Callee)
        continue;
      Context Inner = calleeContext(Call, *Callee, C);
      auto Note = [&](const std::vector<HeldLock> &Locks) {
        for (const HeldLock &L : Locks)
          if (auto M = resolveLock(L, Inner))
            Out.TakenByCalls.push_back({Call.Order, M->Key});
      };
      Note(Callee->AcquiresOnExit);
      Note(Callee->AcquiresOnNonNullReturn);
      Note(Callee->MayHoldOnReturn);
    }
    return Out;
  }

  /// The locks held on some paths to the event at Order that a later call
  /// gives back: held there (LockHandover). A call between that takes the
  /// lock again is not looked for: the release is read as the first one's.
  std::vector<ResolvedLock> settledLocks(const std::vector<HeldLock> &Maybe,
                                         unsigned Order, const Context &C,
                                         const LockHandover &H) {
    std::vector<ResolvedLock> Held;
    for (const HeldLock &L : Maybe)
      if (auto M = resolveLock(L, C))
        if (std::any_of(H.Releases.begin(), H.Releases.end(),
                        [&](const auto &R) {
                          return R.first > Order && R.second == M->Key;
                        }))
          Held.push_back(*M);
    return Held;
  }

  /// Is a lock held at the test or the set of a once-flag (a real one: not
  /// the mark of a missing mutex or of an owner's thread)?
  bool lockedAt(const SyncEvent &E, const Context &C,
                const std::vector<ResolvedLock> &Dynamic) {
    auto Real = [](const ResolvedLock &L) {
      return !L.Ownership && L.AbsentMutex.empty() && L.OnceFlag.empty() &&
             !isFlagGuard(L);
    };
    if (std::any_of(C.Locks.begin(), C.Locks.end(), Real) ||
        std::any_of(Dynamic.begin(), Dynamic.end(), Real))
      return true;
    for (const HeldLock &L : E.Locks)
      if (auto M = resolveLock(L, C); M && Real(*M))
        return true;
    return false;
  }

  template <typename ReleasedSinceFn>
  void onAccess(const MemoryAccess &A, const Context &C,
                const std::vector<ResolvedLock> &Dynamic,
                ReleasedSinceFn ReleasedSince) {
    if (AccessesInThread >= AccessBudget || CallsInThread > CallBudget) {
      Truncated = true;
      return;
    }
    if (Threads[C.Thread].Constructing)
      return;
    std::optional<AbsPath> Path = resolve(A.Path, C);
    if (!Path)
      return;
    // A block through a global pointer that names one object reaches its
    // elements under the pointer's name and its fields under the object's
    // (throughGlobalPointer): it is noted under both.
    if (AbsPath Whole = *Path;
        A.Block && wholeObjectThroughGlobalPointer(Whole))
      onResolvedAccess(A, std::move(Whole), C, Dynamic, ReleasedSince);
    onResolvedAccess(A, std::move(*Path), C, Dynamic, ReleasedSince);
  }

  template <typename ReleasedSinceFn>
  void onResolvedAccess(const MemoryAccess &A, AbsPath Resolved,
                        const Context &C,
                        const std::vector<ResolvedLock> &Dynamic,
                        ReleasedSinceFn ReleasedSince) {
    std::optional<AbsPath> Path = std::move(Resolved);
    if (A.Write && A.StoresPointer) {
      // Where the stored pointer points, worked out once for all of these.
      std::optional<AbsPath> Value = resolve(A.Stored, C);
      // A pointer given back what it held (`v.a = realloc(v.a, n)`, or
      // through a wrapper that returns realloc's result) points where it
      // did, or at a new object if it held none: as fresh as an allocation
      // stored there, and no other pointer's target.
      if (Value && Value->key() == Path->key()) {
        if (!Path->Steps.empty() && isFieldStep(Path->Steps.back()))
          noteFreshField(Path->Steps.back(), lastFieldRecord(A), true);
        noteElementStore(*Path, /*Fresh=*/true);
      } else {
        bool Fresh = storesFreshObject(A, Value, C);
        noteSlotStore(*Path, Value, C);
        noteBufferPointer(*Path, Value);
        noteGlobalPointee(*Path, Value, storedOnce(A, *Path, C));
        noteFieldStore(*Path, Value, Fresh, C, lastFieldRecord(A));
        noteElementStore(*Path, Fresh);
      }
    }
    // A struct copied in whole fills its pointer fields with what the copy
    // held, which concur does not follow; unless it is a struct a call
    // filled and returned, whose stores into its fields were noted as the
    // callee made them.
    if (A.Write && !copiesReturnedLocal(A, C))
      for (size_t I = 0; I < A.CopiedPointerFields.size(); ++I) {
        AbsPath Cell = *Path;
        appendStep(Cell, A.CopiedPointerFields[I]);
        noteFieldStore(Cell, std::nullopt, /*Fresh=*/false, C,
                       I < A.CopiedPointerRecords.size()
                           ? A.CopiedPointerRecords[I]
                           : std::string());
      }
    if (A.Write && A.StoresCurrentThreadId)
      IdKeepers[Path->key()].insert(C.Thread);
    if (A.Write && A.Stored)
      noteLockPointer(*Path, *A.Stored, C);
    // The function made the object and has not handed it on: only this
    // thread reaches it (earlier objects of the same site other threads
    // hold are others).
    if (A.Unpublished &&
        (madeBy(Path->Root, *C.Fn) || underConstruction(A.Path, C)))
      return;
    // A by-value parameter's own fields: the callee's copy.
    if (Path->inOwnCopy())
      return;
    ResolvedAccess R;
    R.Path = *Path;
    R.FieldRecords = &A.FieldRecords;
    R.Write = A.Write;
    R.Pos = R.LastPos = R.LastMadePos = NextPos++;
    R.Thread = C.Thread;
    R.Loops = A.Loop ? loopLink({C.Frame, A.Loop, C.Loops}) : C.Loops;
    R.Dying = C.Dying;
    R.Locks = C.Locks;
    R.Locks.insert(R.Locks.end(), Dynamic.begin(), Dynamic.end());
    for (const HeldLock &L : A.Locks)
      if (auto M = resolveLock(L, C))
        if (!isLockedOnReturn(L) ||
            !ReleasedSince(std::stoul(L.Mutex.RootId), M->Key))
          R.Locks.push_back(*M);
    // In a branch this program never takes.
    if (anyUnreachable(R.Locks))
      return;
    // A field of an object the thread holds the last reference to: every
    // other holder's use came before (LastReference.h).
    for (const ResolvedLock &L : R.Locks)
      if (L.LastReferenceTo && ownField(*L.LastReferenceTo, R.Path))
        return;
    // The flags tested on the way here, and the values they held: rare,
    // so kept beside the access (FlagGuardsOf), not in it.
    FlagGuards Guards;
    for (const ResolvedLock &L : R.Locks) {
      if (!L.AbsentMutex.empty())
        R.Absent.push_back(L.AbsentMutex);
      // A branch whose test held no lock is no once.
      if (!L.OnceFlag.empty() && LockedOnceTests.count(L.OnceFlag))
        R.OnceFlags.push_back(L.OnceFlag);
      R.NotStarted.insert(R.NotStarted.end(), L.NotStarted.begin(),
                          L.NotStarted.end());
      R.Joined.insert(R.Joined.end(), L.Joined.begin(), L.Joined.end());
      if (!isFlagGuard(L))
        continue;
      // A flag only tested on the way to starts splits the accesses that
      // need it only: those of a thread started under its test. Kept
      // everywhere, it fills the access budget before the walk reaches
      // the starts.
      auto Guard = flagGuardOf(L);
      if (!GuardOnlyKeys.count(Guard.first) ||
          Threads[C.Thread].GuardFlags.count(Guard.first))
        Guards.push_back(std::move(Guard));
    }
    R.Locks.erase(std::remove_if(R.Locks.begin(), R.Locks.end(),
                                 [](const ResolvedLock &L) {
                                   return !L.AbsentMutex.empty() ||
                                          !L.OnceFlag.empty() ||
                                          L.LastReferenceTo ||
                                          !L.NotStarted.empty() ||
                                          !L.Joined.empty() || isFlagGuard(L);
                                 }),
                  R.Locks.end());
    // A write of a whole object (a memset, `*c = (struct client){0}`) may
    // write a flag in it too.
    R.TracksOccurrences =
        R.Write && (!StartFlagNames.empty() || !GuardFlagNames.empty()) &&
        (StartFlagNames.count(flagName(A.Path)) ||
         GuardFlagNames.count(flagName(A.Path)) || A.Path.Steps.empty() ||
         A.Path.Steps.back() == "*");
    R.Loc = A.Loc;
    R.Function = C.Fn->Name;
    R.Volatile = A.Volatile;
    R.Atomic = A.Atomic;
    R.StoresPointer = A.StoresPointer;
    R.StoresOwnId = A.StoresCurrentThreadId;
    R.KeptIdTest = A.KeptIdTest;
    R.WholeValue = A.WholeValue;
    R.Block = A.Block;
    if (!A.LazyInitOf.empty())
      R.LazyInitOf = "G:" + A.LazyInitOf;
    R.Program = C.Program;
    // Only the closure's own object is its own: what a pointer in it
    // leads to (a task's pointer to the shared context) is not. A copied
    // pointer is dereferenced once to reach its object; a variable
    // captured by reference, or the object a copy's value names, not at
    // all.
    unsigned OwnDerefs = A.Path.ByCopy && !isHeapRoot(A.Path.RootId) ? 1 : 0;
    R.FreshPerClosure = A.Path.FreshPerClosure &&
                        A.Path.Root == AccessPath::RootKind::Local &&
                        C.Fn->IsLambda &&
                        std::count(A.Path.Steps.begin(), A.Path.Steps.end(),
                                   "*") <= static_cast<long>(OwnDerefs);
    ++AccessesInThread;
    if (A.Write)
      noteCounterWrite(A, R, C);
    std::string Identity = identityOf(R);
    for (const auto &[Flag, Values] : Guards)
      Identity += "|flag:" + Flag + Values;
    auto Known = AccessIndex.find(Identity);
    if (Known == AccessIndex.end() &&
        (AccessBytes >= MaxAccessBytesTotal ||
         AccessBytes - BytesBeforeThread >= MaxAccessBytesPerThread)) {
      Truncated = true;
      return;
    }
    auto [It, New] =
        AccessIndex.try_emplace(std::move(Identity), Accesses.size());
    if (New) {
      AccessBytes += footprint(R) + It->first.size();
      if (R.TracksOccurrences)
        FlagWriteOccurrences[R.Pos].push_back(R.Pos);
      if (!Guards.empty())
        FlagGuardsOf[R.Pos] = std::move(Guards);
      if (A.StoredConstant)
        StoredConstants[Accesses.size()] = *A.StoredConstant;
      Accesses.push_back(std::move(R));
    } else {
      ResolvedAccess &Known = Accesses[It->second];
      if (Known.Loops != R.Loops)
        Known.LoopsUnknown = true;
      madeAgainAt(It->second, R.Pos);
    }
    touch({false, It->second});
  }

  /// A write of an integer that may count starts (CounterFlagNames, so
  /// that a write the walk meets before the first increment counts too):
  /// an increment made after a start of this function, where the start
  /// did not fail (`if (ret == 0) ctx->spawned++;`), counts that start's
  /// threads; any increment counts on; a store of 0 resets the count (kept
  /// by position); any other write makes the place no counter.
  void noteCounterWrite(const MemoryAccess &A, const ResolvedAccess &R,
                        const Context &C) {
    if (CounterFlagNames.empty() || !CounterFlagNames.count(flagName(A.Path)))
      return;
    StartCounter &Counter = StartCounters[R.Path.key()];
    if (A.CountsUp) {
      for (const Spawn &S : C.Fn->Spawns) {
        if (S.Order >= A.Order)
          continue;
        auto It = StartedBy.find(startKey(C.Thread, C.Fn->Id, S.Order));
        if (It == StartedBy.end())
          continue;
        for (unsigned T : It->second)
          if (!std::count(R.NotStarted.begin(), R.NotStarted.end(), T))
            Counter.Counted.insert(T);
      }
    } else if (!A.StoredConstant) {
      Counter.Other = true;
    } else if (*A.StoredConstant == 0) {
      Counter.LastReset = std::max(Counter.LastReset, R.Pos);
    }
  }

  /// A runs only where a count of B's thread's starts was found 0 (`if
  /// (ctx->spawned_worker_threads > 0) ... else free_context(ctx);` after
  /// a start failed): none of them had started, whatever the earlier
  /// passes of a loop of starts did. The place must count the thread's
  /// starts (noteCounterWrite), be written in no other way, and not be set
  /// back to 0 once the thread may run.
  bool beforeCountedStart(const ResolvedAccess &A, const ResolvedAccess &B) {
    const FlagGuards *Guards = guardsOf(A);
    if (!Guards)
      return false;
    for (const auto &[Key, Values] : *Guards) {
      const FlagValues &Tested = testedValues(Values);
      if (Tested.AllBut || Tested.Listed.size() != 1 ||
          *Tested.Listed.begin() != 0)
        continue;
      auto It = StartCounters.find(Key);
      if (It == StartCounters.end() || It->second.Other ||
          !It->second.Counted.count(B.Thread) ||
          It->second.LastReset > Threads[B.Thread].SpawnPos)
        continue;
      return true;
    }
    return false;
  }

  /// `a->hold = trylock_item(k)`: the pointer holds the mutex the call
  /// returned holding, so a release through it (`unlock_held(a->hold)`)
  /// gives back that mutex. Kept per cell, the latest store's.
  void noteLockPointer(const AbsPath &Cell, const AccessPath &Value,
                       const Context &C) {
    if (Value.Root != AccessPath::RootKind::Return || !Value.Steps.empty())
      return;
    std::string Through = Cell.key() + "*";
    if (auto L = lockedOnReturn(std::stoul(Value.RootId), C))
      LockPointers[Through] = L->Key;
    else
      LockPointers.erase(Through);
  }

  /// The mutex a lock key names: the one a pointer was last given by a
  /// call that returned holding it (noteLockPointer), else itself.
  const std::string &lockPointee(const std::string &Key) const {
    auto It = LockPointers.find(Key);
    return It == LockPointers.end() ? Key : It->second;
  }

  /// The thread stores an address into a pointer of its own slot
  /// (`conn->buf = malloc(n)`): kept to tell later whether the slot's
  /// pointers point at objects of the thread's own (findOwnPointerCells).
  /// An address concur cannot follow is taken as someone else's.
  void noteSlotStore(const AbsPath &Cell, const std::optional<AbsPath> &Value,
                     const Context &C) {
    if (std::find(Cell.Steps.begin(), Cell.Steps.end(), "[@]") ==
            Cell.Steps.end() ||
        !Value)
      return;
    AbsPath Pointee = *Value;
    appendStep(Pointee, "*");
    noteSlotStore(C.Thread, Cell.key(), std::move(Pointee));
  }

  /// `pool->threads = grown;`: the handles starts put in the buffer a
  /// pointer now points to are named through that pointer too, so a join
  /// through `pool->threads[i]` joins them, whether the pointer was stored
  /// before the starts (a pool growing its array) or after. A pointer
  /// aimed at another buffer later keeps naming the first one's handles:
  /// a growing pool copies them over (memcpy, realloc), which the facts do
  /// not show.
  void noteBufferPointer(const AbsPath &Cell,
                         const std::optional<AbsPath> &Value) {
    std::optional<AbsPath> Buffer = Value;
    if (Buffer)
      appendStep(*Buffer, "*");
    AbsPath Through = Cell;
    appendStep(Through, "*");
    std::string To = Through.key();
    // Where an object's address went: one kept elsewhere is no start's own.
    if (Buffer && Buffer->Steps.empty() && isHeapObjectRoot(Buffer->Root)) {
      auto &Cells = AddressStoredIn[Buffer->Root];
      if (Cells.size() < MaxAddressCells)
        Cells.insert(Cell.key());
    }
    std::set<std::string> &Pointees = StoredPointees[To];
    if (Pointees.size() < 2)
      Pointees.insert(Buffer ? Buffer->key() : std::string());
    // A field of an object itself (reached through no pointer): what a
    // start object's field points at (addStartObject).
    if (!Cell.Steps.empty() &&
        std::find(Cell.Steps.begin(), Cell.Steps.end(), "*") ==
            Cell.Steps.end() &&
        isHeapObjectRoot(Cell.Root)) {
      std::string Fields;
      for (const std::string &S : Cell.Steps)
        Fields += S;
      PointerFieldsOf[Cell.Root].insert(Fields);
      LastPointees.insert_or_assign(To, Buffer);
    }
    if (!Buffer)
      return;
    std::string From = Buffer->key();
    if (From == To)
      return;
    std::vector<std::string> &Names = BufferPointers[From];
    if (std::count(Names.begin(), Names.end(), To))
      return;
    if (Names.size() >= MaxBufferPointers)
      return;
    Names.push_back(To);
    for (unsigned I : ThreadsWithHandles)
      nameThroughPointer(Threads[I], From, To);
  }

  /// Is P a place in a global itself, reached through no pointer (`pool`,
  /// `cfg.pools[2]`)?
  static bool isGlobalCell(const AbsPath &P) {
    return isGlobalRoot(P.Root) &&
           std::find(P.Steps.begin(), P.Steps.end(), "*") == P.Steps.end();
  }
  /// Is P a place in a local variable itself (of a thread's frame, or a
  /// thread_local), reached through no pointer: no heap object, no object
  /// made for a start?
  static bool isLocalVariableCell(const AbsPath &P) {
    return P.Root.rfind("L:", 0) == 0 && !isHeapObjectRoot(P.Root) &&
           !madeForStart(P.Root) &&
           std::find(P.Steps.begin(), P.Steps.end(), "*") == P.Steps.end();
  }

  /// P's key with every index "[]": the elements of an array of pointers
  /// (`pools[i] = create()`) point at one object only if all of them do.
  static std::string anyElementKey(const AbsPath &P) {
    std::string K = P.Root;
    for (const std::string &S : P.Steps)
      K += isIndex(S) ? "[]" : S;
    return K;
  }

  /// Is A, as this walk meets it, a store made once in a run into Cell, by
  /// a thread started once: in no loop of its function or of a caller, or
  /// into an element at an index the loop varies (`pools[i] = create()`,
  /// another cell on each pass)? A store made again into one cell aims it
  /// at the next of many objects one name stands for (a list head:
  /// `th->next = threads; threads = th;` per launch), not at one object.
  bool storedOnce(const MemoryAccess &A, const AbsPath &Cell,
                  const Context &C) const {
    if (Threads[C.Thread].Multi)
      return false;
    return (!A.InLoop && !C.InLoop) ||
           std::any_of(
               Cell.Steps.begin(), Cell.Steps.end(),
               [](const std::string &S) { return S == "[]" || S == "[@]"; });
  }

  /// Keeps what a global pointer points at (throughGlobalPointer): the one
  /// object every store so far aimed it at, each store made once in a run
  /// (storedOnce), or nothing once a store aimed it elsewhere, at what
  /// concur cannot follow, or more than once.
  void noteGlobalPointee(const AbsPath &Cell,
                         const std::optional<AbsPath> &Value, bool Once) {
    // A global pointer's value kept elsewhere (`th->next = threads`): its
    // earlier targets stay reachable by other names, it is no one object.
    if (Value && (isGlobalCell(*Value) || isLocalVariableCell(*Value)))
      GlobalPointees.insert_or_assign(anyElementKey(*Value), std::nullopt);
    // A pointer in a local the thread hands on (`struct arg a = {&count};
    // start(work, &a)`) counts too, for `*a->p` (isScalarVariableCell).
    if (!isGlobalCell(Cell) && !isLocalVariableCell(Cell))
      return;
    std::optional<AbsPath> Pointee = Value;
    if (Pointee)
      appendStep(*Pointee, "*");
    auto [It, New] = GlobalPointees.try_emplace(anyElementKey(Cell), Pointee);
    if (!It->second)
      return;
    if (!Once || !Pointee || Pointee->HandedIn ||
        (!New && It->second->key() != Pointee->key()) ||
        Pointee->Root == Cell.Root)
      It->second.reset();
  }

  /// If T's handle is an element of the buffer From, names it through To
  /// as well. Only arrays of handles: a handle in a struct that other
  /// structs point to (a list's `th->next = threads; threads = th;`) would
  /// be named anew by every link, and each join matched so would split the
  /// thread's later starts into instances of their own (the walk and the
  /// pairs grow with them: a held-out compressor took minutes, not a
  /// second).
  static void nameThroughPointer(ThreadInstance &T, const std::string &From,
                                 const std::string &To) {
    const std::string &Key = *T.HandleKey;
    if (Key.size() <= From.size() || Key.compare(0, From.size(), From) != 0 ||
        Key[From.size()] != '[')
      return;
    std::string Copy = To + Key.substr(From.size());
    if (!std::count(T.HandleCopies.begin(), T.HandleCopies.end(), Copy))
      T.HandleCopies.push_back(std::move(Copy));
  }

  /// A pointer into which the whole walk stores the address of one object
  /// and nothing else (`settings.rebalancer = t`, t the object the
  /// rebalancer's thread was handed) names that object: a lock reached
  /// through the pointer is that object's lock, by whichever name each
  /// thread took it. A store of an address concur cannot follow, or of
  /// another object's, keeps the names apart.
  void nameLocksThroughSinglePointers() {
    for (const auto &[Through, Pointees] : StoredPointees)
      if (Pointees.size() == 1 && !Pointees.begin()->empty() &&
          *Pointees.begin() != Through)
        SinglePointees.push_back({Through, *Pointees.begin()});
    if (SinglePointees.empty())
      return;
    auto Rename = [&](std::string &Key) { Key = throughSinglePointers(Key); };
    for (ResolvedAccess &A : Accesses)
      for (ResolvedLock &L : A.Locks) {
        Rename(L.Key);
        if (!L.ArrayKey.empty())
          Rename(L.ArrayKey);
      }
  }

  /// Key named by the object the pointer it goes through always points to
  /// (SinglePointees), when it goes through one.
  std::string throughSinglePointers(std::string Key) const {
    // Each pointer on the way in turn (`pools[0]->queue[h]`: the pool's
    // object, then its queue's buffer); a few are enough.
    for (unsigned Round = 0; Round < MaxPointerRenames; ++Round) {
      size_t Length = 0;
      auto Alias = std::find_if(SinglePointees.begin(), SinglePointees.end(),
                                [&](const auto &A) {
                                  Length = pointerPrefix(Key, A.first);
                                  return Length != std::string::npos;
                                });
      if (Alias == SinglePointees.end())
        break;
      Key = Alias->second + Key.substr(Length);
    }
    return Key;
  }

  /// The length of the part of Key that names the pointer Through ("<cell>*"),
  /// where Key goes through it (npos if not). Any element Through names by
  /// "[]" (`pools[i] = create()` in a loop) stands for each element Key
  /// names by index (`pools[0]`), unless that element was stored to
  /// itself: then its own stores decide.
  size_t pointerPrefix(const std::string &Key,
                       const std::string &Through) const {
    size_t K = 0, T = 0;
    bool AnyElement = false;
    while (T < Through.size() && K < Key.size()) {
      if (Through.compare(T, 2, "[]") == 0 && Key[K] == '[') {
        size_t Close = Key.find(']', K);
        if (Close == std::string::npos)
          return std::string::npos;
        AnyElement |= Close != K + 1;
        K = Close + 1;
        T += 2;
        continue;
      }
      if (Key[K] != Through[T])
        return std::string::npos;
      ++K;
      ++T;
    }
    if (T < Through.size() || K >= Key.size() ||
        (Key[K] != '.' && Key[K] != '['))
      return std::string::npos;
    if (AnyElement && StoredPointees.count(Key.substr(0, K)))
      return std::string::npos;
    return K;
  }

  /// A new thread's handle in a buffer that pointers were stored to point
  /// at earlier.
  void nameThroughStoredPointers(ThreadInstance &T) {
    const std::string &Key = *T.HandleKey;
    for (size_t End = 1; End < Key.size(); ++End) {
      if (Key[End] != '[')
        continue;
      auto It = BufferPointers.find(Key.substr(0, End));
      if (It == BufferPointers.end())
        continue;
      for (const std::string &To : It->second)
        nameThroughPointer(T, It->first, To);
    }
  }

  void noteSlotStore(unsigned Thread, std::string Cell, AbsPath Pointee) {
    std::string Key = std::to_string(Thread) + "|" + Cell + "|" + Pointee.key();
    if (SlotStoreSeen.insert(Key).second) {
      SlotStoresAt[{Thread, Cell}].push_back(SlotStores.size());
      SlotStores.push_back({Thread, std::move(Cell), std::move(Pointee)});
    }
  }

  /// Does the store A put an object made right there: an allocation, or
  /// what the call made in the store returned new (an allocation wrapper's,
  /// a constructor function's, which resolveReturn names by that call; not
  /// one object a function hands out from its own allocation each time)?
  static bool storesFreshObject(const MemoryAccess &A,
                                const std::optional<AbsPath> &Value,
                                const Context &C) {
    if (A.StoresNewObject)
      return true;
    if (!A.StoresCallResult || !Value || !A.Stored ||
        A.Stored->Root != AccessPath::RootKind::Return ||
        Value->Steps != std::vector<std::string>{"&"})
      return false;
    const std::string ByThisCall = ":" + madeByCall(C.Fn->Id, A.Stored->RootId);
    return Value->Root.size() >= ByThisCall.size() &&
           Value->Root.compare(Value->Root.size() - ByThisCall.size(),
                               ByThisCall.size(), ByThisCall) == 0;
  }

  /// A pointer stored into a field of any object, by any thread (Value:
  /// what it points to, if concur can follow it): is it an object made
  /// right there (FreshFilledFields), and what does it point to
  /// (FieldStores; findOwnPointerCells)?
  void noteFieldStore(const AbsPath &Cell, const std::optional<AbsPath> &Value,
                      bool Fresh, const Context &C, const std::string &Record) {
    if (Cell.Steps.empty() || !isFieldStep(Cell.Steps.back()))
      return;
    noteFreshField(Cell.Steps.back(), Record, Fresh);
    FieldStore Store{C.Thread, Cell.Steps.back(), AbsPath(), Cell.Root,
                     std::find(Cell.Steps.begin(), Cell.Steps.end(), "*") ==
                         Cell.Steps.end()};
    if (Value) {
      Store.Pointee = *Value;
      appendStep(Store.Pointee, "*");
    }
    std::string Key =
        std::to_string(C.Thread) + "|" + Cell.key() + "|" + Store.Pointee.key();
    if (FieldStoreSeen.insert(Key).second)
      FieldStores.push_back(std::move(Store));
  }

  /// "<record>::<field>" of the field A stores into, if it names it.
  static std::string lastFieldRecord(const MemoryAccess &A) {
    if (A.FieldRecords.empty() || A.Path.Steps.empty() ||
        A.Path.Steps.back() != "." + fieldOfRecord(A.FieldRecords.back()))
      return "";
    return A.FieldRecords.back();
  }

  static bool isFieldStep(const std::string &Step) {
    return !Step.empty() && Step.front() == '.';
  }

  /// "seq" of "bseq1_t::seq".
  static std::string fieldOfRecord(const std::string &RecordField) {
    size_t At = RecordField.rfind("::");
    return At == std::string::npos ? "" : RecordField.substr(At + 2);
  }

  /// A pointer store into a field, by name (".seq") and by its struct's
  /// field where concur knows the struct ("bseq1_t::seq"). A stale store
  /// into a field of a struct concur does not know may be any struct's.
  void noteFreshField(const std::string &Field, const std::string &Record,
                      bool Fresh) {
    noteFresh(FreshFilledFields, Field, Fresh);
    if (!Record.empty())
      noteFresh(FreshFilledRecordFields, Record, Fresh);
    else if (!Fresh)
      StaleUnknownRecordFields.insert(Field);
  }

  /// The record field of each field step of Steps that the access names
  /// itself (Records, its MemoryAccess::FieldRecords), matched from the
  /// end; "" for the others.
  static std::vector<std::string>
  recordsOfSteps(const std::vector<std::string> &Steps,
                 const std::vector<std::string> *Records) {
    std::vector<std::string> At(Steps.size());
    if (!Records)
      return At;
    size_t Next = Records->size();
    for (size_t I = Steps.size(); I-- > 0 && Next > 0;) {
      if (!isFieldStep(Steps[I]))
        continue;
      if (Steps[I] != "." + fieldOfRecord((*Records)[Next - 1]))
        break;
      At[I] = (*Records)[--Next];
    }
    return At;
  }

  /// Does A copy a struct a call of the program returned by value, the
  /// callee's own local (`regs = align(...)`, which fills `regs.a` and
  /// returns regs)? The callee's stores into it name the same fields.
  bool copiesReturnedLocal(const MemoryAccess &A, const Context &C) {
    if (!A.CopiedFrom || A.CopiedFrom->Root != AccessPath::RootKind::Return ||
        !A.CopiedFrom->Steps.empty())
      return false;
    const CallSite *Call = callAt(std::stoul(A.CopiedFrom->RootId), C);
    const FunctionFacts *Callee = Call ? P.function(Call->CalleeId) : nullptr;
    return Callee && Callee->Returns &&
           Callee->Returns->Root == AccessPath::RootKind::Local &&
           Callee->Returns->Steps.empty() && Callee->OtherReturns.empty() &&
           Callee->Returns->OwnerId == Callee->Id;
  }

  /// Is every store noted for Key fresh (FreshFilledFields,
  /// FreshElementArrays)?
  static void noteFresh(std::map<std::string, bool> &Stores,
                        const std::string &Key, bool Fresh) {
    auto [It, New] = Stores.try_emplace(Key, Fresh);
    if (!New)
      It->second = It->second && Fresh;
  }

  /// Does every dereference after Steps[From] (an own slot, "[@]") read a
  /// pointer of that slot which each copy of the thread's code points at
  /// objects of its own?
  bool
  dereferencesStayOwn(const std::string &Root,
                      const std::vector<std::string> &Steps, size_t From,
                      const std::string &EntryId,
                      const std::vector<std::string> *Records = nullptr) const {
    // A field every store fills with an object just allocated points, in
    // each object, at one of its own: of its struct where concur knows
    // which (another struct's field of that name may point anywhere), of
    // any struct otherwise.
    std::vector<std::string> RecordAt = recordsOfSteps(Steps, Records);
    auto FreshFilled = [&](size_t I) {
      const std::string &Field = Steps[I];
      if (!RecordAt[I].empty() && !StaleUnknownRecordFields.count(Field)) {
        auto It = FreshFilledRecordFields.find(RecordAt[I]);
        if (It != FreshFilledRecordFields.end())
          return It->second;
      }
      auto It = FreshFilledFields.find(Field);
      return It != FreshFilledFields.end() && It->second;
    };
    std::string Cell = Root;
    for (size_t I = 0; I < Steps.size(); ++I) {
      if (I > From && Steps[I] == "*" && !FreshFilled(I - 1) &&
          !OwnPointerCells.count({EntryId, Cell}) &&
          !OwnFields.count({EntryId, Steps[I - 1]}) &&
          !(Steps[I - 1] == "[@]" && freshElements(Cell)))
        return false;
      Cell += Steps[I];
    }
    return true;
  }

  /// Does Cell ("...[@]", the slot's own element of an array) lie in an
  /// array every store of a pointer into whose elements is an object made
  /// right there (FreshElementArrays): each element points at an object of
  /// its own?
  bool freshElements(const std::string &Cell) const {
    if (Cell.size() < 3 || Cell.compare(Cell.size() - 3, 3, "[@]") != 0)
      return false;
    auto It = FreshElementArrays.find(Cell.substr(0, Cell.size() - 3) + "[]");
    return It != FreshElementArrays.end() && It->second;
  }

  /// Is Pointee what an own element of an array holds ("...[@]*")?
  static bool elementOfArray(const AbsPath &Pointee) {
    const auto &S = Pointee.Steps;
    return S.size() >= 2 && S.back() == "*" && S[S.size() - 2] == "[@]";
  }

  /// A pointer stored into an element of an array: is it an object made
  /// right there, by an allocation or a call made in the store that returns
  /// a new one (FreshElementArrays, keyed by the array with "[]" for the
  /// index)? A local holding one call's result, stored into every element,
  /// is one object.
  void noteElementStore(const AbsPath &Cell, bool Fresh) {
    if (Cell.Steps.empty() || !isIndex(Cell.Steps.back()))
      return;
    AbsPath Array = Cell;
    Array.Steps.back() = "[]";
    noteFresh(FreshElementArrays, Array.key(), Fresh);
  }

  /// The pointers of own slots that point at objects of the thread's own:
  /// every address stored there is the thread's own (a local, an object it
  /// allocated, a place in its own slot), or reached through such a
  /// pointer. The least set that holds: a pointer some store fills from
  /// elsewhere (each worker's context pointing at the one engine) or that
  /// only the starter fills (ownSlots) stays shared.
  void findOwnPointerCells() {
    std::map<std::pair<std::string, std::string>, std::vector<size_t>> Cells;
    for (size_t I = 0; I < SlotStores.size(); ++I)
      Cells[{Threads[SlotStores[I].Thread].EntryId, SlotStores[I].Cell}]
          .push_back(I);
    auto OwnPointee = [&](const SlotStore &S) {
      const AbsPath &P = S.Pointee;
      if (isLocalOf(P.Root, S.Thread))
        return true;
      auto Slot = std::find(P.Steps.begin(), P.Steps.end(), "[@]");
      return Slot != P.Steps.end() &&
             dereferencesStayOwn(P.Root, P.Steps, Slot - P.Steps.begin(),
                                 Threads[S.Thread].EntryId);
    };
    auto GrowCells = [&] {
      for (bool Changed = true; Changed;) {
        Changed = false;
        for (const auto &[Cell, Stores] : Cells)
          if (!OwnPointerCells.count(Cell) &&
              std::all_of(Stores.begin(), Stores.end(),
                          [&](size_t I) { return OwnPointee(SlotStores[I]); }))
            Changed = OwnPointerCells.insert(Cell).second;
      }
    };
    GrowCells();
    findOwnFields(OwnPointee);
    // What the fields gave, the cells may now use.
    if (!OwnFields.empty())
      GrowCells();
  }

  /// Fields (by name) that every copy of a thread's code only ever points
  /// at objects of its own, in whatever object: a list its own nodes make
  /// (`te->next = loop->head; loop->head = te;`). The greatest set that
  /// holds, as what was first stored is the thread's own and every store
  /// keeps it so. A store of anything else, or of what concur cannot
  /// follow, keeps the field shared, and so does a store by other code,
  /// unless it writes straight into a local of its own frame that no thread
  /// is handed: no copy of the thread reaches that object.
  template <typename OwnPointeeFn> void findOwnFields(OwnPointeeFn OwnPointee) {
    std::set<std::string> HandedRoots;
    for (const ThreadInstance &T : Threads)
      for (const std::optional<AbsPath> &Param : T.Params)
        if (Param)
          HandedRoots.insert(Param->Root);
    auto Private = [&](const FieldStore &S) {
      return S.Direct && isLocalOf(S.CellRoot, S.Thread) &&
             !isHeapObjectRoot(S.CellRoot) && !HandedRoots.count(S.CellRoot);
    };
    std::map<std::pair<std::string, std::string>, std::vector<size_t>> Fields;
    std::map<std::string, std::set<std::string>> StoringEntries;
    for (size_t I = 0; I < FieldStores.size(); ++I) {
      const FieldStore &S = FieldStores[I];
      const std::string &Entry = Threads[S.Thread].EntryId;
      Fields[{Entry, S.Field}].push_back(I);
      if (!Private(S))
        StoringEntries[S.Field].insert(Entry);
    }
    for (const auto &[Key, Stores] : Fields) {
      const std::set<std::string> &Entries = StoringEntries[Key.second];
      if (Threads[FieldStores[Stores.front()].Thread].Multi &&
          std::all_of(Entries.begin(), Entries.end(),
                      [&](const std::string &E) { return E == Key.first; }))
        OwnFields.insert(Key);
    }
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (const auto &[Key, Stores] : Fields)
        if (OwnFields.count(Key) &&
            !std::all_of(Stores.begin(), Stores.end(), [&](size_t I) {
              const FieldStore &S = FieldStores[I];
              return !S.Pointee.Root.empty() &&
                     OwnPointee(SlotStore{S.Thread, "", S.Pointee});
            }))
          Changed |= OwnFields.erase(Key) != 0;
    }
  }

  /// What a walk did that a later call answered from its memo does again:
  /// its accesses and releases, in order, at new positions (a release
  /// orders what came before it, so the repeated call's accesses move past
  /// the releases made since the first).
  struct Touch {
    bool Release;
    size_t Index; // In Syncs for a release, else in Accesses.
  };

  void touch(Touch T) {
    if (!Touches.empty())
      Touches.back().push_back(T);
  }

  /// Only the last touch of an access and the last release of an object
  /// decide an order (LastPos, orderedBySync's last release): the earlier
  /// ones are dropped, keeping the order of the rest.
  std::vector<Touch> lastTouches(std::vector<Touch> All) const {
    std::unordered_set<size_t> SeenAccesses;
    std::unordered_set<std::string> SeenReleases;
    std::vector<Touch> Last;
    for (auto It = All.rbegin(); It != All.rend(); ++It)
      if (It->Release ? SeenReleases.insert(Syncs[It->Index].Key).second
                      : SeenAccesses.insert(It->Index).second)
        Last.push_back(*It);
    std::reverse(Last.begin(), Last.end());
    return Last;
  }

  /// The bytes an access keeps beyond its fixed size: its names, place
  /// and locks.
  static size_t footprint(const ResolvedAccess &A) {
    size_t Bytes = sizeof(ResolvedAccess) + A.Path.Root.size() +
                   A.Path.Name.size() + A.Path.Display.size() +
                   A.Loc.File.size() + A.Function.size() + A.Program.size();
    for (const std::string &S : A.Path.Steps)
      Bytes += sizeof(std::string) + S.size();
    for (const ResolvedLock &L : A.Locks)
      Bytes += sizeof(ResolvedLock) + L.Key.size() + L.Name.size() +
               L.ArrayKey.size();
    return Bytes;
  }

  /// The access at Index is made again at Pos (LastPos).
  /// Escaping: not made again, but taken as the thread's last
  /// (moveEscapingAccesses).
  void madeAgainAt(size_t Index, unsigned Pos, bool Escaping = false) {
    ResolvedAccess &A = Accesses[Index];
    A.LastPos = Pos;
    if (!Escaping)
      A.LastMadePos = Pos;
    if (A.TracksOccurrences)
      FlagWriteOccurrences[A.Pos].push_back(Pos);
  }

  /// InLoop: the call replayed is in a loop. (Outside any, the first walk
  /// was too, walk memos telling them apart: the chains still hold, the
  /// replayed call's own loops taken as the first's.)
  void replay(const std::vector<Touch> &Done, unsigned Thread, bool InLoop) {
    for (const Touch &T : Done)
      if (!T.Release) {
        // Made again in a loop its chain does not name.
        if (InLoop)
          Accesses[T.Index].LoopsUnknown = true;
        madeAgainAt(T.Index, NextPos++);
        touch(T);
      } else {
        std::string Key = Syncs[T.Index].Key;
        recordSync(std::move(Key), true, Thread);
      }
  }

  /// What one event of a function's walk touched: Touches.back() from
  /// Begin to End (a call's, all its callees touched).
  struct EventTouches {
    unsigned Order;
    size_t Begin, End;
  };

  /// A release orders an access before it only where every way from the
  /// access on passes a release. In a thread's entry function (run once per
  /// thread, so no later run of it stands behind its later events), a
  /// way to its return that passes none (`if (done) { unlock; return; }`
  /// before the loop's signal) leaves the access the thread's last, with
  /// nothing after it ordering it: such an access is touched again after
  /// the function's releases. (In a function called again and again, its
  /// later events in another branch stand for later calls: they are left
  /// as they are.)
  void moveEscapingAccesses(const FunctionFacts &F, const Context &C,
                            const std::vector<EventTouches> &Spans) {
    // A class's public method taken as a thread of its own is called
    // again and again: not an entry walked once per thread.
    if (C.Depth != 0 || F.BlockSuccessors.empty() || Touches.empty() ||
        !Threads[C.Thread].AssumedFromClass.empty())
      return;
    const std::vector<Touch> &Done = Touches.back();
    // The orders of the events that released something, in order.
    std::vector<unsigned> Releasing;
    for (const EventTouches &E : Spans)
      for (size_t T = E.Begin; T < E.End; ++T)
        if (Done[T].Release) {
          Releasing.push_back(E.Order);
          break;
        }
    std::vector<size_t> Escaping;
    for (size_t I = 0; I < Spans.size(); ++I) {
      // The event's own releases follow the accesses it made before them.
      size_t LastRelease = Spans[I].Begin;
      bool Accessed = false;
      for (size_t T = Spans[I].Begin; T < Spans[I].End; ++T) {
        if (Done[T].Release)
          LastRelease = T + 1;
        else if (T >= LastRelease)
          Accessed = true;
      }
      if (!Accessed)
        continue;
      std::vector<unsigned> Later(
          std::upper_bound(Releasing.begin(), Releasing.end(), Spans[I].Order),
          Releasing.end());
      if (!reachesReturnPast(F, Spans[I].Order, Later))
        continue;
      for (size_t T = LastRelease; T < Spans[I].End; ++T)
        if (!Done[T].Release)
          Escaping.push_back(Done[T].Index);
    }
    for (size_t Index : Escaping) {
      madeAgainAt(Index, NextPos++, /*Escaping=*/true);
      touch({false, Index});
    }
  }

  /// Is F's return reached from the event at Order From on a way that
  /// passes none of the events at the orders in Past, all later than From?
  /// (Unknown places are taken not to be.)
  static bool reachesReturnPast(const FunctionFacts &F, unsigned From,
                                const std::vector<unsigned> &Past) {
    size_t N = F.BlockSuccessors.size();
    if (From >= F.OrderBlocks.size() || F.OrderBlocks[From] >= N ||
        F.ExitBlock >= N)
      return false;
    unsigned Start = F.OrderBlocks[From];
    std::vector<bool> Blocked(N, false);
    for (unsigned Order : Past) {
      if (Order >= F.OrderBlocks.size() || F.OrderBlocks[Order] >= N)
        return false;
      // Later in the start's own block: passed on every way on.
      if (F.OrderBlocks[Order] == Start)
        return false;
      Blocked[F.OrderBlocks[Order]] = true;
    }
    return blocksReach(F, Start, F.ExitBlock, Blocked);
  }

  /// Do the events at orders A and B of F exclude each other: one event
  /// (a start given one of several routines), or two on branches no way
  /// through F takes both of?
  static bool exclusiveEvents(const FunctionFacts &F, unsigned A, unsigned B) {
    if (A == B)
      return true;
    size_t N = F.BlockSuccessors.size();
    if (A >= F.OrderBlocks.size() || B >= F.OrderBlocks.size() ||
        F.OrderBlocks[A] >= N || F.OrderBlocks[B] >= N ||
        F.OrderBlocks[A] == F.OrderBlocks[B])
      return false;
    std::vector<bool> None(N, false);
    return !blocksReach(F, F.OrderBlocks[A], F.OrderBlocks[B], None) &&
           !blocksReach(F, F.OrderBlocks[B], F.OrderBlocks[A], None);
  }

  /// Does the CFG of F lead from block From to block To, through no block
  /// Blocked marks (past From)?
  static bool blocksReach(const FunctionFacts &F, unsigned From, unsigned To,
                          const std::vector<bool> &Blocked) {
    size_t N = F.BlockSuccessors.size();
    std::vector<bool> Seen(N, false);
    std::vector<unsigned> Work{From};
    Seen[From] = true;
    while (!Work.empty()) {
      unsigned B = Work.back();
      Work.pop_back();
      if (B == To)
        return true;
      for (unsigned Next : F.BlockSuccessors[B])
        if (Next < N && !Blocked[Next] && !Seen[Next]) {
          Seen[Next] = true;
          Work.push_back(Next);
        }
    }
    return false;
  }

  /// A held lock as the memo and access keys spell it.
  static std::string lockIdentity(const ResolvedLock &L) {
    return "|" + L.Key + "," + L.Name + (L.Shared ? ",s" : ",x") +
           (L.Ownership ? ",o" : "") + (L.HandedOver ? ",h" : "") + "," +
           L.AbsentMutex;
  }

  /// Does one of the names the thread's handle has (where its start put
  /// it, and where copies went) satisfy Match?
  template <typename Predicate>
  static bool anyHandleName(const ThreadInstance &T, Predicate Match) {
    return (T.HandleKey && Match(*T.HandleKey)) ||
           std::any_of(T.HandleCopies.begin(), T.HandleCopies.end(), Match);
  }

  /// Only a thread's first acquire of an object since it last started a
  /// thread orders anything (orderedBySync: what follows it sees the other
  /// threads' releases, and a thread it started later released nothing
  /// before it), so a repeated one is no event: it keeps the epoch, and the
  /// callee that made it stays memoised (a wait in a loop's helper
  /// otherwise has every call path to it walked again). An access is
  /// before a release when its last position is.
  void recordSync(std::string Key, bool Release, unsigned Thread) {
    if (!Release) {
      bool First = AcquiredInThread.insert({Thread, Key}).second;
      if (!AcquiredSinceStart.insert({Thread, Key}).second && !First)
        return;
    }
    // A release moves no epoch: it orders what came before it, and an
    // access made again after it keeps its last position (LastPos).
    if (Release) {
      touch({true, Syncs.size()});
      Syncs.push_back({std::move(Key), true, NextPos++, Thread});
      return;
    }
    Syncs.push_back({std::move(Key), false, eventPos(), Thread});
  }

  /// A spawn, join or synchronisation: what orders accesses. Accesses of
  /// one thread between two such events are alike to every ordering
  /// question (their positions are only ever compared with events').
  unsigned eventPos() {
    ++Epoch;
    return NextPos++;
  }

  /// What makes an access differ from another for pairing and reporting:
  /// the same place reached again through other call paths, with the same
  /// path, locks and thread between the same events, adds no pair. (Walks
  /// inline callees at every call site: a server's walk reaches one place
  /// thousands of times, and pairs grow with the square.)
  std::string identityOf(const ResolvedAccess &R) const {
    std::string K = std::to_string(R.Thread) + "|" + std::to_string(Epoch) +
                    "|" + R.Loc.File + ":" + std::to_string(R.Loc.Line) + ":" +
                    std::to_string(R.Loc.Column) + "|" + R.Function + "|" +
                    R.Path.key() + "|" + R.Path.Name + "|" + R.Path.Display +
                    "|";
    for (bool Flag :
         {R.Write, R.Volatile, R.FreshPerClosure, R.Atomic, R.KeptIdTest,
          R.WholeValue, R.Block, R.Path.HandedIn, R.Dying})
      K += Flag ? '1' : '0';
    K += "|own:" + std::to_string(R.Path.OwnRunOf) + ":" +
         std::to_string(R.Path.MadeIn);
    for (const ResolvedLock &L : R.Locks)
      K += lockIdentity(L);
    for (const std::string &A : R.Absent)
      K += "|absent:" + A;
    for (const std::string &O : R.OnceFlags)
      K += "|once:" + O;
    for (unsigned T : R.NotStarted)
      K += "|notstarted:" + std::to_string(T);
    for (unsigned T : R.Joined)
      K += "|joined:" + std::to_string(T);
    K += "|" + R.LazyInitOf + "|" + R.Program;
    return K;
  }

  LockEffect onCall(const CallSite &Call, const Context &C,
                    const std::vector<ResolvedLock> &Dynamic,
                    std::vector<std::string> &Stack) {
    if (Call.Kind == CallKind::Direct || Call.Kind == CallKind::Callback)
      return onCallTo(Call, Call.CalleeId, C, Dynamic, Stack);
    // A local's destructor, followed where it joins the object's threads
    // (a member std::thread it started): what follows the scope is after
    // them.
    if (Call.Kind == CallKind::ScopeEnd) {
      const FunctionFacts *Dtor = P.function(Call.CalleeId);
      if (!Dtor || Dtor->Joins.empty())
        return {};
      return onCallTo(Call, Call.CalleeId, C, Dynamic, Stack);
    }
    // A virtual or indirect call: each target the whole program resolved
    // may run here. What they leave locked is not known; none is assumed.
    // Through the function's own parameter, only what this call's caller
    // passed there runs, when it named it.
    const std::vector<std::string> *Passed = nullptr;
    if (Call.ThroughParam >= 0) {
      auto It = C.Callables.find(static_cast<unsigned>(Call.ThroughParam));
      if (It != C.Callables.end())
        Passed = &It->second;
    }
    // Through a field of an object a caller on the way here filled from
    // what its own caller passed (a start wrapper's parameter block), read
    // there or copied from there (`fn = param->start_routine; fn(arg)`).
    const std::optional<AccessPath> &Through =
        Call.CalleeObject ? Call.CalleeObject : Call.CalledFrom;
    if (!Passed && Through && !C.FieldCallables.empty())
      if (auto Field = resolve(*Through, C)) {
        auto It = C.FieldCallables.find(Field->key());
        if (It != C.FieldCallables.end())
          Passed = &It->second;
      }
    // Through a field of an object that an initialiser filled in
    // (`worker_entry = {worker_proc}` reached as `te->entry_func()`, or a
    // local `settings = {.on_done = verify}` passed down as a pointer):
    // what that initialiser put there, and what code stores into any
    // object's field; not what other objects' initialisers put into theirs.
    std::string Object;
    if (Call.CalleeObject)
      if (auto Field = resolve(*Call.CalleeObject, C)) {
        std::string Place = initialisedPlace(*Field);
        if (std::any_of(Call.Targets.begin(), Call.Targets.end(),
                        [&](const CallTarget &T) {
                          return std::count(T.Objects.begin(), T.Objects.end(),
                                            Place) != 0;
                        }))
          Object = std::move(Place);
      }
    // What one of them may return holding may be held after the call.
    LockEffect Effect;
    for (const CallTarget &T : Call.Targets)
      if ((!Passed || std::count(Passed->begin(), Passed->end(), T.Id)) &&
          (Object.empty() || T.Objects.empty() ||
           std::count(T.Objects.begin(), T.Objects.end(), Object)) &&
          inProgram(T.Program, C) && framesLive(T.Id, C.Thread, Stack)) {
        LockEffect Target = onCallTo(Call, T.Id, C, Dynamic, Stack, T.Program);
        for (ResolvedLock &L : Target.MayHold)
          if (!heldIn(Effect.MayHold, L.Key))
            Effect.MayHold.push_back(std::move(L));
      }
    return Effect;
  }

  /// C's field bindings (Context::FieldCallables) and those C's own
  /// function makes: each store of its own callable parameter, which this
  /// call was given, into a field of an object it names.
  std::map<std::string, std::vector<std::string>>
  fieldCallablesBelow(const Context &C) {
    std::map<std::string, std::vector<std::string>> Fields = C.FieldCallables;
    // Resolving a place may resolve a call's result, whose callee's
    // context asks this again: the bindings of that inner resolution are
    // not needed to name the place.
    if (C.Callables.empty() || BindingFields)
      return Fields;
    llvm::SaveAndRestore<bool> Binding(BindingFields, true);
    for (const CallableStore &S : C.Fn->Stores) {
      if (!S.Place || S.FromSlot.empty())
        continue;
      auto Own = ownParamSlotIndex(S.FromSlot, C.Fn->Id);
      auto Given = Own ? C.Callables.find(*Own) : C.Callables.end();
      if (Given == C.Callables.end())
        continue;
      if (auto Field = resolve(*S.Place, C))
        Fields[Field->key()] = Given->second;
    }
    return Fields;
  }

  /// A field's place as initialisers name it (CallTarget::Objects): a
  /// local's without the thread instance, as every frame of the variable
  /// runs the same initialiser.
  static std::string initialisedPlace(const AbsPath &Field) {
    std::string Key = Field.key();
    if (Key.rfind("L:", 0) != 0)
      return Key;
    size_t Colon = Key.find(':', 2);
    return Colon == std::string::npos ? Key : "L:" + Key.substr(Colon + 1);
  }

  /// Code that exists only in another program of the database (its test
  /// defines or stores it) does not run in this walk's program.
  static bool inProgram(const std::string &Program, const Context &C) {
    return Program.empty() || C.Program.empty() || Program == C.Program;
  }

  /// Functions whose locals a function reaches without owning them: the
  /// frames a lambda captures by reference.
  const std::set<std::string> &capturedFrames(const std::string &Id) {
    auto [It, New] = CapturedFrames.try_emplace(Id);
    if (!New)
      return It->second;
    if (const FunctionFacts *F = P.function(Id))
      for (const MemoryAccess &A : F->Accesses)
        if (A.Path.Root == AccessPath::RootKind::Local &&
            A.Path.OwnerId != Id && !A.Path.OwnerId.empty())
          It->second.insert(A.Path.OwnerId);
    return It->second;
  }

  /// A callable that captures locals by reference runs only while their
  /// frame is live: on the stack of the thread that calls it, or on its
  /// creator's stack when the creator started that thread. A target the
  /// flow-insensitive resolution of stored callables gives a call elsewhere
  /// belongs to another activation.
  bool framesLive(const std::string &Id, unsigned Thread,
                  const std::vector<std::string> &Stack) {
    for (const std::string &Owner : capturedFrames(Id)) {
      bool Live = std::count(Stack.begin(), Stack.end(), Owner) > 0;
      for (int T = static_cast<int>(Thread); !Live && T >= 0;
           T = Threads[T].Parent)
        Live = Threads[T].LiveAtSpawn.count(Owner) > 0;
      if (!Live)
        return false;
    }
    return true;
  }

  /// The object a call's target runs on: the call's receiver, or for a
  /// callable stored elsewhere, the `this` of the code that stored it.
  std::optional<AbsPath>
  thisFor(const CallSite &Call, const std::string &CalleeId, const Context &C) {
    if (Call.This || Call.Kind != CallKind::Indirect)
      return resolve(Call.This, C);
    // Stored by this thread, or by the threads that started it before they
    // did; else by any walk (a callable another root stored).
    unsigned Before = UINT_MAX;
    for (int T = static_cast<int>(C.Thread); T >= 0; T = Threads[T].Parent) {
      auto Own = CreatorThisInThread.find({static_cast<unsigned>(T), CalleeId});
      if (Own != CreatorThisInThread.end())
        for (auto It = Own->second.rbegin(); It != Own->second.rend(); ++It)
          if (It->first < Before)
            return It->second;
      Before = Threads[T].SpawnPos;
    }
    auto It = CreatorThis.find(CalleeId);
    if (It == CreatorThis.end())
      return std::nullopt;
    return It->second;
  }

  LockEffect onCallTo(const CallSite &Call, const std::string &CalleeId,
                      const Context &C,
                      const std::vector<ResolvedLock> &Dynamic,
                      std::vector<std::string> &Stack,
                      const std::string &TargetProgram = "") {
    // Posted to a context several threads run: the spawn models it there.
    if (Call.PostedTo &&
        MultiThreadedExecutors.count(executorKey(*Call.PostedTo)))
      return {};
    // A coroutine handed to a spawn runs where the spawn puts it, when the
    // spawn makes a thread of it.
    if (Call.SpawnedElsewhere)
      for (const Spawn &S : C.Fn->Spawns)
        if (S.Order > Call.Order &&
            std::count(S.EntryIds.begin(), S.EntryIds.end(), CalleeId) &&
            startsThread(S, C))
          return {};
    // What an earlier run of this call said about its result holds for
    // that run only.
    std::string CallKey = startKey(C.Thread, C.Fn->Id, Call.Order);
    for (const std::string *Class : {&ResultZeroMark, &ResultNonZeroMark})
      FailedCallStarts.erase(CallKey + *Class);
    WalkedCalls.erase(CallKey);
    const FunctionFacts *Callee = P.function(CalleeId);
    if (!Callee || C.Depth >= MaxDepth ||
        std::find(Stack.begin(), Stack.end(), Callee->Id) != Stack.end())
      return {};
    Context Inner = calleeContext(Call, *Callee, C);
    // A call on a branch this program never takes is never made.
    if (anyUnreachable(Inner.Locks))
      return {};
    Inner.This = thisFor(Call, CalleeId, C);
    Inner.Locks.insert(Inner.Locks.end(), Dynamic.begin(), Dynamic.end());
    // A callable only one program stores runs only in that program.
    if (Inner.Program.empty())
      Inner.Program = TargetProgram;
    // The same callee on the same objects, with the same locks, in this
    // thread between the same ordering events, was walked already: what it
    // does again is what it did (its accesses merge with the first walk's),
    // and its effect on the caller's locks is the same.
    std::string Memo = Call.OnceFlag ? "" : walkKey(Inner);
    if (!Memo.empty()) {
      auto Done = Walked.find(Memo);
      if (Done != Walked.end()) {
        // As it was walked: without a start (a walk that starts one moves
        // the epoch and is not memoised).
        WalkedCalls.insert(CallKey);
        replay(Done->second.Touched, C.Thread,
               Inner.InLoop || Inner.Loops != 0);
        noteFirstCallDone(*Callee, C.Thread);
        return Done->second.Effect;
      }
    }
    if (++CallsInThread > CallBudget) {
      // Past the budget, the walk follows only the calls that may start a
      // thread, for the threads (a server's main that reads its config
      // with thousands of calls before it starts its workers): its own
      // accesses from here on are not compared.
      Truncated = true;
      if (CallsInThread > CallBudget + MaxDiscoveryCalls ||
          !mayStartThreads(CalleeId))
        return {};
    }
    unsigned EpochBefore = Epoch;
    unsigned JoinsBefore = JoinsMet;
    // The once-flag's key ("once:<flag>"), where the call is a once.
    std::string OnceKey;
    if (Call.OnceFlag)
      if (std::optional<AbsPath> Once = resolve(*Call.OnceFlag, C)) {
        OnceKey = "once:" + Once->key();
        // A thread that came back from this once already finds it done,
        // and so does a thread started after a thread that did (main's
        // first Singleton::instance() before it starts the workers): the
        // function does not run again, and nothing new is seen.
        if (AcquiredInThread.count({C.Thread, OnceKey}) ||
            onceDoneBeforeStart(C.Thread, OnceKey))
          return {};
        Inner.Locks.push_back({OnceKey, "call_once", false});
      }
    Touches.emplace_back();
    CallStarts.emplace_back();
    LockEffect Effect = walkFunction(Inner, Stack);
    noteCallStarts(Call, *Callee, C, Inner);
    std::vector<Touch> Touched = lastTouches(std::move(Touches.back()));
    Touches.pop_back();
    if (!Touches.empty())
      Touches.back().insert(Touches.back().end(), Touched.begin(),
                            Touched.end());
    LockEffect Result = calleeEffect(*Callee, Inner, std::move(Effect));
    // A walk that spawned, joined or acquired moved the epoch: the next
    // call is another point in the thread's order and is walked again. So
    // is one that met a join that ended nothing yet (a close before any
    // start): made later, it joins what was started since.
    if (!Memo.empty() && Epoch == EpochBefore && JoinsMet == JoinsBefore)
      Walked.emplace(std::move(Memo), WalkMemo{Result, std::move(Touched)});
    if (!OnceKey.empty()) {
      // Whoever returns from call_once sees what the once-function did.
      recordSync(OnceKey, true, C.Thread);
      recordSync(OnceKey, false, C.Thread);
      OnceDoneAt.try_emplace({C.Thread, OnceKey}, NextPos);
    }
    noteFirstCallDone(*Callee, C.Thread);
    return Result;
  }

  /// A call of a function with first-call flags returned (firstCallDone).
  /// Walks before and after it differ (walkKey): the thread's count of
  /// such returns.
  void noteFirstCallDone(const FunctionFacts &Callee, unsigned Thread) {
    if (FirstCallFunctions.count(Callee.Id) &&
        OnceDoneAt.try_emplace({Thread, FirstCallMark + Callee.Id}, NextPos)
            .second)
      ++FirstCallsDone[Thread];
  }

  /// Did a thread that started Thread's branch come back from the once
  /// Key before it started that branch?
  bool onceDoneBeforeStart(unsigned Thread, const std::string &Key) const {
    for (int T = static_cast<int>(Thread); Threads[T].Parent >= 0;
         T = Threads[T].Parent) {
      auto It =
          OnceDoneAt.find({static_cast<unsigned>(Threads[T].Parent), Key});
      if (It != OnceDoneAt.end() && It->second <= Threads[T].SpawnPos)
        return true;
    }
    return false;
  }

  /// Does the function, or one it may call, start a thread? Worked out
  /// depth first with a memo, so a function met again inside a call cycle
  /// while it is being worked out counts as "no" there. That keeps the
  /// walk past its budget out of big cycles: the exact answer
  /// (closeOverCallers) says yes for 2671 of redis's 3991 functions, and
  /// the walk then spent its discovery budget in them before main reached
  /// the calls that start the background threads.
  bool mayStartThreads(const std::string &Id) {
    auto [It, New] = StartsThreads.try_emplace(Id, false);
    if (!New)
      return It->second; // Known, or being worked out (a cycle: no).
    const FunctionFacts *F = P.function(Id);
    bool Starts = F && !F->Spawns.empty();
    for (size_t I = 0; F && !Starts && I < F->Calls.size(); ++I) {
      const CallSite &Call = F->Calls[I];
      Starts = !Call.CalleeId.empty() && mayStartThreads(Call.CalleeId);
      for (size_t J = 0; !Starts && J < Call.Targets.size(); ++J)
        Starts = mayStartThreads(Call.Targets[J].Id);
    }
    StartsThreads[Id] = Starts;
    return Starts;
  }

  /// The functions of which Own holds, with every function that may call
  /// one of them through the edges Edges gives a call (worked out once,
  /// backwards over the whole program's calls: a cycle of calls needs no
  /// guess).
  template <typename OwnFn, typename EdgesFn>
  std::unordered_set<std::string> closeOverCallers(OwnFn Own,
                                                   EdgesFn Edges) const {
    std::unordered_map<std::string, std::vector<const std::string *>> Callers;
    std::vector<const std::string *> Work;
    std::unordered_set<std::string> Out;
    for (const auto &[Id, F] : P.functions()) {
      for (const CallSite &Call : F.Calls)
        Edges(Call, [&, Caller = &Id](const std::string &Callee) {
          Callers[Callee].push_back(Caller);
        });
      if (Own(F) && Out.insert(Id).second)
        Work.push_back(&Id);
    }
    while (!Work.empty()) {
      const std::string *Id = Work.back();
      Work.pop_back();
      auto It = Callers.find(*Id);
      if (It == Callers.end())
        continue;
      for (const std::string *Caller : It->second)
        if (Out.insert(*Caller).second)
          Work.push_back(Caller);
    }
    return Out;
  }

  /// What a call's walk in context C looks like from outside: the thread,
  /// the point in its order, the function and what it runs on.
  std::string walkKey(const Context &C) const {
    auto Done = FirstCallsDone.find(C.Thread);
    std::string K =
        std::to_string(C.Thread) + "|" + std::to_string(Epoch) + "|" +
        (Done == FirstCallsDone.end() ? "0" : std::to_string(Done->second)) +
        "|" + C.Fn->Id + "|" + (C.InLoop ? "loop" : "") +
        (C.Dying ? "dying" : "") + "|" +
        (C.This ? C.This->key() + "," + C.This->Name : "-");
    for (const auto &Param : C.Params)
      K += "|" + (Param ? Param->key() + "," + Param->Name +
                              (Param->HandedIn ? ",h" : "") +
                              (Param->OwnCopyFrom != std::string::npos
                                   ? ",c" + std::to_string(Param->OwnCopyFrom)
                                   : "")
                        : std::string("-"));
    for (size_t I = 0; I < C.ParamValues.size(); ++I)
      if (C.ParamValues[I])
        K += "|v" + std::to_string(I) + "=" + std::to_string(*C.ParamValues[I]);
    for (size_t I = 0; I < C.DistinctParams.size(); ++I)
      if (C.DistinctParams[I])
        K += "|d" + std::to_string(I);
    for (const auto &[Index, Ids] : C.Callables) {
      K += "|c" + std::to_string(Index);
      for (const std::string &Id : Ids)
        K += "," + Id;
    }
    for (const auto &[Field, Ids] : C.FieldCallables) {
      K += "|f" + Field;
      for (const std::string &Id : Ids)
        K += "," + Id;
    }
    for (const ResolvedLock &L : C.Locks)
      K += lockIdentity(L);
    return K + "|" + C.Program;
  }

  /// The part of a callee's lock effect that is the caller's to apply.
  LockEffect calleeEffect(const FunctionFacts &Callee, const Context &Inner,
                          LockEffect Effect) const {
    // A constructor's locks are its guard object's, released by the
    // destructor at the end of the scope: not an effect on the caller.
    if (Callee.IsConstructor)
      return {};
    // Only what the callee added to the caller's locks is its effect, or
    // took again after giving it back.
    Effect.Acquired.erase(
        std::remove_if(Effect.Acquired.begin(), Effect.Acquired.end(),
                       [&](const ResolvedLock &L) {
                         return heldIn(Inner.Locks, L.Key) &&
                                !std::count(Effect.Released.begin(),
                                            Effect.Released.end(), L.Key);
                       }),
        Effect.Acquired.end());
    dropHeld(Effect.MayHold, Inner.Locks);
    return Effect;
  }

  /// A handler for an io_context that one thread runs runs on that thread,
  /// in turn with the others: a call, followed as such.
  bool startsThread(const Spawn &S, const Context &) const {
    return S.Model != SpawnModel::Executor ||
           (S.Handle && MultiThreadedExecutors.count(executorKey(*S.Handle)));
  }

  /// Whether S's entry I runs from this walk of its function: an entry the
  /// whole program found in the function's own parameter does only when
  /// this call passed it, if the call named what it passed. (Else every
  /// start through a wrapper would start every function any caller hands
  /// it, and each of those the wrapper again.)
  static bool passedHere(const Spawn &S, size_t I, const Context &C) {
    if (I >= S.EntryFromSlots.size() || S.EntryFromSlots[I].empty())
      return true;
    auto Own = ownParamSlotIndex(S.EntryFromSlots[I], C.Fn->Id);
    if (!Own)
      return true;
    auto It = C.Callables.find(*Own);
    return It == C.Callables.end() ||
           std::count(It->second.begin(), It->second.end(), S.EntryIds[I]);
  }

  void onSpawn(const Spawn &S, const Context &C,
               const std::vector<std::string> &Stack) {
    // OpenMP regions are concur-openmp-race's: OpenMP's own rules decide
    // what a team shares and what orders it.
    if (!startsThread(S, C) || S.Model == SpawnModel::OpenMP)
      return;
    // A start merged into a live twin is no event: the twin runs already.
    unsigned Pos = 0;
    std::vector<unsigned> Started;
    if (!C.Program.empty())
      ThreadedPrograms.insert(C.Program);
    for (size_t I = 0; I < S.EntryIds.size(); ++I) {
      const std::string &EntryId = S.EntryIds[I];
      if (I < S.EntryPrograms.size() && !inProgram(S.EntryPrograms[I], C))
        continue;
      if (!passedHere(S, I, C))
        continue;
      const FunctionFacts *Entry = P.function(EntryId);
      size_t Limit =
          FirstClassRoot ? FirstClassRoot + MaxClassRoots : MaxInstances;
      if (!Entry || Threads.size() >= Limit) {
        if (Threads.size() >= Limit)
          Truncated = true;
        continue;
      }
      ThreadInstance T;
      T.EntryId = EntryId;
      T.EntryName = Entry->Name;
      T.Parent = static_cast<int>(C.Thread);
      T.Program = C.Program;
      if (T.Program.empty() && I < S.EntryPrograms.size())
        T.Program = S.EntryPrograms[I];
      if (!T.Program.empty())
        ThreadedPrograms.insert(T.Program);
      if (auto H = resolve(S.Handle, C))
        T.HandleKey = H->key();
      // Started again by this run of the parent: in a loop of the start's
      // own function, or by a pool or team. (A start reached in a caller's
      // loop is made again on each pass, usually with that pass's own
      // objects; how it ends, a destructor's join, may lie elsewhere.)
      T.Restarted = S.LoopDepth > 0 || S.Model == SpawnModel::OpenMP ||
                    S.Model == SpawnModel::Executor;
      // A call made in a loop starts the thread at each pass, but one it
      // joins before it returns has ended before the next pass starts it.
      T.Multi =
          T.Restarted || (C.InLoop && !joinedLater(S, T.HandleKey, C));
      if (T.Multi && !T.Restarted && !C.LoopCalls.empty())
        T.LoopCall = C.LoopCalls.back();
      T.StartLoc = S.Loc;
      T.LiveAtSpawn.insert(Stack.begin(), Stack.end());
      if (auto X = resolve(S.Executor, C))
        T.ExecutorKey = X->key();
      T.This = resolve(S.This, C);
      for (size_t I = 0; I < S.Args.size(); ++I) {
        T.Params.push_back(resolve(S.Args[I], C));
        // An object this start allocated for its thread is the thread's
        // own, as its locals are: each start has one, unless another
        // start of this activation is handed it too (decideStartObjects).
        // (The starter keeps its pointer: shareFreshObjectsWithStarters.)
        if (!T.Params.back())
          continue;
        std::optional<unsigned> Frame;
        if (I < S.FreshArgs.size() && S.FreshArgs[I])
          Frame = C.Frame;
        else if (S.LoopDepth == 0)
          Frame = freshFor(S.Args[I], T.Params.back(), C);
        if (Frame)
          addStartObject(T, T.Params.back()->Root, *Frame, static_cast<int>(I),
                         -1, "", C, 0);
      }
      T.ParamValues = knownValues(S.IntegerArgs, *Entry, C);
      T.FieldCallables = fieldCallablesBelow(C);
      T.SpawnFn = C.Fn;
      T.SpawnFrame = C.Frame;
      T.SpawnOrder = S.Order;
      // A loop's counter is another in each pass: the instances of a start
      // in that one loop, of a call made once, have values of their own.
      if (S.LoopDepth == 1 && !C.InLoop)
        for (size_t I = 0; I < S.IntegerArgs.size(); ++I)
          if (S.IntegerArgs[I].Distinct) {
            T.DistinctParams.resize(S.IntegerArgs.size());
            T.DistinctParams[I] = true;
          }
      // A flag tested on the way to this start (a guard held here, in a
      // caller) may have been tested before it was set for this thread:
      // what that test guards after the start orders nothing.
      for (const StoredFlag &F : S.FlagsSet)
        if (auto Flag = resolve(F.Place, C))
          if (std::none_of(C.Locks.begin(), C.Locks.end(),
                           [&](const ResolvedLock &L) {
                             return isFlagGuard(L) &&
                                    flagGuardOf(L).first == Flag->key();
                           })) {
            T.RunFlags[Flag->key()] = F.Value;
            T.FlagRoots[Flag->key()] = Flag->Root;
          }
      // The guards held where it starts, a caller's and its own
      // function's, each with where its test was made at the earliest:
      // the start of the function that made it.
      std::vector<std::pair<ResolvedLock, GuardTest>> Guards;
      for (const ResolvedLock &L : C.Locks)
        if (isFlagGuard(L)) {
          auto Since = C.GuardSince.find(L.Key);
          Guards.push_back(
              {L, Since == C.GuardSince.end() ? GuardTest{} : Since->second});
        }
      for (const HeldLock &L : S.FlagTests)
        if (std::optional<ResolvedLock> R = resolveLock(L, C);
            R && isFlagGuard(*R))
          Guards.push_back({*R, GuardTest{C.EntryPos, C.Fn->Name}});
      for (const auto &[L, Since] : Guards) {
        auto [Key, Values] = flagGuardOf(L);
        const FlagValues &Tested = testedValues(Values);
        if (Tested.AllBut || Tested.Listed.empty() || !isGlobalObjectKey(Key))
          continue;
        const std::set<long long> &Found = Tested.Listed;
        T.GuardSince[Key].push_back(Since);
        auto [It, New] = T.GuardFlags.try_emplace(Key, Found);
        if (!New) {
          std::set<long long> Both;
          std::set_intersection(It->second.begin(), It->second.end(),
                                Found.begin(), Found.end(),
                                std::inserter(Both, Both.end()));
          It->second = std::move(Both);
        }
      }
      ownSlots(T);
      if (int Twin = mergeIntoLiveTwin(T); Twin >= 0) {
        Started.push_back(static_cast<unsigned>(Twin));
        if (!MergedAlternative)
          Threads[Twin].MergedAt = ++Merges;
        continue;
      }
      if (!CallStarts.empty())
        CallStarts.back().push_back(static_cast<unsigned>(Threads.size()));
      if (!Pos) {
        Pos = eventPos();
        forgetAcquiresBeforeStart(C.Thread);
      }
      T.SpawnPos = Pos;
      if (T.HandleKey) {
        nameThroughStoredPointers(T);
        ThreadsWithHandles.push_back(static_cast<unsigned>(Threads.size()));
      }
      Started.push_back(static_cast<unsigned>(Threads.size()));
      Threads.push_back(std::move(T));
    }
    for (unsigned Index : Started)
      handSlotSetup(Index, C);
    StartedBy[startKey(C.Thread, C.Fn->Id, S.Order)] = std::move(Started);
  }

  /// Notes Made as an object made for T's start (StartObject), and where
  /// the starter aimed its pointer fields so far: at other objects made for
  /// this start (a wrapper's block pointing at the connection it hands
  /// on), or elsewhere (StartField).
  void addStartObject(ThreadInstance &T, const std::string &Made,
                      unsigned Frame, int Param, int Holder,
                      const std::string &Field, const Context &C,
                      unsigned Depth) {
    int Index = static_cast<int>(T.StartObjects.size());
    T.StartObjects.push_back({Made, Frame, Param, Holder, Field});
    if (Depth >= MaxStartObjectDepth)
      return;
    // Stored into under the starter's name for it, or, before a call
    // handed it back new, under the name its maker went by.
    addStartFields(T, Made, Index, C, Depth);
    if (auto Inside = MadeInside.find(Made); Inside != MadeInside.end())
      addStartFields(T, Inside->second, Index, C, Depth);
  }

  void addStartFields(ThreadInstance &T, const std::string &Made, int Index,
                      const Context &C, unsigned Depth) {
    auto Fields = PointerFieldsOf.find(Made);
    if (Fields == PointerFieldsOf.end())
      return;
    for (const std::string &Steps : Fields->second) {
      // The starter's last store into it before the start: the block was
      // filled for this start.
      auto Last = LastPointees.find(Made + Steps + "*");
      if (Last == LastPointees.end() || !Last->second)
        continue;
      const AbsPath &Pointee = *Last->second;
      auto Fresh = Pointee.Steps.empty() ? C.FreshRoots.find(Pointee.Root)
                                         : C.FreshRoots.end();
      if (Fresh != C.FreshRoots.end())
        addStartObject(T, Pointee.Root, Fresh->second, -1, Index, Steps, C,
                       Depth + 1);
      else
        T.StartFields.push_back({Index, Steps, Pointee});
    }
  }

  /// Once Parent's walk is over: the objects made for each start of it
  /// (StartObject) that no other start of the same activation was handed
  /// become the started thread's own, rooted at it; the pointer fields that
  /// lead out of them point where the starter aimed them (StartPointees).
  void decideStartObjects(unsigned Parent) {
    std::map<std::pair<std::string, unsigned>, std::set<size_t>> Handed;
    for (size_t J = Parent + 1; J < Threads.size(); ++J)
      if (Threads[J].Parent == static_cast<int>(Parent))
        for (const StartObject &O : Threads[J].StartObjects)
          Handed[{O.Made, O.Frame}].insert(J);
    // Handed to one start only, or to starts of which one activation makes
    // one at most: the branches of `if (stack_size) pthread_create(..., &attr,
    // ...); else pthread_create(..., NULL, ...);`, or the routines one start
    // may be given.
    auto OneStart = [&](const std::set<size_t> &Starts) {
      const ThreadInstance &First = Threads[*Starts.begin()];
      for (size_t J : Starts) {
        const ThreadInstance &T = Threads[J];
        if (!T.SpawnFn || T.SpawnFn != First.SpawnFn ||
            T.SpawnFrame != First.SpawnFrame)
          return false;
        for (size_t K : Starts)
          if (K != J &&
              !exclusiveEvents(*T.SpawnFn, T.SpawnOrder, Threads[K].SpawnOrder))
            return false;
      }
      return true;
    };
    for (size_t J = Parent + 1; J < Threads.size(); ++J) {
      ThreadInstance &T = Threads[J];
      if (T.Parent != static_cast<int>(Parent) || T.StartObjects.empty())
        continue;
      // Holders come before what their fields point at.
      std::vector<std::string> Own(T.StartObjects.size());
      for (size_t K = 0; K < T.StartObjects.size(); ++K) {
        const StartObject &O = T.StartObjects[K];
        if (O.Holder >= 0 && Own[O.Holder].empty())
          continue;
        const std::set<size_t> &Starts = Handed[{O.Made, O.Frame}];
        bool ThisStartOnly = Starts.size() == 1 || OneStart(Starts);
        bool Owned = ThisStartOnly && !keptElsewhere(O.Made, T);
        // Kept elsewhere too, it goes by the starter's name, but is still
        // this start's object, another for each run.
        int OwnRunOf = -1;
        if (ThisStartOnly && !Owned) {
          OwnRunOf = static_cast<int>(J);
          T.KeptStartObjects[O.Made] = O.Frame;
        }
        if (Owned)
          Own[K] = startObjectRoot(static_cast<unsigned>(J), O.Made);
        // The field of an own object leads to this one: the thread's own,
        // or, shared, by the starter's name.
        if (O.Param < 0) {
          AbsPath To;
          To.Root = Owned ? Own[K] : O.Made;
          To.OwnRunOf = OwnRunOf;
          T.StartPointees[Own[O.Holder] + O.Field] = std::move(To);
        } else if (auto &Param = T.Params[O.Param];
                   Param && Param->Root == O.Made) {
          Param->OwnRunOf = OwnRunOf;
        }
        if (!Owned)
          continue;
        T.FreshObjects.push_back({O.Made, Own[K]});
        // The functions its starter stored into its fields, by the
        // thread's name for them now.
        for (auto It = T.FieldCallables.lower_bound(O.Made);
             It != T.FieldCallables.end() &&
             It->first.compare(0, O.Made.size(), O.Made) == 0;) {
          if (!isFieldKeyOf(It->first, O.Made, /*OrSelf=*/true)) {
            ++It;
            continue;
          }
          std::string Rest = It->first.substr(O.Made.size());
          auto Ids = std::move(It->second);
          It = T.FieldCallables.erase(It);
          T.FieldCallables[Own[K] + Rest] = std::move(Ids);
        }
        if (O.Param >= 0)
          if (auto &Param = T.Params[O.Param])
            Param->Root = Own[K];
      }
      // A field of an own object aimed at something shared: that thing,
      // by the starter's name. An array element at an index known only at
      // run time is the start's own slot, as in a start's own argument
      // (ownSlots): the block was filled for this start alone.
      for (const StartField &F : T.StartFields) {
        if (Own[F.Holder].empty())
          continue;
        AbsPath To = F.Pointee;
        To.SteppedSlots.clear();
        std::replace_if(To.Steps.begin(), To.Steps.end(), isUnknownIndex,
                        std::string("[@]"));
        T.StartPointees[Own[F.Holder] + F.Field] = std::move(To);
      }
      AnyStartPointees |= !T.StartPointees.empty();
    }
  }


  /// Was the address of the object Made (by the starter's name, or the
  /// name it had inside the call that made it) stored anywhere but in the
  /// fields of T's other start objects (a wrapper's block)? A server's
  /// context its workers' slots point at, a connection on the server's
  /// list, is reached by other names than the start's.
  bool keptElsewhere(const std::string &Made, const ThreadInstance &T) const {
    auto KeptBy = [&](const std::string &Name) {
      auto Cells = AddressStoredIn.find(Name);
      if (Cells == AddressStoredIn.end())
        return false;
      if (Cells->second.size() >= MaxAddressCells)
        return true;
      return std::any_of(Cells->second.begin(), Cells->second.end(),
                         [&](const std::string &Cell) {
                           return std::none_of(
                               T.StartObjects.begin(), T.StartObjects.end(),
                               [&](const StartObject &O) {
                                 return O.Made != Made &&
                                        isFieldKeyOf(Cell, O.Made);
                               });
                         });
    };
    auto Inside = MadeInside.find(Made);
    return KeptBy(Made) ||
           (Inside != MadeInside.end() && KeptBy(Inside->second));
  }

  /// Where a start object's pointer field points (StartPointees), for a
  /// thread of the chain from T up, if Cell is such a field.
  const AbsPath *startPointee(const AbsPath &Cell, unsigned T) const {
    if (!AnyStartPointees)
      return nullptr;
    std::string Key = Cell.key();
    for (int X = static_cast<int>(T); X >= 0; X = Threads[X].Parent) {
      const auto &Map = Threads[X].StartPointees;
      if (auto It = Map.find(Key); It != Map.end())
        return &It->second;
    }
    return nullptr;
  }

  /// A thread started now released nothing before its parent's acquires
  /// so far: the parent's next acquire of each object is an event again.
  void forgetAcquiresBeforeStart(unsigned Parent) {
    AcquiredSinceStart.erase(AcquiredSinceStart.lower_bound({Parent, ""}),
                             AcquiredSinceStart.lower_bound({Parent + 1, ""}));
  }

  /// The key of a start failure L held in C: the start's or the call's,
  /// with the class of result for a call.
  static std::string startFailureKey(const HeldLock &L, const Context &C) {
    std::string Key = startKey(C.Thread, C.Fn->Id, std::stoul(L.Mutex.RootId));
    if (const std::string *Class = resultClassOf(L))
      Key += *Class;
    return Key;
  }

  /// The threads a start failure L held in C says did not start: a
  /// start's, where its status said it failed, or a call's, where its
  /// result said so (less those a later start merged into). For a call
  /// made in a loop, only where its own pass is asked about (ThisPassOnly:
  /// the function's own returns).
  std::vector<unsigned> notStartedUnder(const HeldLock &L, const Context &C,
                                        bool ThisPassOnly) const {
    std::string Key = startFailureKey(L, C);
    if (!resultClassOf(L)) {
      auto It = StartedBy.find(Key);
      return It == StartedBy.end() ? std::vector<unsigned>() : It->second;
    }
    auto It = FailedCallStarts.find(Key);
    if (It == FailedCallStarts.end() || (isResultInLoop(L) && !ThisPassOnly))
      return {};
    std::vector<unsigned> NotStarted;
    for (unsigned T : It->second.first)
      if (Threads[T].MergedAt <= It->second.second)
        NotStarted.push_back(T);
    return NotStarted;
  }

  /// The call Call (of Callee, in C; Inner: the callee's context) was
  /// walked: the threads it started are its frame's, and its caller's too.
  void noteCallStarts(const CallSite &Call, const FunctionFacts &Callee,
                      const Context &C, const Context &Inner) {
    std::vector<unsigned> Started = std::move(CallStarts.back());
    CallStarts.pop_back();
    std::sort(Started.begin(), Started.end());
    Started.erase(std::unique(Started.begin(), Started.end()), Started.end());
    std::string Key = startKey(C.Thread, C.Fn->Id, Call.Order);
    WalkedCalls.insert(Key);
    if (Started.empty())
      return;
    if (!CallStarts.empty())
      CallStarts.back().insert(CallStarts.back().end(), Started.begin(),
                               Started.end());
    CallsThatStarted.insert(Key);
    // A call with several targets: what one target returns says nothing of
    // the threads another started.
    if (Call.Kind != CallKind::Direct)
      return;
    for (const std::string *Class : {&ResultZeroMark, &ResultNonZeroMark})
      if (failsWithoutStarts(Callee, Inner, *Class))
        FailedCallStarts[Key + *Class] = {Started, Merges};
  }

  /// Does F (walked in context In) return a result of Class only where no
  /// thread this run of it started runs? Each return that may hand back
  /// such a result must be reached by no event of F that may start
  /// threads, or hold that event's failure, or hand back its status where
  /// the status says it failed. An event that may start threads is a spawn
  /// that started some, or a call that started some at any run or whose
  /// callee may start some (a call not walked this time: recursion, the
  /// depth or call budget). (An event in a loop is its one start: the
  /// threads earlier passes started are not asked about. Unknown blocks,
  /// catch handlers among them, are taken to be reached.)
  bool failsWithoutStarts(const FunctionFacts &F, const Context &In,
                          const std::string &Class) {
    if (F.ReturnOutcomes.empty() || F.BlockSuccessors.empty())
      return false;
    using Kind = ReturnOutcome::Kind;
    bool Zero = Class == ResultZeroMark;
    // The events that may start threads, by order; whether each is a spawn.
    std::vector<std::pair<unsigned, bool>> Starting;
    for (const Spawn &S : F.Spawns)
      if (auto It = StartedBy.find(startKey(In.Thread, F.Id, S.Order));
          It != StartedBy.end() && !It->second.empty())
        Starting.push_back({S.Order, true});
    for (const CallSite &Call : F.Calls) {
      std::string Key = startKey(In.Thread, F.Id, Call.Order);
      bool Starts =
          CallsThatStarted.count(Key) ||
          (!WalkedCalls.count(Key) &&
           ((!Call.CalleeId.empty() && mayStartThreads(Call.CalleeId)) ||
            std::any_of(Call.Targets.begin(), Call.Targets.end(),
                        [&](const auto &T) { return mayStartThreads(T.Id); })));
      if (Starts)
        Starting.push_back({Call.Order, false});
    }
    for (const ReturnOutcome &R : F.ReturnOutcomes) {
      if ((R.Value == Kind::Zero && !Zero) ||
          (R.Value == Kind::NonZero && Zero))
        continue;
      // The class of the status itself: the caller's, or the other where
      // the return negates it (`return !res;`).
      bool StatusZero = R.Negated ? !Zero : Zero;
      const std::string &StatusClass =
          StatusZero ? ResultZeroMark : ResultNonZeroMark;
      for (auto [Order, IsSpawn] : Starting) {
        if (!blockReaches(F, Order, R.Block))
          continue;
        bool StatusFailed =
            IsSpawn ? !StatusZero
                    : FailedCallStarts.count(startKey(In.Thread, F.Id, Order) +
                                             StatusClass) != 0;
        if (StatusFailed &&
            ((R.Value == Kind::StatusOf && R.StatusOf == Order) ||
             (R.Value == Kind::LastStatus && lastStatusIs(F, R, Order))))
          continue;
        bool Failed = std::any_of(
            R.StartFailures.begin(), R.StartFailures.end(),
            [&, Order = Order](const HeldLock &L) {
              return L.Mutex.RootId == std::to_string(Order) &&
                     !notStartedUnder(L, In, /*ThisPassOnly=*/true).empty();
            });
        if (!Failed)
          return false;
      }
    }
    return true;
  }

  /// Does the local R hands back (LastStatus) hold the status of F's event
  /// at Order wherever that event came on the way: is it given that
  /// status, and no other value after it?
  static bool lastStatusIs(const FunctionFacts &F, const ReturnOutcome &R,
                           unsigned Order) {
    if (Order >= F.OrderBlocks.size())
      return false;
    unsigned From = F.OrderBlocks[Order];
    bool Given = false;
    for (const auto &[Of, Block] : R.StatusAssignments) {
      if (Of == Order && Block == From) {
        Given = true;
        continue;
      }
      size_t N = F.BlockSuccessors.size();
      if (From >= N || Block >= N ||
          blocksReach(F, From, Block, std::vector<bool>(N)))
        return false;
    }
    return Given;
  }

  /// May F's event at Order come before its block To is left (the same
  /// block, or one the CFG leads to from the event's)?
  static bool blockReaches(const FunctionFacts &F, unsigned Order,
                           unsigned To) {
    size_t N = F.BlockSuccessors.size();
    if (Order >= F.OrderBlocks.size() || F.OrderBlocks[Order] >= N || To >= N)
      return true;
    return blocksReach(F, F.OrderBlocks[Order], To, std::vector<bool>(N));
  }

  /// Does the function that makes the start S join the thread through its
  /// handle (HandleKey) later, in the same call?
  bool joinedLater(const Spawn &S, const std::optional<std::string> &HandleKey,
                   const Context &C) {
    if (!HandleKey)
      return false;
    for (const JoinEvent &J : C.Fn->Joins)
      if (J.Order > S.Order)
        if (auto H = resolve(J.Handle, C); H && joinsName(H->key(), *HandleKey))
          return true;
    return false;
  }

  /// A thread handed the address of an array element at an index known
  /// only at run time (`start(worker, &conns[i])` in a loop) is handed a
  /// slot of its own: each start is handed another. Its path says so
  /// ("[@]", the thread's own slot).
  static void ownSlots(ThreadInstance &T) {
    for (std::optional<AbsPath> &Param : T.Params) {
      if (!Param)
        continue;
      Param->SteppedSlots.clear();
      if (!Param->Steps.empty() && Param->Steps.back() == "&")
        std::replace_if(Param->Steps.begin(), Param->Steps.end(),
                        isUnknownIndex, std::string("[@]"));
    }
    if (T.This)
      T.This->SteppedSlots.clear();
  }

  /// The spawner's writes into the slot handed to a thread (ownSlots)
  /// in this call (`conns[i].ctx = c;` before the start) set it up for the
  /// new thread alone: they become the new thread's own, as if it made
  /// them first, and what another thread does to its own slot does not
  /// meet them. Only the starting function's own writes: its callees' may
  /// be anything done to some slot earlier (a node added to the list the
  /// starts walk, a cleanup after an earlier pass's failed start).
  void handSlotSetup(unsigned Index, const Context &C) {
    // The loop of the starter's function the start is in (0: none).
    unsigned SpawnLoop = GotoLoop;
    if (Threads[Index].SpawnFn == C.Fn)
      for (const Spawn &S : C.Fn->Spawns)
        if (S.Order == Threads[Index].SpawnOrder)
          SpawnLoop = S.Loop;
    for (const std::optional<AbsPath> &Param : Threads[Index].Params) {
      if (!Param || Param->Steps.empty() || Param->Steps.back() != "&" ||
          std::none_of(Param->Steps.begin(), Param->Steps.end(),
                       isUnknownIndex))
        continue;
      // The slot is the parameter's path without its "&" (ownSlot made its
      // unknown indexes "[@]"; the starter's writes have them as written).
      size_t SlotSteps = Param->Steps.size() - 1;
      auto InSlot = [&](const AbsPath &P) {
        if (P.Root != Param->Root || P.Steps.size() < SlotSteps ||
            (P.Steps.size() > SlotSteps && P.Steps[SlotSteps].front() != '.'))
          return false;
        for (size_t K = 0; K < SlotSteps; ++K)
          if (P.Steps[K] != Param->Steps[K] &&
              !(isUnknownIndex(P.Steps[K]) && isUnknownIndex(Param->Steps[K])))
            return false;
        return true;
      };
      for (size_t I = Accesses.size(); I-- > 0;) {
        ResolvedAccess &A = Accesses[I];
        if (A.Pos < C.EntryPos)
          break;
        if (A.Thread != C.Thread || !A.Write || A.Function != C.Fn->Name ||
            !InSlot(A.Path))
          continue;
        std::string StarterCell = A.Path.key();
        A.Thread = Index;
        A.SetUpBy = static_cast<int>(C.Thread);
        A.SetUpBeforeStarts = !A.LoopsUnknown && SpawnLoop != GotoLoop &&
                              (SpawnLoop == 0 || loopIn(A, C) != SpawnLoop);
        std::copy(Param->Steps.begin(), Param->Steps.begin() + SlotSteps,
                  A.Path.Steps.begin());
        // The starter's loop counter named the slot it hands out.
        auto &Stepped = A.Path.SteppedSlots;
        Stepped.erase(std::remove_if(Stepped.begin(), Stepped.end(),
                                     [&](size_t I) { return I < SlotSteps; }),
                      Stepped.end());
        // What the starter points the slot at is not the thread's own,
        // unless it is the slot's own element of an array of objects made
        // one per element (`messages[i].state = states[i]`, each states[i]
        // a new object): findOwnPointerCells decides, once every store to
        // that array is known.
        if (A.StoresPointer) {
          bool Handed = false;
          auto Starter = SlotStoresAt.find({C.Thread, StarterCell});
          if (Starter != SlotStoresAt.end())
            for (size_t K : std::vector<size_t>(Starter->second))
              if (elementOfArray(SlotStores[K].Pointee)) {
                AbsPath Pointee = SlotStores[K].Pointee;
                noteSlotStore(Index, A.Path.key(), std::move(Pointee));
                Handed = true;
              }
          if (!Handed)
            noteSlotStore(Index, A.Path.key(), AbsPath());
        }
      }
    }
  }

  static bool isUnknownIndex(const std::string &Step) {
    return Step == "[]" || Step == "[@]" || indexLowerBound(Step);
  }

  static std::string startKey(unsigned Thread, const std::string &Function,
                              unsigned Order) {
    return std::to_string(Thread) + ":" + Function + "#" +
           std::to_string(Order);
  }

  /// What a start hands its thread through the objects it made for it
  /// (StartObject), beyond its parameters: the functions stored into
  /// their fields and where their pointer fields point (StartField),
  /// whichever instance's name the objects go by. Starts that differ here
  /// run different threads through one wrapper's block: a polling thread
  /// on the daemon, another on a pool worker's daemon.
  static std::string startInputs(const ThreadInstance &T) {
    std::string Inputs;
    for (const StartObject &O : T.StartObjects)
      Inputs += std::to_string(O.Param) + "/" + std::to_string(O.Holder) +
                O.Field + ";";
    for (const StartField &F : T.StartFields)
      Inputs += std::to_string(F.Holder) + F.Field + "=" +
                withoutInstance(F.Pointee.key()) + ";";
    for (const auto &[Field, Ids] : T.FieldCallables) {
      Inputs += withoutInstance(Field) + "=";
      for (const std::string &Id : Ids)
        Inputs += Id + ",";
      Inputs += ";";
    }
    return Inputs;
  }

  /// A start that repeats one still running, from the same place with the
  /// same objects and handle, is a second run of the same walk: the first
  /// instance stands for both, now concurrent with itself. (A walk reaches
  /// one start through every call path to it; a pool's launcher reached
  /// from each of a program's loops made hundreds of identical threads.)
  /// A twin already joined is not live: the new start is ordered after it
  /// and gets an instance of its own.
  /// Returns the twin's index, or -1.
  int mergeIntoLiveTwin(const ThreadInstance &T) {
    // An object each start allocates for its thread is rooted at the
    // instance (startObjectRoot): twins have one each, alike.
    auto Same = [&](const std::optional<AbsPath> &X,
                    const std::optional<AbsPath> &Y) {
      return X.has_value() == Y.has_value() &&
             (!X || (withoutInstance(X->key()) == withoutInstance(Y->key()) &&
                     X->Name == Y->Name && X->HandedIn == Y->HandedIn));
    };
    const std::string Inputs = startInputs(T);
    MergedAlternative = false;
    for (size_t I = 0; I < Threads.size(); ++I) {
      ThreadInstance &Twin = Threads[I];
      // The other branch of the same run's choice between two starts
      // (`if (stack_size) pthread_create(..., &attr, ...); else
      // pthread_create(..., NULL, ...);`): the same thread, started once.
      bool Alternative =
          Twin.SpawnFn && Twin.SpawnFn == T.SpawnFn &&
          Twin.SpawnFrame == T.SpawnFrame && Twin.SpawnOrder != T.SpawnOrder &&
          exclusiveEvents(*T.SpawnFn, Twin.SpawnOrder, T.SpawnOrder);
      if (Twin.JoinPos != UINT_MAX || Twin.Parent != T.Parent ||
          Twin.EntryId != T.EntryId ||
          (!(Twin.StartLoc == T.StartLoc) && !Alternative) ||
          Twin.HandleKey != T.HandleKey || Twin.ExecutorKey != T.ExecutorKey ||
          Twin.Program != T.Program || !Same(Twin.This, T.This) ||
          Twin.Params.size() != T.Params.size() ||
          Twin.ParamValues != T.ParamValues || Twin.RunFlags != T.RunFlags ||
          startInputs(Twin) != Inputs)
        continue;
      bool SameParams = true;
      for (size_t K = 0; K < T.Params.size() && SameParams; ++K)
        SameParams = Same(Twin.Params[K], T.Params[K]);
      if (!SameParams)
        continue;
      if (Alternative) {
        MergedAlternative = true;
        return static_cast<int>(I);
      }
      Twin.Multi = Twin.Restarted = true;
      // Another run of the start's loop hands out its indexes again.
      Twin.DistinctParams.clear();
      Twin.LiveAtSpawn.insert(T.LiveAtSpawn.begin(), T.LiveAtSpawn.end());
      return static_cast<int>(I);
    }
    return -1;
  }

  /// A copy of a live thread's handle names the thread too. A variable
  /// holds one handle at a time: the thread its last start or copy stored
  /// (elements of an array of handles hold one each, and stay merged).
  void onHandleCopy(const HandleCopy &Copy, const Context &C) {
    auto From = resolve(Copy.From, C);
    auto To = resolve(Copy.To, C);
    if (!From || !To)
      return;
    std::string FromKey = From->key(), ToKey = To->key();
    auto Names = [](const ThreadInstance &T, const std::string &Key) {
      return anyHandleName(T, [&](const std::string &N) { return N == Key; });
    };
    bool Elements = FromKey.find('[') != std::string::npos;
    int Latest = -1;
    for (size_t I = 0; I < Threads.size(); ++I)
      if (Threads[I].JoinPos == UINT_MAX && Names(Threads[I], FromKey) &&
          (Latest < 0 || Threads[I].SpawnPos > Threads[Latest].SpawnPos))
        Latest = static_cast<int>(I);
    if (Latest < 0)
      return;
    bool Overwrites = ToKey.find('[') == std::string::npos;
    for (size_t I = 0; I < Threads.size(); ++I) {
      ThreadInstance &T = Threads[I];
      bool Gets = static_cast<int>(I) == Latest ||
                  (Elements && T.JoinPos == UINT_MAX && Names(T, FromKey));
      if (Gets && !Names(T, ToKey))
        T.HandleCopies.push_back(ToKey);
      else if (!Gets && Overwrites)
        T.HandleCopies.erase(
            std::remove(T.HandleCopies.begin(), T.HandleCopies.end(), ToKey),
            T.HandleCopies.end());
    }
  }

  /// Does a join through the handle JoinKey join the thread whose handle
  /// is Name? A join through each element of a container ("[]", a loop
  /// over threads_) joins the one a start put at any index of it, whatever
  /// the model made of the joiner's index ("[@]": a loop counter, or what a
  /// helper was given).
  static bool joinsName(const std::string &RawJoinKey,
                        const std::string &RawName) {
    // `*p` is p[0]: a handle a start wrote through a pointer into a buffer
    // (`pthread_create(ids, ...)`) is the buffer's first element.
    auto FirstElement = [](const std::string &Key) {
      return !Key.empty() && Key.back() == '*' ? Key + "[0]" : Key;
    };
    const std::string JoinKey = FirstElement(RawJoinKey);
    const std::string Name = FirstElement(RawName);
    size_t I = 0, J = 0;
    while (I < JoinKey.size() && J < Name.size()) {
      size_t Any = JoinKey.compare(I, 2, "[]") == 0    ? 2
                   : JoinKey.compare(I, 3, "[@]") == 0 ? 3
                                                       : 0;
      if (Any && Name[J] == '[') {
        size_t Close = Name.find(']', J);
        if (Close == std::string::npos)
          return false;
        I += Any;
        J = Close + 1;
        continue;
      }
      if (JoinKey[I] != Name[J])
        return false;
      ++I;
      ++J;
    }
    return I == JoinKey.size() && J == Name.size();
  }

  void onJoin(const JoinEvent &J, const Context &C) {
    ++JoinsMet;
    auto Handle = resolve(J.Handle, C);
    if (!Handle)
      return;
    std::string Key = Handle->key();
    // A handle that is a container of handles (a multi_future a pool's
    // submit returns) is joined by joining its elements, as a vector of
    // threads is by joining threads[] in a loop.
    auto ElementsOf = [&](const std::string &Container) {
      return Key.size() == Container.size() + 2 &&
             Key.compare(0, Container.size(), Container) == 0 &&
             Key.compare(Container.size(), 2, "[]") == 0;
    };
    // A handle reached through a local pointer whose value concur could
    // not follow (`conn->ctx->ids[i]`, conn what a library call returned)
    // is a handle at those fields of some object: it joins the threads
    // whose handles lie at the same fields of an object concur knows.
    std::string Fields;
    if (Handle->Root.rfind("L:", 0) == 0 && !isHeapObjectRoot(Handle->Root) &&
        !madeForStart(Handle->Root) && Handle->Steps.size() > 1 &&
        Handle->Steps.front() == "*" && !Handle->Steps[1].empty() &&
        Handle->Steps[1].front() == '.')
      for (size_t I = 1; I < Handle->Steps.size(); ++I)
        Fields += Handle->Steps[I];
    auto AtSameFields = [&](const std::string &N) {
      if (Fields.empty())
        return false;
      for (size_t At = N.find('.'); At != std::string::npos;
           At = N.find('.', At + 1))
        if (joinsName(Fields, N.substr(At)))
          return true;
      return false;
    };
    auto Names = [&](const ThreadInstance &T) {
      return anyHandleName(T,
                           [&](const std::string &N) {
                             return joinsName(Key, N) || ElementsOf(N) ||
                                    AtSameFields(N);
                           }) ||
             (T.ExecutorKey && *T.ExecutorKey == Key);
    };
    // A join that ends no running thread (all joined already) is no event.
    unsigned Pos = 0;
    int Joiner = static_cast<int>(C.Thread);
    std::vector<ResolvedLock> Failed = C.Locks;
    for (const HeldLock &L : J.BranchMarks)
      if (auto R = resolveLock(L, C))
        Failed.push_back(*R);
    // In a branch this program never takes: no join.
    if (anyUnreachable(Failed))
      return;
    for (size_t I = 0; I < Threads.size(); ++I) {
      ThreadInstance &T = Threads[I];
      if (!Names(T) || T.JoinPos != UINT_MAX || static_cast<int>(I) == Joiner ||
          notStartedHere(I, Failed))
        continue;
      // A try or timed join: only what holds its success's mark is after
      // the thread (resolveLock); where the edges meet, it may still run.
      if (J.OnSuccessEdge) {
        if (T.Parent == Joiner)
          TryJoined[{C.Frame, J.Order}].push_back(static_cast<unsigned>(I));
        continue;
      }
      if (T.Parent != Joiner) {
        if (T.JoinedBy < 0)
          T.JoinedBy = Joiner;
        continue;
      }
      if (!Pos)
        Pos = eventPos();
      T.JoinPos = Pos;
      // Joined in the same pass of the loop that starts it again.
      if (T.LoopCall &&
          std::count(C.LoopCalls.begin(), C.LoopCalls.end(), T.LoopCall))
        T.Multi = false;
    }
  }

  /// Is thread I one whose start failed where these locks are held?
  static bool notStartedHere(size_t I, const std::vector<ResolvedLock> &Locks) {
    return std::any_of(Locks.begin(), Locks.end(), [&](const ResolvedLock &L) {
      return std::count(L.NotStarted.begin(), L.NotStarted.end(), I) != 0;
    });
  }

  /// A thread joined by a sibling has ended when the parent joins that
  /// sibling: its window in the parent's trace closes there. (Positions
  /// are the parent's; a joiner elsewhere in the tree orders nothing the
  /// parent can see.)
  void joinThroughJoiners() {
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (ThreadInstance &T : Threads) {
        if (T.JoinPos != UINT_MAX || T.JoinedBy < 0)
          continue;
        const ThreadInstance &Joiner = Threads[T.JoinedBy];
        if (Joiner.Parent == T.Parent && Joiner.JoinPos != UINT_MAX) {
          T.JoinPos = Joiner.JoinPos;
          Changed = true;
        }
      }
    }
  }

  //===-- Pairs ----------------------------------------------------------===//

  /// Is Place in Object itself, not in what a pointer of it points to?
  static bool ownField(const AbsPath &Object, const AbsPath &Place) {
    const auto &O = Object.Steps, &P = Place.Steps;
    return Object.Root == Place.Root && P.size() >= O.size() &&
           std::equal(O.begin(), O.end(), P.begin()) &&
           std::find(P.begin() + O.size(), P.end(), "*") == P.end();
  }

  /// Is the place past the object a take holds (the mark at I): in an
  /// object it points to?
  static bool pastTakenObject(const std::vector<std::string> &Steps, size_t I) {
    return std::count(Steps.begin() + I + 1, Steps.end(), "*") > 1;
  }

  /// Both reached through objects two takes from one list hold, past them.
  static bool bothPastTaken(const ResolvedAccess &A, const ResolvedAccess &B) {
    const auto &SA = A.Path.Steps, &SB = B.Path.Steps;
    auto It = std::find(SA.begin(), SA.end(), TakenMark);
    size_t I = It - SA.begin();
    return It != SA.end() && I < SB.size() && SB[I] == TakenMark &&
           std::equal(SA.begin(), It, SB.begin()) &&
           (pastTakenObject(SA, I) || pastTakenObject(SB, I));
  }

  /// Is step I of P a loop counter's, not a slot's (AbsPath::SteppedSlots)?
  static bool stepped(const AbsPath &P, size_t I) {
    return I < P.Steps.size() && P.Steps[I] == "[@]" &&
           std::count(P.SteppedSlots.begin(), P.SteppedSlots.end(), I) != 0;
  }

  /// Do the two paths name overlapping memory, as far as we can tell?
  bool overlap(const ResolvedAccess &A, const ResolvedAccess &B) const {
    if (A.Path.Root != B.Path.Root)
      return false;
    // An object taken from a shared list (TakenMark) is one of the list's
    // objects to an access that did not take it (a look at the head).
    // Copied only then: overlap() runs for every pair of accesses.
    auto Marks = [](const std::vector<std::string> &S) {
      return std::count(S.begin(), S.end(), TakenMark);
    };
    std::vector<std::string> UntakenA, UntakenB;
    bool Unmark = Marks(A.Path.Steps) != Marks(B.Path.Steps);
    if (Unmark)
      for (auto [From, To] : {std::pair{&A.Path.Steps, &UntakenA},
                              std::pair{&B.Path.Steps, &UntakenB}})
        std::remove_copy(From->begin(), From->end(), std::back_inserter(*To),
                         TakenMark);
    const auto &SA = Unmark ? UntakenA : A.Path.Steps;
    const auto &SB = Unmark ? UntakenB : B.Path.Steps;
    size_t N = std::min(SA.size(), SB.size());
    for (size_t I = 0; I < N; ++I) {
      bool KnownA = !isUnknownIndex(SA[I]) && !isClaimedIndex(SA[I]);
      bool KnownB = !isUnknownIndex(SB[I]) && !isClaimedIndex(SB[I]);
      if (SA[I] == SB[I] && KnownA)
        continue;
      // An index of k or more names no element below k.
      if (belowBound(SA[I], SB[I]) || belowBound(SB[I], SA[I]))
        return false;
      // Two takes hold two objects. What the objects point to is theirs
      // too (a job's buffers), unless they share it (a context every job
      // points to): that is left to lock consistency (report()).
      if (SA[I] == SB[I] && SA[I] == TakenMark) {
        if (pastTakenObject(SA, I) || pastTakenObject(SB, I))
          continue;
        return false;
      }
      // Two indexes taken from one counter: no two takes return one value.
      if (SA[I] == SB[I] && isClaimedIndex(SA[I]))
        return false;
      if (!isIndex(SA[I]) || !isIndex(SB[I]) || (KnownA && KnownB))
        return false;
      // Elements at indexes unknown statically. Copies of one thread's code
      // indexing by what each was given (results[id] = ...) own their
      // slots; an index computed from data may be the same in two copies,
      // and different code reading and writing one array (a log and its
      // reader) is taken as overlapping.
      // What a slot points to is not the slot's: two slots may point to
      // one shared object (each worker's context holds the one engine),
      // unless each copy points it at its own (findOwnPointerCells).
      // A loop counter that starts from a constant is no slot: every copy
      // steps through the same elements (SteppedSlots).
      if (SA[I] == "[@]" && SB[I] == "[@]" &&
          Threads[A.Thread].EntryId == Threads[B.Thread].EntryId) {
        const std::string &Entry = Threads[A.Thread].EntryId;
        // (Steps without a take's mark are numbered apart from the path's.)
        bool Slots = Unmark || (!stepped(A.Path, I) && !stepped(B.Path, I));
        if (Slots &&
            dereferencesStayOwn(A.Path.Root, SA, I, Entry,
                                Unmark ? nullptr : A.FieldRecords) &&
            dereferencesStayOwn(B.Path.Root, SB, I, Entry,
                                Unmark ? nullptr : B.FieldRecords))
          return false;
        continue;
      }
    }
    if (SA.size() == SB.size())
      return true;
    // Writing a whole object conflicts with any part of it, and so does
    // copying it; reading the object as such (a container's size) does not
    // conflict with writing a part. What a pointer points to is another
    // object than the pointer, wherever the pointer is in the object.
    const auto &Longer = SA.size() < SB.size() ? SB : SA;
    if (std::find(Longer.begin() + N, Longer.end(), "*") != Longer.end())
      return false;
    // `*p` is p[0]: apart from p[k], k another constant or a bound above 0,
    // unless the access runs on over the block (memset(p, 0, n)).
    const ResolvedAccess &Whole = SA.size() < SB.size() ? A : B;
    if (N > 0 && Longer[N - 1] == "*" && !Whole.Block &&
        (belowBound(Longer[N], "[0]") ||
         constantIndex(Longer[N]).value_or(0) != 0))
      return false;
    return Whole.Write || Whole.WholeValue || Whole.Block;
  }

  /// The key of the object whose field the access reaches ("" when the path
  /// names no field): `q->queue_` is in the object `*q`.
  static std::string objectKey(const AbsPath &Path) {
    size_t Field = Path.Steps.size();
    while (Field > 0 && (Path.Steps[Field - 1].empty() ||
                         Path.Steps[Field - 1].front() != '.'))
      --Field;
    if (Field == 0)
      return "";
    std::string K = Path.Root;
    for (size_t I = 0; I + 1 < Field; ++I)
      K += Path.Steps[I];
    return K;
  }

  /// The lock as a field of the accessed object (".mutex_"), if it is one.
  static std::string ownLock(const ResolvedLock &L, const std::string &Object) {
    if (Object.empty() || L.Key.size() <= Object.size() ||
        L.Key.compare(0, Object.size(), Object) != 0 ||
        L.Key[Object.size()] != '.')
      return "";
    return L.Key.substr(Object.size());
  }

  static bool commonLock(const ResolvedAccess &A, const ResolvedAccess &B) {
    // An element of an array of locks taken at an index known only at run
    // time stands for the element that guards the data's own element
    // (striping): it orders accesses to elements of arrays, not to one
    // scalar that holders of two elements both touch (a hash table's
    // expansion cursor, read under whichever bucket's lock).
    auto SomeElement = [](const std::string &Key) {
      return Key.find("[]") != std::string::npos ||
             Key.find("[@]") != std::string::npos;
    };
    auto PerElement = [](const AbsPath &Path) {
      return std::any_of(Path.Steps.begin(), Path.Steps.end(), isIndex);
    };
    bool Striped = PerElement(A.Path) && PerElement(B.Path);
    for (const ResolvedLock &L : A.Locks)
      for (const ResolvedLock &M : B.Locks)
        if ((L.Key == M.Key ||
             (!L.ArrayKey.empty() && L.ArrayKey == M.ArrayKey)) &&
            !(L.Shared && M.Shared) &&
            (Striped || !SomeElement(L.ArrayKey.empty() ? L.Key : L.ArrayKey)))
          return true;
    // Each side holds the mutex of the object it accesses (queue_ under
    // mutex_ of the same queue), or of an object its path passes through
    // at the same step (`pool->queue[t].fn` under `pool->lock`): where the
    // two accesses are to one place, that object is one too, and so are
    // the locks, even when the model names it in two ways (queues_[0] and
    // queues_[id]) and cannot tell whether they are one.
    auto OwnLocksMeet = [&](const std::string &ObjectA,
                            const std::string &ObjectB) {
      for (const ResolvedLock &L : A.Locks) {
        std::string Own = ownLock(L, ObjectA);
        if (Own.empty())
          continue;
        for (const ResolvedLock &M : B.Locks)
          if (ownLock(M, ObjectB) == Own && !(L.Shared && M.Shared))
            return true;
      }
      return false;
    };
    if (OwnLocksMeet(objectKey(A.Path), objectKey(B.Path)))
      return true;
    const auto &SA = A.Path.Steps, &SB = B.Path.Steps;
    std::string ObjectA = A.Path.Root, ObjectB = B.Path.Root;
    for (size_t I = 0; I < SA.size() && I < SB.size(); ++I) {
      if (!SA[I].empty() && SA[I].front() == '.' && SA[I] == SB[I] &&
          OwnLocksMeet(ObjectA, ObjectB))
        return true;
      ObjectA += SA[I];
      ObjectB += SB[I];
    }
    // One side runs on objects made without the mutex the other locks, or
    // both do: an object made without its mutex is not meant to be shared.
    auto Excludes = [](const ResolvedAccess &X, const ResolvedAccess &Y) {
      for (const std::string &Pointee : X.Absent) {
        for (const ResolvedLock &M : Y.Locks)
          if (M.Key == Pointee)
            return true;
        if (std::count(Y.Absent.begin(), Y.Absent.end(), Pointee))
          return true;
      }
      return false;
    };
    if (Excludes(A, B) || Excludes(B, A))
      return true;
    // Both in the branch of one hand-made once: it runs once.
    for (const std::string &Flag : A.OnceFlags)
      if (std::count(B.OnceFlags.begin(), B.OnceFlags.end(), Flag))
        return true;
    // Both on the thread of an owner of one kind (an EventLoop's), owners
    // the model tells apart only by where it found them (main's loop, a
    // loop thread's loop) while it merges the objects they own (every
    // Channel is one): such an object is handled on its owner's thread, and
    // which owner that is the model does not know. Taken as confined to one
    // thread (a race between two loops' threads through loop-only code is
    // missed).
    for (const ResolvedLock &L : A.Locks)
      for (const ResolvedLock &M : B.Locks)
        if (L.Ownership && M.Ownership && L.Name == M.Name)
          return true;
    return false;
  }

  struct SyncRecord {
    std::string Key;
    bool Release;
    unsigned Pos;
    unsigned Thread;
  };

  /// A release in A's thread after A, and an acquire of the same object in
  /// B's thread before B (and after B's thread started A's, when it did):
  /// the object's key, or "". Through a volatile
  /// flag's handshake only when asked (Volatile).
  std::string orderedBySync(const ResolvedAccess &A, const ResolvedAccess &B,
                            bool Volatile = false) const {
    // An acquire by an ancestor before it started A's branch came before
    // A's thread released anything.
    unsigned AcquireAfter = 0;
    if (auto Child = childTowards(B.Thread, A.Thread))
      AcquireAfter = Threads[*Child].SpawnPos;
    for (auto It = SyncIndex.lower_bound({A.Thread, ""});
         It != SyncIndex.end() && It->first.first == A.Thread; ++It) {
      if (isVolatileKey(It->first.second) != Volatile)
        continue;
      const std::vector<unsigned> &Releases = It->second.Releases;
      auto Release =
          std::lower_bound(Releases.begin(), Releases.end(), A.LastPos);
      if (Release == Releases.end())
        continue;
      // A once-flag's set orders what its branch did, not what came before
      // the test or what a thread that found the flag set does.
      if (isOnceKey(It->first.second)) {
        const std::string &Key = It->first.second;
        std::string Flag = Key.substr(0, Key.size() - OnceMark.size());
        if (!std::count(A.OnceFlags.begin(), A.OnceFlags.end(), Flag))
          continue;
      }
      auto Other = SyncIndex.find({B.Thread, It->first.second});
      if (Other == SyncIndex.end())
        continue;
      const std::vector<unsigned> &Acquires = Other->second.Acquires;
      auto Acquire =
          std::upper_bound(Acquires.begin(), Acquires.end(), AcquireAfter);
      if (Acquire != Acquires.end() && *Acquire < B.Pos)
        return It->first.second;
    }
    return "";
  }

  void indexSyncs() {
    // A condition variable or semaphore reached through a pointer to one
    // object is that object's, as a lock is (nameLocksThroughSinglePointers).
    for (const SyncRecord &R : Syncs) {
      SyncTimes &Times = SyncIndex[{R.Thread, throughSinglePointers(R.Key)}];
      (R.Release ? Times.Releases : Times.Acquires).push_back(R.Pos);
    }
    for (auto &[Key, Times] : SyncIndex) {
      std::sort(Times.Releases.begin(), Times.Releases.end());
      std::sort(Times.Acquires.begin(), Times.Acquires.end());
    }
  }

  /// When Ancestor is an ancestor of Descendant: the child of Ancestor on
  /// the way down to Descendant.
  std::optional<unsigned> childTowards(unsigned Ancestor,
                                       unsigned Descendant) const {
    std::vector<int> Chain = chain(Descendant);
    for (size_t I = 1; I < Chain.size(); ++I)
      if (Chain[I] == static_cast<int>(Ancestor))
        return static_cast<unsigned>(Chain[I - 1]);
    return std::nullopt;
  }

  /// A start that hands its thread an object it just made gives that
  /// thread an object of its own, apart from other starts' (a root of the
  /// thread's own), but the starter keeps its pointer: what it does to the
  /// object after the start (`ctx = malloc(...); start(work, ctx);
  /// ctx->stop = 1;`) it does to the thread's. Such accesses are copied
  /// under the thread's root, where they meet the thread's.
  void shareFreshObjectsWithStarters() {
    std::map<std::pair<unsigned, std::string>, std::vector<size_t>> Made;
    for (const ThreadInstance &T : Threads)
      for (const auto &[Root, Fresh] : T.FreshObjects)
        if (T.Parent >= 0)
          Made[{static_cast<unsigned>(T.Parent), Root}];
    if (Made.empty())
      return;
    for (size_t I = 0; I < Accesses.size(); ++I) {
      auto It = Made.find({Accesses[I].Thread, Accesses[I].Path.Root});
      if (It != Made.end())
        It->second.push_back(I);
    }
    for (const ThreadInstance &T : Threads) {
      if (T.Parent < 0)
        continue;
      for (const auto &[Root, Fresh] : T.FreshObjects)
        for (size_t I : Made[{static_cast<unsigned>(T.Parent), Root}]) {
          if (Accesses[I].LastPos < T.SpawnPos ||
              madeByAnotherActivation(Accesses[I], T, Root))
            continue;
          ResolvedAccess Copy = Accesses[I];
          Copy.Path.Root = Fresh;
          Accesses.push_back(std::move(Copy));
        }
    }
  }

  /// Is A, its starter's, in an object that another activation than the
  /// one that made T's start object Made made (AbsPath::MadeIn): the
  /// object of another start, or of none, by the same name?
  static bool madeByAnotherActivation(const ResolvedAccess &A,
                                      const ThreadInstance &T,
                                      const std::string &Made) {
    if (!A.Path.MadeIn)
      return false;
    return std::none_of(T.StartObjects.begin(), T.StartObjects.end(),
                        [&](const StartObject &O) {
                          return O.Made == Made && O.Frame == A.Path.MadeIn;
                        });
  }

  /// A place where threads keep their own ids that some write fills with
  /// anything else keeps no thread's id for sure (UINT_MAX among its
  /// keepers). Done once the walks are over, not on the walk's hot path.
  void findOtherIdWrites() {
    if (IdKeepers.empty())
      return;
    for (const ResolvedAccess &A : Accesses)
      if (A.Write && !A.StoresOwnId)
        if (auto It = IdKeepers.find(A.Path.key()); It != IdKeepers.end())
          It->second.insert(UINT_MAX);
  }

  /// A runs where the current thread's id equals a kept id that threads
  /// stored only of themselves (`main_thread = pthread_self()`): A's own
  /// thread is not one of them, so A never runs; or only B's thread, which
  /// runs once at a time, is, so both run on that one thread.
  bool onKeepersThread(const ResolvedAccess &A, const ResolvedAccess &B) const {
    for (const ResolvedLock &L : A.Locks) {
      if (!L.Ownership || L.KeptIdKey.empty())
        continue;
      auto It = IdKeepers.find(L.KeptIdKey);
      if (It == IdKeepers.end() || It->second.count(UINT_MAX))
        continue;
      if (!It->second.count(A.Thread) ||
          (It->second.size() == 1 && *It->second.begin() == B.Thread &&
           !Threads[B.Thread].Multi))
        return true;
    }
    return false;
  }

  /// A flag T's parent set before starting T (RunFlags) keeps that value
  /// while T runs, when: T is started once and its walk is whole; T starts
  /// no thread; no other write of the flag falls within T's life (the
  /// parent's before the start or after the join, no other thread's); and
  /// T itself writes it, if at all, only last (nothing T does follows such
  /// a write, and no loop brings it round again).
  /// `mosq->threaded = mosq_ts_self; pthread_create(...)`, with the thread
  /// writing mosq_ts_none as it ends.
  /// A global flag a test found at some values on the way to T's start
  /// (GuardFlags) keeps one of them while T runs (KnownFlags) when T never
  /// writes it, no other write falls within T's life and the parent makes
  /// none since the test (writtenSinceTest: the test's value would be
  /// stale). Neither holds for a flag whose address is handed on
  /// (exposed): a write through it is not placed.
  void findCompletionFlags() {
    for (size_t I = 0; I < Threads.size(); ++I) {
      ThreadInstance &T = Threads[I];
      if ((T.RunFlags.empty() && T.GuardFlags.empty()) || T.Multi ||
          T.Truncated || T.Parent < 0 || Threads[T.Parent].Truncated)
        continue;
      const FunctionFacts *Entry = P.function(T.EntryId);
      bool Parent = std::any_of(Threads.begin(), Threads.end(),
                                [&](const ThreadInstance &Child) {
                                  return Child.Parent == static_cast<int>(I);
                                });
      if (!Entry || Parent)
        continue;
      Context C;
      C.Thread = static_cast<unsigned>(I);
      C.Fn = Entry;
      C.This = T.This;
      C.Params = T.Params;
      C.ParamValues = T.ParamValues;
      C.Program = T.Program;
      for (const auto &[Key, Value] : T.RunFlags)
        if (!exposed(Key, T.Program) && ownWritesLast(*Entry, Key, C) &&
            noOtherWrites(T, Key, I))
          T.HeldFlags[Key] = Value;
      // A guard's value holds from its test to the start and on while the
      // thread runs, if nothing writes the flag meanwhile.
      for (const auto &[Key, Values] : T.GuardFlags)
        if (!Values.empty() && !exposed(Key, T.Program) &&
            !T.RunFlags.count(Key) && !writtenBy(I, Key) &&
            noOtherWrites(T, Key, I) && !writtenSinceTest(T, Key))
          T.KnownFlags[Key] = Values;
    }
  }

  /// A global's own field, reached through no pointer: no other object of
  /// an allocation site, no pointer another write names it through.
  static bool isGlobalObjectKey(const std::string &Key) {
    return isGlobalRoot(Key) && Key.find('*') == std::string::npos;
  }
  /// A global's root ("G:<usr>"), or a key under one.
  static bool isGlobalRoot(const std::string &Root) {
    return Root.rfind("G:", 0) == 0;
  }

  bool writtenBy(size_t Thread, const std::string &Key) const {
    return std::any_of(
        Accesses.begin(), Accesses.end(), [&](const ResolvedAccess &A) {
          return A.Thread == Thread && A.Write && writesFlag(A.Path.key(), Key);
        });
  }

  /// Is the flag Key written by T's parent after a guard's test found its
  /// value (no earlier than GuardSince) and before T's start? The test's
  /// value would then be stale. (Positions, not the test held at the
  /// write: a call that reaches no start is walked without the guard.)
  bool writtenSinceTest(const ThreadInstance &T, const std::string &Key) const {
    auto Tests = T.GuardSince.find(Key);
    for (const ResolvedAccess &A : Accesses) {
      if (static_cast<int>(A.Thread) != T.Parent || !A.Write ||
          !writesFlag(A.Path.key(), Key))
        continue;
      auto Tracked = FlagWriteOccurrences.find(A.Pos);
      auto After = [&](const GuardTest &Test) {
        auto Between = [&](unsigned Pos) {
          return Test.Since <= Pos && Pos <= T.SpawnPos;
        };
        if (A.Function == Test.Function && !Test.Function.empty())
          return false;
        return Tracked != FlagWriteOccurrences.end()
                   ? std::any_of(Tracked->second.begin(), Tracked->second.end(),
                                 Between)
                   : A.LastPos >= Test.Since && A.Pos <= T.SpawnPos;
      };
      if (Tests == T.GuardSince.end() ||
          std::any_of(Tests->second.begin(), Tests->second.end(), After))
        return true;
    }
    return false;
  }

  /// The flags tested on the way to A and the values they held (none:
  /// null).
  const FlagGuards *guardsOf(const ResolvedAccess &A) const {
    auto It = FlagGuardsOf.find(A.Pos);
    return It == FlagGuardsOf.end() ? nullptr : &It->second;
  }

  /// The pseudo-flag a distinct parameter's tests guard by (paramTest),
  /// "distinct:<thread>:<parameter>": no place, so no write or other rule
  /// ever meets it.
  inline static const std::string DistinctPrefix = "distinct:";
  static std::string distinctParamKey(unsigned Thread, size_t Index) {
    return DistinctPrefix + std::to_string(Thread) + ":" +
           std::to_string(Index);
  }

  /// Two accesses of one thread's instances, each in a branch that a test
  /// of the same distinct parameter finds at the same one value
  /// (`if (id == 0)`, id a loop's counter handed to each start): only the
  /// instance given that value makes either, so they never meet.
  bool oneInstanceOnly(const ResolvedAccess &A, const ResolvedAccess &B) const {
    if (A.Thread != B.Thread)
      return false;
    const FlagGuards *OfA = guardsOf(A);
    const FlagGuards *OfB = guardsOf(B);
    if (!OfA || !OfB)
      return false;
    return std::any_of(OfA->begin(), OfA->end(), [&](const auto &Guard) {
      return Guard.first.rfind(DistinctPrefix, 0) == 0 &&
             std::count(OfB->begin(), OfB->end(), Guard);
    });
  }

  /// A's thread knows the value of a flag A is done under a test of
  /// (KnownFlags), and the test finds none of them: A is never done.
  bool neverRuns(const ResolvedAccess &A) {
    const ThreadInstance &T = Threads[A.Thread];
    const FlagGuards *Guards = T.KnownFlags.empty() ? nullptr : guardsOf(A);
    if (!Guards)
      return false;
    for (const auto &[Key, Values] : *Guards) {
      // The flag's own accesses are left to pair as they are.
      auto Known = T.KnownFlags.find(Key);
      if (Known == T.KnownFlags.end() || writesFlag(A.Path.key(), Key))
        continue;
      const FlagValues &Tested = testedValues(Values);
      if (std::none_of(Known->second.begin(), Known->second.end(),
                       [&](long long V) { return Tested.admits(V); }))
        return true;
    }
    return false;
  }

  /// Is an access of Place one of the flag Key: the flag itself, or the
  /// object holding it as a whole (`c = (struct client){0}`, a memset)?
  static bool writesFlag(const std::string &Place, const std::string &Key) {
    return Key.rfind(Place, 0) == 0;
  }

  /// The thread's own writes of the flag Key are the last things its entry
  /// does, in no loop: no event of the entry but an access of the flag
  /// follows the first of them in program order, and no write of the flag
  /// is made elsewhere (in a call).
  bool ownWritesLast(const FunctionFacts &Entry, const std::string &Key,
                     const Context &C) {
    auto IsFlag = [&](const MemoryAccess &A) {
      auto Path = resolve(A.Path, C);
      return Path && writesFlag(Path->key(), Key);
    };
    unsigned First = UINT_MAX;
    std::set<std::string> Final;
    for (const MemoryAccess &A : Entry.Accesses)
      if (A.Write && IsFlag(A)) {
        if (A.InLoop)
          return false;
        First = std::min(First, A.Order);
        Final.insert(where(A.Loc));
      }
    auto After = [&](unsigned Order) {
      return First != UINT_MAX && Order > First;
    };
    for (const MemoryAccess &A : Entry.Accesses)
      if (After(A.Order) && !IsFlag(A))
        return false;
    for (const CallSite &Call : Entry.Calls)
      if (After(Call.Order))
        return false;
    for (const Spawn &S : Entry.Spawns)
      if (After(S.Order))
        return false;
    for (const ResolvedAccess &A : Accesses)
      if (A.Thread == C.Thread && A.Write && writesFlag(A.Path.key(), Key) &&
          !Final.count(where(A.Loc)))
        return false;
    return true;
  }

  /// No write of the flag Key but T's own falls within T's life: the
  /// parent's come before the start or after the join, and no other
  /// thread of T's program writes it.
  bool noOtherWrites(const ThreadInstance &T, const std::string &Key,
                     size_t Index) const {
    for (const ResolvedAccess &A : Accesses) {
      if (A.Thread == Index || !A.Write || !writesFlag(A.Path.key(), Key) ||
          (!A.Program.empty() && !T.Program.empty() && A.Program != T.Program))
        continue;
      if (static_cast<int>(A.Thread) != T.Parent)
        return false;
      auto InLife = [&](unsigned Pos) {
        return T.SpawnPos < Pos && Pos < T.JoinPos;
      };
      auto Tracked = FlagWriteOccurrences.find(A.Pos);
      const std::vector<unsigned> *Made =
          Tracked == FlagWriteOccurrences.end() ? nullptr : &Tracked->second;
      if (Made ? std::any_of(Made->begin(), Made->end(), InLife)
               : A.LastPos > T.SpawnPos && A.Pos < T.JoinPos)
        return false;
    }
    return true;
  }

  /// B's thread holds a flag at the value its parent set (HeldFlags) until
  /// its own last writes, and A, in that parent, runs only where a test
  /// found the flag at another value: A comes after everything B's thread
  /// does but those writes (B not being one of the flag's own accesses).
  bool afterCompletion(const ResolvedAccess &A, const ResolvedAccess &B) {
    const ThreadInstance &T = Threads[B.Thread];
    if (T.HeldFlags.empty() || static_cast<int>(A.Thread) != T.Parent)
      return false;
    const FlagGuards *Guards = guardsOf(A);
    if (!Guards)
      return false;
    for (const auto &[Key, Values] : *Guards) {
      auto Held = T.HeldFlags.find(Key);
      if (Held == T.HeldFlags.end() || writesFlag(B.Path.key(), Key))
        continue;
      const std::string &Root = T.FlagRoots.at(Key);
      if (!isGlobalRoot(Root) && B.Path.Root != Root)
        continue;
      if (!testedValues(Values).admits(Held->second))
        return true;
    }
    return false;
  }

  /// The interned number of a loop on a walk's way (LoopLink).
  unsigned loopLink(const LoopLink &L) {
    auto [It, New] = LoopLinkIds.try_emplace(L, LoopLinks.size() + 1);
    if (New)
      LoopLinks.push_back(L);
    return It->second;
  }

  /// The loop of C's function (its activation) X is in: its outermost, as
  /// MemoryAccess::Loop; 0 for none.
  unsigned loopIn(const ResolvedAccess &X, const Context &C) const {
    unsigned Loop = 0;
    for (unsigned L = X.Loops; L; L = LoopLinks[L - 1].Outer)
      if (LoopLinks[L - 1].Frame == C.Frame)
        Loop = LoopLinks[L - 1].Loop;
    return Loop;
  }

  /// May X and Y be in one loop of one call, so that each may follow the
  /// other? (A loop of gotos is taken as its whole function.)
  bool mayShareLoop(const ResolvedAccess &X, const ResolvedAccess &Y) const {
    if (X.LoopsUnknown || Y.LoopsUnknown)
      return (X.LoopsUnknown || X.Loops) && (Y.LoopsUnknown || Y.Loops);
    for (unsigned LX = X.Loops; LX; LX = LoopLinks[LX - 1].Outer)
      for (unsigned LY = Y.Loops; LY; LY = LoopLinks[LY - 1].Outer) {
        const LoopLink &A = LoopLinks[LX - 1], &B = LoopLinks[LY - 1];
        if (A.Frame == B.Frame &&
            (A.Loop == B.Loop || A.Loop == GotoLoop || B.Loop == GotoLoop))
          return true;
      }
    return false;
  }

  /// A runs only where a test of a flag found a value that only B's
  /// thread stores, after B, and both the store and every read of the
  /// flag in A's thread are made holding one lock (or are atomic): the
  /// test read what that store wrote, so the store's critical section
  /// came first, and B before it. (`pool->shutdown = 1` under the pool's
  /// lock in destroy(); a worker that finds it set under that lock and
  /// leaves its loop comes after everything the destroyer did before.)
  /// Not where B's thread runs more than once, or B may come round again
  /// after the store in a loop they share; and not for a global's own
  /// flag, whose initial value the facts do not give (an object reached
  /// through a pointer is taken as one the program made and set up).
  bool afterFlagPublication(const ResolvedAccess &A, const ResolvedAccess &B) {
    if (A.Thread == B.Thread || Threads[B.Thread].Multi ||
        !Threads[B.Thread].AssumedFromClass.empty() ||
        !Threads[A.Thread].AssumedFromClass.empty())
      return false;
    const FlagGuards *Guards = guardsOf(A);
    if (!Guards)
      return false;
    for (const auto &[Key, Values] : *Guards) {
      if (isGlobalObjectKey(Key) || writesFlag(A.Path.key(), Key) ||
          writesFlag(B.Path.key(), Key))
        continue;
      if (publishedAfter(Key, testedValues(Values), A, B))
        return true;
    }
    return false;
  }

  /// Is B in an object made for its own start, kept elsewhere too
  /// (AbsPath::OwnRunOf), that A cannot be in? A is in the object made
  /// for another start, or another run of B's (each start made one); or
  /// A is B's starter's, in an object an activation of its walk made
  /// (AbsPath::MadeIn): another activation's object, or B's own before B
  /// started.
  bool ofOtherStarts(const ResolvedAccess &A, const ResolvedAccess &B) const {
    auto OwnRun = [&](const ResolvedAccess &X) {
      return X.Path.OwnRunOf == static_cast<int>(X.Thread) &&
             Threads[X.Thread].KeptStartObjects.count(X.Path.Root);
    };
    if (!OwnRun(B) || A.Path.Root != B.Path.Root)
      return false;
    if (OwnRun(A))
      return A.Thread != B.Thread || Threads[B.Thread].Multi;
    const ThreadInstance &T = Threads[B.Thread];
    return A.Path.MadeIn && T.Parent == static_cast<int>(A.Thread) &&
           (A.Path.MadeIn != T.KeptStartObjects.at(B.Path.Root) ||
            A.LastPos < T.SpawnPos);
  }

  bool publishedAfter(const std::string &Guard, const FlagValues &Tested,
                      const ResolvedAccess &A, const ResolvedAccess &B) {
    // The flag by the object its pointers point to, as each access names it
    // (pools[0]->queue and the pool's own malloc'd object).
    std::string Key = throughSinglePointers(Guard);
    auto [Index, New] = FlagAccessIndex.try_emplace(Key);
    // (A store of a pointer on the way, `pool = malloc(...)`, writes no
    // flag: it picks the object.)
    if (New)
      for (size_t I = 0; I < Accesses.size(); ++I) {
        std::string Place = throughSinglePointers(Accesses[I].Path.key());
        if (writesFlag(Place, Key) &&
            (Place.size() == Key.size() || Key[Place.size()] != '*'))
          Index->second.push_back({I, Place.size() == Key.size()});
      }
    // The locks every access that matters holds; "" stands for atomicity.
    std::optional<std::set<std::string>> Common;
    auto Meet = [&](const ResolvedAccess &X) {
      std::set<std::string> Held;
      if (X.Atomic)
        Held.insert("");
      for (const ResolvedLock &L : X.Locks)
        if (!L.Ownership && !L.Unreachable && (!L.Shared || !X.Write))
          Held.insert(L.Key);
      if (!Common) {
        Common = std::move(Held);
        return;
      }
      for (auto It = Common->begin(); It != Common->end();)
        It = Held.count(*It) ? std::next(It) : Common->erase(It);
    };
    bool Stored = false;
    // The threads whose reads of the flag decide what runs: A's, and those
    // of stores made under a test of it.
    std::set<unsigned> Testers{A.Thread};
    std::vector<size_t> Reads;
    for (const auto &[I, Whole] : Index->second) {
      const ResolvedAccess &X = Accesses[I];
      if (!X.Program.empty() && !A.Program.empty() && X.Program != A.Program)
        continue;
      if (!X.Write) {
        if (Whole)
          Reads.push_back(I);
        continue;
      }
      // A store of a value the test does not admit is not what it read.
      auto Constant = StoredConstants.find(I);
      if (Constant != StoredConstants.end() && Whole &&
          !Tested.admits(Constant->second))
        continue;
      if (X.Thread == B.Thread && X.Pos > B.LastMadePos &&
          !mayShareLoop(B, X)) {
        Meet(X);
        Stored = true;
        continue;
      }
      // A store made only where a test of the flag found a value this test
      // admits follows another such store: the first of them in any run is
      // none of these, so it is B's thread's, and all come after B (a task
      // that submits the next task to the queue it was taken from).
      if (!storedUnderTest(X, Key, Tested))
        return false;
      Testers.insert(X.Thread);
      Meet(X);
    }
    for (size_t I : Reads)
      if (Testers.count(Accesses[I].Thread))
        Meet(Accesses[I]);
    return Stored && Common && !Common->empty();
  }

  /// Is X made only where a test of the flag Key found one of the values
  /// Tested admits?
  bool storedUnderTest(const ResolvedAccess &X, const std::string &Key,
                       const FlagValues &Tested) {
    const FlagGuards *Guards = guardsOf(X);
    if (!Guards)
      return false;
    return std::any_of(Guards->begin(), Guards->end(), [&](const auto &G) {
      return throughSinglePointers(G.first) == Key &&
             testedValues(G.second).unite(Tested).str() == Tested.str();
    });
  }

  bool ordered(const ResolvedAccess &A, const ResolvedAccess &B) const {
    return !orderedBySync(A, B).empty() || !orderedBySync(B, A).empty();
  }

  /// The volatile flag whose handshake alone orders A and B ("" if none).
  std::string orderedByVolatileFlag(const ResolvedAccess &A,
                                    const ResolvedAccess &B) const {
    std::string Key = orderedBySync(A, B, /*Volatile=*/true);
    if (Key.empty())
      Key = orderedBySync(B, A, /*Volatile=*/true);
    return Key.empty() ? "" : Key.substr(VolatileMark.size());
  }

  std::string threadName(unsigned T) const { return Threads[T].EntryName; }

  bool startedByClass(unsigned T) const {
    return Threads[T].Parent >= 0 && Threads[chain(T).back()].Constructing;
  }

  /// The class whose use from many threads is assumed for this thread, if
  /// its concurrency is an assumption and not a thread the code starts.
  const std::string &assumedClass(unsigned T) const {
    return Threads[chain(T).back()].AssumedFromClass;
  }

  /// The locks held, without the marks of running on an owner's thread.
  static std::string lockList(const ResolvedAccess &A) {
    std::string S;
    for (const ResolvedLock &L : A.Locks)
      if (!L.Ownership)
        S += (S.empty() ? "'" : ", '") + L.Name + "'" +
             (L.Shared ? " (shared)" : "");
    return S;
  }

  /// ", on the thread whose id is in 'EventLoop::threadId_'", or nothing.
  static std::string ownerThreads(const ResolvedAccess &A) {
    std::string S;
    for (const ResolvedLock &L : A.Locks)
      if (L.Ownership)
        S += (S.empty() ? ", on the thread whose id is in '" : "', '") + L.Name;
    return S.empty() ? S : S + "'";
  }

  std::string describe(const ResolvedAccess &A) const {
    std::string S = std::string(A.Write ? "written" : "read") +
                    (static_cast<size_t>(A.Thread) >= FirstClassRoot &&
                             Threads[A.Thread].Parent < 0
                         ? " in '" + threadName(A.Thread) + "'"
                         : " by thread '" + threadName(A.Thread) + "'");
    std::string Locks = lockList(A);
    return S + (Locks.empty() ? " without a lock" : " holding " + Locks) +
           ownerThreads(A);
  }

  static std::string where(const SourceLoc &L) {
    return L.File + ":" + std::to_string(L.Line) + ":" +
           std::to_string(L.Column);
  }

  nlohmann::json accessJson(const ResolvedAccess &A) const {
    nlohmann::json Locks = nlohmann::json::array();
    for (const ResolvedLock &L : A.Locks)
      Locks.push_back(L.Name);
    return {{"kind", A.Write ? "write" : "read"},
            {"location",
             {{"file", A.Loc.File},
              {"line", A.Loc.Line},
              {"column", A.Loc.Column}}},
            {"function", A.Function},
            {"thread", threadName(A.Thread)},
            {"thread_entry_id", Threads[A.Thread].EntryId},
            {"locks", Locks}};
  }

  /// Keeps the tokens (trackToken) that no two threads can hold at once:
  /// some thread tests the flag holding the token's lock, and no access to
  /// the flag without that lock runs at once with another access to it
  /// (a write among them). The others are dropped from the accesses' locks.
  void dropInvalidTokens() {
    if (TokenFlags.empty())
      return;
    std::map<std::string, std::vector<size_t>> OfFlag;
    std::set<std::string> Tokens;
    for (size_t I = 0; I < Accesses.size(); ++I) {
      std::string Key = Accesses[I].Path.key();
      if (TokenFlags.count(Key))
        OfFlag[Key].push_back(I);
      for (const ResolvedLock &L : Accesses[I].Locks)
        if (isToken(L))
          Tokens.insert(L.Key);
    }
    std::set<std::string> Valid;
    size_t Pairs = 0;
    for (const std::string &Key : Tokens) {
      ResolvedLock Token;
      Token.Key = Key;
      auto [Value, Lock, Flag] = tokenOf(Token);
      auto It = OfFlag.find(Flag);
      if (It == OfFlag.end())
        continue;
      auto Holds = [&, &Lock = Lock](const ResolvedAccess &X) {
        return heldIn(X.Locks, Lock);
      };
      bool Tested =
          std::any_of(It->second.begin(), It->second.end(), [&](size_t I) {
            return !Accesses[I].Write && Holds(Accesses[I]);
          });
      bool Exclusive = Tested;
      for (size_t I : It->second) {
        const ResolvedAccess &X = Accesses[I];
        if (!Exclusive || Holds(X))
          continue;
        for (size_t J : It->second) {
          const ResolvedAccess &Y = Accesses[J];
          if (++Pairs > MaxTokenPairs) {
            Exclusive = false;
            break;
          }
          if ((X.Write || Y.Write) && !(X.Atomic && Y.Atomic) &&
              concurrent(X, Y) && !ordered(X, Y)) {
            Exclusive = false;
            break;
          }
        }
      }
      if (Exclusive)
        Valid.insert(Key);
    }
    for (ResolvedAccess &X : Accesses)
      X.Locks.erase(std::remove_if(X.Locks.begin(), X.Locks.end(),
                                   [&](const ResolvedLock &L) {
                                     return isToken(L) && !Valid.count(L.Key);
                                   }),
                    X.Locks.end());
  }

  void report(std::vector<Finding> &Out) {
    std::map<std::string, std::vector<size_t>> ByRoot;
    // Memory some code writes holding a lock: the program's own word that
    // it needs one. A read under a lock says less: the lock may be held for
    // something else around it (a request's socket lock around reading the
    // client's timeouts, which a setter writes before any request).
    std::set<std::string> Locked, LockedNames;
    for (size_t I = 0; I < Accesses.size(); ++I) {
      ByRoot[Accesses[I].Path.Root].push_back(I);
      // Not a write on an owner's thread: event-loop classes read their
      // fields in plain getters that only the loop's own callbacks call.
      // Nor a lock a lookup handed over.
      if (Accesses[I].Write &&
          std::any_of(Accesses[I].Locks.begin(), Accesses[I].Locks.end(),
                      [](const ResolvedLock &L) {
                        return !L.Ownership && !L.HandedOver;
                      })) {
        Locked.insert(Accesses[I].Path.key());
        LockedNames.insert(Accesses[I].Path.Name);
      }
    }
    size_t PairsExamined = 0;
    /// Each pair of lines met: its finding in Out (SIZE_MAX while none was
    /// reported), and the rank of the best pair judged.
    std::map<std::tuple<std::string, SourceLoc, SourceLoc>,
             std::pair<size_t, int>>
        Seen;
    std::set<std::pair<std::string, SourceLoc>> AssumedSeen;
    std::vector<size_t> Partners;
    for (const auto &[Root, Indexes] : ByRoot) {
      OverlapCandidates Candidates(
          Indexes.size(), [&](size_t I) -> auto & {
            return Accesses[Indexes[I]].Path.Steps;
          });
      for (size_t X = 0; X < Indexes.size(); ++X) {
        // Partners first, the access with itself last: a place is
        // reported with another place when it has one.
        Candidates.partnersOf(X, Partners);
        for (size_t Y : Partners) {
          if (++PairsExamined > MaxPairsExamined) {
            Truncated = true;
            return;
          }
          const ResolvedAccess *A = &Accesses[Indexes[X]];
          const ResolvedAccess *B = &Accesses[Indexes[Y]];
          if (!A->Write && !B->Write)
            continue;
          if (A->Atomic && B->Atomic)
            continue;
          // One access races with itself only in a thread started several
          // times, and then not on what each of its runs has of its own.
          if (A->Thread == B->Thread &&
              (!Threads[A->Thread].Multi || ownedByEachRun(Root, A->Thread)))
            continue;
          // Nor through a by-reference capture each start was handed a
          // closure of its own for: a range-for's element, a local of the
          // loop body that makes the closure (AccessPath::FreshPerClosure).
          // One start expression reached twice is a function template's
          // instantiations (they share its facts): two evaluations of the
          // lambda, each capturing the variable of its own execution. (Two
          // start expressions given one closure share it.)
          if (A->FreshPerClosure && B->FreshPerClosure &&
              (A->Thread == B->Thread ||
               (A->Function == B->Function &&
                Threads[A->Thread].EntryId == Threads[B->Thread].EntryId &&
                Threads[A->Thread].StartLoc == Threads[B->Thread].StartLoc)))
            continue;
          if (X == Y && !A->Write)
            continue;
          if (!overlap(*A, *B) || !concurrent(*A, *B) || commonLock(*A, *B) ||
              ordered(*A, *B) || onKeepersThread(*A, *B) ||
              onKeepersThread(*B, *A) || afterCompletion(*A, *B) ||
              afterCompletion(*B, *A) || neverRuns(*A) || neverRuns(*B) ||
              afterFlagPublication(*A, *B) || afterFlagPublication(*B, *A) ||
              beforeCountedStart(*A, *B) || beforeCountedStart(*B, *A) ||
              oneInstanceOnly(*A, *B) || ofOtherStarts(*A, *B) ||
              ofOtherStarts(*B, *A))
            continue;
          // Concurrency assumed from a class: report what breaks the
          // class's own locking (lock consistency), and unlocked writes to
          // its fields as a remark; globals only where some code locks them.
          const std::string &Assumed = !assumedClass(A->Thread).empty()
                                           ? assumedClass(A->Thread)
                                           : assumedClass(B->Thread);
          // The assumption does not extend to an owner test's read of the
          // kept thread id: that is how the class asks, from any thread,
          // whether it runs on its owner's
          // (isLockedByThisThread, AssertHeld); only the owner stores its
          // own id there, so no other thread's read can find it.
          if (!assumedClass(A->Thread).empty() &&
              !assumedClass(B->Thread).empty() && !startedByClass(A->Thread) &&
              !startedByClass(B->Thread) && (A->KeptIdTest || B->KeptIdTest))
            continue;
          // A thread the class's constructor starts really runs while the
          // object's methods are called: only the callers are assumed.
          bool Consistency =
              Locked.count(A->Path.key()) || Locked.count(B->Path.key()) ||
              startedByClass(A->Thread) || startedByClass(B->Thread);
          // A class that only uses atomics orders its plain fields by its
          // own protocol (a single-producer ring): concur does not judge
          // that protocol under callers it only assumes.
          if (!Assumed.empty() && !Consistency &&
              (Root.rfind("O:", 0) != 0 || !LockingClasses.count(Assumed)))
            continue;
          // Nor what taken objects point to: mostly what each one owns. A
          // field some code writes under a lock, on any object of its kind,
          // is shared.
          if (bothPastTaken(*A, *B) && !LockedNames.count(A->Path.Name) &&
              !LockedNames.count(B->Path.Name))
            continue;
          // Objects handed in by callers are judged by lock consistency
          // only: most callers hand each call an object of its own.
          if ((A->Path.HandedIn || B->Path.HandedIn) &&
              !(Locked.count(A->Path.key()) || Locked.count(B->Path.key())))
            continue;
          // Report at a write; of two writes, at the one without locks.
          if (!A->Write || (B->Write && (B->Locks.size() < A->Locks.size() ||
                                         (B->Locks.size() == A->Locks.size() &&
                                          B->Loc < A->Loc))))
            std::swap(A, B);
          // Lock consistency: the place to fix is the one without the lock.
          if (!Assumed.empty() && !A->Locks.empty() && B->Locks.empty())
            std::swap(A, B);
          const AbsPath &Shorter =
              A->Path.Steps.size() <= B->Path.Steps.size() ? A->Path : B->Path;
          std::string Variable = Shorter.Name;
          // Once per pair of lines: two accesses on one line (`n = n + 1;`)
          // are one place to the reader, and would give two findings with
          // one fingerprint. Of a line pair's pairs, two writes tell most.
          auto LineOf = [](SourceLoc L) {
            L.Column = 0;
            return L;
          };
          auto Lines =
              std::make_tuple(Variable, LineOf(std::min(A->Loc, B->Loc)),
                              LineOf(std::max(A->Loc, B->Loc)));
          int Rank = A->Write && B->Write ? 1 : 0;
          // Taken even when not reported below: a pair of lines is
          // judged by its first pair (and a better one).
          auto [Prior, New] =
              Seen.try_emplace(std::move(Lines), SIZE_MAX, Rank);
          if (!New && Prior->second.second >= Rank)
            continue;
          Prior->second.second = Rank;
          // An assumption is stated once per place, not once per partner.
          if (!Assumed.empty() &&
              !AssumedSeen.insert({Variable, A->Loc}).second)
            continue;
          if (P.isSuppressed(A->Loc, UnsynchronizedSharedStateCheck::Name) ||
              P.isSuppressed(B->Loc, UnsynchronizedSharedStateCheck::Name))
            continue;
          Finding F = makeFinding(*A, *B, Variable, Shorter);
          if (!Assumed.empty())
            assumedFrom(F, *A, *B, Assumed, Consistency);
          // The flag's unordered pairs (its write and the loop that
          // polls it) stay warnings: they are the race to fix. Any pair the
          // handshake orders, two writes of the flag included, follows.
          if (std::string Flag = orderedByVolatileFlag(*A, *B); !Flag.empty())
            orderedOnlyByVolatile(F, Flag);
          if (A->Dying || B->Dying)
            onTheWayOut(F);
          if (Prior->second.first != SIZE_MAX) {
            Out[Prior->second.first] = std::move(F);
          } else {
            Prior->second.first = Out.size();
            Out.push_back(std::move(F));
          }
        }
      }
    }
  }

  /// Is C a program's main that ends the process on every path, every
  /// call it makes on the way to an exit (a daemon's main: set up, run the
  /// event loop, `exit(1)`)? Returning from main ends the process too:
  /// only where main also returns does an exit mark a way out that the
  /// rest of its run is not. (A thread that only reports and exits stays
  /// on the way out.)
  bool endsOnEveryPath(const Context &C) const {
    return C.Depth == 0 && Threads[C.Thread].Parent < 0 &&
           Threads[C.Thread].AssumedFromClass.empty() && !C.Fn->Calls.empty() &&
           std::all_of(
               C.Fn->Calls.begin(), C.Fn->Calls.end(),
               [](const CallSite &Call) { return Call.EndsProcess; });
  }

  /// A pair one of whose accesses runs only on the way to ending the
  /// process (a crash report reading what other threads still change)
  /// races, but matters only to what that path prints: a remark.
  static void onTheWayOut(Finding &F) {
    F.Level = Severity::Remark;
    F.Message += "; one access runs only on a path that ends the process";
  }

  /// A pair a volatile flag's handshake orders (`stop = 1;` here, `while
  /// (stop != 2) ...;` there) races in C++, but only because the flag does:
  /// the flag's own race is the warning to fix, and making the flag atomic
  /// orders this pair. Reported as that consequence, a remark.
  void orderedOnlyByVolatile(Finding &F, const std::string &FlagKey) const {
    auto Name = VolatileFlagNames.find(FlagKey);
    const std::string &Flag =
        Name != VolatileFlagNames.end() ? Name->second : FlagKey;
    F.Level = Severity::Remark;
    F.Message += "; ordered only by the handshake on volatile '" + Flag +
                 "', which orders nothing in C++ (make the flag atomic)";
    F.Details["ordered_by_volatile"] = Flag;
  }

  /// Says that the concurrency is assumed, from which class, and lowers an
  /// unlocked write nothing else locks to a remark.
  void assumedFrom(Finding &F, const ResolvedAccess &A, const ResolvedAccess &B,
                   const std::string &Class, bool Consistency) const {
    const ResolvedAccess *Started = startedByClass(A.Thread)   ? &A
                                    : startedByClass(B.Thread) ? &B
                                                               : nullptr;
    if (Started)
      F.Message +=
          "; thread '" + threadName(Started->Thread) + "', started by '" +
          Threads[chain(Started->Thread).back()].EntryName +
          "', runs while the public methods of '" + Class + "' are called";
    else
      F.Message += "; concurrency assumed: '" + Class +
                   "' synchronises (a mutex or atomic member, or locks in its "
                   "methods), so its public methods may run at once";
    if (!Consistency) {
      F.Level = Severity::Remark;
      F.Message += "; no write to it takes a lock";
    }
    std::set<int> Noted;
    for (const ResolvedAccess *X : {&A, &B}) {
      int RootIndex = chain(X->Thread).back();
      const ThreadInstance &Root = Threads[RootIndex];
      if (Root.AssumedFromClass.empty() || Root.Constructing ||
          !Noted.insert(RootIndex).second)
        continue;
      if (const FunctionFacts *Entry = P.function(Root.EntryId))
        F.Notes.push_back({Entry->Loc, "'" + Root.EntryName +
                                           "' is public: assumed to be called "
                                           "from any thread"});
    }
    F.Details["assumed_from_class"] = Class;
    F.Details["lock_consistency"] = Consistency;
  }

  Finding makeFinding(const ResolvedAccess &A, const ResolvedAccess &B,
                      const std::string &Variable, const AbsPath &Path) {
    Finding F;
    F.Check = UnsynchronizedSharedStateCheck::Name;
    F.Level = Severity::Warning;
    F.Loc = A.Loc;
    std::string Other = describe(B);
    // Two threads running the same function: say "another".
    if (threadName(A.Thread) == threadName(B.Thread))
      Other = std::string(B.Write ? "written" : "read") +
              " by another thread '" + threadName(B.Thread) + "'" +
              (lockList(B).empty() ? " without a lock"
                                   : " holding " + lockList(B)) +
              ownerThreads(B);
    // Two fields for one memory location: adjacent bit-fields. (Two names
    // of the objects holding one field are not.)
    auto FieldOf = [](const std::string &Name) {
      size_t At = Name.find_last_of(".>:");
      return At == std::string::npos ? Name : Name.substr(At + 1);
    };
    std::string Subject = "'" + Variable + "'";
    if (FieldOf(A.Path.Name) != FieldOf(B.Path.Name) &&
        A.Path.Steps == B.Path.Steps)
      Subject += " (a bit-field sharing its memory location with '" +
                 (A.Path.Name == Variable ? B.Path.Name : A.Path.Name) + "')";
    if (A.Thread == B.Thread && A.Loc == B.Loc)
      F.Message = Subject + " is " + describe(A) + ", and '" +
                  threadName(A.Thread) + "' " +
                  (assumedClass(A.Thread).empty()
                       ? "runs in more than one thread at once"
                       : "may run in two threads at once");
    else
      F.Message = Subject + " is " + describe(A) + " and " + Other + " (" +
                  where(B.Loc) + ")";
    bool Volatile = A.Volatile || B.Volatile;
    if (Volatile)
      F.Message += "; volatile does not synchronize threads";
    std::set<unsigned> Noted;
    nlohmann::json ThreadsJson = nlohmann::json::array();
    for (unsigned T : {A.Thread, B.Thread}) {
      if (!Noted.insert(T).second)
        continue;
      const ThreadInstance &Th = Threads[T];
      nlohmann::json Started = nullptr;
      if (Th.StartLoc.valid()) {
        F.Notes.push_back(
            {Th.StartLoc, "thread '" + Th.EntryName + "' starts here" +
                              (Th.Multi ? ", more than once" : "")});
        Started = {{"file", Th.StartLoc.File},
                   {"line", Th.StartLoc.Line},
                   {"column", Th.StartLoc.Column}};
      }
      ThreadsJson.push_back({{"name", Th.EntryName},
                             {"entry_id", Th.EntryId},
                             {"started_at", Started},
                             {"concurrent_with_itself", Th.Multi}});
    }
    std::string LocksA = lockList(A), LocksB = lockList(B);
    F.Notes.push_back(
        {A.Loc, "locks held here: " + (LocksA.empty() ? "none" : LocksA) +
                    "; at " + where(B.Loc) + ": " +
                    (LocksB.empty() ? "none" : LocksB)});
    F.Notes.push_back({B.Loc, "the other access: " + Other});
    nlohmann::json Aliases = nlohmann::json::array();
    for (const std::string &Name : {A.Path.Name, B.Path.Name})
      if (Name != Variable && A.Path.Steps == B.Path.Steps &&
          std::find(Aliases.begin(), Aliases.end(), Name) == Aliases.end())
        Aliases.push_back(Name);
    F.Details = {{"variable",
                  {{"name", Variable},
                   {"aliases", Aliases},
                   {"path", Path.Display},
                   {"id", Path.key()}}},
                 {"accesses", {accessJson(A), accessJson(B)}},
                 {"threads", ThreadsJson},
                 {"volatile", Volatile}};
    return F;
  }

  const Program &P;
  std::vector<ThreadInstance> Threads;
  /// The threads each start made at its last run, by startKey (the
  /// thread, function and order of the spawn): where its status says it
  /// failed, they do not run.
  std::map<std::string, std::vector<unsigned>> StartedBy;
  /// The calls of program functions (by startKey) that started threads
  /// at some run; and, by that key and a class of result (ResultZeroMark,
  /// ResultNonZeroMark), the threads a direct call started at its last run
  /// where the callee returns that class only where they did not start
  /// (failsWithoutStarts). The frames of the calls being walked collect
  /// the threads they start (CallStarts): new ones, not live twins a
  /// start merged into, which run whatever the call's result says.
  std::set<std::string> CallsThatStarted;
  /// The last mergeIntoLiveTwin merged the other branch of a choice
  /// between two starts, no second run.
  bool MergedAlternative = false;
  /// Starts merged into a live twin so far (ThreadInstance::MergedAt).
  unsigned Merges = 0;
  /// The calls (by startKey) walked at their last run, memoised ones too.
  std::set<std::string> WalkedCalls;
  std::map<std::string, std::pair<std::vector<unsigned>, unsigned>>
      FailedCallStarts;
  std::vector<std::vector<unsigned>> CallStarts;
  /// The names of the volatile flags whose handshakes were seen, by key.
  std::map<std::string, std::string> VolatileFlagNames;
  std::vector<ResolvedAccess> Accesses;
  std::vector<SyncRecord> Syncs;
  /// The flags of hand-made onces tested holding a lock somewhere (keys):
  /// only their branches hold the once's mark.
  std::set<std::string> LockedOnceTests;
  std::set<std::string> MultiThreadedExecutors;
  /// Classes assumed concurrent whose methods take locks.
  std::set<std::string> LockingClasses;
  /// Programs some walk saw start a thread (Context::Program).
  std::set<std::string> ThreadedPrograms;
  /// Programs whose main's whole walk started none.
  std::set<std::string> SingleThreadedPrograms;
  std::map<std::string, std::set<std::string>> CapturedFrames;
  /// Callables stored somewhere, by the `this` of the code storing them.
  std::map<std::string, AbsPath> CreatorThis;
  /// The same, per thread, with the position of each store, latest last.
  std::map<std::pair<unsigned, std::string>,
           std::vector<std::pair<unsigned, AbsPath>>>
      CreatorThisInThread;
  unsigned NextPos = 1;
  unsigned Epoch = 0;
  /// Accesses by identityOf, for merging one made again.
  std::unordered_map<std::string, size_t> AccessIndex;
  /// What each walk in progress did, innermost last (Touch).
  std::vector<std::vector<Touch>> Touches;
  /// The objects each thread acquired already (recordSync).
  std::set<std::pair<unsigned, std::string>> AcquiredInThread;
  /// Where each thread first came back from each once ("once:<flag>"):
  /// a position in its order.
  std::map<std::pair<unsigned, std::string>, unsigned> OnceDoneAt;
  /// First-call flags by the flag's id: the function whose static local it
  /// is, and the value it keeps after that function's first call
  /// (indexFirstCallFlags). Their functions' returns are noted in
  /// OnceDoneAt, keyed FirstCallMark + the function's id.
  struct SettledFlag {
    std::string Function;
    long long Value = 0;
  };
  std::map<std::string, SettledFlag> FirstCallFlags;
  std::set<std::string> FirstCallFunctions;
  std::map<unsigned, unsigned> FirstCallsDone;
  inline static const std::string FirstCallMark = "firstcall:";
  /// Numbers the calls made in loops (Context::LoopCalls).
  unsigned NextCallInstance = 0;
  /// Inside fieldCallablesBelow (it resolves places, which may resolve
  /// calls' results through their callees' contexts).
  bool BindingFields = false;
  /// Numbers the walks of calls (Context::Frame).
  unsigned NextFrame = 0;
  std::vector<LoopLink> LoopLinks;
  std::unordered_map<LoopLink, unsigned, LoopLinkHash> LoopLinkIds;
  /// The integer constants the writes store, by index in Accesses.
  std::unordered_map<size_t, long long> StoredConstants;
  /// The objects each thread acquired since it last started a thread.
  std::set<std::pair<unsigned, std::string>> AcquiredSinceStart;
  struct WalkMemo {
    LockEffect Effect;
    std::vector<Touch> Touched;
  };
  std::unordered_map<std::string, WalkMemo> Walked;
  /// Joins the walks met, whether they ended a thread or not.
  unsigned JoinsMet = 0;
  /// mayStartThreads, by function id.
  std::unordered_map<std::string, bool> StartsThreads;
  size_t AccessesInThread = 0;
  /// footprint() of all accesses kept, and their identities.
  size_t AccessBytes = 0;
  /// AccessBytes when the thread being walked began.
  size_t BytesBeforeThread = 0;
  size_t CallsInThread = 0;
  size_t CallBudget = MaxCallsPerThread;
  size_t AccessBudget = MaxAccessesPerThread;
  size_t FirstClassRoot = 0;
  bool Truncated = false;
  /// Pointer stores into own slots (noteSlotStore), and the pointers found
  /// to point at each copy's own objects: (thread entry, pointer's key).
  struct SlotStore {
    unsigned Thread;
    std::string Cell;
    AbsPath Pointee;
  };
  std::vector<SlotStore> SlotStores;
  /// The indexes in SlotStores of each thread's stores into each cell.
  std::map<std::pair<unsigned, std::string>, std::vector<size_t>> SlotStoresAt;
  std::unordered_set<std::string> SlotStoreSeen;
  /// Buffer -> the pointers stored to point at it (noteBufferPointer).
  std::unordered_map<std::string, std::vector<std::string>> BufferPointers;
  /// For each pointer stored to ("<cell>*"), the objects stored there
  /// ("<object>*"; "" for an address concur cannot follow), up to two.
  std::unordered_map<std::string, std::set<std::string>> StoredPointees;
  /// What the last store so far into each of those whose pointer is a
  /// field of a heap object itself aimed it at (nothing: concur cannot
  /// tell), and those fields by object (addStartObject).
  std::unordered_map<std::string, std::optional<AbsPath>> LastPointees;
  std::unordered_map<std::string, std::set<std::string>> PointerFieldsOf;
  /// Some thread has StartPointees.
  bool AnyStartPointees = false;
  /// The cells each heap object's address was stored into (at most
  /// MaxAddressCells; keptElsewhere).
  std::unordered_map<std::string, std::set<std::string>> AddressStoredIn;
  /// For an object a call returned new (resolveReturn), named by that
  /// call: the name it went by inside the callee, the last time.
  std::unordered_map<std::string, std::string> MadeInside;
  /// The names of places a function that starts threads increments: the
  /// tests of which may tell that none started (beforeCountedStart).
  std::set<std::string> CounterFlagNames;
  /// A place that counts the threads some starts made (noteCounterWrite).
  struct StartCounter {
    std::set<unsigned> Counted;
    /// Where a store of 0 was last made (0: nowhere).
    unsigned LastReset = 0;
    /// Written otherwise (a decrement, a computed value): no counter.
    bool Other = false;
  };
  std::unordered_map<std::string, StartCounter> StartCounters;
  /// Pointer cells of globals ("G:<usr><fields>"), and of locals' own
  /// places (isLocalVariableCell) -> the one object each store so far
  /// aimed them at; empty once they point at more (noteGlobalPointee).
  std::unordered_map<std::string, std::optional<AbsPath>> GlobalPointees;
  /// The threads each try or timed join joined, by the walk of the call
  /// (Context::Frame) and the join's order there.
  std::map<std::pair<unsigned, unsigned>, std::vector<unsigned>> TryJoined;
  /// Places in variables some access indexes as arrays (indexIndexedCells).
  std::unordered_set<std::string> IndexedCells;
  /// The roots of the objects global pointers point at, one each.
  std::unordered_set<std::string> GlobalPointeeRoots;
  /// The pointers of StoredPointees that point to one object only
  /// ("<pointer>*", the object's key).
  std::vector<std::pair<std::string, std::string>> SinglePointees;
  /// mayGiveBack's answer for the whole program, once asked.
  std::optional<std::unordered_set<std::string>> GivesBack;
  /// Pointers holding a mutex a call returned holding (noteLockPointer).
  std::unordered_map<std::string, std::string> LockPointers;
  std::vector<unsigned> ThreadsWithHandles;
  std::set<std::pair<std::string, std::string>> OwnPointerCells;
  /// Pointer stores into fields (noteFieldStore): the thread, the
  /// field's step, the object pointed to, the root of the object stored
  /// into and whether the store reaches it with no dereference.
  struct FieldStore {
    unsigned Thread;
    std::string Field;
    AbsPath Pointee;
    std::string CellRoot;
    bool Direct;
  };
  std::vector<FieldStore> FieldStores;
  std::unordered_set<std::string> FieldStoreSeen;
  /// (thread entry, field) pairs every store points at the thread's own
  /// (findOwnFields).
  std::set<std::pair<std::string, std::string>> OwnFields;
  /// Per field (".result"): does every pointer any walk stored there
  /// address an object just allocated (not a copy of another pointer, not
  /// an address concur cannot follow)? Then no two objects' fields point
  /// at one object. Stores of null do not count.
  std::map<std::string, bool> FreshFilledFields;
  /// The same per struct's field ("bseq1_t::seq"), for stores that name
  /// it; and the fields (".seq") some store concur could not tie to a
  /// struct filled with anything but a new object.
  std::map<std::string, bool> FreshFilledRecordFields;
  std::set<std::string> StaleUnknownRecordFields;
  std::map<std::string, bool> FreshElementArrays;
  /// Per callable slot: what the calls through it may reach (a null entry
  /// for a call concur could not resolve).
  std::map<std::string, std::vector<const CallTarget *>> SlotTargets;
  std::set<std::string> StartFlagNames;
  /// The names of the global flags tested on the way to a start
  /// (indexStartFlags), and the keys of those resolved only for that.
  std::set<std::string> GuardFlagNames;
  std::set<std::string> PublishedFlagNames;
  std::unordered_set<std::string> GuardOnlyKeys;
  /// The keys of flags kept only for afterFlagPublication.
  std::unordered_set<std::string> PublishedOnlyKeys;
  /// The flags of places called through (CallSite::CalledFrom): carried
  /// into the callees, whose accesses they order.
  std::unordered_set<std::string> CalledPointerKeys;
  /// Per function, returnedLater's answer for each of its accesses.
  std::unordered_map<const FunctionFacts *, std::vector<bool>> ReturnedLater;
  /// The keys of flags some thread claimed as a token (trackToken).
  std::set<std::string> TokenFlags;
  std::map<std::string, std::set<std::string>> ExposedPlaces;
  /// The functions that start a thread, directly or through calls.
  std::set<std::string> StartingFunctions;
  /// Per access (by its first position, which no other has): the flags
  /// tested on the way to it and the values they held there
  /// (isFlagGuard); every position a tracked flag write was made at.
  std::unordered_map<unsigned, FlagGuards> FlagGuardsOf;
  /// The accesses of each flag a guard names, or of an object holding it
  /// (afterFlagPublication), found when first asked; true for the flag's
  /// own (not the object's as a whole).
  std::unordered_map<std::string, std::vector<std::pair<size_t, bool>>>
      FlagAccessIndex;
  std::unordered_map<unsigned, std::vector<unsigned>> FlagWriteOccurrences;
  /// Per program (its main's file): the functions its code may reach.
  std::map<std::string, std::set<std::string>> ProgramReach;
  /// Parameter tests' steps, parsed (testedValues).
  std::unordered_map<std::string, FlagValues> ParsedTests;
  /// Per place: the threads that wrote their own id there
  /// (MemoryAccess::StoresCurrentThreadId), UINT_MAX for any other write
  /// (findOtherIdWrites).
  std::map<std::string, std::set<unsigned>> IdKeepers;
  /// Per thread and sync object: where it released and acquired it, in
  /// ascending order (acquires: the first since each start, recordSync).
  struct SyncTimes {
    std::vector<unsigned> Releases, Acquires;
  };
  std::map<std::pair<unsigned, std::string>, SyncTimes> SyncIndex;
};

} // namespace

void UnsynchronizedSharedStateCheck::run(const Program &P,
                                         std::vector<Finding> &Out,
                                         CheckStats &Stats) {
  RaceFinder(P).run(Out, Stats);
}

} // namespace concur
