//===- ProjectConfig.cpp - .concur.yaml: which checks, how loud, where ----===//

#include "tool/ProjectConfig.h"

#include "catalog/Catalog.h"
#include "program/Program.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"

#include <algorithm>
#include <set>

LLVM_YAML_IS_STRING_MAP(std::string)

namespace llvm {
namespace yaml {
template <> struct MappingTraits<concur::ProjectOptions> {
  static void mapping(IO &IO, concur::ProjectOptions &O) {
    IO.mapOptional("Checks", O.Checks);
    IO.mapOptional("WarningsAsErrors", O.WarningsAsErrors);
    IO.mapOptional("HeaderFilterRegex", O.HeaderFilterRegex);
    IO.mapOptional("ExcludeHeaderFilterRegex", O.ExcludeHeaderFilterRegex);
    IO.mapOptional("CheckOptions", O.CheckOptions);
    IO.mapOptional("InheritParentConfig", O.InheritParentConfig);
  }
};
} // namespace yaml
} // namespace llvm

namespace concur {

static const char *const ConfigName = ".concur.yaml";

/// A .concur.yaml bigger than this is something else.
static constexpr uint64_t MaxConfigBytes = 1u << 20;

bool isInlineConfig(llvm::StringRef Text) {
  return Text.ltrim().starts_with("{");
}

bool parseProjectOptions(llvm::StringRef Text, const std::string &Source,
                         ProjectOptions &Out, std::string &Error) {
  // YAML I/O reports through a SourceMgr diagnostic: keep the first one,
  // as one line with its place.
  std::string First;
  auto Handler = [](const llvm::SMDiagnostic &D, void *Context) {
    auto &Message = *static_cast<std::string *>(Context);
    if (Message.empty())
      Message = std::to_string(D.getLineNo()) + ":" +
                std::to_string(D.getColumnNo() + 1) + ": " +
                D.getMessage().str();
  };
  Out = ProjectOptions();
  Out.Source = Source;
  // An empty file is a config with nothing set, as for clang-tidy.
  if (Text.trim().empty())
    return true;
  llvm::yaml::Input In(Text, nullptr, Handler, &First);
  In >> Out;
  if (In.error()) {
    Error = "bad config '" + Source +
            "': " + (First.empty() ? "not a YAML mapping" : First) +
            "; see docs/configuration.md";
    return false;
  }
  Out.Source = Source;
  return true;
}

std::vector<std::string> verifyProjectOptions(const ProjectOptions &O) {
  std::vector<std::string> Problems;
  auto Problem = [&](const std::string &Why) {
    Problems.push_back("bad config '" + O.Source + "': " + Why +
                       "; see docs/configuration.md");
  };
  for (const auto &[Key, Text] :
       {std::pair<const char *, const std::optional<std::string> &>{"Checks",
                                                                    O.Checks},
        {"WarningsAsErrors", O.WarningsAsErrors}}) {
    if (!Text)
      continue;
    llvm::SmallVector<llvm::StringRef, 8> Patterns;
    llvm::StringRef(*Text).split(Patterns, ',', -1, /*KeepEmpty=*/false);
    for (llvm::StringRef Raw : Patterns) {
      llvm::StringRef Pattern = Raw.trim();
      Pattern.consume_front("-");
      if (Pattern.empty())
        continue;
      bool Matches = false;
      for (const CheckInfo &C : allChecks())
        Matches |= globMatches(Pattern.str(), C.Name);
      // clang-tidy's own checks in a shared file are not our business.
      if (!Matches && !Pattern.starts_with("*") &&
          Pattern.starts_with("concur-"))
        Problem(std::string(Key) + ": '" + Pattern.str() +
                "' matches no check (concur --list-checks)");
    }
  }
  for (const auto &[Key, Text] :
       {std::pair<const char *, const std::optional<std::string> &>{
            "HeaderFilterRegex", O.HeaderFilterRegex},
        {"ExcludeHeaderFilterRegex", O.ExcludeHeaderFilterRegex}}) {
    std::string Why;
    if (Text && !llvm::Regex(*Text).isValid(Why))
      Problem(std::string(Key) + ": '" + *Text +
              "' is not a regular expression: " + Why);
  }
  for (const auto &[Key, Value] : O.CheckOptions) {
    llvm::StringRef Check, Option;
    std::tie(Check, Option) = llvm::StringRef(Key).rsplit('.');
    bool Known = false;
    for (const CheckInfo &C : allChecks())
      Known |= C.Name == Check;
    if (!Known || Option.empty()) {
      Problem("CheckOptions: '" + Key +
              "' names no check; write <check>.<Option>, such as "
              "concur-blocking-in-coroutine.Severity");
      continue;
    }
    if (Option != "Severity") {
      Problem("CheckOptions: '" + Key +
              "' is not an option; concur's checks have 'Severity'");
      continue;
    }
    if (!parseSeverity(Value))
      Problem("CheckOptions: '" + Key + "' is '" + Value +
              "'; use remark, warning or error");
  }
  return Problems;
}

std::string dumpProjectOptions(const ProjectOptions &O) {
  ProjectOptions Full = O;
  if (!Full.Checks)
    Full.Checks = "";
  if (!Full.WarningsAsErrors)
    Full.WarningsAsErrors = "";
  // Unset, every header is shown: the filter that says so, so that the
  // dump read back as a config means the same ('' would show none).
  if (!Full.HeaderFilterRegex)
    Full.HeaderFilterRegex = ".*";
  if (!Full.ExcludeHeaderFilterRegex)
    Full.ExcludeHeaderFilterRegex = "";
  Full.InheritParentConfig.reset();
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  llvm::yaml::Output Out(OS);
  Out << Full;
  return OS.str();
}

/// A child's options over its parent's: lists of patterns add up, the
/// rest the child overrides.
static ProjectOptions inherit(const ProjectOptions &Parent,
                              const ProjectOptions &Child) {
  ProjectOptions Result = Child;
  auto Join =
      [](const std::optional<std::string> &A,
         const std::optional<std::string> &B) -> std::optional<std::string> {
    if (!A)
      return B;
    if (!B)
      return A;
    return *A + "," + *B;
  };
  Result.Checks = Join(Parent.Checks, Child.Checks);
  Result.WarningsAsErrors =
      Join(Parent.WarningsAsErrors, Child.WarningsAsErrors);
  if (!Result.HeaderFilterRegex)
    Result.HeaderFilterRegex = Parent.HeaderFilterRegex;
  if (!Result.ExcludeHeaderFilterRegex)
    Result.ExcludeHeaderFilterRegex = Parent.ExcludeHeaderFilterRegex;
  for (const auto &[Key, Value] : Parent.CheckOptions)
    Result.CheckOptions.emplace(Key, Value);
  Result.InheritParentConfig.reset();
  return Result;
}

static bool readConfig(const std::string &Path, ProjectOptions &Out,
                       std::string &Error) {
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Path, Status)) {
    Error = "cannot read config '" + Path + "': " + EC.message() +
            "; make it readable or remove it";
    return false;
  }
  if (Status.type() != llvm::sys::fs::file_type::regular_file ||
      Status.getSize() > MaxConfigBytes) {
    Error = "config '" + Path +
            "' is not a regular file of at most 1 MB; make it a YAML file";
    return false;
  }
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer) {
    Error = "cannot read config '" + Path +
            "': " + Buffer.getError().message() +
            "; make it readable or remove it";
    return false;
  }
  return parseProjectOptions((*Buffer)->getBuffer(), Path, Out, Error);
}

