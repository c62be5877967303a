//===- CacheSafety.cpp - A fact cache that cannot hurt a run --------------===//

#include "tool/CacheSafety.h"

#include "facts/FactsJson.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <unistd.h>
#include <vector>

namespace concur {

namespace fs = llvm::sys::fs;

/// The name FactCache gives an entry: a SHA-1 in hex and ".json".
static bool isEntryName(llvm::StringRef Name) {
  if (!Name.consume_back(".json") || Name.size() != 40)
    return false;
  return Name.find_first_not_of("0123456789abcdef") == llvm::StringRef::npos;
}

bool prepareCacheDirectory(const std::string &Dir, std::string &Error) {
  const std::string Fix = "; give --cache-dir a writable directory (it is "
                          "created when missing)";
  fs::file_status Status;
  if (!fs::status(Dir, Status) &&
      Status.type() != fs::file_type::directory_file) {
    Error = "cache directory '" + Dir + "' is not a directory" + Fix;
    return false;
  }
  if (std::error_code EC = fs::create_directories(Dir)) {
    Error =
        "cannot create cache directory '" + Dir + "': " + EC.message() + Fix;
    return false;
  }
  // Permissions say little (root passes them, /proc refuses everyone): try.
  llvm::SmallString<256> Probe(Dir);
  llvm::sys::path::append(Probe, ".concur-probe-%%%%%%");
  int FD = -1;
  llvm::SmallString<256> Created;
  if (std::error_code EC = fs::createUniqueFile(Probe, FD, Created)) {
    Error =
        "cannot write to cache directory '" + Dir + "': " + EC.message() + Fix;
    return false;
  }
  ::close(FD);
  fs::remove(Created);

  std::error_code EC;
  for (fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC)) {
    if (!isEntryName(llvm::sys::path::filename(It->path())))
      continue;
    // ::unlink, since fs::remove refuses FIFOs and devices. A directory
    // fails to read at once and is left alone.
    fs::file_status Entry;
    if (!fs::status(It->path(), Entry, /*Follow=*/false) &&
        Entry.type() != fs::file_type::regular_file &&
        Entry.type() != fs::file_type::directory_file)
      ::unlink(It->path().c_str());
  }
  return true;
}

/// clang counts lines and columns in 31 bits; more is not from a parse (a
/// line of -5 read as unsigned is 4294967291).
static bool plausibleNumber(const nlohmann::json &V) {
  if (!V.is_number())
    return true; // Absent (null) where there is no location.
  return V.is_number_integer() && V.get<int64_t>() >= 0 &&
         V.get<int64_t>() < (int64_t(1) << 31);
}

/// Names and paths from a parse hold no line breaks or other control
/// characters; one in a report would forge lines of its own.
static bool plausibleText(const std::string &S) {
  for (unsigned char C : S)
    if (C < 0x20 || C == 0x7f)
      return false;
  return true;
}

bool plausibleCachedFacts(const FileFacts &Facts) {
  nlohmann::json Whole = Facts;
  std::vector<const nlohmann::json *> Pending = {&Whole};
  while (!Pending.empty()) {
    const nlohmann::json *J = Pending.back();
    Pending.pop_back();
    if (J->is_string() && !plausibleText(J->get_ref<const std::string &>()))
      return false;
    if (J->is_array())
      for (const nlohmann::json &Item : *J)
        Pending.push_back(&Item);
    if (!J->is_object())
      continue;
    for (auto It = J->begin(); It != J->end(); ++It) {
      if ((It.key() == "line" || It.key() == "column") &&
          !plausibleNumber(It.value()))
        return false;
      Pending.push_back(&It.value());
    }
  }
  return true;
}

} // namespace concur
