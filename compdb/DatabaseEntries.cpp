//===- DatabaseEntries.cpp - What clang's database reader lets through ----===//

#include "compdb/DatabaseEntries.h"

#include "compdb/CompilationSetup.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

#include <set>

namespace concur {

bool hasUnterminatedQuote(llvm::StringRef Command) {
  char Quote = 0;
  for (size_t I = 0; I < Command.size(); ++I) {
    char C = Command[I];
    if (Quote == '\'') {
      if (C == '\'')
        Quote = 0;
      continue;
    }
    if (C == '\\') {
      ++I;
      continue;
    }
    if (Quote == '"') {
      if (C == '"')
        Quote = 0;
      continue;
    }
    if (C == '"' || C == '\'')
      Quote = C;
  }
  return Quote != 0;
}

/// How an entry is named in messages: its place and its file, shortened so
/// that a hostile entry cannot flood the line.
static std::string entryName(size_t Index,
                             std::optional<llvm::StringRef> File) {
  std::string Name = "entry " + std::to_string(Index + 1);
  if (File) {
    llvm::StringRef Shown = File->take_front(200);
    Name += " (\"file\": \"" + Shown.str() +
            (Shown.size() < File->size() ? "...\")" : "\")");
  }
  return Name;
}

bool checkDatabaseEntries(llvm::StringRef Path, llvm::StringRef Text,
                          std::map<std::string, std::string> &Unsplittable,
                          std::string &Error) {
  // clang's reader is a YAML parser and has already accepted the text; what
  // strict JSON rejects is left to it.
  llvm::Expected<llvm::json::Value> Doc = llvm::json::parse(Text);
  if (!Doc) {
    llvm::consumeError(Doc.takeError());
    return true;
  }
  const llvm::json::Array *Entries = Doc->getAsArray();
  if (!Entries)
    return true;
  std::set<std::string> Seen;
  for (size_t I = 0; I < Entries->size(); ++I) {
    const llvm::json::Object *Entry = (*Entries)[I].getAsObject();
    if (!Entry)
      continue;
    std::optional<llvm::StringRef> Directory = Entry->getString("directory");
    std::optional<llvm::StringRef> File = Entry->getString("file");
    if (Directory && !llvm::sys::path::is_absolute(*Directory)) {
      Error = "compilation database '" + Path.str() +
              "': " + entryName(I, File) +
              " has the relative \"directory\": \"" +
              Directory->take_front(200).str() +
              "\"; it must be an absolute path (clang tools resolve nothing "
              "against it); regenerate the database or write the full path";
      return false;
    }
    if (!Directory || !File)
      continue;
    // The first entry of a file is the one used; a later broken one is not.
    std::string Key = absolutePath(File->str(), Directory->str());
    if (!Seen.insert(Key).second)
      continue;
    // "arguments", when present, is what clang uses, whatever their order.
    std::optional<llvm::StringRef> Command = Entry->getString("command");
    if (Command && !Entry->get("arguments") && hasUnterminatedQuote(*Command))
      Unsplittable.emplace(Key, "compilation database '" + Path.str() +
                                    "': " + entryName(I, File) +
                                    ": \"command\" has an unterminated quote, "
                                    "so it cannot be split into arguments; "
                                    "close the quote");
  }
  return true;
}

} // namespace concur
