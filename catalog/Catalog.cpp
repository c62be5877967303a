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

static const std::set<std::string> &knownCategories() {
  static const std::set<std::string> Categories = {
      "sleep", "file-io", "net-io",     "dns",      "process",
      "wait",  "lock",    "console-io", "database", "ipc"};
  return Categories;
}

/// Text from the file, cut short: a message stays one readable line whatever
/// the file holds.
static std::string clip(const std::string &Text) {
  return Text.size() <= 200 ? Text : Text.substr(0, 200) + "...";
}

/// A value as written; lists and objects only by their kind, since printing
/// one recurses on its nesting, which the file decides.
static std::string shown(const json &V) {
  if (V.is_array())
    return "a list";
  if (V.is_object())
    return "an object";
  return clip(V.dump(-1, ' ', false, json::error_handler_t::replace));
}

/// Parses a config or catalog document; Error says where it is not JSON.
static json parseDocument(const std::string &Text, std::string &Error) {
  try {
    return json::parse(Text, nullptr, /*allow_exceptions=*/true,
                       /*ignore_comments=*/true);
  } catch (const json::parse_error &E) {
    size_t Line = 1, Column = 1;
    for (size_t I = 0; I + 1 < E.byte && I < Text.size(); ++I) {
      if (Text[I] == '\n') {
        ++Line;
        Column = 1;
      } else {
        ++Column;
      }
    }
    Error = "not valid JSON (line " + std::to_string(Line) + ", column " +
            std::to_string(Column) + ")";
    return json::value_t::discarded;
  } catch (const json::exception &) {
    // The parser reports a number it cannot hold (4e449) as out_of_range,
    // not as a parse error (found by fuzz/ConfigFuzzer).
    Error = "not valid JSON (a number out of range)";
    return json::value_t::discarded;
  }
}

/// Reads a name list: a string or a list of strings, none of them blank.
static bool readStrings(const json &J, const char *Key,
                        std::vector<std::string> &Out, std::string &Error) {
  if (!J.contains(Key))
    return true;
  const json &V = J.at(Key);
  std::vector<json> Items;
  if (V.is_string())
    Items.push_back(V);
  else if (V.is_array())
    Items.assign(V.begin(), V.end());
  else {
    Error = std::string("'") + Key + "' must be a string or a list of strings";
    return false;
  }
  for (const json &S : Items) {
    if (!S.is_string()) {
      Error = std::string("'") + Key + "' must list strings only";
      return false;
    }
    std::string Word = S.get<std::string>();
    if (llvm::StringRef(Word).trim().empty()) {
      Error = std::string("'") + Key + "' holds an empty name";
      return false;
    }
    Out.push_back(std::move(Word));
  }
  return true;
}

/// Reads a word from a fixed vocabulary; the message lists the choices.
template <class E>
static bool readWord(const json &J, const char *Key, E &Out,
                     std::optional<E> (*Parse)(const std::string &),
                     const std::vector<std::string> &Choices,
                     std::string &Error) {
  if (!J.contains(Key))
    return true;
  const json &V = J.at(Key);
  std::optional<E> Value;
  if (V.is_string())
    Value = Parse(V.get<std::string>());
  if (!Value) {
    Error = std::string("'") + Key + "' must be one of " +
            spellingsOf(Choices) + ", not " + shown(V);
    return false;
  }
  Out = *Value;
  return true;
}

/// Argument counts and indexes: small non-negative integers.
static constexpr long MaxArgumentIndex = 64;

static bool readIndex(const json &V, const char *Key, unsigned &Out,
                      std::string &Error) {
  if (!V.is_number_integer() || V.get<long long>() < 0 ||
      V.get<long long>() > MaxArgumentIndex) {
    Error = std::string("'") + Key + "' must be a whole number from 0 to " +
            std::to_string(MaxArgumentIndex) + ", not " + shown(V);
    return false;
  }
  Out = static_cast<unsigned>(V.get<long long>());
  return true;
}

