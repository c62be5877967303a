//===- Vocabulary.cpp - Spellings of the catalog's enums ------------------===//

#include "catalog/Vocabulary.h"

#include <utility>

namespace concur {
namespace {

template <class E, size_t N>
const char *spell(const std::pair<E, const char *> (&Table)[N], E Value) {
  for (const auto &[V, Word] : Table)
    if (V == Value)
      return Word;
  return "";
}

template <class E, size_t N>
std::optional<E> parse(const std::pair<E, const char *> (&Table)[N],
                       const std::string &S) {
  for (const auto &[V, Word] : Table)
    if (S == Word)
      return V;
  return std::nullopt;
}

template <class E, size_t N>
std::vector<std::string> words(const std::pair<E, const char *> (&Table)[N]) {
  std::vector<std::string> Out;
  for (const auto &[V, Word] : Table)
    if (*Word)
      Out.push_back(Word);
  return Out;
}

const std::pair<EntryKind, const char *> EntryKinds[] = {
    {EntryKind::Blocking, "blocking"},
    {EntryKind::Spawn, "spawn"},
    {EntryKind::ExecutorSwitch, "executor-switch"},
    {EntryKind::ExecutorBounce, "executor-bounce"},
    {EntryKind::CpuHeavy, "cpu-heavy"},
    {EntryKind::MtUnsafe, "mt-unsafe"},
    {EntryKind::Sync, "sync"},
    {EntryKind::ThreadSafe, "thread-safe"},
    {EntryKind::Type, "type"},
    {EntryKind::Function, "function"},
    {EntryKind::Method, "method"},
    {EntryKind::Start, "start"},
    {EntryKind::Descriptor, "descriptor"},
};

const std::pair<DescriptorEffect, const char *> DescriptorEffects[] = {
    {DescriptorEffect::NonBlocking, "non-blocking"},
    {DescriptorEffect::Lingering, "lingering"},
};

const std::pair<DescriptorBlocking, const char *> DescriptorBlockings[] = {
    {DescriptorBlocking::UnlessNonBlocking, "unless-non-blocking"},
    {DescriptorBlocking::IfLingering, "if-lingering"},
};

const std::pair<ExecutionContext, const char *> ExecutionContexts[] = {
    {ExecutionContext::EventLoop, "event-loop"},
    {ExecutionContext::SharedPool, "shared-pool"},
    {ExecutionContext::DedicatedThread, "dedicated-thread"},
    {ExecutionContext::CallingThread, "calling-thread"},
    {ExecutionContext::Unknown, "unknown"},
};

const std::pair<SyncOp, const char *> SyncOps[] = {
    {SyncOp::Lock, "lock"},
    {SyncOp::Unlock, "unlock"},
    {SyncOp::LockShared, "lock-shared"},
    {SyncOp::UnlockShared, "unlock-shared"},
    {SyncOp::TryLock, "try-lock"},
    {SyncOp::TryLockShared, "try-lock-shared"},
    {SyncOp::TryJoin, "try-join"},
    {SyncOp::LockAll, "lock-all"},
    {SyncOp::Guard, "guard"},
    {SyncOp::GuardShared, "guard-shared"},
    {SyncOp::GuardDeferred, "guard-deferred"},
    {SyncOp::GuardLock, "guard-lock"},
    {SyncOp::GuardUnlock, "guard-unlock"},
    {SyncOp::GuardOwns, "guard-owns"},
    {SyncOp::Release, "release"},
    {SyncOp::Acquire, "acquire"},
    {SyncOp::ReleaseAcquire, "release-acquire"},
    {SyncOp::Join, "join"},
    {SyncOp::Once, "once"},
    {SyncOp::TestAndSet, "test-and-set"},
    {SyncOp::Clear, "clear"},
    {SyncOp::WithLock, "with-lock"},
    {SyncOp::RunsExecutor, "runs-executor"},
};

const std::pair<SpawnModel, const char *> SpawnModels[] = {
    {SpawnModel::Thread, "thread"},   {SpawnModel::Async, "async"},
    {SpawnModel::Pool, "pool"},       {SpawnModel::OpenMP, "openmp"},
    {SpawnModel::Process, "process"}, {SpawnModel::Executor, "executor"},
};

const std::pair<LibraryRole, const char *> LibraryRoles[] = {
    {LibraryRole::Atomic, "atomic"},
    {LibraryRole::AtomicRef, "atomic-ref"},
    {LibraryRole::SyncObject, "sync-object"},
    {LibraryRole::SmartPointer, "smart-pointer"},
    {LibraryRole::IndexedContainer, "indexed-container"},
    {LibraryRole::KeyedContainer, "keyed-container"},
    {LibraryRole::CallableWrapper, "callable-wrapper"},
    {LibraryRole::JoinsOnDestruction, "joins-on-destruction"},
    {LibraryRole::LockOption, "lock-option"},
    {LibraryRole::EventLoopExecutor, "event-loop-executor"},
    {LibraryRole::PoolExecutor, "pool-executor"},
    {LibraryRole::DedicatedThreadExecutor, "dedicated-thread-executor"},
    {LibraryRole::InlineExecutor, "inline-executor"},
    {LibraryRole::ExecutorQuery, "executor-query"},
    {LibraryRole::SingleThreaded, "single-threaded"},
    {LibraryRole::ThreadHandle, "thread-handle"},
    {LibraryRole::PassThrough, "pass-through"},
    {LibraryRole::ReferenceWrapper, "reference-wrapper"},
    {LibraryRole::BindsCallable, "binds-callable"},
    {LibraryRole::StoresCallable, "stores-callable"},
    {LibraryRole::CallsCallable, "calls-callable"},
    {LibraryRole::AwaitsAll, "awaits-all"},
    {LibraryRole::CurrentThreadId, "current-thread-id"},
    {LibraryRole::ThreadIdEquality, "thread-id-equality"},
    {LibraryRole::Allocates, "allocates"},
    {LibraryRole::Reallocates, "reallocates"},
    {LibraryRole::PointsIntoArgument, "points-into-argument"},
    {LibraryRole::WritesFirstPointee, "writes-first-pointee"},
    {LibraryRole::ReadsSecondPointee, "reads-second-pointee"},
    {LibraryRole::KnownResults, "known-results"},
    {LibraryRole::EndsThread, "ends-thread"},
    {LibraryRole::ElementAccess, "element-access"},
    {LibraryRole::NonMutating, "non-mutating"},
    {LibraryRole::InsertsElement, "inserts-element"},
    {LibraryRole::FirstElement, "first-element"},
    {LibraryRole::PointeeAccess, "pointee-access"},
    {LibraryRole::ReadinessTest, "readiness-test"},
};

const std::pair<ApiKind, const char *> ApiKinds[] = {
    {ApiKind::Blocking, "blocking"},
    {ApiKind::CpuHeavy, "cpu-heavy"},
    {ApiKind::MtUnsafe, "mt-unsafe"},
};

} // namespace

const char *entryKindName(EntryKind K) { return spell(EntryKinds, K); }
std::optional<EntryKind> parseEntryKind(const std::string &S) {
  return parse(EntryKinds, S);
}
const char *syncOpName(SyncOp Op) { return spell(SyncOps, Op); }
std::optional<SyncOp> parseSyncOp(const std::string &S) {
  return parse(SyncOps, S);
}
const char *spawnModelName(SpawnModel M) { return spell(SpawnModels, M); }
std::optional<SpawnModel> parseSpawnModel(const std::string &S) {
  return parse(SpawnModels, S);
}
const char *libraryRoleName(LibraryRole R) { return spell(LibraryRoles, R); }
std::optional<LibraryRole> parseLibraryRole(const std::string &S) {
  return parse(LibraryRoles, S);
}
const char *apiKindName(ApiKind K) { return spell(ApiKinds, K); }
std::optional<ApiKind> parseApiKind(const std::string &S) {
  return parse(ApiKinds, S);
}

const char *descriptorEffectName(DescriptorEffect E) {
  return spell(DescriptorEffects, E);
}
std::optional<DescriptorEffect> parseDescriptorEffect(const std::string &S) {
  return parse(DescriptorEffects, S);
}
std::vector<std::string> descriptorEffectSpellings() {
  return words(DescriptorEffects);
}
const char *descriptorBlockingName(DescriptorBlocking B) {
  return spell(DescriptorBlockings, B);
}
std::optional<DescriptorBlocking>
parseDescriptorBlocking(const std::string &S) {
  return parse(DescriptorBlockings, S);
}
std::vector<std::string> descriptorBlockingSpellings() {
  return words(DescriptorBlockings);
}

const char *executionContextName(ExecutionContext C) {
  return C == ExecutionContext::None ? "none" : spell(ExecutionContexts, C);
}
std::optional<ExecutionContext> parseExecutionContext(const std::string &S) {
  return parse(ExecutionContexts, S);
}
std::vector<std::string> executionContextSpellings() {
  return words(ExecutionContexts);
}

ExecutionContext contextOfExecutorRole(LibraryRole R) {
  switch (R) {
  case LibraryRole::EventLoopExecutor:
    return ExecutionContext::EventLoop;
  case LibraryRole::PoolExecutor:
    return ExecutionContext::SharedPool;
  case LibraryRole::DedicatedThreadExecutor:
    return ExecutionContext::DedicatedThread;
  case LibraryRole::InlineExecutor:
    return ExecutionContext::CallingThread;
  default:
    return ExecutionContext::None;
  }
}

bool roleFitsKind(LibraryRole R, EntryKind K) {
  switch (R) {
  case LibraryRole::None:
    return false;
  case LibraryRole::Atomic:
  case LibraryRole::AtomicRef:
  case LibraryRole::SyncObject:
  case LibraryRole::SmartPointer:
  case LibraryRole::IndexedContainer:
  case LibraryRole::KeyedContainer:
  case LibraryRole::CallableWrapper:
  case LibraryRole::JoinsOnDestruction:
  case LibraryRole::LockOption:
  case LibraryRole::EventLoopExecutor:
  case LibraryRole::PoolExecutor:
  case LibraryRole::DedicatedThreadExecutor:
  case LibraryRole::InlineExecutor:
  case LibraryRole::ExecutorQuery:
  case LibraryRole::SingleThreaded:
  case LibraryRole::ThreadHandle:
    return K == EntryKind::Type;
  case LibraryRole::PassThrough:
  case LibraryRole::ReferenceWrapper:
  case LibraryRole::BindsCallable:
  case LibraryRole::StoresCallable:
  case LibraryRole::CallsCallable:
  case LibraryRole::AwaitsAll:
  case LibraryRole::CurrentThreadId:
  case LibraryRole::ThreadIdEquality:
  case LibraryRole::Allocates:
  case LibraryRole::Reallocates:
  case LibraryRole::PointsIntoArgument:
  case LibraryRole::WritesFirstPointee:
  case LibraryRole::ReadsSecondPointee:
  case LibraryRole::KnownResults:
  case LibraryRole::EndsThread:
    return K == EntryKind::Function;
  case LibraryRole::ElementAccess:
  case LibraryRole::NonMutating:
  case LibraryRole::InsertsElement:
  case LibraryRole::FirstElement:
  case LibraryRole::PointeeAccess:
  case LibraryRole::ReadinessTest:
    return K == EntryKind::Method;
  }
  return false;
}

std::string spellingsOf(const std::vector<std::string> &Words) {
  std::string S;
  for (size_t I = 0; I < Words.size(); ++I)
    S += (I == 0 ? "" : I + 1 == Words.size() ? " or " : ", ") + Words[I];
  return S;
}

std::vector<std::string> syncOpSpellings() { return words(SyncOps); }
std::vector<std::string> spawnModelSpellings() { return words(SpawnModels); }
std::vector<std::string> entryKindSpellings() { return words(EntryKinds); }
std::vector<std::string> libraryRoleSpellings(EntryKind K) {
  std::vector<std::string> Out;
  for (const auto &[R, Word] : LibraryRoles)
    if (roleFitsKind(R, K))
      Out.push_back(Word);
  return Out;
}

} // namespace concur
