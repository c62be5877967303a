//===- FactCache.cpp - Per-file facts kept between runs -------------------===//

#include "facts/FactCache.h"

#include "facts/FactsJson.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA1.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>

namespace concur {

namespace {

/// The running binary by size and time: a rebuilt concur extracts facts
/// differently, so its entries must not be reused.
std::string binaryIdentity() {
  static int Anchor;
  std::string Self = llvm::sys::fs::getMainExecutable(nullptr, &Anchor);
  llvm::sys::fs::file_status Status;
  if (Self.empty() || llvm::sys::fs::status(Self, Status))
    return "unknown";
  return Self + ":" + std::to_string(Status.getSize()) + ":" +
         std::to_string(
             Status.getLastModificationTime().time_since_epoch().count());
}

std::optional<std::pair<uint64_t, int64_t>> stamp(const std::string &Path) {
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(Path, Status))
    return std::nullopt;
  return std::make_pair(
      Status.getSize(),
      static_cast<int64_t>(
          Status.getLastModificationTime().time_since_epoch().count()));
}

} // namespace

FactCache::FactCache(std::string Dir)
    : Dir(std::move(Dir)), BinaryIdentity(binaryIdentity()) {}

std::string FactCache::entryPath(const CompileJob &Job,
                                 const std::string &CatalogFingerprint) const {
  llvm::SHA1 Hash;
  Hash.update(BinaryIdentity);
  Hash.update(CatalogFingerprint);
  Hash.update(Job.File);
  Hash.update(Job.Directory);
  for (const std::string &Arg : Job.CommandLine) {
    Hash.update(Arg);
    Hash.update(llvm::StringRef("\0", 1));
  }
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, llvm::toHex(Hash.final(), true) + ".json");
  return std::string(Path);
}

/// A floating-point number no integer field could hold: converting it
/// (nlohmann's get_to on a float) would be undefined behaviour. concur
/// writes counts as integers and estimates (trip counts) as doubles; an
/// estimate this large only costs a parse when it is refused.
static bool holdsUnconvertibleNumber(const nlohmann::json &Root) {
  constexpr double Limit = 2147483648.0; // 2^31: fits every integer field.
  std::vector<const nlohmann::json *> Work = {&Root};
  while (!Work.empty()) {
    const nlohmann::json *J = Work.back();
    Work.pop_back();
    if (J->is_number_float()) {
      double V = J->get<double>();
      if (!std::isfinite(V) || V >= Limit || V <= -Limit)
        return true;
    } else if (J->is_structured()) {
      for (const nlohmann::json &Child : *J)
        Work.push_back(&Child);
    }
  }
  return false;
}

std::optional<FileFacts>
FactCache::load(const CompileJob &Job,
                const std::string &CatalogFingerprint) const {
  auto Buffer = llvm::MemoryBuffer::getFile(entryPath(Job, CatalogFingerprint));
  if (!Buffer)
    return std::nullopt;
  nlohmann::json Entry = nlohmann::json::parse(
      (*Buffer)->getBuffer().begin(), (*Buffer)->getBuffer().end(), nullptr,
      /*allow_exceptions=*/false);
  if (Entry.is_discarded() || !Entry.is_object())
    return std::nullopt;
  try {
    for (const nlohmann::json &Dep : Entry.at("dependencies")) {
      auto Now = stamp(Dep.at("path").get<std::string>());
      if (!Now || Now->first != Dep.at("size").get<uint64_t>() ||
          Now->second != Dep.at("mtime").get<int64_t>())
        return std::nullopt;
    }
    if (holdsUnconvertibleNumber(Entry.at("facts")))
      return std::nullopt;
    FileFacts Facts = Entry.at("facts").get<FileFacts>();
    if (!Facts.Parsed || Facts.File != Job.File)
      return std::nullopt;
    return Facts;
  } catch (const nlohmann::json::exception &) {
    return std::nullopt; // Damaged or from another format: parse again.
  }
}

void FactCache::store(const CompileJob &Job,
                      const std::string &CatalogFingerprint,
                      const FileFacts &Facts) const {
  if (!Facts.Parsed)
    return;
  nlohmann::json Dependencies = nlohmann::json::array();
  for (const std::string &Path : Facts.Dependencies) {
    auto Now = stamp(Path);
    if (!Now)
      return; // A file that vanished: nothing to validate against.
    Dependencies.push_back(
        {{"path", Path}, {"size", Now->first}, {"mtime", Now->second}});
  }
  if (llvm::sys::fs::create_directories(Dir))
    return;
  nlohmann::json Entry = {{"dependencies", Dependencies}, {"facts", Facts}};
  std::string Text =
      Entry.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  // Through a temporary file and a rename: a reader (another concur run)
  // never sees half an entry.
  std::string Path = entryPath(Job, CatalogFingerprint);
  auto Temp = llvm::sys::fs::TempFile::create(Path + ".tmp-%%%%%%");
  if (!Temp) {
    llvm::consumeError(Temp.takeError());
    return;
  }
  llvm::raw_fd_ostream OS(Temp->FD, /*shouldClose=*/false);
  OS << Text;
  OS.flush();
  if (OS.has_error()) {
    OS.clear_error();
    llvm::consumeError(Temp->discard());
    return;
  }
  llvm::consumeError(Temp->keep(Path));
}

} // namespace concur
