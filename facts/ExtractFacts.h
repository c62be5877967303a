//===- ExtractFacts.h - Parse one translation unit into facts -------------===//
//
// Runs Clang 19 on one compile job and reduces the AST to FileFacts. Bodies
// of functions in system headers are skipped at parse time: the catalog says
// what library functions do, so their code is never needed, and skipping it
// roughly halves the parse of an Asio-heavy file.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_EXTRACTFACTS_H
#define CONCUR_FACTS_EXTRACTFACTS_H

#include "catalog/Catalog.h"
#include "compdb/CompilationSetup.h"
#include "facts/Facts.h"

namespace concur {

/// Never fails outright: a file that does not parse (or crashes Clang) comes
/// back with Parsed == false and its first error.
FileFacts extractFacts(const CompileJob &Job, const Catalog &Cat);

} // namespace concur

#endif // CONCUR_FACTS_EXTRACTFACTS_H