bool ProjectConfigs::forDirectory(const std::string &Dir, ProjectOptions &Out,
                                  std::string &Error) {
  auto Known = ByDirectory.find(Dir);
  if (Known != ByDirectory.end()) {
    Out = Known->second;
    return true;
  }
  llvm::SmallString<256> Candidate(Dir);
  llvm::sys::path::append(Candidate, ConfigName);
  std::string Parent = llvm::sys::path::parent_path(Dir).str();
  ProjectOptions Result;
  if (llvm::sys::fs::exists(Candidate)) {
    if (!readConfig(std::string(Candidate), Result, Error))
      return false;
    if (Result.InheritParentConfig.value_or(false) && !Parent.empty() &&
        Parent != Dir) {
      ProjectOptions Above;
      if (!forDirectory(Parent, Above, Error))
        return false;
      std::string Source = Result.Source;
      Result = inherit(Above, Result);
      Result.Source = Source;
    }
  } else if (!Parent.empty() && Parent != Dir) {
    if (!forDirectory(Parent, Result, Error))
      return false;
  }
  Out = ByDirectory[Dir] = Result;
  return true;
}

bool ProjectConfigs::forFile(const std::string &File, ProjectOptions &Out,
                             std::string &Error) {
  if (!Inline.empty()) {
    if (ByDirectory.count(""))
      return Out = ByDirectory[""], true;
    if (!parseProjectOptions(Inline, "--config", Out, Error))
      return false;
    ByDirectory[""] = Out;
    return true;
  }
  llvm::SmallString<256> Dir(File);
  llvm::sys::fs::make_absolute(Dir);
  return forDirectory(llvm::sys::path::parent_path(Dir).str(), Out, Error);
}

