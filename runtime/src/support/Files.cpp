//===- Files.cpp - Reading inputs and writing outputs whole ---------------===//

#include "support/Files.h"
#include "support/Errors.h"
#include "support/Process.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <vector>

namespace concur::runtime {

std::string readWholeFile(const std::string &Path, const std::string &What) {
  int Fd = open(Path.c_str(), O_RDONLY | O_CLOEXEC);
  if (Fd < 0)
    throw UsageError("cannot read " + What + " '" + Path +
                     "': " + std::strerror(errno) +
                     "; check the path and its permissions");
  struct stat Info;
  if (fstat(Fd, &Info) == 0 && S_ISDIR(Info.st_mode)) {
    close(Fd);
    throw UsageError("cannot read " + What + " '" + Path +
                     "': it is a directory; pass the file itself");
  }
  std::string Content;
  char Buffer[65536];
  while (true) {
    ssize_t N = read(Fd, Buffer, sizeof Buffer);
    if (N < 0 && errno == EINTR)
      continue;
    if (N < 0) {
      int Error = errno;
      close(Fd);
      throw UsageError("cannot read " + What + " '" + Path +
                       "': " + std::strerror(Error));
    }
    if (N == 0)
      break;
    Content.append(Buffer, static_cast<size_t>(N));
  }
  close(Fd);
  return Content;
}

nlohmann::json parseJsonText(const std::string &Text, const std::string &Path,
                             const std::string &What, const std::string &Fix) {
  try {
    return nlohmann::json::parse(Text);
  } catch (const nlohmann::json::parse_error &E) {
    throw UsageError(What + " '" + Path + "' is not valid JSON (byte " +
                     std::to_string(E.byte) + ")" + Fix);
  } catch (const nlohmann::json::exception &) {
    // A number it cannot hold (4e449) is out_of_range, not a parse error.
    throw UsageError(What + " '" + Path +
                     "' is not valid JSON (a number out of range)" + Fix);
  }
}

static std::string directoryOf(const std::string &Path) {
  size_t Slash = Path.rfind('/');
  if (Slash == std::string::npos)
    return ".";
  return Slash == 0 ? "/" : Path.substr(0, Slash);
}

/// Temporary files of outputs not committed yet, for exits that skip
/// destructors. Outputs are made and committed on the main thread.
static std::vector<std::string> &pendingTemps() {
  static std::vector<std::string> Pending;
  return Pending;
}

static void forgetTemp(const std::string &Temp) {
  auto &Pending = pendingTemps();
  Pending.erase(std::remove(Pending.begin(), Pending.end(), Temp),
                Pending.end());
}

void removePendingOutputs() {
  for (const std::string &Temp : pendingTemps())
    unlink(Temp.c_str());
  pendingTemps().clear();
}

/// Follows the symlinks of a path that names no file yet to where the file
/// is to be created (a dangling link is written through, as a shell
/// redirection would). The kernel's limit on hops is the loop bound.
static bool resolveLinks(std::string Path, std::string &Resolved,
                         std::string &Why) {
  for (int Hop = 0; Hop < 40; ++Hop) {
    struct stat Info;
    if (lstat(Path.c_str(), &Info) != 0) {
      if (errno != ENOENT) {
        Why = std::strerror(errno);
        return false;
      }
      Resolved = Path;
      return true;
    }
    if (!S_ISLNK(Info.st_mode)) {
      Resolved = Path;
      return true;
    }
    char Buffer[PATH_MAX];
    ssize_t Length = readlink(Path.c_str(), Buffer, sizeof Buffer);
    if (Length < 0) {
      Why = std::strerror(errno);
      return false;
    }
    std::string Link(Buffer, static_cast<size_t>(Length));
    Path = Link[0] == '/' ? Link : directoryOf(Path) + "/" + Link;
  }
  Why = std::strerror(ELOOP);
  return false;
}

OutputFile::OutputFile(const std::string &Path, const std::string &OptionName)
    : Path(Path), OptionName(OptionName) {
  if (Path.empty())
    throw UsageError(OptionName + " needs a file name");
  if (Path == "-") {
    How = Kind::StandardOutput;
    return;
  }
  auto Fail = [&](const std::string &Why) {
    return UsageError(OptionName + " '" + Path + "': " + Why);
  };
  struct stat Info;
  bool Exists = stat(Path.c_str(), &Info) == 0;
  if (!Exists && errno != ENOENT)
    throw Fail(std::strerror(errno));
  if (Exists && S_ISDIR(Info.st_mode))
    throw Fail("is a directory; give a file name");
  // Devices, FIFOs and sockets are written where they are: replacing
  // /dev/null with a regular file would break every program on the machine.
  if (Exists && !S_ISREG(Info.st_mode)) {
    How = Kind::InPlace;
    Target = Path;
    return;
  }
  // A symlink is replaced by nothing: its target is.
  if (Exists) {
    char *Real = realpath(Path.c_str(), nullptr);
    if (!Real)
      throw Fail(std::strerror(errno));
    Target = Real;
    std::free(Real);
  } else {
    std::string Why;
    if (!resolveLinks(Path, Target, Why))
      throw Fail(Why);
  }
  std::string Dir = directoryOf(Target);
  Temp = Target + ".tmp.XXXXXX";
  TempFD = mkostemp(Temp.data(), O_CLOEXEC);
  if (TempFD < 0)
    throw Fail("directory '" + Dir + "' is not writable (" +
               std::strerror(errno) +
               "); choose an existing, writable directory");
  pendingTemps().push_back(Temp);
  // Replacing a file keeps who may read it; a new one gets what a shell
  // redirection would give it.
  mode_t Mask = umask(0);
  umask(Mask);
  fchmod(TempFD, Exists ? (Info.st_mode & 07777) : (0666 & ~Mask));
}

OutputFile::~OutputFile() {
  if (TempFD >= 0)
    close(TempFD);
  if (!Temp.empty()) {
    unlink(Temp.c_str());
    forgetTemp(Temp);
  }
}

/// Writes all of Content to Fd; errno of the first failure, or 0. An
/// interrupt between chunks stops the write: the caller exits for it.
static int writeAll(int Fd, const std::string &Content) {
  size_t Done = 0;
  while (Done < Content.size()) {
    if (pendingInterrupt())
      exitForInterrupt();
    ssize_t N = write(Fd, Content.data() + Done,
                      std::min<size_t>(Content.size() - Done, 1 << 20));
    if (N < 0 && errno == EINTR)
      continue;
    if (N < 0)
      return errno;
    Done += static_cast<size_t>(N);
  }
  return 0;
}

void OutputFile::commit(const std::string &Content) {
  auto Fail = [&](int Error) {
    return UsageError("cannot write " + OptionName + " '" + Path +
                      "': " + std::strerror(Error));
  };
  if (How == Kind::StandardOutput) {
    std::cout << Content << std::flush;
    if (!std::cout)
      throw UsageError("cannot write " + OptionName +
                       " to standard output; check the disk or the pipe");
    return;
  }
  if (How == Kind::InPlace) {
    // No O_CREAT, no O_TRUNC: the thing at the path is written, not made.
    // Opening a FIFO waits for its reader; an interrupt ends the wait.
    int Fd;
    while ((Fd = open(Target.c_str(), O_WRONLY | O_CLOEXEC)) < 0 &&
           errno == EINTR)
      if (pendingInterrupt())
        exitForInterrupt();
    if (Fd < 0)
      throw Fail(errno);
    int Error = writeAll(Fd, Content);
    if (close(Fd) != 0 && !Error)
      Error = errno;
    if (Error)
      throw Fail(Error);
    return;
  }
  int Error = writeAll(TempFD, Content);
  // On disk before the rename: a crash right after it must not leave an
  // empty file where the old one was.
  if (!Error && fsync(TempFD) != 0)
    Error = errno;
  if (close(TempFD) != 0 && !Error)
    Error = errno;
  TempFD = -1;
  if (pendingInterrupt())
    exitForInterrupt();
  if (!Error && rename(Temp.c_str(), Target.c_str()) != 0)
    Error = errno;
  if (Error)
    throw Fail(Error); // The destructor removes the temporary file.
  forgetTemp(Temp);
  Temp.clear();
}

} // namespace concur::runtime
