//===- CheckDocs.h - docs/checks/*.md, built into the binary --------------===//
//
// SARIF rules carry each check's documentation (fullDescription, help), so
// that a code-scanning service shows it beside the alert; an installed
// concur must not go looking for a docs directory to find it.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_REPORT_CHECKDOCS_H
#define CONCUR_REPORT_CHECKDOCS_H

#include "llvm/ADT/StringRef.h"

namespace concur {

/// The Markdown of docs/checks/<Check>.md; empty when there is none.
llvm::StringRef checkDocumentation(llvm::StringRef Check);

/// The first paragraph after the title, as one line of text.
std::string checkDescription(llvm::StringRef Check);

} // namespace concur

#endif // CONCUR_REPORT_CHECKDOCS_H
