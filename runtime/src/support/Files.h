//===- Files.h - Reading inputs and writing outputs whole -----------------===//
//
// Outputs named on the command line (-o, --svg) are checked before a run
// that can take an hour, and written by what is at the path, never by its
// name: a regular file (or none yet) is replaced atomically through a
// temporary file beside it, a symlink's target is written and the link
// stays, a device or FIFO (/dev/null, a named pipe) is written in place, and
// "-" is standard output. After an interrupt no temporary file is left.
// This is the analyser's report/OutputFile in plain POSIX: the runtime
// never links LLVM.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_RUNTIME_SUPPORT_FILES_H
#define CONCUR_RUNTIME_SUPPORT_FILES_H

#include <nlohmann/json.hpp>

#include <string>

namespace concur::runtime {

/// The whole file, or throws UsageError naming Path and What it was for.
std::string readWholeFile(const std::string &Path, const std::string &What);

/// Text read from Path as JSON, or throws UsageError naming Path, What it
/// was for and where it stops being JSON, followed by Fix.
nlohmann::json parseJsonText(const std::string &Text, const std::string &Path,
                             const std::string &What, const std::string &Fix);

class OutputFile {
public:
  /// Decides how Path is written and, for a regular file, creates the
  /// temporary file now. Throws UsageError naming OptionName for a
  /// directory, a symlink loop or a place that cannot be written.
  OutputFile(const std::string &Path, const std::string &OptionName);

  /// Writes Content whole (rename, or a write in place). Throws UsageError
  /// when that fails (ENOSPC from /dev/full); a regular target is then left
  /// as it was. An interrupt that arrives meanwhile wins: the temporary file
  /// goes and the process exits for it.
  void commit(const std::string &Content);

  /// Removes the temporary file when nothing was committed.
  ~OutputFile();

  OutputFile(const OutputFile &) = delete;
  OutputFile &operator=(const OutputFile &) = delete;

private:
  enum class Kind { Replace, InPlace, StandardOutput };
  std::string Path, OptionName, Target, Temp;
  Kind How = Kind::Replace;
  int TempFD = -1;
};

/// Removes the temporary files of outputs not committed yet. For exits that
/// skip destructors: exitForInterrupt() calls it.
void removePendingOutputs();

} // namespace concur::runtime

#endif // CONCUR_RUNTIME_SUPPORT_FILES_H
