//===- DescriptorResolution.h - Which calls on descriptors can block ------===//
//
// Models: every slot a file descriptor passes through belongs to one
// descriptor (copies unite them, union-find over the whole program); a
// descriptor made non-blocking anywhere is non-blocking, one made lingering
// anywhere is lingering. A call on a non-blocking descriptor does not block
// (read, write, recv, send, accept, connect); close() blocks only on a
// lingering one. The calls' API uses are updated in place.
//
// Does not model: descriptors switched back to blocking, or the order in
// which a descriptor is switched and used.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_PROGRAM_DESCRIPTORRESOLUTION_H
#define CONCUR_PROGRAM_DESCRIPTORRESOLUTION_H

#include "facts/Facts.h"

#include <map>
#include <string>

namespace concur {

void resolveDescriptors(std::map<std::string, FunctionFacts> &Functions);

} // namespace concur

#endif // CONCUR_PROGRAM_DESCRIPTORRESOLUTION_H
