//===- FactCache.h - Per-file facts kept between runs ---------------------===//
//
// Facts are data, so a file whose inputs have not changed need not be parsed
// again: `concur check -p build src/x.cpp` after an edit re-parses x.cpp and
// reads every other file's facts from the cache. An entry is keyed by the
// concur binary, the catalog (with the file's config) and the compile
// command, and is used only while every file the parse read (headers
// included) has the size and modification time it had then.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_FACTCACHE_H
#define CONCUR_FACTS_FACTCACHE_H

#include "compdb/CompilationSetup.h"
#include "facts/Facts.h"

#include <optional>
#include <string>

namespace concur {

class FactCache {
public:
  /// Dir is created on first store.
  explicit FactCache(std::string Dir);

  std::optional<FileFacts> load(const CompileJob &Job,
                                const std::string &CatalogFingerprint) const;

  /// Stores facts of a file that parsed; failures are never cached. Errors
  /// writing the cache are ignored: it is an optimisation.
  void store(const CompileJob &Job, const std::string &CatalogFingerprint,
             const FileFacts &Facts) const;

private:
  std::string entryPath(const CompileJob &Job,
                        const std::string &CatalogFingerprint) const;

  std::string Dir;
  std::string BinaryIdentity;
};

} // namespace concur

#endif // CONCUR_FACTS_FACTCACHE_H
