//===- Fingerprint.cpp - An identity per finding that survives edits ------===//

#include "report/Fingerprint.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"

#include <map>
#include <memory>

namespace concur {

std::string defaultProjectRoot(const std::string &Start,
                               const std::vector<std::string> &Files) {
  llvm::SmallString<256> Dir(Start);
  llvm::sys::fs::make_absolute(Dir);
  llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
  for (llvm::StringRef D = Dir; !D.empty();
       D = llvm::sys::path::parent_path(D)) {
    llvm::SmallString<256> Git(D);
    llvm::sys::path::append(Git, ".git");
    if (llvm::sys::fs::exists(Git))
      return D.str();
  }
  std::string Common(Dir);
  for (const std::string &F : Files)
    while (!Common.empty() && Common != "/" &&
           projectRelativePath(F, Common) == F)
      Common = llvm::sys::path::parent_path(Common).str();
  return Common.empty() ? std::string("/") : Common;
}

std::string projectRelativePath(const std::string &Path,
                                const std::string &Root) {
  llvm::StringRef P(Path), R(Root);
  R.consume_back("/");
  if (!R.empty() && P.consume_front(R) && P.consume_front("/"))
    return P.str();
  return Path;
}

std::string stableSymbolId(llvm::StringRef Id) {
  // Facts append "@/abs/path" (internal symbols) and "@/abs/path:L:C"
  // (lambdas, and specializations on a lambda's type). Keep the base name:
  // two lambdas in one function stay apart by their snippets.
  std::string Out;
  // Clang's USRs of local things (a lambda's class, a local class) hold
  // the byte offset of their declaration as an all-digit component
  // ("c:a.cpp@125@aN@F@helper#@Sa@F@operator()#1"); an inserted line
  // changes it. No other component is all digits.
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Id.split(Parts, '@');
  std::string Kept;
  for (size_t I = 0; I < Parts.size(); ++I) {
    if (I > 0 && !Parts[I].empty() &&
        Parts[I].find_first_not_of("0123456789") == llvm::StringRef::npos)
      continue;
    Kept += (I > 0 ? "@" : "") + Parts[I].str();
  }
  Id = Kept;
  while (!Id.empty()) {
    size_t At = Id.find("@/");
    if (At == llvm::StringRef::npos) {
      Out += Id.str();
      break;
    }
    Out += Id.substr(0, At + 1).str();
    llvm::StringRef Rest = Id.substr(At + 1);
    size_t End = Rest.find('@');
    llvm::StringRef Path = Rest.substr(0, End);
    // Drop ":line:column" at the end of the path.
    for (int Part = 0; Part < 2; ++Part) {
      size_t Colon = Path.rfind(':');
      if (Colon == llvm::StringRef::npos ||
          Path.substr(Colon + 1).find_first_not_of("0123456789") !=
              llvm::StringRef::npos)
        break;
      Path = Path.substr(0, Colon);
    }
    Out += llvm::sys::path::filename(Path).str();
    Id = End == llvm::StringRef::npos ? llvm::StringRef() : Rest.substr(End);
  }
  return Out;
}

std::string normalisedSnippet(llvm::StringRef Line) {
  std::string Out;
  bool Space = false;
  for (char C : Line.trim()) {
    if (llvm::isSpace(C)) {
      Space = true;
      continue;
    }
    if (Space)
      Out += ' ';
    Space = false;
    Out += C;
  }
  return Out;
}

namespace {

/// Which function a place in the source belongs to. A place where a
/// function calls, reads, writes, locks or suspends is that function's;
/// any other place belongs to the function starting last before it.
class EnclosingFunctions {
public:
  explicit EnclosingFunctions(const Program &P) {
    for (const auto &[Id, F] : P.functions()) {
      std::string Stable = stableSymbolId(Id);
      auto Note = [&](const SourceLoc &L) {
        if (!L.valid())
          return;
        auto [It, New] = AtEvent.emplace(L, Stable);
        // The same line in several template instantiations: the same
        // answer whichever file was merged first.
        if (!New && Stable < It->second)
          It->second = Stable;
      };
      for (const CallSite &C : F.Calls)
        Note(C.Loc);
      for (const MemoryAccess &A : F.Accesses)
        Note(A.Loc);
      for (const SuspendPoint &S : F.Suspends)
        Note(S.Loc);
      for (const Spawn &S : F.Spawns)
        Note(S.Loc);
      for (const ExecutorSwitch &S : F.Switches)
        Note(S.Loc);
      for (const JoinEvent &J : F.Joins)
        Note(J.Loc);
      if (F.OpenMP)
        for (const OmpNode &N : F.OpenMP->Nodes)
          Note(N.Loc);
      if (F.Loc.valid())
        Starts[F.Loc.File].push_back({F.Loc.Line, Stable});
    }
    for (auto &[File, List] : Starts)
      std::sort(List.begin(), List.end());
  }

