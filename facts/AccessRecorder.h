//===- AccessRecorder.h - Reads and writes another thread might see -------===//
//
// Models: which memory accesses are worth recording, and with what locks.
// An access is recorded when another thread could possibly reach the
// memory: globals and statics, anything reached through `this`, a reference
// or pointer parameter or a dereference, and locals that escape (captured
// by reference, address taken, bound to a non-const reference) or that an
// OpenMP team shares. Locals that never escape, copies made for a lambda,
// atomics, synchronisation objects and thread-safe library objects are not
// recorded: no other thread can see them, or their own operations are the
// synchronisation. Reading a const variable or field is no race either.
// GUARDED_BY(mu) on a field counts as holding mu (clang's Thread Safety
// Analysis enforces it).
//
// Does not model: whether another thread really reaches the memory (the
// whole-program stage decides that).
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_ACCESSRECORDER_H
#define CONCUR_FACTS_ACCESSRECORDER_H

#include "facts/FunctionScope.h"

namespace concur {
namespace extract {

class AccessRecorder {
public:
  explicit AccessRecorder(FunctionScope &S) : S(S) {}

  /// An access of the place an lvalue expression names.
  void record(const clang::Expr *E, bool Write);
  /// A copy of the struct an lvalue names: a read of all of it.
  void recordCopy(const clang::Expr *E);
  /// The access recorded last, if any since Before, writes a whole struct
  /// of type T: notes the pointer fields it fills (CopiedPointerFields)
  /// and the object Source it copies them from (CopiedFrom).
  void noteCopiedPointers(size_t Before, clang::QualType T,
                          const clang::Expr *Source);
  /// An access of a known place, at an expression.
  void recordPath(AccessPath P, bool Write, const clang::Expr *At,
                  std::vector<HeldLock> Extra = {}, bool Atomic = false);
  /// A store into an element of the function's own array that no other
  /// function reaches (`workers[i] = malloc(...)` before
  /// `start(work, workers[i])`), recorded all the same: the race check
  /// tells from every such store whether each element holds an object of
  /// its own, which a thread handed an element's value then works on.
  void recordOwnElementStore(const clang::Expr *LHS);

private:
  bool isSharedCandidate(const AccessPath &P) const;
  void append(AccessPath P, bool Write, const clang::Expr *At,
              std::vector<HeldLock> Extra, bool Atomic);
  std::vector<HeldLock> guardedBy(const clang::Expr *E, const AccessPath &P);

  FunctionScope &S;
};

} // namespace extract
} // namespace concur

#endif // CONCUR_FACTS_ACCESSRECORDER_H
