//===- Baseline.cpp - Findings a team has accepted, by fingerprint --------===//

#include "report/Baseline.h"

#include "report/Fingerprint.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace concur {

using nlohmann::json;

/// A baseline of a million findings is well under this; a bigger file is
/// something else, and a device or FIFO would be read forever.
static constexpr uint64_t MaxBaselineBytes = 256u << 20;

static const char *const Rewrite =
    "; write one with 'concur check ... --write-baseline=FILE'";

/// Why Entry (the I-th) is not a baseline entry, or empty.
static std::string entryProblem(const json &Entry, size_t I,
                                BaselineEntry &Out) {
  std::string Where = "finding " + std::to_string(I + 1);
  if (!Entry.is_object())
    return Where + " is not an object";
  auto Text = [&](const char *Key, std::string &Field) -> std::string {
    auto It = Entry.find(Key);
    if (It == Entry.end() || !It->is_string())
      return Where + " has no string '" + Key + "'";
    Field = It->get<std::string>();
    return "";
  };
  std::string Problem;
  if (!(Problem = Text("fingerprint", Out.Fingerprint)).empty() ||
      !(Problem = Text("check", Out.Check)).empty() ||
      !(Problem = Text("path", Out.Path)).empty() ||
      !(Problem = Text("message", Out.Message)).empty())
    return Problem;
  if (Out.Fingerprint.size() != 32 ||
      Out.Fingerprint.find_first_not_of("0123456789abcdef") !=
          std::string::npos)
    return Where + " has fingerprint '" + Out.Fingerprint.substr(0, 40) +
           "', not 32 lower-case hex digits";
  auto Line = Entry.find("line");
  if (Line == Entry.end() || !Line->is_number_unsigned() ||
      Line->get<uint64_t>() > UINT32_MAX)
    return Where + " has no whole-number 'line'";
  Out.Line = Line->get<unsigned>();
  return "";
}

bool readBaseline(const std::string &Path, Baseline &Out, std::string &Error) {
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Path, Status)) {
    Error = "cannot read baseline '" + Path + "': " + EC.message() + Rewrite;
    return false;
  }
  if (Status.type() != llvm::sys::fs::file_type::regular_file ||
      Status.getSize() > MaxBaselineBytes) {
    Error = "baseline '" + Path + "' is not a regular file of at most 256 MB" +
            Rewrite;
    return false;
  }
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer) {
    Error = "cannot read baseline '" + Path +
            "': " + Buffer.getError().message() + Rewrite;
    return false;
  }
  return parseBaseline((*Buffer)->getBuffer(), Path, Out, Error);
}

bool parseBaseline(llvm::StringRef Text, const std::string &Path, Baseline &Out,
                   std::string &Error) {
  json Doc;
  try {
    Doc = json::parse(Text.begin(), Text.end());
  } catch (const json::exception &) {
    // Parse errors, and numbers the parser cannot hold (out_of_range).
    Doc = json::value_t::discarded;
  }
  auto Bad = [&](const std::string &Why) {
    Error = "baseline '" + Path + "' " + Why + Rewrite;
    return false;
  };
  if (Doc.is_discarded())
    return Bad("is not valid JSON");
  if (!Doc.is_object() || !Doc.contains("concur_baseline"))
    return Bad("is not a concur baseline (no 'concur_baseline')");
  if (Doc["concur_baseline"] != BaselineFormat)
    return Bad("has format " + Doc["concur_baseline"].dump() +
               "; this concur reads format " + std::to_string(BaselineFormat));
  if (!Doc.contains("fingerprint_version") ||
      Doc["fingerprint_version"] != FingerprintVersion)
    return Bad("was written with fingerprint version " +
               Doc.value("fingerprint_version", json()).dump() +
               ", which this concur (version " +
               std::to_string(FingerprintVersion) + ") cannot match");
  auto Findings = Doc.find("findings");
  if (Findings == Doc.end() || !Findings->is_array())
    return Bad("has no 'findings' list");
  Out.Entries.clear();
  for (size_t I = 0; I < Findings->size(); ++I) {
    BaselineEntry Entry;
    std::string Problem = entryProblem((*Findings)[I], I, Entry);
    if (!Problem.empty())
      return Bad("is damaged: " + Problem);
    Out.Entries.push_back(std::move(Entry));
  }
  return true;
}

std::string baselineText(const std::vector<Finding> &Findings,
                         const std::string &ToolVersion) {
  std::vector<const Finding *> Sorted;
  for (const Finding &F : Findings)
    Sorted.push_back(&F);
  std::stable_sort(Sorted.begin(), Sorted.end(),
                   [](const Finding *A, const Finding *B) {
                     return std::tie(A->ProjectPath, A->Loc.Line, A->Loc.Column,
                                     A->Check, A->Fingerprint) <
                            std::tie(B->ProjectPath, B->Loc.Line, B->Loc.Column,
                                     B->Check, B->Fingerprint);
                   });
  // In this order for people reading the file: what, then where.
  nlohmann::ordered_json Entries = nlohmann::ordered_json::array();
  for (const Finding *F : Sorted)
    Entries.push_back({{"fingerprint", F->Fingerprint},
                       {"check", F->Check},
                       {"path", F->ProjectPath},
                       {"line", F->Loc.Line},
                       {"message", F->Message}});
  nlohmann::ordered_json Doc = {
      {"concur_baseline", BaselineFormat},
      {"fingerprint_version", FingerprintVersion},
      {"tool", {{"name", "concur"}, {"version", ToolVersion}}},
      {"findings", Entries}};
  return Doc.dump(2, ' ', false,
                  nlohmann::ordered_json::error_handler_t::replace) +
         "\n";
}

BaselineOutcome applyBaseline(const Baseline &B, const std::string &File,
                              std::vector<Finding> &Findings) {
  BaselineOutcome Outcome;
  Outcome.File = File;
  // How many findings each fingerprint still holds back.
  std::map<std::string, std::vector<const BaselineEntry *>> Unmatched;
  for (const BaselineEntry &E : B.Entries)
    Unmatched[E.Fingerprint].push_back(&E);
  std::vector<Finding> Kept;
  for (Finding &F : Findings) {
    auto It = Unmatched.find(F.Fingerprint);
    if (It != Unmatched.end() && !It->second.empty()) {
      // Several equal fingerprints (the same line twice in one function):
      // prefer the entry recorded in the same file.
      auto Same = std::find_if(
          It->second.begin(), It->second.end(),
          [&](const BaselineEntry *E) { return E->Path == F.ProjectPath; });
      It->second.erase(Same != It->second.end() ? Same : It->second.begin());
      ++Outcome.Baselined;
      continue;
    }
    Kept.push_back(std::move(F));
  }
  Findings = std::move(Kept);
  Outcome.New = Findings.size();
  for (const BaselineEntry &E : B.Entries) {
    auto It = Unmatched.find(E.Fingerprint);
    if (std::find(It->second.begin(), It->second.end(), &E) != It->second.end())
      Outcome.Stale.push_back(E);
  }
  return Outcome;
}

} // namespace concur
