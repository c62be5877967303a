//===- ConfigSet.cpp - The catalog each file is analysed with -------------===//

#include "catalog/ConfigSet.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace concur {

static const char *const ConfigName = ".concur.json";

bool ConfigSet::load(const std::vector<std::string> &Files,
                     const std::string &ExplicitConfig, std::string &Error) {
  auto Read = [&](const std::string &Path) -> bool {
    if (ByConfig.count(Path))
      return true;
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    if (!Buffer) {
      Error = "cannot read config '" + Path +
              "': " + Buffer.getError().message() +
              "; make it readable, or pass another with --config";
      return false;
    }
    std::string Why;
    auto C = Catalog::builtin().withConfig((*Buffer)->getBuffer().str(), Why);
    if (!C) {
      Error =
          "bad config '" + Path + "': " + Why + "; see docs/configuration.md";
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
    if (!Found.empty() && !Read(Found))
      return false;
    ConfigOfFile[F] = Found;
  }
  return true;
}

const Catalog &ConfigSet::forFile(const std::string &File) const {
  auto It = ConfigOfFile.find(File);
  if (It == ConfigOfFile.end() || It->second.empty())
    return Catalog::builtin();
  return *ByConfig.at(It->second);
}

} // namespace concur
