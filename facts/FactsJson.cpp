//===- FactsJson.cpp - Facts to and from JSON -----------------------------===//

#include "facts/FactsJson.h"

#include <tuple>

namespace concur {

using nlohmann::json;

bool operator<(const SourceLoc &A, const SourceLoc &B) {
  return std::tie(A.File, A.Line, A.Column) < std::tie(B.File, B.Line, B.Column);
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
  }
  return "direct";
}

std::optional<CallKind> parseCallKind(const std::string &S) {
  for (CallKind K : {CallKind::Direct, CallKind::Virtual, CallKind::Indirect,
                     CallKind::Callback})
    if (S == callKindName(K))
      return K;
  return std::nullopt;
}

void to_json(json &J, const SourceLoc &L) {
  J = json{{"file", L.File}, {"line", L.Line}, {"column", L.Column}};
}

void from_json(const json &J, SourceLoc &L) {
  J.at("file").get_to(L.File);
  J.at("line").get_to(L.Line);
  J.at("column").get_to(L.Column);
}

void to_json(json &J, const ApiUse &A) {
  J = json{{"name", A.Name},         {"kind", A.Kind},
           {"category", A.Category}, {"blocks", A.Blocks},
           {"severity", A.Severity}, {"alternative", A.Alternative}};
}

void from_json(const json &J, ApiUse &A) {
  J.at("name").get_to(A.Name);
  J.at("kind").get_to(A.Kind);
  J.at("category").get_to(A.Category);
  J.at("blocks").get_to(A.Blocks);
  J.at("severity").get_to(A.Severity);
  J.at("alternative").get_to(A.Alternative);
}

void to_json(json &J, const CallSite &C) {
  J = json{{"callee_id", C.CalleeId}, {"callee", C.CalleeName},
           {"loc", C.Loc},            {"kind", callKindName(C.Kind)},
           {"loop_depth", C.LoopDepth}, {"off_loop", C.OffLoop}};
  if (!C.Apis.empty())
    J["apis"] = C.Apis;
}

void from_json(const json &J, CallSite &C) {
  J.at("callee_id").get_to(C.CalleeId);
  J.at("callee").get_to(C.CalleeName);
  J.at("loc").get_to(C.Loc);
  C.Kind = parseCallKind(J.at("kind").get<std::string>())
               .value_or(CallKind::Direct);
  J.at("loop_depth").get_to(C.LoopDepth);
  J.at("off_loop").get_to(C.OffLoop);
  if (J.contains("apis"))
    J.at("apis").get_to(C.Apis);
}

void to_json(json &J, const Spawn &S) {
  J = json{{"api", S.Api},         {"model", S.Model},
           {"loc", S.Loc},         {"loop_depth", S.LoopDepth},
           {"entry_ids", S.EntryIds}, {"entry_names", S.EntryNames}};
}

void from_json(const json &J, Spawn &S) {
  J.at("api").get_to(S.Api);
  J.at("model").get_to(S.Model);
  J.at("loc").get_to(S.Loc);
  J.at("loop_depth").get_to(S.LoopDepth);
  J.at("entry_ids").get_to(S.EntryIds);
  J.at("entry_names").get_to(S.EntryNames);
}

void to_json(json &J, const ExecutorSwitch &S) {
  J = json{{"api", S.Api},
           {"loc", S.Loc},
           {"awaited", S.Awaited},
           {"moves", S.Moves}};
}

void from_json(const json &J, ExecutorSwitch &S) {
  J.at("api").get_to(S.Api);
  J.at("loc").get_to(S.Loc);
  J.at("awaited").get_to(S.Awaited);
  J.at("moves").get_to(S.Moves);
}

void to_json(json &J, const FunctionFacts &F) {
  J = json{{"id", F.Id},
           {"name", F.Name},
           {"loc", F.Loc},
           {"coroutine", F.IsCoroutine},
           {"lambda", F.IsLambda},
           {"calls", F.Calls},
           {"spawns", F.Spawns},
           {"switches", F.Switches}};
}

void from_json(const json &J, FunctionFacts &F) {
  J.at("id").get_to(F.Id);
  J.at("name").get_to(F.Name);
  J.at("loc").get_to(F.Loc);
  J.at("coroutine").get_to(F.IsCoroutine);
  J.at("lambda").get_to(F.IsLambda);
  J.at("calls").get_to(F.Calls);
  J.at("spawns").get_to(F.Spawns);
  J.at("switches").get_to(F.Switches);
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

void to_json(json &J, const FileFacts &F) {
  J = json{{"file", F.File},
           {"parsed", F.Parsed},
           {"first_error", F.FirstError},
           {"functions", F.Functions},
           {"suppressions", F.Suppressions}};
}

void from_json(const json &J, FileFacts &F) {
  J.at("file").get_to(F.File);
  J.at("parsed").get_to(F.Parsed);
  J.at("first_error").get_to(F.FirstError);
  J.at("functions").get_to(F.Functions);
  J.at("suppressions").get_to(F.Suppressions);
}

} // namespace concur
