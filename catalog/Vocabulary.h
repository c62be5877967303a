//===- Vocabulary.h - The words the catalog and the facts share -----------===//
//
// What a catalogued API is (its kind), what a synchronisation call does (its
// op), how spawned work runs (its model) and what role a library type or
// function plays. Each is an enum with one table of spellings, used to read
// the catalog, to write and read facts, and to print messages; nothing
// compares these words as strings anywhere else.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_CATALOG_VOCABULARY_H
#define CONCUR_CATALOG_VOCABULARY_H

#include <optional>
#include <string>
#include <vector>

namespace concur {

/// What a catalog entry describes.
enum class EntryKind {
  Blocking,       // Waits: sleep, I/O, a lock, a join.
  Spawn,          // Runs its callable arguments on another thread.
  ExecutorSwitch, // After co_await, the coroutine runs elsewhere.
  ExecutorBounce, // Looks like a switch; resumes where it was.
  CpuHeavy,       // Library computation worth counting.
  MtUnsafe,       // Not safe to call from several threads at once.
  Sync,           // Locks and ordering (see SyncOp).
  ThreadSafe,     // Types and objects whose use from threads is no race.
  Type,           // A library type's role (see LibraryRole).
  Function,       // A library function's role.
  Method,         // A library method's role, by the method's own name.
  Start,      // Starts a coroutine (or awaitable) it is given on an executor.
  Descriptor, // Makes a file descriptor, or changes how it behaves.
};

/// What a descriptor entry does to the descriptor it makes or is given.
enum class DescriptorEffect {
  None,
  NonBlocking, // Calls on it return at once (O_NONBLOCK, SOCK_NONBLOCK).
  Lingering,   // close() waits for unsent data (SO_LINGER).
};

/// When a call on a descriptor blocks (blocking entries with fd_arg).
enum class DescriptorBlocking {
  None,
  UnlessNonBlocking, // read, write, recv...: not on a non-blocking one.
  IfLingering,       // close: only with SO_LINGER set.
};

/// Where code runs: what a blocking call there holds up.
enum class ExecutionContext {
  None,            // Not said (no switch, no start).
  EventLoop,       // A thread running many tasks in turn: blocking stalls all.
  SharedPool,      // A pool's worker: blocking holds one worker.
  DedicatedThread, // A thread of its own: blocking holds nothing else.
  CallingThread,   // Wherever the code that starts it runs.
  Unknown,         // Started by nothing concur sees.
};

/// What a synchronisation call does to locks and ordering.
enum class SyncOp {
  None,
  Lock,
  Unlock,
  LockShared,
  UnlockShared,
  TryLock,
  TryLockShared,
  /// pthread_tryjoin_np, pthread_timedjoin_np: a join on the branch where
  /// it succeeded.
  TryJoin,
  LockAll,
  Guard,
  GuardShared,
  GuardDeferred,
  GuardLock,
  GuardUnlock,
  GuardOwns,
  Release,
  Acquire,
  ReleaseAcquire,
  Join,
  Once,
  TestAndSet,
  Clear,
  WithLock,
  RunsExecutor,
};

/// How the work a spawn starts runs.
enum class SpawnModel {
  None,
  Thread,   // A thread of its own.
  Async,    // std::async: a thread per call.
  Pool,     // A shared pool of worker threads.
  OpenMP,   // A team of threads for a parallel region.
  Process,  // Another process.
  Executor, // Whatever threads run an executor (an io_context).
};

/// What a library type or function is, for the fact extractor.
enum class LibraryRole {
  None,
  // Types.
  Atomic,           // Its operations are atomic: never a race by itself.
  AtomicRef,        // Constructed on an object, makes its accesses atomic.
  SyncObject,       // Its methods are the synchronisation (mutex, thread).
  SmartPointer,     // Points to an object, like a raw pointer.
  IndexedContainer, // operator[] reaches an element without inserting.
  KeyedContainer,   // operator[] inserts a missing key: a write.
  CallableWrapper,  // Holds a callable (std::function): calling it calls that.
  JoinsOnDestruction, // A thread joined when the object dies (std::jthread).
  LockOption, // An argument of a guard that is no mutex (a tag, a timeout).
  // Executors and schedulers, by where what they run runs.
  EventLoopExecutor,       // One thread (or a strand) running tasks in turn.
  PoolExecutor,            // Several worker threads sharing the tasks.
  DedicatedThreadExecutor, // A thread per task, or one worker of its own.
  InlineExecutor,          // Runs what it is given on the calling thread.
  ExecutorQuery, // Awaited, gives the coroutine's executor (none: it has none).
  SingleThreaded, // A class used from one thread: never assumed concurrent.
  ThreadHandle,   // Names a thread (pthread_t): a copy names the same thread.
  // Functions.
  PassThrough,      // Returns (a reference to) its argument.
  ReferenceWrapper, // std::ref: hands a new thread the object, not a copy.
  BindsCallable,    // Returns a callable that calls its first argument.
  StoresCallable, // Keeps its callable arguments for later; does not call them.
  CallsCallable,  // Calls its callable arguments before it returns.
  AwaitsAll,      // Awaited, completes when all its arguments have (when_all).
  CurrentThreadId,    // Returns the calling thread's id (pthread_self, gettid).
  ThreadIdEquality,   // Compares two thread ids for equality (pthread_equal).
  Allocates,          // Returns a pointer to a new object (malloc, calloc).
  Reallocates,        // Returns a new object or its first argument (realloc).
  PointsIntoArgument, // Returns a pointer into its first argument (strchr).
  WritesFirstPointee, // Writes what its first argument points to (memset).
  ReadsSecondPointee, // Reads what its second argument points to (memcpy).
  KnownResults, // Returns one of its entry's results (pthread_sigmask: 0).
  EndsThread,   // Does not return, but ends the calling thread only
                // (pthread_exit).
  // Methods of library classes, by name.
  ElementAccess,  // Reaches one element (operator[], at, front).
  NonMutating,    // Does not modify the object, though not const.
  InsertsElement, // Adds its arguments to the container.
  FirstElement,   // Reaches the first element (front).
  PointeeAccess,  // A smart pointer's raw pointer to its object (get).
  ReadinessTest,  // True when the object's result is there (is_ready).
};

/// Kinds of blocking, CPU-heavy and not-thread-safe uses recorded in facts.
enum class ApiKind { Blocking, CpuHeavy, MtUnsafe };

const char *entryKindName(EntryKind K);
std::optional<EntryKind> parseEntryKind(const std::string &S);
const char *syncOpName(SyncOp Op);
std::optional<SyncOp> parseSyncOp(const std::string &S);
const char *spawnModelName(SpawnModel M);
std::optional<SpawnModel> parseSpawnModel(const std::string &S);
const char *libraryRoleName(LibraryRole R);
std::optional<LibraryRole> parseLibraryRole(const std::string &S);
const char *apiKindName(ApiKind K);
const char *descriptorEffectName(DescriptorEffect E);
std::optional<DescriptorEffect> parseDescriptorEffect(const std::string &S);
std::vector<std::string> descriptorEffectSpellings();
const char *descriptorBlockingName(DescriptorBlocking B);
std::optional<DescriptorBlocking> parseDescriptorBlocking(const std::string &S);
std::vector<std::string> descriptorBlockingSpellings();
const char *executionContextName(ExecutionContext C);
std::optional<ExecutionContext> parseExecutionContext(const std::string &S);
std::vector<std::string> executionContextSpellings();
/// The context an executor type's role gives what it runs.
ExecutionContext contextOfExecutorRole(LibraryRole R);
std::optional<ApiKind> parseApiKind(const std::string &S);

/// The roles an entry of a kind may have ("type" entries take type roles).
bool roleFitsKind(LibraryRole R, EntryKind K);

/// Every spelling of an enum, for messages listing what is allowed.
std::string spellingsOf(const std::vector<std::string> &Words);
std::vector<std::string> syncOpSpellings();
std::vector<std::string> spawnModelSpellings();
std::vector<std::string> entryKindSpellings();
std::vector<std::string> libraryRoleSpellings(EntryKind K);

} // namespace concur

#endif // CONCUR_CATALOG_VOCABULARY_H
