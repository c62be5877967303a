//===- DatabaseEntries.h - What clang's database reader lets through ------===//
//
// clang's JSONCompilationDatabase accepts entries that cannot work and says
// nothing: a relative "directory" (clang tools resolve it against whatever
// the current directory happens to be, so no file of the database is ever
// found: "0 files analysed") and a "command" with an unterminated quote
// (split into one long argument, so the file is "analysed" without being
// compiled). Both would let a CI gate pass on nothing; this reads the raw
// entries again and names them.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_COMPDB_DATABASEENTRIES_H
#define CONCUR_COMPDB_DATABASEENTRIES_H

#include "llvm/ADT/StringRef.h"

#include <map>
#include <string>

namespace concur {

/// Checks the entries of a compile database (Text, read from Path). Returns
/// false with a one-line Error naming the entry when one has a relative
/// "directory": nothing in the database can be found then. Commands that
/// cannot be split are not fatal, since other files may be fine: they are
/// added to Unsplittable, keyed by the absolute file of their entry (the
/// first entry of a file is the one used), with a one-line reason.
bool checkDatabaseEntries(llvm::StringRef Path, llvm::StringRef Text,
                          std::map<std::string, std::string> &Unsplittable,
                          std::string &Error);

/// Does a shell-style command line leave a quote open, the way clang's
/// database reader splits it ('\' escapes outside single quotes)?
bool hasUnterminatedQuote(llvm::StringRef Command);

} // namespace concur

#endif // CONCUR_COMPDB_DATABASEENTRIES_H
