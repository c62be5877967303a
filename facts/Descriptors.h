//===- Descriptors.h - File descriptors that cannot block -----------------===//
//
// Models: file descriptors held in slots (the variables, fields, parameters
// and array elements of CallableFlow's slots): made non-blocking when they
// are created (socket with SOCK_NONBLOCK, eventfd with EFD_NONBLOCK, pipe2
// and open with O_NONBLOCK) or switched later (fcntl F_SETFL with
// O_NONBLOCK, ioctl FIONBIO, Asio's non_blocking(true)), made lingering
// (setsockopt SO_LINGER), and copied from slot to slot (an int variable, a
// field, a parameter: the same descriptor). The catalog's descriptor entries
// say which calls do what; a call on a descriptor (read, write, recv, close)
// records the slot it is made on, and the whole-program stage decides
// whether it can block.
//
// Does not model: the order of these events (a descriptor made non-blocking
// anywhere is non-blocking everywhere), or descriptors reached through
// memory concur has no slot for.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_DESCRIPTORS_H
#define CONCUR_FACTS_DESCRIPTORS_H

#include "facts/CallableFlow.h"
#include "facts/FunctionScope.h"

namespace concur {
namespace extract {

class Descriptors {
public:
  Descriptors(FunctionScope &S, CallableFlow &Flow) : S(S), Flow(Flow) {}

  /// A catalogued descriptor call: records what it does to its descriptor.
  void handle(const CatalogEntry &E, const clang::Expr *Call,
              const clang::Expr *Receiver,
              llvm::ArrayRef<const clang::Expr *> Args);
  /// The slot a blocking call on a descriptor is made on.
  std::string slotOfCall(const CatalogEntry &E, const clang::Expr *Receiver,
                         llvm::ArrayRef<const clang::Expr *> Args);
  /// A file opened on a path in memory (/proc): what it is kept in cannot
  /// block.
  void memoryFile(const clang::Expr *Call);
  /// An integer copied from one slot into another: the same descriptor.
  void copy(const Slot &Into, const clang::Expr *Value);

private:
  bool hasFlag(const clang::Expr *Flags, long long Flag) const;
  bool argumentIs(const clang::Expr *Arg, long long Value) const;

  FunctionScope &S;
  CallableFlow &Flow;
};

} // namespace extract
} // namespace concur

#endif // CONCUR_FACTS_DESCRIPTORS_H
