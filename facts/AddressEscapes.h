//===- AddressEscapes.h - Addresses of shared places handed on -----------===//
//
// A write concur cannot place may write any place whose address was handed
// on: `int *mp = &cfg.mode; *mp = CMD;`, `memcpy(&cfg, &other, n)`,
// `sscanf(s, "%d", &cfg.mode)`, a function with no body given `&cfg`. The
// race check keeps a flag's value as known only where nothing may write it
// so (UnsynchronizedSharedStateCheck: guards and completion flags).
//
// Here, per function (and per global initialiser), the places of a global,
// of what a parameter points to, or of `this`'s object whose address is
// taken (`&p`, an array decaying to a pointer), and the objects a pointer
// parameter points to where its value is handed on (stored, returned,
// given to a `...`). One given straight to a named parameter of a call of
// a function that is not a library's names that function: the walk of
// that call sees what it does with it (its own escapes, in that call's
// context).
//
// Does not model: references bound to the place (a local one, or a call's
// `T &` parameter), addresses taken of locals, and a pointer parameter's
// value given to a library function's named parameter (memset,
// pthread_create, but also memcpy), taken to write nothing concur does
// not see.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_ADDRESSESCAPES_H
#define CONCUR_FACTS_ADDRESSESCAPES_H

#include "facts/ExtractInternal.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"

#include <vector>

namespace concur {
namespace extract {

/// The addresses of shared places Body takes (FD: its function, for its
/// parameters; null for a global's initialiser).
std::vector<AddressEscape> findAddressEscapes(const clang::Stmt *Body,
                                              const clang::FunctionDecl *FD,
                                              TranslationUnitFacts &TU);

} // namespace extract
} // namespace concur

#endif // CONCUR_FACTS_ADDRESSESCAPES_H
