//===- ChangedLines.cpp - Which lines a change touched --------------------===//

#include "report/ChangedLines.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

namespace concur {

using nlohmann::json;

bool ChangedLines::fromLineFilter(llvm::StringRef Text, ChangedLines &Out,
                                  std::string &Error) {
  auto Bad = [&](const std::string &Why) {
    Error = "--line-filter " + Why +
            "; write it as clang-tidy's, such as "
            "'[{\"name\":\"file.cpp\",\"lines\":[[1,3]]}]'";
    return false;
  };
  json Doc;
  try {
    Doc = json::parse(Text.begin(), Text.end());
  } catch (const json::exception &) {
    return Bad("is not valid JSON");
  }
  if (!Doc.is_array())
    return Bad("is not a list of files");
  Out.Files.clear();
  for (size_t I = 0; I < Doc.size(); ++I) {
    const json &Entry = Doc[I];
    std::string Where = "entry " + std::to_string(I + 1);
    if (!Entry.is_object() || !Entry.contains("name") ||
        !Entry["name"].is_string() || Entry["name"].get<std::string>().empty())
      return Bad(Where + " has no file \"name\"");
    FileLines F;
    F.Name = Entry["name"].get<std::string>();
    F.MatchSuffix = true;
    if (!Entry.contains("lines")) {
      F.AllLines = true;
    } else {
      if (!Entry["lines"].is_array())
        return Bad(Where + " has \"lines\" that are not a list");
      for (const json &Range : Entry["lines"]) {
        if (!Range.is_array() || Range.size() != 2 ||
            !Range[0].is_number_unsigned() || !Range[1].is_number_unsigned() ||
            Range[0].get<uint64_t>() > UINT32_MAX ||
            Range[1].get<uint64_t>() > UINT32_MAX)
          return Bad(Where + " has a line range that is not [first, last]");
        F.Ranges.push_back(
            {Range[0].get<unsigned>(), Range[1].get<unsigned>()});
      }
    }
    Out.Files.push_back(std::move(F));
  }
  return true;
}

/// A number at the front of Text, consumed.
static bool number(llvm::StringRef &Text, unsigned &Out) {
  size_t Digits = Text.find_first_not_of("0123456789");
  if (Digits == 0)
    return false;
  if (Text.substr(0, Digits).getAsInteger(10, Out))
    return false;
  Text = Text.substr(Digits == llvm::StringRef::npos ? Text.size() : Digits);
  return true;
}

bool ChangedLines::fromUnifiedDiff(llvm::StringRef Diff,
                                   const std::string &BaseDir,
                                   ChangedLines &Out, std::string &Error) {
  Out.Files.clear();
  FileLines *Current = nullptr;
  bool SawFile = false;
  unsigned LineNo = 0;
  llvm::StringRef Rest = Diff, Line;
  while (!Rest.empty()) {
    std::tie(Line, Rest) = Rest.split('\n');
    ++LineNo;
    Line = Line.rtrim("\r");
    if (Line.starts_with("+++ ")) {
      SawFile = true;
      llvm::StringRef Name = Line.drop_front(4);
      // "+++ b/src/a.cpp\t2024-01-01 ..." from diff -u: the name ends at a
      // tab.
      Name = Name.take_until([](char C) { return C == '\t'; }).rtrim();
      if (Name == "/dev/null") {
        Current = nullptr;
        continue;
      }
      Name.consume_front("b/");
      llvm::SmallString<256> Path;
      if (llvm::sys::path::is_absolute(Name)) {
        Path = Name;
      } else {
        Path = BaseDir;
        llvm::sys::path::append(Path, Name);
      }
      llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
      FileLines F;
      F.Name = std::string(Path);
      Out.Files.push_back(std::move(F));
      Current = &Out.Files.back();
      continue;
    }
    if (!Line.starts_with("@@ ") || !Current)
      continue;
    // "@@ -12,3 +14,5 @@ context": the new side starts at 14, 5 lines;
    // ",0" is a deletion only, which leaves no line to point at.
    llvm::StringRef Hunk = Line.drop_front(3);
    size_t Plus = Hunk.find(" +");
    unsigned Start = 0, Count = 1;
    if (Plus == llvm::StringRef::npos) {
      Error = "line " + std::to_string(LineNo) +
              " of the diff is a hunk header without a '+' range: '" +
              Line.take_front(60).str() + "'";
      return false;
    }
    Hunk = Hunk.drop_front(Plus + 2);
    if (!number(Hunk, Start) ||
        (Hunk.consume_front(",") && !number(Hunk, Count))) {
      Error = "line " + std::to_string(LineNo) +
              " of the diff has a hunk header concur cannot read: '" +
              Line.take_front(60).str() + "'";
      return false;
    }
    if (Count > 0)
      Current->Ranges.push_back({Start, Start + Count - 1});
  }
  if (!SawFile && !Diff.trim().empty()) {
    Error = "the diff names no file (no '+++' line); pass a unified diff, "
            "such as the output of 'git diff -U0'";
    return false;
  }
  return true;
}

bool ChangedLines::touches(const SourceLoc &L) const {
  if (!L.valid())
    return false;
  for (const FileLines &F : Files) {
    if (F.MatchSuffix ? !llvm::StringRef(L.File).ends_with(F.Name)
                      : L.File != F.Name)
      continue;
    if (F.AllLines)
      return true;
    for (const auto &[First, Last] : F.Ranges)
      if (L.Line >= First && L.Line <= Last)
        return true;
  }
  return false;
}

bool ChangedLines::touches(const Finding &F) const {
  if (touches(F.Loc))
    return true;
  auto At = [&](const json &Where) {
    if (!Where.is_object() || !Where.contains("file") ||
        !Where.contains("line") || !Where["file"].is_string() ||
        !Where["line"].is_number_unsigned())
      return false;
    SourceLoc L;
    L.File = Where["file"].get<std::string>();
    L.Line = Where["line"].get<unsigned>();
    return touches(L);
  };
  for (const char *Key : {"chain", "accesses"}) {
    auto List = F.Details.find(Key);
    if (List == F.Details.end() || !List->is_array())
      continue;
    for (const json &Step : *List)
      if (Step.is_object() && Step.contains("location") && At(Step["location"]))
        return true;
  }
  return false;
}

unsigned ChangedLines::restrict(std::vector<Finding> &Findings) const {
  std::vector<Finding> Kept;
  for (Finding &F : Findings)
    if (touches(F))
      Kept.push_back(std::move(F));
  unsigned Dropped = Findings.size() - Kept.size();
  Findings = std::move(Kept);
  return Dropped;
}

} // namespace concur