/// The clang-tidy filter for one file: its config's, then the command
/// line's.
static std::string filterFor(const ProjectOptions &O,
                             const std::string &CommandLine) {
  std::string Filter = O.Checks.value_or("");
  if (!CommandLine.empty())
    Filter += "," + CommandLine;
  return Filter;
}

/// Options that parsed but say something impossible stop the run, as a
/// bad .concur.json does.
static bool verified(const ProjectOptions &O, std::string &Error) {
  std::vector<std::string> Problems = verifyProjectOptions(O);
  if (Problems.empty())
    return true;
  Error = Problems.front();
  return false;
}

bool checksForFiles(ProjectConfigs &Configs,
                    const std::vector<std::string> &Files,
                    const std::string &CommandLineChecks,
                    std::vector<const CheckInfo *> &Out, std::string &Error) {
  std::set<const CheckInfo *> On;
  std::set<std::string> Filters;
  for (const std::string &F : Files) {
    ProjectOptions O;
    if (!Configs.forFile(F, O, Error) || !verified(O, Error))
      return false;
    Filters.insert(filterFor(O, CommandLineChecks));
  }
  if (Files.empty())
    Filters.insert(CommandLineChecks);
  for (const std::string &Filter : Filters) {
    std::vector<const CheckInfo *> Selected;
    if (!selectChecks(Filter, Selected, Error))
      return false;
    On.insert(Selected.begin(), Selected.end());
  }
  Out.clear();
  for (const CheckInfo &C : allChecks())
    if (On.count(&C))
      Out.push_back(&C);
  return true;
}

static bool matchesAny(const std::string &Globs, const std::string &Check) {
  bool Result = false;
  llvm::SmallVector<llvm::StringRef, 8> Patterns;
  llvm::StringRef(Globs).split(Patterns, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Raw : Patterns) {
    llvm::StringRef Pattern = Raw.trim();
    bool Enable = !Pattern.consume_front("-");
    if (globMatches(Pattern.str(), Check))
      Result = Enable;
  }
  return Result;
}

bool applyProjectOptions(ProjectConfigs &Configs,
                         const std::set<std::string> &MainFiles,
                         const std::string &CommandLineChecks,
                         std::vector<Finding> &Findings, std::string &Error) {
  std::vector<Finding> Kept;
  for (Finding &F : Findings) {
    ProjectOptions O;
    if (!Configs.forFile(F.Loc.File, O, Error) || !verified(O, Error))
      return false;
    std::vector<const CheckInfo *> On;
    if (!selectChecks(filterFor(O, CommandLineChecks), On, Error))
      return false;
    if (std::none_of(On.begin(), On.end(),
                     [&](const CheckInfo *C) { return C->Name == F.Check; }))
      continue;
    if (!MainFiles.count(F.Loc.File)) {
      // As in clang-tidy, an empty HeaderFilterRegex shows no header; unset,
      // concur shows them all, as it always has.
      if (O.HeaderFilterRegex &&
          (O.HeaderFilterRegex->empty() ||
           !llvm::Regex(*O.HeaderFilterRegex).match(F.Loc.File)))
        continue;
      if (O.ExcludeHeaderFilterRegex && !O.ExcludeHeaderFilterRegex->empty() &&
          llvm::Regex(*O.ExcludeHeaderFilterRegex).match(F.Loc.File))
        continue;
    }
    auto Level = O.CheckOptions.find(F.Check + ".Severity");
    if (Level != O.CheckOptions.end())
      F.Level = *parseSeverity(Level->second);
    if (F.Level == Severity::Warning && O.WarningsAsErrors &&
        matchesAny(*O.WarningsAsErrors, F.Check))
      F.Level = Severity::Error;
    Kept.push_back(std::move(F));
  }
  Findings = std::move(Kept);
  return true;
}

} // namespace concur
