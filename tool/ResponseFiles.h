//===- ResponseFiles.h - @file arguments, read with limits ----------------===//
//
// `concur check @args.rsp` reads arguments from a file, as clang and make
// do. llvm::cl would read any file to its end: @/dev/zero ran out of memory
// with a stack dump, and @fifo waited for a writer. Here only regular files
// are read, up to a total size that no real command line reaches.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_TOOL_RESPONSEFILES_H
#define CONCUR_TOOL_RESPONSEFILES_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Allocator.h"

#include <string>

namespace concur {

/// All response files read for one command line, nested ones included.
constexpr uint64_t MaxResponseFileBytes = 8u << 20;

/// Replaces each @file argument in Args (after Args[0]) with the arguments
/// the file holds, recursively, as llvm::cl would; an @file naming nothing
/// stays as it is. Strings live in Alloc. False with a one-line Error for a
/// file that is not a regular file, too much text, a cycle or a read error.
bool expandResponseFiles(llvm::SmallVectorImpl<const char *> &Args,
                         llvm::BumpPtrAllocator &Alloc, std::string &Error);

} // namespace concur

#endif // CONCUR_TOOL_RESPONSEFILES_H