/// How messages name an entry: its place in 'apis' (names may be missing,
/// blank or repeated) and its first name when it has one.
static std::string entryName(size_t Index, const json &J) {
  std::string Name = "API entry " + std::to_string(Index + 1);
  if (J.is_object() && J.contains("name")) {
    const json &N = J.at("name");
    const json *First = N.is_array() && !N.empty() ? &N.front() : &N;
    if (First->is_string() &&
        !llvm::StringRef(First->get<std::string>()).trim().empty())
      Name += " ('" + clip(First->get<std::string>()) + "')";
  }
  return Name;
}

static bool readEntry(const json &J, size_t Index, CatalogEntry &E,
                      std::string &Error) {
  static const std::set<std::string> Keys = {
      "name",       "kind",         "category", "blocks",
      "severity",   "alternative",  "on",       "unless",
      "if_arg",     "min_args",     "model",    "callable_args",
      "note",       "op",           "channel",  "role",
      "handle_arg", "executor_arg", "runs_on",  "fd_arg",
      "fd_blocks",  "descriptor",   "elements", "sets",
      "flags_arg",  "flag",         "when",     "awaitable_rewrite",
      "results"};
  std::string Where = " in " + entryName(Index, J);
  auto Fail = [&](const std::string &Message) {
    Error = Message + Where;
    return false;
  };
  if (!J.is_object())
    return Fail("an API entry must be a JSON object, not " + shown(J));
  for (auto It = J.begin(); It != J.end(); ++It)
    if (!Keys.count(It.key()))
      return Fail("unknown key '" + clip(It.key()) + "'");
  if (!readStrings(J, "name", E.Names, Error))
    return Fail(Error);
  if (E.Names.empty())
    return Fail("'name' is missing");
  if (!readWord(J, "kind", E.Kind, parseEntryKind, entryKindSpellings(),
                Error) ||
      !readWord(J, "op", E.Op, parseSyncOp, syncOpSpellings(), Error) ||
      !readWord(J, "model", E.Model, parseSpawnModel, spawnModelSpellings(),
                Error) ||
      !readWord(J, "role", E.Role, parseLibraryRole,
                libraryRoleSpellings(E.Kind), Error))
    return Fail(Error);
  for (const char *Key :
       {"category", "severity", "alternative", "channel", "note"})
    if (J.contains(Key) && !J.at(Key).is_string())
      return Fail(std::string("'") + Key + "' must be a string");
  if (J.contains("blocks") && !J.at("blocks").is_boolean())
    return Fail("'blocks' must be true or false");
  if (J.contains("category"))
    E.Category = J.at("category").get<std::string>();
  E.Blocks = J.contains("blocks") ? J.at("blocks").get<bool>()
                                  : E.Kind == EntryKind::Blocking;
  if (J.contains("severity"))
    E.Severity = J.at("severity").get<std::string>();
  if (J.contains("alternative"))
    E.Alternative = J.at("alternative").get<std::string>();
  if (J.contains("channel"))
    E.Channel = J.at("channel").get<std::string>();
  if (J.contains("awaitable_rewrite")) {
    const json &R = J.at("awaitable_rewrite");
    if (!R.is_object())
      return Fail("'awaitable_rewrite' must map coroutine types to the "
                  "awaited call's text");
    for (auto It = R.begin(); It != R.end(); ++It) {
      if (!It.value().is_string() ||
          llvm::StringRef(It.value().get<std::string>()).trim().empty())
        return Fail("'awaitable_rewrite' of '" + clip(It.key()) +
                    "' must be the awaited call's text");
      E.AwaitableRewrites[It.key()] = It.value().get<std::string>();
    }
    if (E.Kind != EntryKind::Blocking)
      return Fail("'awaitable_rewrite' belongs to blocking entries only");
  }
  if (J.contains("min_args") &&
      !readIndex(J.at("min_args"), "min_args", E.MinArgs, Error))
    return Fail(Error);
  if (J.contains("callable_args")) {
    const json &Args = J.at("callable_args");
    if (!Args.is_array())
      return Fail("'callable_args' must be a list of argument indexes");
    for (const json &A : Args) {
      unsigned Index = 0;
      if (!readIndex(A, "callable_args", Index, Error))
        return Fail(Error);
      E.CallableArgs.push_back(Index);
    }
  }
  if (J.contains("executor_arg")) {
    unsigned Index = 0;
    if (!readIndex(J.at("executor_arg"), "executor_arg", Index, Error))
      return Fail(Error);
    E.ExecutorArg = Index;
  }
  if (!readWord(J, "runs_on", E.RunsOn, parseExecutionContext,
                executionContextSpellings(), Error))
    return Fail(Error);
  if ((E.ExecutorArg || E.RunsOn != ExecutionContext::None) &&
      E.Kind != EntryKind::Start && E.Kind != EntryKind::ExecutorSwitch)
    return Fail("'executor_arg' and 'runs_on' belong to start and "
                "executor-switch entries only");
  // File descriptors: which argument, and what makes a call on it block.
  auto ReadArgument = [&](const char *Key, std::optional<int> &Out) {
    if (!J.contains(Key))
      return true;
    const json &V = J.at(Key);
    if (V.is_string() && V.get<std::string>() == "receiver") {
      Out = -1;
      return true;
    }
    unsigned Index = 0;
    if (!readIndex(V, Key, Index, Error))
      return false;
    Out = static_cast<int>(Index);
    return true;
  };
  if (!ReadArgument("fd_arg", E.FdArg) ||
      !ReadArgument("descriptor", E.DescriptorArg) ||
      !readWord(J, "fd_blocks", E.FdBlocks, parseDescriptorBlocking,
                descriptorBlockingSpellings(), Error) ||
      !readWord(J, "sets", E.Sets, parseDescriptorEffect,
                descriptorEffectSpellings(), Error))
    return Fail(Error);
  if (E.FdArg && E.FdBlocks == DescriptorBlocking::None)
    E.FdBlocks = DescriptorBlocking::UnlessNonBlocking;
  if (J.contains("elements")) {
    if (!J.at("elements").is_boolean())
      return Fail("'elements' must be true or false");
    E.Elements = J.at("elements").get<bool>();
  }
  if (J.contains("flags_arg")) {
    unsigned Index = 0;
    if (!readIndex(J.at("flags_arg"), "flags_arg", Index, Error))
      return Fail(Error);
    E.FlagsArg = Index;
  }
  if (J.contains("flag")) {
    if (!J.at("flag").is_number_integer() || J.at("flag").get<long long>() <= 0)
      return Fail("'flag' must be a positive whole number (a bit of the "
                  "flags argument)");
    E.Flag = J.at("flag").get<long long>();
  }
  if (J.contains("when")) {
    const json &W = J.at("when");
    if (!W.is_object())
      return Fail("'when' must map argument indexes to the whole numbers "
                  "they must equal");
    for (auto It = W.begin(); It != W.end(); ++It) {
      unsigned Index = 0;
      json Key = json::parse(It.key(), nullptr, false);
      if (Key.is_discarded() || !readIndex(Key, "when", Index, Error) ||
          !It.value().is_number_integer())
        return Fail("'when' must map argument indexes (\"0\" to \"64\") to "
                    "whole numbers");
      E.When.push_back({Index, It.value().get<long long>()});
    }
  }
  bool DescriptorFields = E.DescriptorArg || E.Elements ||
                          E.Sets != DescriptorEffect::None || E.FlagsArg ||
                          E.Flag || !E.When.empty();
  if (E.Kind == EntryKind::Descriptor && E.Sets == DescriptorEffect::None)
    return Fail("a descriptor entry needs 'sets' (" +
                spellingsOf(descriptorEffectSpellings()) + ")");
  if (E.Kind != EntryKind::Descriptor && DescriptorFields)
    return Fail("'descriptor', 'elements', 'sets', 'flags_arg', 'flag' and "
                "'when' belong to descriptor entries only");
  if (E.FlagsArg.has_value() != (E.Flag != 0))
    return Fail("'flags_arg' and 'flag' go together");
  if ((E.FdArg || E.FdBlocks != DescriptorBlocking::None) &&
      E.Kind != EntryKind::Blocking)
    return Fail("'fd_arg' and 'fd_blocks' belong to blocking entries only");
  if (E.FdBlocks != DescriptorBlocking::None && !E.FdArg)
    return Fail("'fd_blocks' needs 'fd_arg'");
  if (J.contains("handle_arg")) {
    unsigned Index = 0;
    if (!readIndex(J.at("handle_arg"), "handle_arg", Index, Error))
      return Fail(Error);
    E.HandleArg = Index;
  }
  if (!readStrings(J, "on", E.On, Error) ||
      !readStrings(J, "unless", E.Unless, Error) ||
      !readStrings(J, "if_arg", E.IfArg, Error))
    return Fail(Error);

  // What each kind needs, and what only some kinds may have.
  if (E.Kind == EntryKind::Blocking && !knownCategories().count(E.Category)) {
    std::vector<std::string> Categories(knownCategories().begin(),
                                        knownCategories().end());
    return Fail(E.Category.empty()
                    ? "a blocking entry needs a 'category' (" +
                          spellingsOf(Categories) + ")"
                    : "unknown category '" + clip(E.Category) + "'");
  }
  if (E.Kind == EntryKind::Sync && E.Op == SyncOp::None)
    return Fail("a sync entry needs an 'op' (" +
                spellingsOf(syncOpSpellings()) + ")");
  if (E.Kind != EntryKind::Sync && E.Op != SyncOp::None)
    return Fail("'op' belongs to sync entries only");
  if (E.Kind == EntryKind::Spawn && E.Model == SpawnModel::None)
    return Fail("a spawn entry needs a 'model' (" +
                spellingsOf(spawnModelSpellings()) + ")");
  if (E.Kind != EntryKind::Spawn &&
      (E.Model != SpawnModel::None || !E.CallableArgs.empty() || E.HandleArg))
    return Fail("'model', 'callable_args' and 'handle_arg' belong to spawn "
                "entries only");
  bool Library = E.Kind == EntryKind::Type || E.Kind == EntryKind::Function ||
                 E.Kind == EntryKind::Method;
  if (Library && E.Role == LibraryRole::None)
    return Fail(std::string("a ") + entryKindName(E.Kind) +
                " entry needs a 'role' (" +
                spellingsOf(libraryRoleSpellings(E.Kind)) + ")");
  if (Library && !roleFitsKind(E.Role, E.Kind))
    return Fail(std::string("role '") + libraryRoleName(E.Role) +
                "' does not fit a " + entryKindName(E.Kind) + " entry (use " +
                spellingsOf(libraryRoleSpellings(E.Kind)) + ")");
  if (!Library && E.Role != LibraryRole::None)
    return Fail("'role' belongs to type, function and method entries only");
  if (J.contains("results")) {
    const json &R = J.at("results");
    if (!R.is_array() || R.empty())
      return Fail("'results' must be a list of the whole numbers the call "
                  "returns");
    for (const json &V : R) {
      if (!V.is_number_integer())
        return Fail("'results' must be a list of whole numbers, not " +
                    shown(V));
      E.Results.push_back(V.get<long long>());
    }
  }
  if ((E.Role == LibraryRole::KnownResults) != !E.Results.empty())
    return Fail("role 'known-results' and 'results' go together");
  if (!E.Severity.empty() && !parseSeverity(E.Severity))
    return Fail("unknown severity '" + clip(E.Severity) +
                "' (use remark, warning or error)");
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
  for (size_t I = 0; I < Apis.size(); ++I) {
    CatalogEntry E;
    E.FromConfig = FromConfig;
    if (!readEntry(Apis[I], I, E, Error))
      return false;
    add(std::move(E));
  }
  return true;
}

