//===- Fixes.cpp - Fix-its: exported for clang-apply-replacements, applied ===//

#include "report/Fixes.h"
#include "report/OutputFile.h"

#include "clang/Tooling/Core/Replacement.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/YAMLTraits.h"

#include <map>
#include <memory>
#include <optional>

namespace concur {

using clang::tooling::Replacement;

namespace {

/// The files edits point into, as they are now, and where their lines start.
class SourceTexts {
public:
  /// The file's text, or nullptr with Error.
  const llvm::MemoryBuffer *text(const std::string &File, std::string &Error) {
    auto It = Buffers.find(File);
    if (It == Buffers.end()) {
      auto Read = llvm::MemoryBuffer::getFile(File, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
      if (!Read) {
        Error = "cannot read '" + File +
                "' to fix it: " + Read.getError().message();
        return nullptr;
      }
      std::vector<size_t> Starts = {0};
      llvm::StringRef Code = (*Read)->getBuffer();
      for (size_t I = 0; I < Code.size(); ++I)
        if (Code[I] == '\n')
          Starts.push_back(I + 1);
      LineStarts[File] = std::move(Starts);
      It = Buffers.emplace(File, std::move(*Read)).first;
    }
    return It->second.get();
  }

  /// The byte offset of L, or nullopt when the file has no such place (it
  /// changed since the analysis).
  std::optional<size_t> offsetOf(const SourceLoc &L, std::string &Error) {
    const llvm::MemoryBuffer *Buffer = text(L.File, Error);
    if (!Buffer || L.Line == 0 || L.Column == 0)
      return std::nullopt;
    const std::vector<size_t> &Starts = LineStarts[L.File];
    if (L.Line > Starts.size())
      return std::nullopt;
    size_t LineStart = Starts[L.Line - 1];
    size_t LineEnd =
        L.Line < Starts.size() ? Starts[L.Line] - 1 : Buffer->getBufferSize();
    if (LineStart + L.Column - 1 > LineEnd)
      return std::nullopt;
    return LineStart + L.Column - 1;
  }

private:
  std::map<std::string, std::unique_ptr<llvm::MemoryBuffer>> Buffers;
  std::map<std::string, std::vector<size_t>> LineStarts;
};

/// The edits as replacements, or nullopt when one no longer fits its file.
std::optional<std::vector<Replacement>>
replacementsOf(const std::vector<SourceEdit> &Edits, SourceTexts &Texts,
               std::string &Error) {
  std::vector<Replacement> Out;
  for (const SourceEdit &E : Edits) {
    std::optional<size_t> Begin = Texts.offsetOf(E.Begin, Error);
    std::optional<size_t> End = Texts.offsetOf(E.End, Error);
    if (!Begin || !End || E.Begin.File != E.End.File || *End < *Begin)
      return std::nullopt;
    Out.emplace_back(E.Begin.File, *Begin, *End - *Begin, E.Text);
  }
  return Out;
}

/// Two edits of one file that touch the same bytes, or insert at the same
/// place: applying both would not be what either finding meant.
bool overlaps(const Replacement &A, const Replacement &B) {
  if (A.getFilePath() != B.getFilePath())
    return false;
  if (A.getOffset() == B.getOffset())
    return true;
  return A.getOffset() < B.getOffset() + B.getLength() &&
         B.getOffset() < A.getOffset() + A.getLength();
}

clang::tooling::Diagnostic::Level levelOf(Severity S) {
  switch (S) {
  case Severity::Error:
    return clang::tooling::Diagnostic::Error;
  case Severity::Warning:
    return clang::tooling::Diagnostic::Warning;
  case Severity::Remark:
    return clang::tooling::Diagnostic::Remark;
  }
  return clang::tooling::Diagnostic::Warning;
}

/// A message at a place, with the edits of Fix when given.
bool messageOf(const std::string &Text, const SourceLoc &Loc,
               const std::vector<SourceEdit> *Fix, SourceTexts &Texts,
               clang::tooling::DiagnosticMessage &Out, std::string &Error) {
  Out.Message = Text;
  Out.FilePath = Loc.valid() ? Loc.File : "";
  Out.FileOffset = 0;
  if (Loc.valid()) {
    if (!Texts.text(Loc.File, Error))
      return false;
    Out.FileOffset = Texts.offsetOf(Loc, Error).value_or(0);
  }
  if (!Fix)
    return true;
  std::string Ignored;
  std::optional<std::vector<Replacement>> Edits =
      replacementsOf(*Fix, Texts, Ignored);
  if (!Edits)
    return true; // No longer fits the file: exported without its fix.
  for (const Replacement &R : *Edits)
    if (llvm::Error E = Out.Fix[R.getFilePath()].add(R))
      llvm::consumeError(std::move(E));
  return true;
}

} // namespace

const std::vector<SourceEdit> *chosenFix(const Finding &F, bool WithNotes) {
  if (!F.Fixes.empty())
    return &F.Fixes;
  if (WithNotes)
    for (const FindingNote &N : F.Notes)
      if (!N.Fixes.empty())
        return &N.Fixes;
  return nullptr;
}

bool exportFixesYaml(const std::vector<Finding> &Findings, bool WithNotes,
                     const std::string &BuildDirectory, std::string &Yaml,
                     std::string &Error) {
  SourceTexts Texts;
  clang::tooling::TranslationUnitDiagnostics Export;
  for (const Finding &F : Findings) {
    clang::tooling::Diagnostic D;
    D.DiagnosticName = F.Check;
    D.DiagLevel = levelOf(F.Level);
    D.BuildDirectory = BuildDirectory;
    if (!messageOf(F.Message, F.Loc, F.Fixes.empty() ? nullptr : &F.Fixes,
                   Texts, D.Message, Error))
      return false;
    for (const FindingNote &N : F.Notes) {
      clang::tooling::DiagnosticMessage Note;
      if (!messageOf(N.Message, N.Loc,
                     WithNotes && !N.Fixes.empty() ? &N.Fixes : nullptr, Texts,
                     Note, Error))
        return false;
      D.Notes.push_back(std::move(Note));
    }
    Export.Diagnostics.push_back(std::move(D));
  }
  if (!Findings.empty())
    Export.MainSourceFile = Findings.front().Loc.File;
  Yaml.clear();
  llvm::raw_string_ostream OS(Yaml);
  llvm::yaml::Output Out(OS);
  Out << Export;
  OS.flush();
  return true;
}

bool applyFixes(const std::vector<Finding> &Findings, bool WithNotes,
                FixOutcome &Outcome, std::string &Error) {
  SourceTexts Texts;
  std::map<std::string, std::vector<Replacement>> PerFile;
  std::vector<std::vector<SourceEdit>> Taken;
  for (const Finding &F : Findings) {
    const std::vector<SourceEdit> *Fix = chosenFix(F, WithNotes);
    if (!Fix)
      continue;
    // The same fix twice (one finding per template instantiation, or two
    // checks agreeing) is applied once.
    if (llvm::any_of(Taken, [&](const std::vector<SourceEdit> &T) {
          return T.size() == Fix->size() &&
                 std::equal(T.begin(), T.end(), Fix->begin(),
                            [](const SourceEdit &A, const SourceEdit &B) {
                              return A.Begin == B.Begin && A.End == B.End &&
                                     A.Text == B.Text;
                            });
        }))
      continue;
    std::string Unread;
    std::optional<std::vector<Replacement>> Edits =
        replacementsOf(*Fix, Texts, Unread);
    if (!Unread.empty()) {
      Error = Unread;
      return false;
    }
    bool Conflict = !Edits;
    for (size_t I = 0; Edits && I < Edits->size() && !Conflict; ++I) {
      const Replacement &R = (*Edits)[I];
      for (size_t J = 0; J < I && !Conflict; ++J)
        Conflict = overlaps(R, (*Edits)[J]);
      for (const Replacement &Earlier : PerFile[R.getFilePath().str()])
        Conflict = Conflict || overlaps(R, Earlier);
    }
    if (Conflict) {
      ++Outcome.Skipped;
      continue;
    }
    for (const Replacement &R : *Edits)
      PerFile[R.getFilePath().str()].push_back(R);
    Taken.push_back(*Fix);
    ++Outcome.Applied;
  }
  for (const auto &[File, Edits] : PerFile) {
    if (Edits.empty())
      continue;
    clang::tooling::Replacements All;
    for (const Replacement &R : Edits)
      if (llvm::Error E = All.add(R)) {
        Error = "cannot fix '" + File + "': " + llvm::toString(std::move(E));
        return false;
      }
    const llvm::MemoryBuffer *Code = Texts.text(File, Error);
    if (!Code)
      return false;
    llvm::Expected<std::string> Fixed =
        clang::tooling::applyAllReplacements(Code->getBuffer(), All);
    if (!Fixed) {
      Error = "cannot fix '" + File + "': " + llvm::toString(Fixed.takeError());
      return false;
    }
    std::unique_ptr<OutputFile> Out = OutputFile::open(File, "--fix", Error);
    if (!Out || !Out->write(*Fixed, Error))
      return false;
    Outcome.Files.push_back(File);
  }
  return true;
}

} // namespace concur
