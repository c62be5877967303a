//===- FactCacheFuzzer.cpp - A fact cache entry, as a later run reads it --===//
//
// The input is the content of a cache entry. It is written where the cache
// keeps the entry of one fixed job and read back through FactCache::load
// (JSON, dependency stamps, the facts' own readers), then through the
// checks concur makes before it believes cached facts.
//
//===----------------------------------------------------------------------===//

#include "facts/FactCache.h"
#include "tool/CacheSafety.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>

namespace {

struct Fixture {
  std::string Dir, Entry;
  concur::CompileJob Job;
  std::unique_ptr<concur::FactCache> Cache;

  Fixture() {
    llvm::SmallString<128> D;
    llvm::sys::fs::createUniqueDirectory("concur-fuzz-cache", D);
    Dir = std::string(D);
    Job.File = "/fuzz/a.cpp";
    Job.Directory = "/fuzz";
    Job.CommandLine = {"clang++", "-c", "a.cpp"};
    Cache = std::make_unique<concur::FactCache>(Dir);
    // Storing one entry is how to learn where the cache keeps it.
    concur::FileFacts Facts;
    Facts.File = Job.File;
    Facts.Parsed = true;
    Cache->store(Job, "fingerprint", Facts);
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
         It.increment(EC))
      if (llvm::StringRef(It->path()).ends_with(".json"))
        Entry = It->path();
  }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  static Fixture F;
  if (F.Entry.empty())
    __builtin_trap(); // The cache layout changed; the target must follow.
  {
    std::error_code EC;
    llvm::raw_fd_ostream Out(F.Entry, EC);
    Out.write(reinterpret_cast<const char *>(Data), Size);
  }
  if (std::optional<concur::FileFacts> Facts =
          F.Cache->load(F.Job, "fingerprint"))
    (void)concur::plausibleCachedFacts(*Facts);
  return 0;
}