std::unique_ptr<Catalog> Catalog::parse(const std::string &Text,
                                        std::string &Error) {
  json Doc = parseDocument(Text, Error);
  if (Doc.is_discarded())
    return nullptr;
  if (!Doc.is_object()) {
    Error = "not a JSON object";
    return nullptr;
  }
  auto C = std::unique_ptr<Catalog>(new Catalog());
  if (!C->readApis(Doc, /*FromConfig=*/false, Error) ||
      !readStrings(Doc, "memory_filesystems", C->MemoryFileSystems, Error) ||
      !readStrings(Doc, "library_namespaces", C->LibraryNamespaces, Error) ||
      !readStrings(Doc, "atomic_function_prefixes", C->AtomicFunctionPrefixes,
                   Error))
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
  json Doc = parseDocument(ConfigText, Error);
  if (Doc.is_discarded())
    return nullptr;
  if (!Doc.is_object()) {
    Error = "the top level must be a JSON object";
    return nullptr;
  }
  static const std::set<std::string> Keys = {
      "apis", "severities", "library_namespaces", "atomic_function_prefixes"};
  for (auto It = Doc.begin(); It != Doc.end(); ++It)
    if (!Keys.count(It.key())) {
      Error = "unknown key '" + clip(It.key()) +
              "' (known: apis, severities, library_namespaces, "
              "atomic_function_prefixes)";
      return nullptr;
    }
  auto C = std::make_unique<Catalog>(*this);
  if (!C->readApis(Doc, /*FromConfig=*/true, Error) ||
      !readStrings(Doc, "library_namespaces", C->LibraryNamespaces, Error) ||
      !readStrings(Doc, "atomic_function_prefixes", C->AtomicFunctionPrefixes,
                   Error))
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
        Error = "severity for '" + clip(It.key()) +
                "', which is neither a category nor a catalogued API name";
        return nullptr;
      }
      std::optional<Severity> Sev;
      if (It.value().is_string())
        Sev = parseSeverity(It.value().get<std::string>());
      if (!Sev) {
        Error = "severity for '" + clip(It.key()) +
                "' must be \"remark\", \"warning\" or \"error\"";
        return nullptr;
      }
      C->SeverityOverrides[It.key()] = *Sev;
    }
  }
  return C;
}

