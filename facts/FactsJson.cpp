//===- FactsJson.cpp - Facts to and from JSON -----------------------------===//

#include "facts/FactsJson.h"

#include <algorithm>
#include <tuple>

namespace concur {

using nlohmann::json;

bool operator<(const SourceLoc &A, const SourceLoc &B) {
  return std::tie(A.File, A.Line, A.Column) <
         std::tie(B.File, B.Line, B.Column);
}

bool operator==(const SourceLoc &A, const SourceLoc &B) {
  return A.File == B.File && A.Line == B.Line && A.Column == B.Column;
}

const char *callKindName(CallKind K) {
  switch (K) {
  case CallKind::Direct:
    return "direct";
  case CallKind::Virtual:
    return "virtual";
  case CallKind::Indirect:
    return "indirect";
  case CallKind::Callback:
    return "callback";
  case CallKind::ScopeEnd:
    return "scope_end";
  }
  return "direct";
}

std::optional<CallKind> parseCallKind(const std::string &S) {
  for (CallKind K : {CallKind::Direct, CallKind::Virtual, CallKind::Indirect,
                     CallKind::Callback, CallKind::ScopeEnd})
    if (S == callKindName(K))
      return K;
  return std::nullopt;
}

const char *rootKindName(AccessPath::RootKind K) {
  switch (K) {
  case AccessPath::RootKind::Global:
    return "global";
  case AccessPath::RootKind::Local:
    return "local";
  case AccessPath::RootKind::This:
    return "this";
  case AccessPath::RootKind::Param:
    return "param";
  case AccessPath::RootKind::Return:
    return "return";
  }
  return "global";
}

std::optional<AccessPath::RootKind> parseRootKind(const std::string &S) {
  using K = AccessPath::RootKind;
  for (K Kind : {K::Global, K::Local, K::This, K::Param, K::Return})
    if (S == rootKindName(Kind))
      return Kind;
  return std::nullopt;
}

/// Reads one word of an enum's vocabulary; an unknown word makes the whole
/// document unusable (a damaged cache entry is parsed again, never trusted).
template <class E>
static E readWord(const json &J, const char *Key,
                  std::optional<E> (*Parse)(const std::string &)) {
  std::optional<E> Value = Parse(J.at(Key).get<std::string>());
  if (!Value)
    throw json::other_error::create(
        501, std::string("unknown value for '") + Key + "'", &J);
  return *Value;
}

template <class T> static json optionalJson(const std::optional<T> &V) {
  return V ? json(*V) : json(nullptr);
}

template <class T>
static void readOptional(const json &J, const char *Key, std::optional<T> &V) {
  if (J.contains(Key) && !J.at(Key).is_null())
    V = J.at(Key).get<T>();
  else
    V.reset();
}

static json optionalPaths(const std::vector<std::optional<AccessPath>> &Ps) {
  json A = json::array();
  for (const auto &P : Ps)
    A.push_back(optionalJson(P));
  return A;
}

static void readOptionalPaths(const json &J, const char *Key,
                              std::vector<std::optional<AccessPath>> &Ps) {
  Ps.clear();
  if (!J.contains(Key))
    return;
  for (const json &E : J.at(Key))
    Ps.push_back(E.is_null() ? std::nullopt
                             : std::optional<AccessPath>(E.get<AccessPath>()));
}

void to_json(json &J, const AccessPath &P) {
  J = json{{"root", rootKindName(P.Root)},
           {"root_id", P.RootId},
           {"root_name", P.RootName},
           {"owner", P.OwnerId},
           {"by_copy", P.ByCopy},
           {"steps", P.Steps},
           {"name", P.Name}};
  if (P.FreshPerClosure)
    J["fresh_per_closure"] = true;
}

void from_json(const json &J, AccessPath &P) {
  P.Root = readWord(J, "root", parseRootKind);
  J.at("root_id").get_to(P.RootId);
  J.at("root_name").get_to(P.RootName);
  J.at("owner").get_to(P.OwnerId);
  J.at("by_copy").get_to(P.ByCopy);
  J.at("steps").get_to(P.Steps);
  J.at("name").get_to(P.Name);
  P.FreshPerClosure = J.value("fresh_per_closure", false);
}

void to_json(json &J, const HeldLock &L) {
  J = json{{"mutex", L.Mutex}, {"shared", L.Shared}};
  if (L.Awaited)
    J["awaited"] = true;
}

void from_json(const json &J, HeldLock &L) {
  J.at("mutex").get_to(L.Mutex);
  J.at("shared").get_to(L.Shared);
  L.Awaited = J.value("awaited", false);
}

void to_json(json &J, const SuspendPoint &P) {
  J = json{{"loc", P.Loc},
           {"order", P.Order},
           {"yield", P.Yield},
           {"held", P.Held},
           {"taken_at", P.TakenAt},
           {"released_before", P.ReleasedBefore},
           {"maybe_held", P.MaybeHeld},
           {"maybe_taken_at", P.MaybeTakenAt}};
  if (std::any_of(P.ScopeEnds.begin(), P.ScopeEnds.end(),
                  [](const auto &E) { return !E.empty(); }))
    J["scope_ends"] = P.ScopeEnds;
}

void from_json(const json &J, SuspendPoint &P) {
  J.at("loc").get_to(P.Loc);
  J.at("order").get_to(P.Order);
  J.at("yield").get_to(P.Yield);
  J.at("held").get_to(P.Held);
  J.at("taken_at").get_to(P.TakenAt);
  J.at("released_before").get_to(P.ReleasedBefore);
  J.at("maybe_held").get_to(P.MaybeHeld);
  J.at("maybe_taken_at").get_to(P.MaybeTakenAt);
  if (J.contains("scope_ends"))
    J.at("scope_ends").get_to(P.ScopeEnds);
  if (P.TakenAt.size() != P.Held.size() ||
      P.MaybeTakenAt.size() != P.MaybeHeld.size() ||
      (!P.ScopeEnds.empty() && P.ScopeEnds.size() != P.Held.size()))
    throw json::other_error::create(503, "held locks and places differ", &J);
}

void to_json(json &J, const MemoryAccess &A) {
  J = json{{"path", A.Path},    {"write", A.Write}, {"loc", A.Loc},
           {"order", A.Order},  {"locks", A.Locks}, {"volatile", A.Volatile},
           {"atomic", A.Atomic}};
  if (!A.UnreachedCalls.empty())
    J["unreached_calls"] = A.UnreachedCalls;
  if (!A.MaybeLocks.empty())
    J["maybe_locks"] = A.MaybeLocks;
  if (!A.GivenBack.empty())
    J["given_back"] = A.GivenBack;
  if (A.KeptIdTest)
    J["kept_id_test"] = true;
  if (A.WholeValue)
    J["whole_value"] = true;
  if (A.Block)
    J["block"] = true;
  if (!A.CopiedPointerFields.empty())
    J["copied_pointer_fields"] = A.CopiedPointerFields;
  if (A.CopiedFrom)
    J["copied_from"] = optionalJson(A.CopiedFrom);
  if (!A.CopiedPointerRecords.empty())
    J["copied_pointer_records"] = A.CopiedPointerRecords;
  if (!A.FieldRecords.empty())
    J["field_records"] = A.FieldRecords;
  if (A.Unpublished)
    J["unpublished"] = true;
  if (A.InLoop)
    J["in_loop"] = true;
  if (A.Loop)
    J["loop"] = A.Loop;
  if (A.StoredConstant)
    J["stored_constant"] = *A.StoredConstant;
  if (A.CountsUp)
    J["counts_up"] = true;
  if (!A.LazyInitOf.empty())
    J["lazy_init_of"] = A.LazyInitOf;
  if (A.StoresPointer)
    J["stored"] = optionalJson(A.Stored);
  if (A.StoresNewObject)
    J["stores_new_object"] = true;
  if (A.StoresCallResult)
    J["stores_call_result"] = true;
  if (A.StoresCurrentThreadId)
    J["stores_current_thread_id"] = true;
}

void from_json(const json &J, MemoryAccess &A) {
  J.at("path").get_to(A.Path);
  J.at("write").get_to(A.Write);
  J.at("loc").get_to(A.Loc);
  J.at("order").get_to(A.Order);
  J.at("locks").get_to(A.Locks);
  J.at("volatile").get_to(A.Volatile);
  J.at("atomic").get_to(A.Atomic);
  if (J.contains("unreached_calls"))
    J.at("unreached_calls").get_to(A.UnreachedCalls);
  if (J.contains("maybe_locks"))
    J.at("maybe_locks").get_to(A.MaybeLocks);
  if (J.contains("given_back"))
    J.at("given_back").get_to(A.GivenBack);
  A.KeptIdTest = J.value("kept_id_test", false);
  A.WholeValue = J.value("whole_value", false);
  A.Block = J.value("block", false);
  if (J.contains("copied_pointer_fields"))
    J.at("copied_pointer_fields").get_to(A.CopiedPointerFields);
  if (J.contains("copied_from"))
    readOptional(J, "copied_from", A.CopiedFrom);
  if (J.contains("copied_pointer_records"))
    J.at("copied_pointer_records").get_to(A.CopiedPointerRecords);
  if (J.contains("field_records"))
    J.at("field_records").get_to(A.FieldRecords);
  A.Unpublished = J.value("unpublished", false);
  A.InLoop = J.value("in_loop", false);
  A.Loop = J.value("loop", 0u);
  readOptional(J, "stored_constant", A.StoredConstant);
  A.CountsUp = J.value("counts_up", false);
  A.LazyInitOf = J.value("lazy_init_of", std::string());
  A.StoresPointer = J.contains("stored");
  readOptional(J, "stored", A.Stored);
  A.StoresNewObject = J.value("stores_new_object", false);
  A.StoresCallResult = J.value("stores_call_result", false);
  A.StoresCurrentThreadId = J.value("stores_current_thread_id", false);
}

void to_json(json &J, const SyncEvent &E) {
  J = json{{"object", E.Object}, {"release", E.Release}, {"order", E.Order}};
  if (E.Once) {
    J["once"] = true;
    J["locks"] = E.Locks;
    J["unreached_calls"] = E.UnreachedCalls;
  }
  if (E.Volatile)
    J["volatile"] = true;
}

void from_json(const json &J, SyncEvent &E) {
  J.at("object").get_to(E.Object);
  J.at("release").get_to(E.Release);
  J.at("order").get_to(E.Order);
  E.Once = J.value("once", false);
  if (E.Once) {
    J.at("locks").get_to(E.Locks);
    J.at("unreached_calls").get_to(E.UnreachedCalls);
  }
  E.Volatile = J.value("volatile", false);
}

void to_json(json &J, const JoinEvent &E) {
  J = json{{"handle", E.Handle}, {"order", E.Order}, {"loc", E.Loc}};
  if (!E.BranchMarks.empty())
    J["branch_marks"] = E.BranchMarks;
  if (E.OnSuccessEdge)
    J["on_success_edge"] = true;
}

void from_json(const json &J, JoinEvent &E) {
  J.at("handle").get_to(E.Handle);
  J.at("order").get_to(E.Order);
  J.at("loc").get_to(E.Loc);
  if (J.contains("branch_marks"))
    J.at("branch_marks").get_to(E.BranchMarks);
  E.OnSuccessEdge = J.value("on_success_edge", false);
}

void to_json(json &J, const IntegerArg &A) {
  J = json::object();
  if (A.Constant)
    J["constant"] = *A.Constant;
  if (A.Param >= 0)
    J["param"] = A.Param;
  if (A.Distinct)
    J["distinct"] = true;
}

void from_json(const json &J, IntegerArg &A) {
  if (J.contains("constant"))
    A.Constant = J.at("constant").get<long long>();
  A.Param = J.value("param", -1);
  A.Distinct = J.value("distinct", false);
}

void to_json(json &J, const StoredFlag &F) {
  J = json{{"place", F.Place}, {"value", F.Value}};
}

void from_json(const json &J, StoredFlag &F) {
  J.at("place").get_to(F.Place);
  J.at("value").get_to(F.Value);
}

void to_json(json &J, const HandleCopy &C) {
  J = json{{"from", C.From}, {"to", C.To}, {"order", C.Order}};
}

void from_json(const json &J, HandleCopy &C) {
  J.at("from").get_to(C.From);
  J.at("to").get_to(C.To);
  J.at("order").get_to(C.Order);
}

void to_json(json &J, const SourceLoc &L) {
  J = json{{"file", L.File}, {"line", L.Line}, {"column", L.Column}};
}

void from_json(const json &J, SourceLoc &L) {
  J.at("file").get_to(L.File);
  J.at("line").get_to(L.Line);
  J.at("column").get_to(L.Column);
}

void to_json(json &J, const SourceEdit &E) {
  J = json{{"begin", E.Begin}, {"end", E.End}, {"text", E.Text}};
}

void from_json(const json &J, SourceEdit &E) {
  J.at("begin").get_to(E.Begin);
  J.at("end").get_to(E.End);
  J.at("text").get_to(E.Text);
}

void to_json(json &J, const ApiUse &A) {
  J = json{{"name", A.Name},         {"kind", apiKindName(A.Kind)},
           {"category", A.Category}, {"blocks", A.Blocks},
           {"severity", A.Severity}, {"alternative", A.Alternative}};
  if (!A.FdSlot.empty()) {
    J["fd_slot"] = A.FdSlot;
    J["fd_blocks"] = descriptorBlockingName(A.FdBlocks);
  }
}

void from_json(const json &J, ApiUse &A) {
  J.at("name").get_to(A.Name);
  A.Kind = readWord(J, "kind", parseApiKind);
  J.at("category").get_to(A.Category);
  J.at("blocks").get_to(A.Blocks);
  J.at("severity").get_to(A.Severity);
  J.at("alternative").get_to(A.Alternative);
  if (J.contains("fd_slot")) {
    J.at("fd_slot").get_to(A.FdSlot);
    A.FdBlocks = readWord(J, "fd_blocks", parseDescriptorBlocking);
  }
}

void to_json(json &J, const DescriptorFact &D) {
  J = json{{"slot", D.Slot},
           {"sets", D.Sets == DescriptorEffect::None
                        ? ""
                        : descriptorEffectName(D.Sets)},
           {"from_slot", D.FromSlot},
           {"loc", D.Loc}};
}

void from_json(const json &J, DescriptorFact &D) {
  J.at("slot").get_to(D.Slot);
  std::string Sets = J.at("sets").get<std::string>();
  D.Sets = Sets.empty() ? DescriptorEffect::None
                        : readWord(J, "sets", parseDescriptorEffect);
  J.at("from_slot").get_to(D.FromSlot);
  J.at("loc").get_to(D.Loc);
}

void to_json(json &J, const CallableArg &A) {
  J = json{{"index", A.Index},
           {"target_ids", A.TargetIds},
           {"from_slot", A.FromSlot}};
}

void from_json(const json &J, CallableArg &A) {
  J.at("index").get_to(A.Index);
  J.at("target_ids").get_to(A.TargetIds);

  J.at("from_slot").get_to(A.FromSlot);
}

void to_json(json &J, const StartInfo &S) {
  J = json{{"api", S.Api},
           {"context", executionContextName(S.Context)},
           {"executor", optionalJson(S.Executor)},
           {"loc", S.Loc}};
}

void from_json(const json &J, StartInfo &S) {
  J.at("api").get_to(S.Api);
  S.Context = readWord(J, "context", parseExecutionContext);
  readOptional(J, "executor", S.Executor);
  J.at("loc").get_to(S.Loc);
}

void to_json(json &J, const CallSite &C) {
  J = json{{"callee_id", C.CalleeId},
           {"callee", C.CalleeName},
           {"loc", C.Loc},
           {"kind", callKindName(C.Kind)},
           {"loop_depth", C.LoopDepth},
           {"loop", C.Loop},
           {"off_loop", C.OffLoop},
           {"ends_process", C.EndsProcess},
           {"spawned_elsewhere", C.SpawnedElsewhere},
           {"stored_unstarted", C.StoredUnstarted}};
  if (!C.Apis.empty())
    J["apis"] = C.Apis;
  J["order"] = C.Order;
  J["trips"] = C.Trips;
  J["locks"] = C.Locks;
  if (!C.UnreachedCalls.empty())
    J["unreached_calls"] = C.UnreachedCalls;
  if (C.SkippedOnSomeReturn)
    J["skipped_on_some_return"] = true;
  if (!C.MaybeLocks.empty())
    J["maybe_locks"] = C.MaybeLocks;
  if (!C.GivenBack.empty())
    J["given_back"] = C.GivenBack;
  J["this"] = optionalJson(C.This);
  J["args"] = optionalPaths(C.Args);
  if (std::count(C.CopiedArgs.begin(), C.CopiedArgs.end(), true))
    J["copied_args"] = C.CopiedArgs;
  if (!C.IntegerArgs.empty())
    J["integer_args"] = C.IntegerArgs;
  J["once_flag"] = optionalJson(C.OnceFlag);
  J["posted_to"] = optionalJson(C.PostedTo);
  if (!C.Slot.empty()) {
    J["slot"] = C.Slot;
    J["slot_name"] = C.SlotName;
  }
  if (C.CalleeObject)
    J["callee_object"] = *C.CalleeObject;
  if (C.CalledFrom)
    J["called_from"] = *C.CalledFrom;
  if (!C.CallableArgs.empty())
    J["callable_args"] = C.CallableArgs;
  if (C.SwitchedTo != ExecutionContext::None)
    J["switched_to"] = executionContextName(C.SwitchedTo);
  if (C.StartedBy)
    J["started_by"] = *C.StartedBy;
  if (!C.AwaitableRewrite.empty())
    J["awaitable_rewrite"] = C.AwaitableRewrite;
}

void from_json(const json &J, CallSite &C) {
  J.at("callee_id").get_to(C.CalleeId);
  J.at("callee").get_to(C.CalleeName);
  J.at("loc").get_to(C.Loc);
  C.Kind = readWord(J, "kind", parseCallKind);
  J.at("loop_depth").get_to(C.LoopDepth);
  C.Loop = J.value("loop", 0u);
  J.at("off_loop").get_to(C.OffLoop);
  J.at("ends_process").get_to(C.EndsProcess);
  J.at("spawned_elsewhere").get_to(C.SpawnedElsewhere);
  J.at("stored_unstarted").get_to(C.StoredUnstarted);
  if (J.contains("apis"))
    J.at("apis").get_to(C.Apis);
  J.at("order").get_to(C.Order);
  J.at("trips").get_to(C.Trips);
  J.at("locks").get_to(C.Locks);
  if (J.contains("unreached_calls"))
    J.at("unreached_calls").get_to(C.UnreachedCalls);
  if (J.contains("skipped_on_some_return"))
    J.at("skipped_on_some_return").get_to(C.SkippedOnSomeReturn);
  if (J.contains("maybe_locks"))
    J.at("maybe_locks").get_to(C.MaybeLocks);
  if (J.contains("given_back"))
    J.at("given_back").get_to(C.GivenBack);
  readOptional(J, "this", C.This);
  readOptionalPaths(J, "args", C.Args);
  if (J.contains("copied_args"))
    J.at("copied_args").get_to(C.CopiedArgs);
  if (J.contains("integer_args"))
    J.at("integer_args").get_to(C.IntegerArgs);
  readOptional(J, "once_flag", C.OnceFlag);
  readOptional(J, "posted_to", C.PostedTo);
  if (J.contains("slot")) {
    J.at("slot").get_to(C.Slot);
    J.at("slot_name").get_to(C.SlotName);
  }
  readOptional(J, "callee_object", C.CalleeObject);
  readOptional(J, "called_from", C.CalledFrom);
  if (J.contains("callable_args"))
    J.at("callable_args").get_to(C.CallableArgs);
  if (J.contains("switched_to"))
    C.SwitchedTo = readWord(J, "switched_to", parseExecutionContext);
  if (J.contains("started_by"))
    C.StartedBy = J.at("started_by").get<StartInfo>();
  if (J.contains("awaitable_rewrite"))
    J.at("awaitable_rewrite").get_to(C.AwaitableRewrite);
}

void to_json(json &J, const Spawn &S) {
  J = json{{"api", S.Api},
           {"model", spawnModelName(S.Model)},
           {"loc", S.Loc},
           {"loop_depth", S.LoopDepth},
           {"loop", S.Loop},
           {"entry_ids", S.EntryIds},
           {"entry_names", S.EntryNames},
           {"entry_slots", S.EntrySlots},
           {"order", S.Order},
           {"this", optionalJson(S.This)},
           {"args", optionalPaths(S.Args)},
           {"handle", optionalJson(S.Handle)},
           {"executor", optionalJson(S.Executor)}};
  if (std::count(S.FreshArgs.begin(), S.FreshArgs.end(), true))
    J["fresh_args"] = S.FreshArgs;
  if (!S.IntegerArgs.empty())
    J["integer_args"] = S.IntegerArgs;
  if (!S.FlagsSet.empty())
    J["flags_set"] = S.FlagsSet;
  if (!S.FlagTests.empty())
    J["flag_tests"] = S.FlagTests;
}

void from_json(const json &J, Spawn &S) {
  J.at("api").get_to(S.Api);
  S.Model = readWord(J, "model", parseSpawnModel);
  J.at("loc").get_to(S.Loc);
  J.at("loop_depth").get_to(S.LoopDepth);
  S.Loop = J.value("loop", 0u);
  J.at("entry_ids").get_to(S.EntryIds);
  J.at("entry_names").get_to(S.EntryNames);
  J.at("entry_slots").get_to(S.EntrySlots);
  J.at("order").get_to(S.Order);
  readOptional(J, "this", S.This);
  readOptionalPaths(J, "args", S.Args);
  readOptional(J, "handle", S.Handle);
  readOptional(J, "executor", S.Executor);
  if (J.contains("fresh_args"))
    J.at("fresh_args").get_to(S.FreshArgs);
  if (J.contains("integer_args"))
    J.at("integer_args").get_to(S.IntegerArgs);
  if (J.contains("flags_set"))
    J.at("flags_set").get_to(S.FlagsSet);
  if (J.contains("flag_tests"))
    J.at("flag_tests").get_to(S.FlagTests);
}

void to_json(json &J, const ExecutorSwitch &S) {
  J = json{{"api", S.Api},
           {"loc", S.Loc},
           {"awaited", S.Awaited},
           {"moves", S.Moves},
           {"to", executionContextName(S.To)}};
  if (!S.AwaitFix.empty())
    J["await_fix"] = S.AwaitFix;
}

void from_json(const json &J, ExecutorSwitch &S) {
  J.at("api").get_to(S.Api);
  J.at("loc").get_to(S.Loc);
  J.at("awaited").get_to(S.Awaited);
  J.at("moves").get_to(S.Moves);
  S.To = readWord(J, "to", parseExecutionContext);
  if (J.contains("await_fix"))
    J.at("await_fix").get_to(S.AwaitFix);
}

void to_json(json &J, const ReturnedValue &R) {
  J = json{{"value", R.Value}, {"under", R.Under}};
}

void from_json(const json &J, ReturnedValue &R) {
  J.at("value").get_to(R.Value);
  J.at("under").get_to(R.Under);
}

static const char *const ReturnKindNames[] = {"zero", "nonzero", "status_of",
                                              "unknown", "last_status"};

void to_json(json &J, const ReturnOutcome &R) {
  J = json{{"value", ReturnKindNames[static_cast<int>(R.Value)]},
           {"block", R.Block}};
  if (R.Value == ReturnOutcome::Kind::StatusOf)
    J["status_of"] = R.StatusOf;
  if (R.Negated)
    J["negated"] = true;
  if (!R.StatusAssignments.empty())
    J["status_assignments"] = R.StatusAssignments;
  if (!R.StartFailures.empty())
    J["start_failures"] = R.StartFailures;
}

void from_json(const json &J, ReturnOutcome &R) {
  const std::string Value = J.at("value").get<std::string>();
  for (int K = 0; K < 5; ++K)
    if (Value == ReturnKindNames[K])
      R.Value = static_cast<ReturnOutcome::Kind>(K);
  J.at("block").get_to(R.Block);
  if (J.contains("status_of"))
    J.at("status_of").get_to(R.StatusOf);
  R.Negated = J.value("negated", false);
  if (J.contains("status_assignments"))
    J.at("status_assignments").get_to(R.StatusAssignments);
  if (J.contains("start_failures"))
    J.at("start_failures").get_to(R.StartFailures);
}

void to_json(json &J, const AddressEscape &E) {
  J = json{{"place", E.Place}};
  if (!E.CalleeId.empty())
    J["callee_id"] = E.CalleeId;
}

void from_json(const json &J, AddressEscape &E) {
  J.at("place").get_to(E.Place);
  if (J.contains("callee_id"))
    J.at("callee_id").get_to(E.CalleeId);
}

void to_json(json &J, const CallableStore &S) {
  J = json{{"slot", S.Slot},
           {"slot_name", S.SlotName},
           {"target_id", S.TargetId},
           {"from_slot", S.FromSlot},
           {"loc", S.Loc}};
  if (!S.Object.empty())
    J["object"] = S.Object;
  if (S.Place)
    J["place"] = *S.Place;
}

void from_json(const json &J, CallableStore &S) {
  J.at("slot").get_to(S.Slot);
  J.at("slot_name").get_to(S.SlotName);
  J.at("target_id").get_to(S.TargetId);
  J.at("from_slot").get_to(S.FromSlot);
  J.at("loc").get_to(S.Loc);
  if (J.contains("object"))
    J.at("object").get_to(S.Object);
  readOptional(J, "place", S.Place);
}

void to_json(json &J, const MethodOverride &O) {
  J = json{{"method_id", O.MethodId},
           {"method_name", O.MethodName},
           {"overridden_id", O.OverriddenId}};
}

void from_json(const json &J, MethodOverride &O) {
  J.at("method_id").get_to(O.MethodId);
  J.at("method_name").get_to(O.MethodName);
  J.at("overridden_id").get_to(O.OverriddenId);
}

//===-- OpenMP skeletons -------------------------------------------------===//

const char *ompNodeKindName(OmpNodeKind K) {
  switch (K) {
  case OmpNodeKind::Directive:
    return "directive";
  case OmpNodeKind::Standalone:
    return "standalone";
  case OmpNodeKind::Loop:
    return "loop";
  case OmpNodeKind::Branch:
    return "branch";
  case OmpNodeKind::Arm:
    return "arm";
  case OmpNodeKind::Access:
    return "access";
  case OmpNodeKind::Call:
    return "call";
  case OmpNodeKind::Lock:
    return "lock";
  }
  return "access";
}

static std::optional<OmpNodeKind> parseOmpNodeKind(const std::string &S) {
  using K = OmpNodeKind;
  for (K Kind : {K::Directive, K::Standalone, K::Loop, K::Branch, K::Arm,
                 K::Access, K::Call, K::Lock})
    if (S == ompNodeKindName(Kind))
      return Kind;
  return std::nullopt;
}

// Skeletons are the largest facts of OpenMP code: fields at their default
// are left out.
void to_json(json &J, const OmpAffine &A) {
  if (!A.Known) {
    J = nullptr;
    return;
  }
  J = json{{"c", A.Const}, {"t", A.Terms}};
}

void from_json(const json &J, OmpAffine &A) {
  A = OmpAffine();
  if (J.is_null())
    return;
  A.Known = true;
  J.at("c").get_to(A.Const);
  J.at("t").get_to(A.Terms);
}

void to_json(json &J, const OmpRef &R) {
  J = json{{"path", R.Path}, {"indexes", R.Indexes}};
}

void from_json(const json &J, OmpRef &R) {
  J.at("path").get_to(R.Path);
  J.at("indexes").get_to(R.Indexes);
}

void to_json(json &J, const OmpConstraint &C) {
  J = json{{"expr", C.Expr}, {"equal", C.Equal}};
}

void from_json(const json &J, OmpConstraint &C) {
  J.at("expr").get_to(C.Expr);
  J.at("equal").get_to(C.Equal);
}

void to_json(json &J, const OmpCounter &C) {
  J = json{{"name", C.Name},
           {"lower", C.Lower},
           {"upper", C.Upper},
           {"step", C.Step}};
  if (!C.MoreLower.empty())
    J["more_lower"] = C.MoreLower;
  if (!C.MoreUpper.empty())
    J["more_upper"] = C.MoreUpper;
}

void from_json(const json &J, OmpCounter &C) {
  J.at("name").get_to(C.Name);
  J.at("lower").get_to(C.Lower);
  J.at("upper").get_to(C.Upper);
  J.at("step").get_to(C.Step);
  C.MoreLower.clear();
  C.MoreUpper.clear();
  if (J.contains("more_lower"))
    J.at("more_lower").get_to(C.MoreLower);
  if (J.contains("more_upper"))
    J.at("more_upper").get_to(C.MoreUpper);
}

void to_json(json &J, const OmpClause &C) {
  J = json{{"kind", C.Kind}};
  if (!C.Modifier.empty())
    J["modifier"] = C.Modifier;
  if (C.Value != -1)
    J["value"] = C.Value;
  if (!C.Items.empty())
    J["items"] = C.Items;
}

void from_json(const json &J, OmpClause &C) {
  J.at("kind").get_to(C.Kind);
  C.Modifier = J.value("modifier", "");
  C.Value = J.value("value", -1LL);
  C.Items.clear();
  if (J.contains("items"))
    J.at("items").get_to(C.Items);
}

void to_json(json &J, const OmpArg &A) {
  J = json{{"place", optionalJson(A.Place)}, {"value", A.Value}};
  if (A.Owner != -1)
    J["owner"] = A.Owner;
  if (!A.Sharing.empty())
    J["sharing"] = A.Sharing;
}

void from_json(const json &J, OmpArg &A) {
  readOptional(J, "place", A.Place);
  J.at("value").get_to(A.Value);
  A.Owner = J.value("owner", -1);
  A.Sharing = J.value("sharing", "");
}

void to_json(json &J, const OmpNode &N) {
  J = json{
      {"kind", ompNodeKindName(N.Kind)}, {"parent", N.Parent}, {"loc", N.Loc}};
  if (!N.Name.empty())
    J["name"] = N.Name;
  if (!N.CriticalName.empty())
    J["critical"] = N.CriticalName;
  if (!N.Clauses.empty())
    J["clauses"] = N.Clauses;
  if (!N.Counters.empty())
    J["counters"] = N.Counters;
  if (!N.Conditions.empty())
    J["conditions"] = N.Conditions;
  if (!N.Operands.empty())
    J["operands"] = N.Operands;
  if (N.Ref)
    J["ref"] = *N.Ref;
  if (N.Write)
    J["write"] = true;
  if (N.Atomic)
    J["atomic"] = true;
  if (!N.Sharing.empty())
    J["sharing"] = N.Sharing;
  if (N.Owner != -1)
    J["owner"] = N.Owner;
  if (!N.Callee.empty() || !N.CalleeName.empty()) {
    J["callee"] = N.Callee;
    J["callee_name"] = N.CalleeName;
  }
  if (!N.Args.empty())
    J["args"] = N.Args;
}

void from_json(const json &J, OmpNode &N) {
  N = OmpNode();
  N.Kind = readWord(J, "kind", parseOmpNodeKind);
  J.at("parent").get_to(N.Parent);
  J.at("loc").get_to(N.Loc);
  N.Name = J.value("name", "");
  N.CriticalName = J.value("critical", "");
  if (J.contains("clauses"))
    J.at("clauses").get_to(N.Clauses);
  if (J.contains("counters"))
    J.at("counters").get_to(N.Counters);
  if (J.contains("conditions"))
    J.at("conditions").get_to(N.Conditions);
  if (J.contains("operands"))
    J.at("operands").get_to(N.Operands);
  readOptional(J, "ref", N.Ref);
  N.Write = J.value("write", false);
  N.Atomic = J.value("atomic", false);
  N.Sharing = J.value("sharing", "");
  N.Owner = J.value("owner", -1);
  N.Callee = J.value("callee", "");
  N.CalleeName = J.value("callee_name", "");
  if (J.contains("args"))
    J.at("args").get_to(N.Args);
}

void to_json(json &J, const OmpSkeleton &S) {
  J = json{{"nodes", S.Nodes}, {"has_directives", S.HasDirectives}};
  if (!S.Facts.empty())
    J["facts"] = S.Facts;
}

void from_json(const json &J, OmpSkeleton &S) {
  J.at("nodes").get_to(S.Nodes);
  J.at("has_directives").get_to(S.HasDirectives);
  S.Facts.clear();
  if (J.contains("facts"))
    J.at("facts").get_to(S.Facts);
}

void to_json(json &J, const ParamObject &P) {
  J = json{{"index", P.Index},
           {"class_id", P.ClassId},
           {"class_name", P.ClassName},
           {"by_reference", P.ByReference}};
}

void from_json(const json &J, ParamObject &P) {
  J.at("index").get_to(P.Index);
  J.at("class_id").get_to(P.ClassId);
  J.at("class_name").get_to(P.ClassName);
  J.at("by_reference").get_to(P.ByReference);
}

void to_json(json &J, const FunctionFacts &F) {
  J = json{{"id", F.Id},
           {"name", F.Name},
           {"loc", F.Loc},
           {"coroutine", F.IsCoroutine},
           {"lambda", F.IsLambda},
           {"constructor", F.IsConstructor},
           {"class_id", F.ClassId},
           {"class_name", F.ClassName},
           {"public", F.IsPublic},
           {"static", F.IsStatic},
           {"destructor", F.IsDestructor},
           {"class_single_threaded", F.ClassSingleThreaded},
           {"class_synchronises", F.ClassSynchronises},
           {"param_objects", F.ParamObjects},
           {"ops", F.Ops},
           {"awaits", F.Awaits},
           {"loops", F.Loops},
           {"max_loop_depth", F.MaxLoopDepth},
           {"calls", F.Calls},
           {"spawns", F.Spawns},
           {"switches", F.Switches},
           {"accesses", F.Accesses},
           {"syncs", F.Syncs},
           {"joins", F.Joins},
           {"handle_copies", F.HandleCopies},
           {"order_blocks", F.OrderBlocks},
           {"block_successors", F.BlockSuccessors},
           {"exit_block", F.ExitBlock},
           {"returns", optionalJson(F.Returns)},
           {"acquires_on_exit", F.AcquiresOnExit},
           {"releases_on_exit", F.ReleasesOnExit},
           {"acquires_on_non_null_return", F.AcquiresOnNonNullReturn},
           {"may_hold_on_return", F.MayHoldOnReturn},
           {"untaken_releases", F.UntakenReleases},
           {"flags_on_return", F.FlagsOnReturn},
           {"executor_runs", F.ExecutorRuns},
           {"stores", F.Stores},
           {"descriptors", F.Descriptors},
           {"suspends", F.Suspends},
           {"cuts", F.Cuts}};
  if (F.OpenMP)
    J["openmp"] = *F.OpenMP;
  if (!F.TestedParams.empty())
    J["tested_params"] = F.TestedParams;
  if (!F.AddressEscapes.empty())
    J["address_escapes"] = F.AddressEscapes;
  if (!F.ReturnsUnder.empty()) {
    J["returns_under"] = F.ReturnsUnder;
    J["other_returns"] = F.OtherReturns;
  }
  if (!F.ReturnOutcomes.empty())
    J["return_outcomes"] = F.ReturnOutcomes;
}

void from_json(const json &J, FunctionFacts &F) {
  J.at("id").get_to(F.Id);
  J.at("name").get_to(F.Name);
  J.at("loc").get_to(F.Loc);
  J.at("coroutine").get_to(F.IsCoroutine);
  J.at("lambda").get_to(F.IsLambda);
  J.at("constructor").get_to(F.IsConstructor);
  J.at("class_id").get_to(F.ClassId);
  J.at("class_name").get_to(F.ClassName);
  J.at("public").get_to(F.IsPublic);
  J.at("static").get_to(F.IsStatic);
  J.at("destructor").get_to(F.IsDestructor);
  J.at("class_single_threaded").get_to(F.ClassSingleThreaded);
  J.at("class_synchronises").get_to(F.ClassSynchronises);
  if (J.contains("param_objects"))
    J.at("param_objects").get_to(F.ParamObjects);
  if (J.contains("tested_params"))
    J.at("tested_params").get_to(F.TestedParams);
  J.at("ops").get_to(F.Ops);
  J.at("awaits").get_to(F.Awaits);
  J.at("loops").get_to(F.Loops);
  J.at("max_loop_depth").get_to(F.MaxLoopDepth);
  J.at("calls").get_to(F.Calls);
  J.at("spawns").get_to(F.Spawns);
  J.at("switches").get_to(F.Switches);
  J.at("accesses").get_to(F.Accesses);
  J.at("syncs").get_to(F.Syncs);
  J.at("joins").get_to(F.Joins);
  if (J.contains("handle_copies"))
    J.at("handle_copies").get_to(F.HandleCopies);
  if (J.contains("order_blocks")) {
    J.at("order_blocks").get_to(F.OrderBlocks);
    J.at("block_successors").get_to(F.BlockSuccessors);
    J.at("exit_block").get_to(F.ExitBlock);
  }
  readOptional(J, "returns", F.Returns);
  if (J.contains("address_escapes"))
    J.at("address_escapes").get_to(F.AddressEscapes);
  if (J.contains("returns_under")) {
    J.at("returns_under").get_to(F.ReturnsUnder);
    J.at("other_returns").get_to(F.OtherReturns);
  }
  if (J.contains("return_outcomes"))
    J.at("return_outcomes").get_to(F.ReturnOutcomes);
  J.at("acquires_on_exit").get_to(F.AcquiresOnExit);
  J.at("releases_on_exit").get_to(F.ReleasesOnExit);
  if (J.contains("acquires_on_non_null_return"))
    J.at("acquires_on_non_null_return").get_to(F.AcquiresOnNonNullReturn);
  if (J.contains("may_hold_on_return"))
    J.at("may_hold_on_return").get_to(F.MayHoldOnReturn);
  if (J.contains("untaken_releases"))
    J.at("untaken_releases").get_to(F.UntakenReleases);
  if (J.contains("flags_on_return"))
    J.at("flags_on_return").get_to(F.FlagsOnReturn);
  J.at("executor_runs").get_to(F.ExecutorRuns);
  J.at("stores").get_to(F.Stores);
  J.at("descriptors").get_to(F.Descriptors);
  J.at("suspends").get_to(F.Suspends);
  J.at("cuts").get_to(F.Cuts);
  readOptional(J, "openmp", F.OpenMP);
}

void to_json(json &J, const Suppression &S) {
  J = json{{"file", S.File},
           {"line", S.Line},
           {"kind", S.Kind},
           {"checks", S.Checks}};
}

void from_json(const json &J, Suppression &S) {
  J.at("file").get_to(S.File);
  J.at("line").get_to(S.Line);
  J.at("kind").get_to(S.Kind);
  J.at("checks").get_to(S.Checks);
}

void to_json(json &J, const Workload &W) {
  J = json{{"name", W.Name},
           {"loc", W.Loc},
           {"entry_ids", W.EntryIds},
           {"entry_names", W.EntryNames}};
}

void from_json(const json &J, Workload &W) {
  J.at("name").get_to(W.Name);
  J.at("loc").get_to(W.Loc);
  J.at("entry_ids").get_to(W.EntryIds);
  J.at("entry_names").get_to(W.EntryNames);
}

void to_json(json &J, const FileFacts &F) {
  J = json{{"file", F.File},
           {"parsed", F.Parsed},
           {"first_error", F.FirstError},
           {"functions", F.Functions},
           {"suppressions", F.Suppressions},
           {"workloads", F.Workloads},
           {"overrides", F.Overrides},
           {"global_stores", F.GlobalStores},
           {"dependencies", F.Dependencies}};
  if (!F.GlobalAddressEscapes.empty())
    J["global_address_escapes"] = F.GlobalAddressEscapes;
}

void from_json(const json &J, FileFacts &F) {
  J.at("file").get_to(F.File);
  J.at("parsed").get_to(F.Parsed);
  J.at("first_error").get_to(F.FirstError);
  J.at("functions").get_to(F.Functions);
  J.at("suppressions").get_to(F.Suppressions);
  J.at("workloads").get_to(F.Workloads);
  J.at("overrides").get_to(F.Overrides);
  J.at("global_stores").get_to(F.GlobalStores);
  J.at("dependencies").get_to(F.Dependencies);
  if (J.contains("global_address_escapes"))
    J.at("global_address_escapes").get_to(F.GlobalAddressEscapes);
}

} // namespace concur
