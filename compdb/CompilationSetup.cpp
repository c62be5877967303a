//===- CompilationSetup.cpp - Compile database, arguments, resource dir ---===//

#include "compdb/CompilationSetup.h"

#include "compdb/DatabaseEntries.h"

#include "clang/Driver/Driver.h"
#include "clang/Driver/Options.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include <algorithm>
#include <set>

using namespace clang::tooling;

namespace concur {

#ifndef CONCUR_CLANG_RESOURCE_DIR
#define CONCUR_CLANG_RESOURCE_DIR ""
#endif
#ifndef CONCUR_CLANG_EXECUTABLE
#define CONCUR_CLANG_EXECUTABLE "clang-19"
#endif

std::string absolutePath(const std::string &Path, const std::string &Base) {
  llvm::SmallString<256> Abs(Path);
  if (Base.empty())
    llvm::sys::fs::make_absolute(Abs);
  else if (!llvm::sys::path::is_absolute(Abs))
    llvm::sys::fs::make_absolute(Base, Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

static std::string oneLine(std::string Text) {
  std::replace(Text.begin(), Text.end(), '\n', ' ');
  while (!Text.empty() && Text.back() == ' ')
    Text.pop_back();
  return Text;
}

static bool hasStddef(const std::string &Dir) {
  if (Dir.empty())
    return false;
  llvm::SmallString<256> P(Dir);
  llvm::sys::path::append(P, "include", "stddef.h");
  return llvm::sys::fs::exists(P);
}

static std::string askClangForResourceDir() {
  auto Clang = llvm::sys::findProgramByName(CONCUR_CLANG_EXECUTABLE);
  if (!Clang)
    Clang = llvm::sys::findProgramByName("clang-19");
  if (!Clang)
    return "";
  llvm::SmallString<128> Out;
  if (llvm::sys::fs::createTemporaryFile("concur-resource-dir", "txt", Out))
    return "";
  llvm::StringRef OutRef(Out);
  std::optional<llvm::StringRef> Redirects[] = {std::nullopt, OutRef,
                                                std::nullopt};
  llvm::StringRef Args[] = {*Clang, "-print-resource-dir"};
  int RC = llvm::sys::ExecuteAndWait(*Clang, Args, std::nullopt, Redirects);
  std::string Dir;
  if (RC == 0)
    if (auto Buf = llvm::MemoryBuffer::getFile(Out))
      Dir = (*Buf)->getBuffer().trim().str();
  llvm::sys::fs::remove(Out);
  return Dir;
}

std::string findClangResourceDir(std::string &Error) {
  static const std::string Found = [] {
    if (const char *Env = std::getenv("CONCUR_RESOURCE_DIR"))
      if (hasStddef(Env))
        return std::string(Env);
    if (hasStddef(CONCUR_CLANG_RESOURCE_DIR))
      return std::string(CONCUR_CLANG_RESOURCE_DIR);
    std::string Asked = askClangForResourceDir();
    return hasStddef(Asked) ? Asked : std::string();
  }();
  if (Found.empty())
    Error = "cannot find Clang's resource directory (include/stddef.h); "
            "install clang-19 or set CONCUR_RESOURCE_DIR to it";
  return Found;
}

static bool isCxx20OrLater(const std::vector<std::string> &Args) {
  std::string Std;
  for (const std::string &A : Args) {
    llvm::StringRef S(A);
    if (S.consume_front("-std=") || S.consume_front("--std=") ||
        S.consume_front("/std:"))
      Std = S.str();
  }
  llvm::StringRef S(Std);
  if (!S.consume_front("c++") && !S.consume_front("gnu++"))
    return false;
  static const std::set<std::string> Modern = {"20", "2a", "23",    "2b",
                                               "26", "2c", "latest"};
  return Modern.count(S.str()) != 0;
}

/// Drops arguments Clang's driver does not know (GCC-only flags such as
/// -fconcepts or -fno-lifetime-dse), which would otherwise fail the parse.
static std::vector<std::string>
dropUnknownArguments(const std::vector<std::string> &Args) {
  if (Args.size() < 2)
    return Args;
  for (const std::string &A : Args)
    if (llvm::StringRef(A).starts_with("--driver-mode=cl"))
      return Args;
  std::vector<const char *> Raw;
  for (size_t I = 1; I < Args.size(); ++I)
    Raw.push_back(Args[I].c_str());
  unsigned MissingIndex = 0, MissingCount = 0;
  const llvm::opt::OptTable &Table = clang::driver::getDriverOptTable();
  llvm::opt::InputArgList Parsed = Table.ParseArgs(
      Raw, MissingIndex, MissingCount,
      llvm::opt::Visibility(clang::driver::options::ClangOption));
  std::set<unsigned> Drop;
  for (const llvm::opt::Arg *A : Parsed)
    if (A->getOption().getID() == clang::driver::options::OPT_UNKNOWN)
      Drop.insert(A->getIndex() + 1);
  if (Drop.empty())
    return Args;
  std::vector<std::string> Kept;
  for (size_t I = 0; I < Args.size(); ++I)
    if (!Drop.count(I))
      Kept.push_back(Args[I]);
  return Kept;
}

std::vector<std::string>
adjustCommandLine(const std::vector<std::string> &Command,
                  const std::string &ResourceDir) {
  CommandLineArguments Args = Command;
  for (const ArgumentsAdjuster &Adjust :
       {getClangStripOutputAdjuster(), getClangStripDependencyFileAdjuster(),
        getClangSyntaxOnlyAdjuster(), getStripPluginsAdjuster()})
    Args = Adjust(Args, "");
  Args = dropUnknownArguments(Args);

  CommandLineArguments Extra = {"-w"};
  bool HasResourceDir = std::any_of(Args.begin(), Args.end(), [](auto &A) {
    return llvm::StringRef(A).starts_with("-resource-dir");
  });
  if (!HasResourceDir && !ResourceDir.empty())
    Extra.push_back("-resource-dir=" + ResourceDir);
  // Debian's Asio enables awaitable under Clang only when the long-gone
  // <experimental/coroutine> exists; code GCC compiles must parse here too.
  if (isCxx20OrLater(Args)) {
    Extra.push_back("-DASIO_HAS_CO_AWAIT=1");
    Extra.push_back("-DASIO_HAS_STD_COROUTINE=1");
  }
  Args =
      getInsertArgumentAdjuster(Extra, ArgumentInsertPosition::BEGIN)(Args, "");
  // Without carets clang does not print "N errors generated." on stderr
  // (concur collects the diagnostics and prints its own line). Last, so
  // that it wins over the command's own -fcaret-diagnostics.
  std::vector<const char *> Raw;
  for (size_t I = 1; I < Args.size(); ++I)
    Raw.push_back(Args[I].c_str());
  bool ClMode =
      !Args.empty() &&
      clang::driver::IsClangCL(clang::driver::getDriverMode(Args[0], Raw));
  return getInsertArgumentAdjuster(ClMode ? "/clang:-fno-caret-diagnostics"
                                          : "-fno-caret-diagnostics",
                                   ArgumentInsertPosition::END)(Args, "");
}

static std::unique_ptr<CompilationDatabase>
loadJson(const std::string &Path,
         std::map<std::string, std::string> &Unsplittable, std::string &Error) {
  const std::string Fix =
      "; regenerate it with cmake -DCMAKE_EXPORT_COMPILE_COMMANDS=ON";
  // Only a regular file: -p /dev/zero must not read forever.
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Path, Status)) {
    Error = "cannot read compilation database '" + Path + "': " + EC.message() +
            Fix;
    return nullptr;
  }
  if (Status.type() != llvm::sys::fs::file_type::regular_file) {
    Error = "compilation database '" + Path +
            "' is not a regular file; point -p at the build directory or "
            "its compile_commands.json";
    return nullptr;
  }
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer) {
    Error = "cannot read compilation database '" + Path +
            "': " + Buffer.getError().message() + Fix;
    return nullptr;
  }
  std::string Message;
  auto DB = JSONCompilationDatabase::loadFromBuffer(
      (*Buffer)->getBuffer(), Message, JSONCommandLineSyntax::AutoDetect);
  if (!DB) {
    Error = "cannot read compilation database '" + Path +
            "': " + oneLine(Message) + Fix;
    return nullptr;
  }
  if (DB->getAllFiles().empty()) {
    Error = "compilation database '" + Path +
            "' lists no files; regenerate it from a configured build";
    return nullptr;
  }
  if (!checkDatabaseEntries(Path, (*Buffer)->getBuffer(), Unsplittable, Error))
    return nullptr;
  return DB;
}