bool Catalog::isMemoryPath(const std::string &Path) const {
  if (Path.empty())
    return true;
  return std::any_of(MemoryFileSystems.begin(), MemoryFileSystems.end(),
                     [&](const std::string &Prefix) {
                       return llvm::StringRef(Path).starts_with(Prefix) ||
                              (Prefix.back() == '/' &&
                               Path == Prefix.substr(0, Prefix.size() - 1));
                     });
}

bool Catalog::isAtomicFunction(const std::string &Name) const {
  return std::any_of(AtomicFunctionPrefixes.begin(),
                     AtomicFunctionPrefixes.end(), [&](const std::string &P) {
                       return llvm::StringRef(Name).starts_with(P);
                     });
}

bool Catalog::isLibraryNamespace(const std::string &Qualified) const {
  // "asio" names asio and every namespace in it.
  llvm::StringRef Name(Qualified);
  return std::any_of(LibraryNamespaces.begin(), LibraryNamespaces.end(),
                     [&](const std::string &N) {
                       return Name == N ||
                              (Name.starts_with(N) &&
                               Name.substr(N.size()).starts_with("::"));
                     });
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
                                   std::optional<EntryKind> Kind) const {
  for (const CatalogEntry *E : matchAll(Call))
    if (!Kind || E->Kind == *Kind)
      return E;
  return nullptr;
}

const std::vector<long long> *
Catalog::resultsOf(const std::string &Name) const {
  auto It = ByName.find(Name);
  if (It == ByName.end())
    return nullptr;
  for (size_t Index : It->second)
    if (Entries[Index].Role == LibraryRole::KnownResults)
      return &Entries[Index].Results;
  return nullptr;
}

bool Catalog::hasRole(const std::string &Name, LibraryRole Role) const {
  auto It = ByName.find(Name);
  if (It == ByName.end())
    return false;
  for (size_t Index : It->second)
    if (Entries[Index].Role == Role)
      return true;
  return false;
}

} // namespace concur
