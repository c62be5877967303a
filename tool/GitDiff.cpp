//===- GitDiff.cpp - The changes of a git work tree since a revision ------===//

#include "tool/GitDiff.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"

#include <optional>
#include <vector>

namespace concur {

/// Runs git with Args in Dir; its standard output in Out, or false with the
/// first line of what it said on standard error.
static bool runGit(const std::string &Git, std::vector<llvm::StringRef> Args,
                   const std::string &Dir, std::string &Out,
                   std::string &Error) {
  llvm::SmallString<128> OutFile, ErrFile;
  if (llvm::sys::fs::createTemporaryFile("concur-git", "out", OutFile) ||
      llvm::sys::fs::createTemporaryFile("concur-git", "err", ErrFile)) {
    Error = "cannot create a temporary file for git's output";
    return false;
  }
  llvm::FileRemover RemoveOut(OutFile), RemoveErr(ErrFile);
  std::vector<llvm::StringRef> Argv = {Git, "-C", Dir};
  Argv.insert(Argv.end(), Args.begin(), Args.end());
  std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef(""),
                                                OutFile.str(), ErrFile.str()};
  std::string Why;
  int Status =
      llvm::sys::ExecuteAndWait(Git, Argv, std::nullopt, Redirects, 0, 0, &Why);
  auto Read = [](llvm::StringRef Path) {
    auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
    return Buffer ? (*Buffer)->getBuffer().str() : std::string();
  };
  if (Status != 0) {
    std::string Said = Read(ErrFile);
    llvm::StringRef First = llvm::StringRef(Said).trim().split('\n').first;
    Error = First.empty() ? (Why.empty() ? "git failed" : Why) : First.str();
    return false;
  }
  Out = Read(OutFile);
  return true;
}

bool gitDiff(const std::string &Rev, const std::string &Dir, std::string &Diff,
             std::string &TopLevel, std::string &Error) {
  auto Git = llvm::sys::findProgramByName("git");
  if (!Git) {
    Error = "--diff=" + Rev +
            " needs git, which is not on PATH; install it, or pass a diff "
            "on standard input with --diff=-";
    return false;
  }
  std::string Why;
  if (!runGit(*Git, {"rev-parse", "--show-toplevel"}, Dir, TopLevel, Why)) {
    Error = "--diff=" + Rev + ": '" + Dir + "' is not in a git work tree (" +
            Why + "); pass --project-root, or a diff with --diff=-";
    return false;
  }
  TopLevel = llvm::StringRef(TopLevel).trim().str();
  if (!runGit(*Git,
              {"diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames",
               Rev, "--"},
              Dir, Diff, Why)) {
    Error = "'git diff -U0 " + Rev + "' failed: " + Why +
            "; pass a revision git knows, such as origin/main";
    return false;
  }
  return true;
}

} // namespace concur