static std::string findUpward(std::string Dir) {
  while (!Dir.empty()) {
    llvm::SmallString<256> Candidate(Dir);
    llvm::sys::path::append(Candidate, "compile_commands.json");
    if (llvm::sys::fs::exists(Candidate))
      return std::string(Candidate);
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (Parent == Dir)
      break;
    Dir = Parent.str();
  }
  return "";
}

std::unique_ptr<CompilationSetup> CompilationSetup::load(
    const std::string &BuildPath, const std::vector<std::string> &Files,
    const std::vector<std::string> *FixedArgs, std::string &Error) {
  auto Setup = std::unique_ptr<CompilationSetup>(new CompilationSetup());
  Setup->ResourceDir = findClangResourceDir(Error);
  if (Setup->ResourceDir.empty())
    return nullptr;

  if (FixedArgs) {
    if (Files.empty()) {
      Error = "no source files given; with '--' flags, name the files to "
              "analyse before the '--'";
      return nullptr;
    }
    llvm::SmallString<256> Cwd;
    llvm::sys::fs::current_path(Cwd);
    Setup->Database =
        std::make_unique<FixedCompilationDatabase>(Cwd, *FixedArgs);
    Setup->Source = "command line flags after '--'";
    for (const std::string &F : Files)
      Setup->FixedFiles.push_back(absolutePath(F));
    return Setup;
  }

  std::string JsonPath;
  if (!BuildPath.empty()) {
    if (!llvm::sys::fs::exists(BuildPath)) {
      Error = "build directory '" + BuildPath +
              "' does not exist; pass the directory that holds "
              "compile_commands.json with -p";
      return nullptr;
    }
    if (llvm::sys::fs::is_directory(BuildPath)) {
      llvm::SmallString<256> Candidate(BuildPath);
      llvm::sys::path::append(Candidate, "compile_commands.json");
      if (!llvm::sys::fs::exists(Candidate)) {
        Error = "no compile_commands.json in '" + BuildPath +
                "'; generate one with cmake -DCMAKE_EXPORT_COMPILE_COMMANDS=ON "
                "(or bear), or point -p at the directory that has it";
        return nullptr;
      }
      JsonPath = std::string(Candidate);
    } else {
      JsonPath = BuildPath;
    }
  } else {
    std::string Start =
        Files.empty()
            ? absolutePath(".")
            : llvm::sys::path::parent_path(absolutePath(Files[0])).str();
    JsonPath = findUpward(Start);
    if (JsonPath.empty()) {
      Error = "no compile_commands.json found in '" + Start +
              "' or its parents; pass -p BUILD_DIR, or give compile flags "
              "after '--'";
      return nullptr;
    }
  }
  Setup->Database = loadJson(JsonPath, Setup->Unsplittable, Error);
  if (!Setup->Database)
    return nullptr;
  Setup->Source = JsonPath;
  return Setup;
}

std::vector<std::string> CompilationSetup::allFiles() const {
  std::vector<std::string> Files =
      FixedFiles.empty() ? Database->getAllFiles() : FixedFiles;
  for (std::string &F : Files)
    F = absolutePath(F);
  std::sort(Files.begin(), Files.end());
  Files.erase(std::unique(Files.begin(), Files.end()), Files.end());
  return Files;
}

bool CompilationSetup::jobFor(const std::string &File, CompileJob &Job,
                              std::string &Error) const {
  std::vector<CompileCommand> Commands = Database->getCompileCommands(File);
  if (Commands.empty()) {
    Error = "'" + File + "' is not in " + Source +
            "; add it to the build, or pass its flags after '--'";
    return false;
  }
  const CompileCommand &C = Commands.front();
  Job.File = File;
  Job.Directory = C.Directory;
  Job.CommandLine = adjustCommandLine(C.CommandLine, ResourceDir);
  auto Broken = Unsplittable.find(File);
  if (Broken != Unsplittable.end())
    Job.CommandError = Broken->second;
  return true;
}

} // namespace concur
