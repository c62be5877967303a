//===- ResponseFiles.cpp - @file arguments, read with limits --------------===//

#include "tool/ResponseFiles.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Errc.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace concur {

namespace {

/// The real file system, refusing what must not be read as arguments. The
/// reason is kept for the message: llvm::cl reports only an error code.
class GuardedFileSystem : public llvm::vfs::ProxyFileSystem {
public:
  GuardedFileSystem()
      : ProxyFileSystem(llvm::vfs::createPhysicalFileSystem()) {}

  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override {
    std::string Name = Path.str();
    // Before opening: opening a FIFO waits for a writer.
    llvm::ErrorOr<llvm::vfs::Status> Status = status(Name);
    if (!Status)
      return Status.getError();
    if (Status->getType() != llvm::sys::fs::file_type::regular_file) {
      Refused = "response file '@" + Name +
                "' is not a regular file; put the arguments in a file";
      return llvm::errc::invalid_argument;
    }
    Read += Status->getSize();
    if (Read > MaxResponseFileBytes) {
      Refused = "response file '@" + Name +
                "' brings the arguments read "
                "from files to more than 8 MB; is it a response file?";
      return llvm::errc::file_too_large;
    }
    return ProxyFileSystem::openFileForRead(Name);
  }

  std::string Refused;

private:
  uint64_t Read = 0;
};

} // namespace

bool expandResponseFiles(llvm::SmallVectorImpl<const char *> &Args,
                         llvm::BumpPtrAllocator &Alloc, std::string &Error) {
  GuardedFileSystem FS;
  llvm::cl::ExpansionContext Expander(Alloc, llvm::cl::TokenizeGNUCommandLine);
  Expander.setVFS(&FS);
  if (llvm::Error E = Expander.expandResponseFiles(Args)) {
    std::string Message = llvm::toString(std::move(E));
    Error = !FS.Refused.empty() ? FS.Refused
                                : "cannot read a response file: " + Message;
    return false;
  }
  return true;
}

} // namespace concur
