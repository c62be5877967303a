//===- Files.h - Reading inputs and writing outputs whole -----------------===//

#ifndef CONCUR_RUNTIME_SUPPORT_FILES_H
#define CONCUR_RUNTIME_SUPPORT_FILES_H

#include <string>

namespace concur::runtime {

/// The whole file, or throws UsageError naming Path and What it was for.
std::string readWholeFile(const std::string &Path, const std::string &What);

/// Writes through a temporary file in the same directory and a rename, so a
/// reader never sees half an output. Throws RunError on failure.
void writeFileAtomically(const std::string &Path, const std::string &Content);

/// Throws UsageError unless the directory that would hold Path exists and is
/// writable, so that bad output paths fail before a long run, not after.
void checkWritableDestination(const std::string &Path,
                              const std::string &OptionName);

} // namespace concur::runtime

#endif // CONCUR_RUNTIME_SUPPORT_FILES_H