  std::string of(const SourceLoc &L) const {
    auto It = AtEvent.find(L);
    if (It != AtEvent.end())
      return It->second;
    auto File = Starts.find(L.File);
    if (File == Starts.end())
      return "";
    const std::string *Best = nullptr;
    unsigned BestLine = 0;
    for (const auto &[Line, Id] : File->second) {
      if (Line > L.Line)
        break;
      if (!Best || Line > BestLine)
        Best = &Id, BestLine = Line;
    }
    return Best ? *Best : "";
  }

private:
  std::map<SourceLoc, std::string> AtEvent;
  std::map<std::string, std::vector<std::pair<unsigned, std::string>>> Starts;
};

/// Source lines, each file read once.
class SourceLines {
public:
  std::string line(const SourceLoc &L) {
    auto [It, New] = Files.emplace(L.File, nullptr);
    if (New) {
      auto Buffer = llvm::MemoryBuffer::getFile(L.File, /*IsText=*/true);
      if (Buffer)
        It->second = std::move(*Buffer);
    }
    if (!It->second || L.Line == 0)
      return "";
    llvm::StringRef Rest = It->second->getBuffer(), Line;
    for (unsigned I = 0; I < L.Line && !Rest.empty(); ++I)
      std::tie(Line, Rest) = Rest.split('\n');
    return Line.str();
  }

private:
  std::map<std::string, std::unique_ptr<llvm::MemoryBuffer>> Files;
};

/// What the finding is about, as its check states it: the API for blocking
/// and thread-safety findings, the variable for races, the lock held across
/// a suspension, the task entry for execution advice.
std::string subject(const Finding &F, const EnclosingFunctions &Enclosing) {
  const nlohmann::json &D = F.Details;
  std::string S;
  auto Text = [&](const char *Key) {
    auto It = D.find(Key);
    if (It != D.end() && It->is_string())
      S += std::string("|") + Key + "=" + It->get<std::string>();
  };
  auto IdOf = [&](const char *Key) {
    auto It = D.find(Key);
    if (It != D.end() && It->is_object() && It->contains("id") &&
        (*It)["id"].is_string())
      S += std::string("|") + Key + "=" +
           stableSymbolId((*It)["id"].get<std::string>());
  };
  Text("kind");
  Text("api");
  Text("lock");
  IdOf("entry");
  IdOf("function");
  auto Var = D.find("variable");
  if (Var != D.end()) {
    if (Var->is_string())
      S += "|variable=" + Var->get<std::string>();
    else if (Var->is_object())
      S += "|variable=" + Var->value("name", "") +
           "|path=" + Var->value("path", "");
  }
  // A race is a pair: the same access racing with two others is two
  // findings. The other side by its function and kind, not its line.
  auto Accesses = D.find("accesses");
  if (Accesses != D.end() && Accesses->is_array())
    for (const nlohmann::json &A : *Accesses) {
      if (!A.is_object())
        continue;
      S += "|access=" + A.value("kind", "");
      auto L = A.find("location");
      if (L != A.end() && L->is_object() && L->contains("file") &&
          L->contains("line") && L->contains("column")) {
        SourceLoc Where;
        Where.File = (*L)["file"].get<std::string>();
        Where.Line = (*L)["line"].get<unsigned>();
        Where.Column = (*L)["column"].get<unsigned>();
        S += "@" + Enclosing.of(Where);
      }
    }
  return S;
}

} // namespace

void fingerprintFindings(const Program &P, const std::string &ProjectRoot,
                         std::vector<Finding> &Findings) {
  EnclosingFunctions Enclosing(P);
  SourceLines Lines;
  for (Finding &F : Findings) {
    F.ProjectPath = projectRelativePath(F.Loc.File, ProjectRoot);
    std::string Key =
        "concur-fingerprint/" + std::to_string(FingerprintVersion) + "\n" +
        F.Check + "\n" + Enclosing.of(F.Loc) + "\n" + subject(F, Enclosing) +
        "\n" + normalisedSnippet(Lines.line(F.Loc));
    std::array<uint8_t, 32> Hash = llvm::SHA256::hash(llvm::ArrayRef<uint8_t>(
        reinterpret_cast<const uint8_t *>(Key.data()), Key.size()));
    // 128 bits: no collision among any project's findings.
    F.Fingerprint = llvm::toHex(llvm::ArrayRef<uint8_t>(Hash).take_front(16),
                                /*LowerCase=*/true);
  }
}

} // namespace concur
