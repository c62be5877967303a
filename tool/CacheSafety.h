//===- CacheSafety.h - A fact cache that cannot hurt a run ----------------===//
//
// --cache-dir names a directory concur writes to and later believes. What is
// there may be anything: a regular file instead of a directory, a place
// nobody can write (/proc), entries cut short by a full disk, or entries a
// hostile hand rewrote. The directory is checked before the run, and what
// the cache gives back is checked before it is used; anything doubtful is
// parsed again, which costs time, never a wrong or broken report.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_TOOL_CACHESAFETY_H
#define CONCUR_TOOL_CACHESAFETY_H

#include "facts/Facts.h"

#include <string>

namespace concur {

/// Makes Dir a usable cache directory: created when missing, and proven
/// writable by writing a file in it. Entries that are FIFOs, devices or
/// symlinks (concur writes only regular files) are removed, since reading
/// one could block forever.
/// False with a one-line Error otherwise.
bool prepareCacheDirectory(const std::string &Dir, std::string &Error);

/// Could these facts have come from a parse? Checks what no parse produces
/// (a line or column beyond what clang can count, a control character in a
/// name or path) over the facts' whole JSON form, so that new fields are
/// covered too.
bool plausibleCachedFacts(const FileFacts &Facts);

} // namespace concur

#endif // CONCUR_TOOL_CACHESAFETY_H
