//===- OutputFile.h - Where a report goes, and writing it whole -----------===//
//
// -o names a place, not always a regular file: /dev/null, /dev/stdout, a FIFO
// a reader waits on, a symlink into a shared folder, "-" for standard output.
// What is at the path decides how it is written, never its name: a regular
// file (or none yet) is replaced atomically, through a temporary file beside
// it that a signal never leaves behind; a device or FIFO is written in place,
// as a shell redirection would; a symlink is followed and its target written
// the same way. The destination is checked before the analysis starts, so a
// bad -o costs nothing.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_REPORT_OUTPUTFILE_H
#define CONCUR_REPORT_OUTPUTFILE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"

#include <memory>
#include <optional>
#include <string>

namespace concur {

class OutputFile {
public:
  /// Decides how Path is written and, for a regular file, creates the
  /// temporary file now (removed again on SIGINT, SIGTERM and SIGHUP by
  /// LLVM's signal handlers). Returns nullptr with a one-line Error for a
  /// directory, a missing parent directory, a symlink loop, or a place that
  /// cannot be written.
  /// Option names the path in messages ("-o", "--write-baseline").
  static std::unique_ptr<OutputFile>
  open(const std::string &Path, const std::string &Option, std::string &Error);

  /// Writes Content whole: renames the temporary file over the target, or
  /// writes straight into a device, FIFO or standard output. False with a
  /// one-line Error (ENOSPC from /dev/full, a full disk); a regular target
  /// is then left as it was.
  bool write(llvm::StringRef Content, std::string &Error);

  /// After a failed write: the reader of a pipe went away (EPIPE), which is
  /// no error of the report (`concur check ... | head -1`).
  bool readerWentAway() const { return BrokenPipe; }

  /// Removes the temporary file when nothing was written.
  ~OutputFile();

  OutputFile(const OutputFile &) = delete;
  OutputFile &operator=(const OutputFile &) = delete;

private:
  enum class Kind { Replace, InPlace, StandardOutput };
  OutputFile(std::string Shown, std::string Target, Kind How)
      : Shown(std::move(Shown)), Target(std::move(Target)), How(How) {}

  bool writeInPlace(llvm::StringRef Content, std::string &Error);
  bool replace(llvm::StringRef Content, std::string &Error);

  std::string Shown;  // As the user gave it, for messages.
  std::string Target; // Symlinks resolved.
  Kind How;
  std::optional<llvm::sys::fs::TempFile> Temp;
  bool BrokenPipe = false;
};

} // namespace concur

#endif // CONCUR_REPORT_OUTPUTFILE_H
