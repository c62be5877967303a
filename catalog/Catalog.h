//===- Catalog.h - What library functions do: block, spawn, switch --------===//
//
// Knowledge about libraries lives in data (catalog/apis.json, plus the user's
// .concur.json), not in code. The extractor describes each call it sees as a
// CallShape; the catalog says which entries, if any, describe that call.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_CATALOG_CATALOG_H
#define CONCUR_CATALOG_CATALOG_H

#include "catalog/Vocabulary.h"

#include <map>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace concur {

struct CatalogEntry {
  /// Qualified, no template arguments; for "method" entries, the method's
  /// own name.
  std::vector<std::string> Names;
  EntryKind Kind = EntryKind::Blocking;
  std::string Category; // For blocking entries: sleep, file-io, lock, ...
  bool Blocks = true;
  std::string Severity; // Empty: derived from the category.
  std::string Alternative;
  /// For blocking entries: the call written as an awaited operation, per
  /// coroutine type it may be written in ("asio::awaitable"); $0, $1, ...
  /// stand for the source text of the call's arguments.
  std::map<std::string, std::string> AwaitableRewrites;
  /// Receivers the entry is limited to: class names of the object (or, for a
  /// free function, of the first argument) or names of global variables such
  /// as std::cin. Empty: any receiver.
  std::vector<std::string> On;
  /// The entry does not apply when an argument has one of these types or
  /// names one of these enumerators (std::defer_lock_t, std::launch::deferred).
  std::vector<std::string> Unless;
  /// The entry applies only when some argument has one of these types; an
  /// alternative "A+B" needs one argument with both A and B among its tokens.
  std::vector<std::string> IfArg;
  unsigned MinArgs = 0;
  /// For spawn entries: how the started work runs.
  SpawnModel Model = SpawnModel::None;
  /// For spawn entries: which arguments are the callables run elsewhere
  /// (empty: every callable argument).
  std::vector<unsigned> CallableArgs;
  /// For spawn entries: the argument through which the new thread's handle
  /// is written (pthread_create(&t, ...)); otherwise the handle is where the
  /// call's result is kept, or the object the call is made on.
  std::optional<unsigned> HandleArg;
  /// For start and executor-switch entries: the argument that is the
  /// executor (its type's role says where things run), or where they run
  /// when the entry says it itself (runs_on). Otherwise: the role of the
  /// type of the object the call is made on (pool.schedule()).
  std::optional<unsigned> ExecutorArg;
  ExecutionContext RunsOn = ExecutionContext::None;
  /// For blocking entries: the argument that is a file descriptor (-1: the
  /// object the call is made on), and when the call blocks given what is
  /// known of that descriptor.
  std::optional<int> FdArg;
  DescriptorBlocking FdBlocks = DescriptorBlocking::None;
  /// For descriptor entries: which descriptor the call makes or changes
  /// (an argument index, -1 for the object the call is made on, absent for
  /// the call's result; Elements: the elements of that argument, pipe2's
  /// array), what it does to it, and the conditions: an argument's flags
  /// with Flag set, constant arguments equal to values (fcntl's F_SETFL).
  std::optional<int> DescriptorArg;
  bool Elements = false;
  DescriptorEffect Sets = DescriptorEffect::None;
  std::optional<unsigned> FlagsArg;
  long long Flag = 0;
  std::vector<std::pair<unsigned, long long>> When;
  /// For sync entries: what the call does to locks and ordering.
  SyncOp Op = SyncOp::None;
  /// For type, function and method entries: the role the library thing has.
  LibraryRole Role = LibraryRole::None;
  /// For sync entries whose partner is not the same object (a promise and
  /// its future): both sides name the same channel.
  std::string Channel;
  /// For known-results function entries: every value the call returns when
  /// its arguments are valid (pthread_sigmask: 0; pthread_cancel: 0, ESRCH).
  std::vector<long long> Results;
  /// Added by a user's config rather than shipped with concur.
  bool FromConfig = false;
};

