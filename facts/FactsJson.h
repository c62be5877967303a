//===- FactsJson.h - Facts to and from JSON -------------------------------===//
//
// Facts are data; this is their on-disk form: written by `concur check
// --dump-facts`, read back by the round-trip unit test, and the format a
// fact cache or a sharded run would exchange.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_FACTSJSON_H
#define CONCUR_FACTS_FACTSJSON_H

#include "facts/Facts.h"
#include <nlohmann/json.hpp>

namespace concur {

void to_json(nlohmann::json &J, const SourceLoc &L);
void from_json(const nlohmann::json &J, SourceLoc &L);
void to_json(nlohmann::json &J, const SourceEdit &E);
void from_json(const nlohmann::json &J, SourceEdit &E);
void to_json(nlohmann::json &J, const ApiUse &A);
void from_json(const nlohmann::json &J, ApiUse &A);
void to_json(nlohmann::json &J, const AccessPath &P);
void from_json(const nlohmann::json &J, AccessPath &P);
void to_json(nlohmann::json &J, const HeldLock &L);
void from_json(const nlohmann::json &J, HeldLock &L);
void to_json(nlohmann::json &J, const MemoryAccess &A);
void from_json(const nlohmann::json &J, MemoryAccess &A);
void to_json(nlohmann::json &J, const SyncEvent &E);
void from_json(const nlohmann::json &J, SyncEvent &E);
void to_json(nlohmann::json &J, const JoinEvent &E);
void from_json(const nlohmann::json &J, JoinEvent &E);
void to_json(nlohmann::json &J, const IntegerArg &A);
void from_json(const nlohmann::json &J, IntegerArg &A);
void to_json(nlohmann::json &J, const CallableArg &A);
void from_json(const nlohmann::json &J, CallableArg &A);
void to_json(nlohmann::json &J, const StartInfo &S);
void from_json(const nlohmann::json &J, StartInfo &S);
void to_json(nlohmann::json &J, const CallSite &C);
void from_json(const nlohmann::json &J, CallSite &C);
void to_json(nlohmann::json &J, const Spawn &S);
void from_json(const nlohmann::json &J, Spawn &S);
void to_json(nlohmann::json &J, const ExecutorSwitch &S);
void from_json(const nlohmann::json &J, ExecutorSwitch &S);
void to_json(nlohmann::json &J, const SuspendPoint &P);
void from_json(const nlohmann::json &J, SuspendPoint &P);
void to_json(nlohmann::json &J, const DescriptorFact &D);
void from_json(const nlohmann::json &J, DescriptorFact &D);
void to_json(nlohmann::json &J, const ReturnedValue &R);
void from_json(const nlohmann::json &J, ReturnedValue &R);
void to_json(nlohmann::json &J, const ReturnOutcome &R);
void from_json(const nlohmann::json &J, ReturnOutcome &R);
void to_json(nlohmann::json &J, const AddressEscape &E);
void from_json(const nlohmann::json &J, AddressEscape &E);
void to_json(nlohmann::json &J, const CallableStore &S);
void from_json(const nlohmann::json &J, CallableStore &S);
void to_json(nlohmann::json &J, const MethodOverride &O);
void from_json(const nlohmann::json &J, MethodOverride &O);
void to_json(nlohmann::json &J, const OmpAffine &A);
void from_json(const nlohmann::json &J, OmpAffine &A);
void to_json(nlohmann::json &J, const OmpRef &R);
void from_json(const nlohmann::json &J, OmpRef &R);
void to_json(nlohmann::json &J, const OmpConstraint &C);
void from_json(const nlohmann::json &J, OmpConstraint &C);
void to_json(nlohmann::json &J, const OmpCounter &C);
void from_json(const nlohmann::json &J, OmpCounter &C);
void to_json(nlohmann::json &J, const OmpClause &C);
void from_json(const nlohmann::json &J, OmpClause &C);
void to_json(nlohmann::json &J, const OmpArg &A);
void from_json(const nlohmann::json &J, OmpArg &A);
void to_json(nlohmann::json &J, const OmpNode &N);
void from_json(const nlohmann::json &J, OmpNode &N);
void to_json(nlohmann::json &J, const OmpSkeleton &S);
void from_json(const nlohmann::json &J, OmpSkeleton &S);
const char *ompNodeKindName(OmpNodeKind K);
void to_json(nlohmann::json &J, const FunctionFacts &F);
void from_json(const nlohmann::json &J, FunctionFacts &F);
void to_json(nlohmann::json &J, const Suppression &S);
void from_json(const nlohmann::json &J, Suppression &S);
void to_json(nlohmann::json &J, const Workload &W);
void from_json(const nlohmann::json &J, Workload &W);
void to_json(nlohmann::json &J, const FileFacts &F);
void from_json(const nlohmann::json &J, FileFacts &F);

} // namespace concur

#endif // CONCUR_FACTS_FACTSJSON_H
