//===- Files.cpp - Reading inputs and writing outputs whole ---------------===//

#include "support/Files.h"
#include "support/Errors.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

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

static std::string directoryOf(const std::string &Path) {
  size_t Slash = Path.rfind('/');
  if (Slash == std::string::npos)
    return ".";
  return Slash == 0 ? "/" : Path.substr(0, Slash);
}

void checkWritableDestination(const std::string &Path,
                              const std::string &OptionName) {
  if (Path.empty())
    throw UsageError(OptionName + " needs a file name");
  std::string Dir = directoryOf(Path);
  if (access(Dir.c_str(), W_OK) != 0)
    throw UsageError(OptionName + " '" + Path + "': directory '" + Dir +
                     "' is not writable (" + std::strerror(errno) +
                     "); choose an existing, writable directory");
}

void writeFileAtomically(const std::string &Path, const std::string &Content) {
  std::string Temp = Path + ".tmp.XXXXXX";
  int Fd = mkostemp(Temp.data(), O_CLOEXEC);
  if (Fd < 0)
    throw RunError("cannot write '" + Path + "': " + std::strerror(errno));
  size_t Done = 0;
  while (Done < Content.size()) {
    ssize_t N = write(Fd, Content.data() + Done, Content.size() - Done);
    if (N < 0 && errno == EINTR)
      continue;
    if (N < 0) {
      int Error = errno;
      close(Fd);
      unlink(Temp.c_str());
      throw RunError("cannot write '" + Path + "': " + std::strerror(Error));
    }
    Done += static_cast<size_t>(N);
  }
  fchmod(Fd, 0644);
  if (fsync(Fd) != 0 || close(Fd) != 0 ||
      rename(Temp.c_str(), Path.c_str()) != 0) {
    int Error = errno;
    unlink(Temp.c_str());
    throw RunError("cannot write '" + Path + "': " + std::strerror(Error));
  }
}

} // namespace concur::runtime
