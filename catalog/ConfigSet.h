//===- ConfigSet.h - The catalog each file is analysed with ---------------===//
//
// A .concur.json found upward from a source file (or the one named with
// --config) extends the built-in catalog for that file. All configs are read
// and validated before any parsing starts, so a typo fails fast: a bad
// --config stops the run; a bad .concur.json in one folder fails the files it
// covers, with its message, and the files it does not cover go on.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_CATALOG_CONFIGSET_H
#define CONCUR_CATALOG_CONFIGSET_H

#include "catalog/Catalog.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace concur {

class ConfigSet {
public:
  /// ExplicitConfig: the --config file, used for every file when set.
  /// Returns false with a one-line Error naming the file when that one is
  /// bad.
  bool load(const std::vector<std::string> &Files,
            const std::string &ExplicitConfig, std::string &Error);

  /// Why a file given to load() cannot be analysed (the config that covers
  /// it is bad: one line naming the config, the entry and the field), or
  /// nullptr.
  const std::string *problemFor(const std::string &File) const;

  /// The catalog for a file given to load() that has no problem.
  const Catalog &forFile(const std::string &File) const;

private:
  std::map<std::string, std::unique_ptr<Catalog>> ByConfig; // "" = builtin.
  std::map<std::string, std::string> Broken;                // Config -> why.
  std::map<std::string, std::string> ConfigOfFile;
  std::map<std::string, std::string> ConfigOfDir;
};

} // namespace concur

#endif // CONCUR_CATALOG_CONFIGSET_H
