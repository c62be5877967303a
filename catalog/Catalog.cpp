//===- Catalog.cpp - What library functions do ----------------------------===//

#include "catalog/Catalog.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SHA1.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <set>

namespace concur {

extern const char *const BuiltinCatalogText; // Generated from apis.json.

using nlohmann::json;

const char *severityName(Severity S) {
  switch (S) {
  case Severity::Remark:
    return "remark";
  case Severity::Warning:
    return "warning";
  case Severity::Error:
    return "error";
  }
  return "warning";
}

std::optional<Severity> parseSeverity(const std::string &S) {
  for (Severity V : {Severity::Remark, Severity::Warning, Severity::Error})
    if (S == severityName(V))
      return V;
  return std::nullopt;
}

static std::string digest(const std::string &Text) {
  return llvm::toHex(llvm::SHA1::hash(llvm::arrayRefFromStringRef(Text)),
                     /*LowerCase=*/true);
}

static const std::set<std::string> &knownKinds() {
  static const std::set<std::string> Kinds = {
      "blocking",  "spawn", "executor-switch", "executor-bounce", "cpu-heavy",
      "mt-unsafe", "sync",  "thread-safe"};
  return Kinds;
}

static const std::set<std::string> &knownCategories() {
  static const std::set<std::string> Categories = {
      "sleep", "file-io", "net-io",     "dns",      "process",
      "wait",  "lock",    "console-io", "database", "ipc"};
  return Categories;
}

static bool readStrings(const json &J, const char *Key,
                        std::vector<std::string> &Out, std::string &Error) {
  if (!J.contains(Key))
    return true;
  const json &V = J.at(Key);
  if (V.is_string()) {
    Out.push_back(V.get<std::string>());
    return true;
  }
  if (!V.is_array()) {
    Error = std::string("'") + Key + "' must be a string or a list of strings";
    return false;
  }
  for (const json &S : V) {
    if (!S.is_string()) {
      Error = std::string("'") + Key + "' must list strings only";
      return false;
    }
    Out.push_back(S.get<std::string>());
  }
  return true;
}

static bool readEntry(const json &J, CatalogEntry &E, std::string &Error) {
  static const std::set<std::string> Keys = {
      "name", "kind",   "category", "blocks",   "severity", "alternative",
      "on",   "unless", "if_arg",   "min_args", "model",    "callable_args",
      "note", "op",     "channel"};
  if (!J.is_object()) {
    Error = "each API entry must be a JSON object";
    return false;
  }
  for (auto It = J.begin(); It != J.end(); ++It)
    if (!Keys.count(It.key())) {
      Error = "unknown key '" + It.key() + "' in API entry";
      return false;
    }
  if (!readStrings(J, "name", E.Names, Error))
    return false;
  if (E.Names.empty()) {
    Error = "API entry without a 'name'";
    return false;
  }
  std::string Where = " in API entry '" + E.Names.front() + "'";
  try {
    if (J.contains("kind"))
      E.Kind = J.at("kind").get<std::string>();
    if (J.contains("category"))
      E.Category = J.at("category").get<std::string>();
    if (J.contains("blocks"))
      E.Blocks = J.at("blocks").get<bool>();
    else
      E.Blocks = E.Kind == "blocking";
    if (J.contains("severity"))
      E.Severity = J.at("severity").get<std::string>();
    if (J.contains("alternative"))
      E.Alternative = J.at("alternative").get<std::string>();
    if (J.contains("min_args"))
      E.MinArgs = J.at("min_args").get<unsigned>();
    if (J.contains("model"))
      E.Model = J.at("model").get<std::string>();
    if (J.contains("op"))
      E.Op = J.at("op").get<std::string>();
    if (J.contains("channel"))
      E.Channel = J.at("channel").get<std::string>();
    if (J.contains("callable_args"))
      E.CallableArgs = J.at("callable_args").get<std::vector<unsigned>>();
  } catch (const json::exception &) {
    Error = "a value has the wrong type" + Where;
    return false;
  }
  if (!readStrings(J, "on", E.On, Error) ||
      !readStrings(J, "unless", E.Unless, Error) ||
      !readStrings(J, "if_arg", E.IfArg, Error)) {
    Error += Where;
    return false;
  }
  if (!knownKinds().count(E.Kind)) {
    Error = "unknown kind '" + E.Kind + "'" + Where;
    return false;
  }
  if (E.Kind == "blocking" && !knownCategories().count(E.Category)) {
    Error = "unknown category '" + E.Category + "'" + Where;
    return false;
  }
  static const std::set<std::string> Ops = {"lock",         "unlock",
                                            "lock-shared",  "unlock-shared",
                                            "try-lock",     "try-lock-shared",
                                            "lock-all",     "guard",
                                            "guard-shared", "guard-deferred",
                                            "guard-lock",   "guard-unlock",
                                            "guard-owns",   "release",
                                            "acquire",      "release-acquire",
                                            "join",         "once",
                                            "test-and-set", "clear",
                                            "with-lock", "runs-executor"};
  if (E.Kind == "sync" && !Ops.count(E.Op)) {
    Error = "unknown sync op '" + E.Op + "'" + Where;
    return false;
  }
  if (!E.Severity.empty() && !parseSeverity(E.Severity)) {
    Error = "unknown severity '" + E.Severity + "'" + Where +
            " (use remark, warning or error)";
    return false;
  }
  return true;
}

void Catalog::add(CatalogEntry E) {
  size_t Index = Entries.size();
  for (const std::string &Name : E.Names)
    ByName[Name].push_back(Index);
  Entries.push_back(std::move(E));
}

bool Catalog::readApis(const json &Doc, bool FromConfig, std::string &Error) {
  if (!Doc.contains("apis"))
    return true;
  const json &Apis = Doc.at("apis");
  if (!Apis.is_array()) {
    Error = "'apis' must be a list of API entries";
    return false;
  }
  for (const json &J : Apis) {
    CatalogEntry E;
    E.FromConfig = FromConfig;
    if (!readEntry(J, E, Error))
      return false;
    add(std::move(E));
  }
  return true;
}

std::unique_ptr<Catalog> Catalog::parse(const std::string &Text,
                                        std::string &Error) {
  json Doc = json::parse(Text, nullptr, /*allow_exceptions=*/false,
                         /*ignore_comments=*/true);
  if (Doc.is_discarded() || !Doc.is_object()) {
    Error = "not a JSON object";
    return nullptr;
  }
  auto C = std::unique_ptr<Catalog>(new Catalog());
  if (!C->readApis(Doc, /*FromConfig=*/false, Error))
    return nullptr;
  C->Fingerprint = digest(Text);
  return C;
}

const Catalog &Catalog::builtin() {
  static const std::unique_ptr<Catalog> Builtin = [] {
    std::string Error;
    auto C = parse(BuiltinCatalogText, Error);
    // The build validates apis.json through the test suite; a broken
    // built-in catalog is a programming error, not user input.
    if (!C) {
      fprintf(stderr, "concur: internal error: built-in catalog: %s\n",
              Error.c_str());
      abort();
    }
    return C;
  }();
  return *Builtin;
}

std::unique_ptr<Catalog> Catalog::withConfig(const std::string &ConfigText,
                                             std::string &Error) const {
  json Doc = json::parse(ConfigText, nullptr, /*allow_exceptions=*/false,
                         /*ignore_comments=*/true);
  if (Doc.is_discarded()) {
    Error = "not valid JSON";
    return nullptr;
  }
  if (!Doc.is_object()) {
    Error = "the top level must be a JSON object";
    return nullptr;
  }
  static const std::set<std::string> Keys = {"apis", "severities"};
  for (auto It = Doc.begin(); It != Doc.end(); ++It)
    if (!Keys.count(It.key())) {
      Error = "unknown key '" + It.key() + "' (known: apis, severities)";
      return nullptr;
    }
  auto C = std::make_unique<Catalog>(*this);
  if (!C->readApis(Doc, /*FromConfig=*/true, Error))
    return nullptr;
  C->Fingerprint = digest(Fingerprint + ConfigText);
  if (Doc.contains("severities")) {
    const json &S = Doc.at("severities");
    if (!S.is_object()) {
      Error = "'severities' must map API names or categories to severities";
      return nullptr;
    }
    for (auto It = S.begin(); It != S.end(); ++It) {
      // A typo in a key must not silently change nothing.
      if (!knownCategories().count(It.key()) && !C->ByName.count(It.key())) {
        Error = "severity for '" + It.key() +
                "', which is neither a category nor a catalogued API name";
        return nullptr;
      }
      std::optional<Severity> Sev;
      if (It.value().is_string())
        Sev = parseSeverity(It.value().get<std::string>());
      if (!Sev) {
        Error = "severity for '" + It.key() +
                "' must be \"remark\", \"warning\" or \"error\"";
        return nullptr;
      }
      C->SeverityOverrides[It.key()] = *Sev;
    }
  }
  return C;
}

Severity Catalog::severityOf(const CatalogEntry &E) const {
  for (const std::string &Name : E.Names) {
    auto It = SeverityOverrides.find(Name);
    if (It != SeverityOverrides.end())
      return It->second;
  }
  auto It = SeverityOverrides.find(E.Category);
  if (It != SeverityOverrides.end())
    return It->second;
  if (!E.Severity.empty())
    return *parseSeverity(E.Severity);
  // A mutex is usually held for microseconds, and console output rarely
  // waits: flag them, but below real waits.
  return E.Category == "lock" || E.Category == "console-io" ? Severity::Remark
                                                            : Severity::Warning;
}

static bool contains(const std::vector<std::string> &Haystack,
                     const std::string &Needle) {
  return std::find(Haystack.begin(), Haystack.end(), Needle) != Haystack.end();
}

/// True when Tokens holds every '+'-separated part of Alternative.
static bool argHasAll(const std::vector<std::string> &Tokens,
                      const std::string &Alternative) {
  size_t Start = 0;
  while (Start <= Alternative.size()) {
    size_t End = Alternative.find('+', Start);
    if (End == std::string::npos)
      End = Alternative.size();
    if (!contains(Tokens, Alternative.substr(Start, End - Start)))
      return false;
    Start = End + 1;
  }
  return true;
}

bool Catalog::applies(const CatalogEntry &E, const CallShape &Call) const {
  if (Call.UserGlobalFunction && !E.FromConfig)
    return false;
  if (Call.ArgTokens.size() < E.MinArgs)
    return false;
  if (!E.On.empty() &&
      std::none_of(E.On.begin(), E.On.end(), [&](const std::string &R) {
        return contains(Call.Receivers, R);
      }))
    return false;
  for (const std::vector<std::string> &Tokens : Call.ArgTokens)
    for (const std::string &U : E.Unless)
      if (contains(Tokens, U))
        return false;
  if (E.IfArg.empty())
    return true;
  for (const std::vector<std::string> &Tokens : Call.ArgTokens)
    for (const std::string &Alternative : E.IfArg)
      if (argHasAll(Tokens, Alternative))
        return true;
  return false;
}

std::vector<const CatalogEntry *>
Catalog::matchAll(const CallShape &Call) const {
  std::vector<const CatalogEntry *> Result;
  for (const std::string &Name : Call.Names) {
    auto It = ByName.find(Name);
    if (It == ByName.end())
      continue;
    for (size_t Index : It->second) {
      const CatalogEntry &E = Entries[Index];
      if (applies(E, Call) &&
          std::find(Result.begin(), Result.end(), &E) == Result.end())
        Result.push_back(&E);
    }
  }
  return Result;
}

const CatalogEntry *Catalog::match(const CallShape &Call,
                                   const std::string &Kind) const {
  for (const CatalogEntry *E : matchAll(Call))
    if (Kind.empty() || E->Kind == Kind)
      return E;
  return nullptr;
}

} // namespace concur
