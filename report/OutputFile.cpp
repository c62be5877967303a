//===- OutputFile.cpp - Where a report goes, and writing it whole ---------===//

#include "report/OutputFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Errc.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <climits>
#include <csignal>
#include <pthread.h>
#include <unistd.h>

namespace concur {

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

/// Follows the symlinks of a path that names no file yet to where the file
/// is to be created (a dangling link is written through, as a shell
/// redirection would). The kernel's limit on hops is the loop bound.
static bool resolveLinks(const std::string &Path, std::string &Resolved,
                         std::string &Error) {
  std::string Current = Path;
  for (int Hop = 0; Hop < 40; ++Hop) {
    fs::file_status Status;
    if (std::error_code EC = fs::status(Current, Status, /*Follow=*/false)) {
      if (EC != llvm::errc::no_such_file_or_directory) {
        Error = EC.message();
        return false;
      }
      Resolved = Current;
      return true;
    }
    if (Status.type() != fs::file_type::symlink_file) {
      Resolved = Current;
      return true;
    }
    char Buffer[PATH_MAX];
    ssize_t Length = ::readlink(Current.c_str(), Buffer, sizeof(Buffer));
    if (Length < 0) {
      Error = std::error_code(errno, std::generic_category()).message();
      return false;
    }
    llvm::SmallString<256> Next(llvm::StringRef(Buffer, Length));
    if (path::is_relative(Next)) {
      llvm::SmallString<256> Joined(path::parent_path(Current));
      path::append(Joined, Next);
      Next = Joined;
    }
    Current = std::string(Next);
  }
  Error = "too many levels of symbolic links";
  return false;
}

std::unique_ptr<OutputFile> OutputFile::open(const std::string &Path,
                                             const std::string &Option,
                                             std::string &Error) {
  if (Path == "-")
    return std::unique_ptr<OutputFile>(
        new OutputFile(Path, Path, Kind::StandardOutput));
  auto Fail = [&](const std::string &Why) {
    Error = "cannot write '" + Path + "': " + Why;
    return nullptr;
  };
  if (Path.empty())
    return Fail("the file name is empty");
  fs::file_status Status;
  std::error_code Missing = fs::status(Path, Status);
  if (Missing && Missing != llvm::errc::no_such_file_or_directory)
    return Fail(Missing.message());
  bool Exists = !Missing;
  if (Exists && Status.type() == fs::file_type::directory_file) {
    Error = Option + " '" + Path + "' is a directory; give " + Option +
            " a file name";
    return nullptr;
  }
  // Devices, FIFOs and sockets are written where they are: replacing
  // /dev/null with a regular file would break every program on the machine.
  // The kernel follows the links (/dev/stdout is one to a pipe).
  if (Exists && Status.type() != fs::file_type::regular_file)
    return std::unique_ptr<OutputFile>(
        new OutputFile(Path, Path, Kind::InPlace));

  // A symlink is replaced by nothing: its target is.
  std::string Target, Why;
  if (Exists) {
    llvm::SmallString<256> Real;
    if (std::error_code EC = fs::real_path(Path, Real))
      return Fail(EC.message());
    Target = std::string(Real);
  } else if (!resolveLinks(Path, Target, Why)) {
    return Fail(Why);
  }

  // A regular file, or none yet: a temporary file in the same directory,
  // renamed over it once the report is complete.
  auto Temp = [&] {
    // LLVM registers the file for removal just after creating it; a signal
    // in between would leave it behind, so signals wait until both are done.
    sigset_t Interrupts, Old;
    sigemptyset(&Interrupts);
    for (int Signal : {SIGINT, SIGTERM, SIGHUP})
      sigaddset(&Interrupts, Signal);
    pthread_sigmask(SIG_BLOCK, &Interrupts, &Old);
    auto Created = fs::TempFile::create(Target + ".tmp-%%%%%%");
    pthread_sigmask(SIG_SETMASK, &Old, nullptr);
    return Created;
  }();
  if (!Temp) {
    std::string Message = llvm::toString(Temp.takeError());
    return Fail(Message + "; check that its directory exists and is writable");
  }
  // Replacing a file keeps who may read it.
  if (Exists)
    fs::setPermissions(Temp->FD, Status.permissions());
  std::unique_ptr<OutputFile> Out(new OutputFile(Path, Target, Kind::Replace));
  Out->Temp.emplace(std::move(*Temp));
  return Out;
}

bool OutputFile::write(llvm::StringRef Content, std::string &Error) {
  switch (How) {
  case Kind::StandardOutput: {
    llvm::outs() << Content;
    llvm::outs().flush();
    if (!llvm::outs().has_error())
      return true;
    std::error_code EC = llvm::outs().error();
    llvm::outs().clear_error();
    BrokenPipe = EC == std::errc::broken_pipe;
    Error = "cannot write to standard output: " + EC.message() +
            "; check the disk or the pipe";
    return false;
  }
  case Kind::InPlace:
    return writeInPlace(Content, Error);
  case Kind::Replace:
    return replace(Content, Error);
  }
  return false;
}

bool OutputFile::writeInPlace(llvm::StringRef Content, std::string &Error) {
  auto Fail = [&](std::error_code EC) {
    BrokenPipe = EC == std::errc::broken_pipe;
    Error = "cannot write '" + Shown + "': " + EC.message();
    return false;
  };
  int FD = -1;
  // No O_CREAT, no O_TRUNC: the thing at the path is written, not made.
  if (std::error_code EC =
          fs::openFileForWrite(Target, FD, fs::CD_OpenExisting, fs::OF_None))
    return Fail(EC);
  llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true, /*unbuffered=*/false);
  OS << Content;
  OS.close();
  if (OS.has_error()) {
    std::error_code EC = OS.error();
    OS.clear_error();
    return Fail(EC);
  }
  return true;
}

bool OutputFile::replace(llvm::StringRef Content, std::string &Error) {
  auto Fail = [&](const std::string &Why) {
    Error = "cannot write '" + Shown + "': " + Why;
    llvm::consumeError(Temp->discard());
    Temp.reset();
    return false;
  };
  {
    llvm::raw_fd_ostream OS(Temp->FD, /*shouldClose=*/false);
    OS << Content;
    OS.flush();
    if (OS.has_error()) {
      std::error_code EC = OS.error();
      OS.clear_error();
      return Fail(EC.message());
    }
  }
  // On disk before the rename: a crash right after it must not leave an
  // empty report where the old one was.
  if (::fsync(Temp->FD) != 0)
    return Fail(std::error_code(errno, std::generic_category()).message());
  if (llvm::Error E = Temp->keep(Target)) {
    std::string Why = llvm::toString(std::move(E));
    Temp.reset();
    Error = "cannot write '" + Shown + "': " + Why;
    return false;
  }
  Temp.reset();
  return true;
}

OutputFile::~OutputFile() {
  if (Temp)
    llvm::consumeError(Temp->discard());
}

} // namespace concur
