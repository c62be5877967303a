//===- ConfigSet.cpp - The catalog each file is analysed with -------------===//

#include "catalog/ConfigSet.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace concur {

static const char *const ConfigName = ".concur.json";

/// Configs are small; a bigger file is a mistake (a log named .concur.json),
/// and a device or FIFO would be read forever.
static constexpr uint64_t MaxConfigBytes = 16u << 20;

/// The text of a config, or false with a one-line Why.
static bool readConfig(const std::string &Path, std::string &Text,
                       std::string &Why) {
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Path, Status)) {
    Why = "cannot read config '" + Path + "': " + EC.message() +
          "; make it readable, or pass another with --config";
    return false;
  }
  if (Status.type() != llvm::sys::fs::file_type::regular_file) {
    Why = "config '" + Path + "' is not a regular file; pass a JSON file";
    return false;
  }
  if (Status.getSize() > MaxConfigBytes) {
    Why = "config '" + Path + "' is larger than 16 MB; is it a config?";
    return false;
  }
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer) {
    Why = "cannot read config '" + Path + "': " + Buffer.getError().message() +
          "; make it readable, or pass another with --config";
    return false;
  }
  Text = (*Buffer)->getBuffer().str();
  return true;
}

bool ConfigSet::load(const std::vector<std::string> &Files,
                     const std::string &ExplicitConfig, std::string &Error) {
  // False with Error when the config at Path is bad; it is read once.
  auto Read = [&](const std::string &Path) -> bool {
    if (ByConfig.count(Path))
      return true;
    auto Known = Broken.find(Path);
    if (Known != Broken.end()) {
      Error = Known->second;
      return false;
    }
    std::string Text, Why;
    std::unique_ptr<Catalog> C;
    if (readConfig(Path, Text, Why)) {
      C = Catalog::builtin().withConfig(Text, Why);
      if (!C)
        Why =
            "bad config '" + Path + "': " + Why + "; see docs/configuration.md";
    }
    if (!C) {
      Error = Broken[Path] = Why;
      return false;
    }
    ByConfig[Path] = std::move(C);
    return true;
  };

  if (!ExplicitConfig.empty()) {
    if (!llvm::sys::fs::exists(ExplicitConfig)) {
      Error = "config file '" + ExplicitConfig +
              "' does not exist; fix the path given to --config";
      return false;
    }
    if (!Read(ExplicitConfig))
      return false;
    for (const std::string &F : Files)
      ConfigOfFile[F] = ExplicitConfig;
    return true;
  }

  for (const std::string &F : Files) {
    std::string Dir = llvm::sys::path::parent_path(F).str();
    std::vector<std::string> Visited;
    std::string Found;
    while (!Dir.empty()) {
      auto Known = ConfigOfDir.find(Dir);
      if (Known != ConfigOfDir.end()) {
        Found = Known->second;
        break;
      }
      Visited.push_back(Dir);
      llvm::SmallString<256> Candidate(Dir);
      llvm::sys::path::append(Candidate, ConfigName);
      if (llvm::sys::fs::exists(Candidate)) {
        Found = std::string(Candidate);
        break;
      }
      llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
      if (Parent == Dir)
        break;
      Dir = Parent.str();
    }
    for (const std::string &V : Visited)
      ConfigOfDir[V] = Found;
    // A bad config fails the files below it, not the run.
    if (!Found.empty())
      Read(Found);
    ConfigOfFile[F] = Found;
  }
  Error.clear();
  return true;
}

const std::string *ConfigSet::problemFor(const std::string &File) const {
  auto It = ConfigOfFile.find(File);
  if (It == ConfigOfFile.end())
    return nullptr;
  auto Bad = Broken.find(It->second);
  return Bad == Broken.end() ? nullptr : &Bad->second;
}

const Catalog &ConfigSet::forFile(const std::string &File) const {
  auto It = ConfigOfFile.find(File);
  if (It == ConfigOfFile.end() || It->second.empty())
    return Catalog::builtin();
  return *ByConfig.at(It->second);
}

} // namespace concur