/// How the extractor describes one call for matching.
struct CallShape {
  /// Candidate names, most specific first: for a member call, the receiver's
  /// class then the declaring class, each followed by "::method".
  std::vector<std::string> Names;
  /// Class names of the receiver and its bases, and the receiver's variable
  /// name when it is a global (std::cin).
  std::vector<std::string> Receivers;
  /// Per explicit argument: its type, the types it is templated on, and the
  /// enumerator or variable it names (std::launch::deferred, std::defer_lock).
  std::vector<std::vector<std::string>> ArgTokens;
  /// A global-namespace C++ function outside system headers: the built-in
  /// entries for C functions (read, sleep, ...) must not match it.
  bool UserGlobalFunction = false;
};

/// Severity levels shared by the catalog, the checks and --fail-on.
enum class Severity { Remark = 0, Warning = 1, Error = 2 };
const char *severityName(Severity S);
std::optional<Severity> parseSeverity(const std::string &S);

class Catalog {
public:
  /// The catalog shipped inside the binary (catalog/apis.json).
  static const Catalog &builtin();

  /// Parse a catalog document ({"apis": [...]}); on failure returns nullptr
  /// and sets Error to one line naming what is wrong.
  static std::unique_ptr<Catalog> parse(const std::string &Text,
                                        std::string &Error);

  /// A copy of this catalog extended by a user config file's contents
  /// (.concur.json): extra entries and severity overrides.
  std::unique_ptr<Catalog> withConfig(const std::string &ConfigText,
                                      std::string &Error) const;

  /// The first entry of the given kind (or any kind) that describes the call.
  const CatalogEntry *match(const CallShape &Call,
                            std::optional<EntryKind> Kind = std::nullopt) const;

  /// Does a type, function or method entry give Name this role? Names are
  /// qualified names (types, functions) or a method's own name (methods).
  bool hasRole(const std::string &Name, LibraryRole Role) const;

  /// The values a known-results function entry says Name returns, or null.
  const std::vector<long long> *resultsOf(const std::string &Name) const;

  /// Every entry that describes the call, of any kind.
  std::vector<const CatalogEntry *> matchAll(const CallShape &Call) const;

  /// The effective severity of a blocking entry after config overrides.
  Severity severityOf(const CatalogEntry &E) const;

  const std::vector<CatalogEntry> &entries() const { return Entries; }

  /// Does this constant path name no file on a disk (empty, or under a
  /// file system that lives in memory such as /proc)?
  bool isMemoryPath(const std::string &Path) const;
  /// Is code in this namespace ("asio::detail") a library's own, judged by
  /// the catalog's description of the library's public operations and
  /// never walked, wherever its headers are (a vendored copy included as a
  /// project header)?
  bool isLibraryNamespace(const std::string &Qualified) const;
  /// Does a function of this name run as one atomic step, by the naming
  /// convention of a verifier's API (SV-COMP's "__VERIFIER_atomic_")? Its
  /// calls hold the pseudo-lock "atomic-section", as the API's explicit
  /// atomic blocks do.
  bool isAtomicFunction(const std::string &Name) const;

  /// Identifies the catalog's contents (built-in text and config), for the
  /// fact cache.
  const std::string &fingerprint() const { return Fingerprint; }

private:
  void add(CatalogEntry E);
  bool readApis(const nlohmann::json &Doc, bool FromConfig, std::string &Error);
  bool applies(const CatalogEntry &E, const CallShape &Call) const;

  std::vector<CatalogEntry> Entries;
  std::vector<std::string> MemoryFileSystems;
  std::vector<std::string> LibraryNamespaces;
  std::vector<std::string> AtomicFunctionPrefixes;
  std::string Fingerprint;
  std::map<std::string, std::vector<size_t>> ByName;
  /// Config overrides: by API name or by category.
  std::map<std::string, Severity> SeverityOverrides;
};

} // namespace concur

#endif // CONCUR_CATALOG_CATALOG_H
