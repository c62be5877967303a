//===- CallResolution.h - Virtual and indirect calls, whole program -------===//
//
// Models: the targets of calls the extractor could not name. A virtual call
// reaches its method's definition and every override of it in any file of
// the program (a final class or a call on an object of known type was
// already made direct). A call through a slot (a function pointer, a
// std::function, a parameter, a field, a container's elements) reaches every
// function stored into that slot anywhere in the program, following copies
// from slot to slot to a fixed point (flow-insensitive, like a points-to
// analysis of callables only); a parameter of an overridden method shares
// what is passed to the overriding method's parameter. Spawns of a stored
// callable get the targets as entry points.
//
// A compile database often holds several programs (each test and tool has its
// own main). Code defined in the file of a main exists only in that program:
// a callable it defines or stores, and what flows through its copies, is
// marked with that program (CallTarget::Program), so that a walk of another
// program does not run it.
//
// Does not model: which of the targets a call reaches at run time, or
// callables that reach a slot through memory concur has no path for.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_PROGRAM_CALLRESOLUTION_H
#define CONCUR_PROGRAM_CALLRESOLUTION_H

#include "facts/Facts.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace concur {

/// A virtual or indirect call whose targets concur could not find.
struct UnresolvedCall {
  std::string FunctionId;
  std::string FunctionName;
  SourceLoc Loc;
  CallKind Kind = CallKind::Indirect;
  std::string Callee; // What the code calls: a method, "function pointer".
  std::string Reason;
};

/// The program code in File belongs to: File itself when it defines a main
/// (one of ProgramFiles), else "" (code any program may link).
std::string programOfFile(const std::set<std::string> &ProgramFiles,
                          const std::string &File);

/// The index of Function's own parameter that a callable slot names
/// ("param:<function>#<index>"), if it names one and not a part of it.
std::optional<unsigned> ownParamSlotIndex(const std::string &Slot,
                                          const std::string &Function);

/// Fills CallSite::Targets of virtual and indirect calls and the entry
/// points of spawns of stored callables; lists the calls left unresolved.
void resolveCalls(std::map<std::string, FunctionFacts> &Functions,
                  const std::vector<MethodOverride> &Overrides,
                  const std::vector<CallableStore> &GlobalStores,
                  const std::set<std::string> &ProgramFiles,
                  std::vector<UnresolvedCall> &Unresolved);

} // namespace concur

#endif // CONCUR_PROGRAM_CALLRESOLUTION_H
