//===- CompilationSetup.h - Compile database, arguments, resource dir -----===//
//
// The first stage of the pipeline: find the compile database the way
// clang-tidy does (-p DIR, or upward from the files or the current
// directory), pick the files to analyse, and turn each file's recorded
// command into one Clang 19 accepts: GCC-only flags dropped, Clang's resource
// directory added, Asio's coroutine support switched on.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_COMPDB_COMPILATIONSETUP_H
#define CONCUR_COMPDB_COMPILATIONSETUP_H

#include "clang/Tooling/CompilationDatabase.h"
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace concur {

/// One translation unit to parse, with a command line ready for Clang.
struct CompileJob {
  std::string File;      // Absolute path.
  std::string Directory; // Working directory of the command.
  std::vector<std::string> CommandLine;
  /// Why the recorded command cannot be used (an unterminated quote); the
  /// file then fails without being parsed.
  std::string CommandError;
};

class CompilationSetup {
public:
  /// Loads the database. BuildPath is the -p argument (a directory or a
  /// compile_commands.json file), or empty to search upward from the first
  /// file or the current directory. When FixedArgs is set (arguments after
  /// "--"), every file is compiled with those arguments and no database is
  /// read. Returns nullptr with a one-line Error on failure.
  static std::unique_ptr<CompilationSetup>
  load(const std::string &BuildPath, const std::vector<std::string> &Files,
       const std::vector<std::string> *FixedArgs, std::string &Error);

  /// Every source file the database knows, sorted.
  std::vector<std::string> allFiles() const;

  /// The command for one file; false with Error when the database has none.
  /// A command that is there but unusable sets Job.CommandError instead.
  bool jobFor(const std::string &File, CompileJob &Job,
              std::string &Error) const;

  /// Where the database came from, for messages and the report.
  const std::string &source() const { return Source; }

private:
  std::unique_ptr<clang::tooling::CompilationDatabase> Database;
  std::string Source;
  std::vector<std::string> FixedFiles;
  std::string ResourceDir;
  std::map<std::string, std::string> Unsplittable; // File -> why.
};

/// Clang's resource directory (the one holding include/stddef.h):
/// $CONCUR_RESOURCE_DIR when set, else the one found at build time, else
/// what the installed clang reports. Empty with Error when none has stddef.h.
std::string findClangResourceDir(std::string &Error);

/// Rewrites a recorded compile command for parsing with Clang 19.
std::vector<std::string>
adjustCommandLine(const std::vector<std::string> &Command,
                  const std::string &ResourceDir);

/// Absolute, dot-free form of a path, relative to Base (a compile command's
/// directory) or, when Base is empty, to the current directory.
std::string absolutePath(const std::string &Path, const std::string &Base = "");

} // namespace concur

#endif // CONCUR_COMPDB_COMPILATIONSETUP_H
