//===- TakenObjects.h - Objects unlinked from shared lists under a lock ---===//
//
// Work handed between threads through a shared list: the consumer, holding
// the list's lock, loads the head into a local and writes the head (it
// unlinks what it took), then lets go of the lock and works on what it took.
//
//   lock(&q->mutex); job = q->head; q->head = job->next; unlock(&q->mutex);
//   job->result = compute(job->input);
//
// No other thread can load the same object from the list any more: until
// the taker links it somewhere again, it is the taker's own. The local then
// points to the list's object followed by the step TakenMark, and two paths
// with that step at one place name two different objects (no two takes
// return one object, in one thread or in two). A path without the step (a
// thread that reads the list's head without unlinking it) may still name
// the taken object. The producer's accesses, made before it linked the
// object under the same lock, go through the paths it knows the object by.
// What the taker did through the list's head between the load and the
// unlinking write, under the lock, was to the object it took.
//
// A function that returns what it took (a pool's get()) hands the mark to
// its callers with the pointer.
//
// Does not model: accesses after the taker linked the object back (a miss:
// they are still its own to the model).
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_TAKENOBJECTS_H
#define CONCUR_FACTS_TAKENOBJECTS_H

#include "facts/FunctionScope.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

#include <vector>

namespace concur {
namespace extract {

class TakenObjects {
public:
  explicit TakenObjects(FunctionScope &S) : S(S) {}

  /// `X = Shared` (or X's initialiser): a local pointer loads a pointer
  /// stored in shared memory, maybe holding a lock.
  void noteLoad(const clang::VarDecl *X, const clang::Expr *Value);
  /// `Shared = ...`: the pointer a load holding the same lock read is
  /// written before the lock was let go; the load took its object.
  void noteStore(const clang::Expr *Target);

private:
  struct Load {
    const clang::VarDecl *Local = nullptr;
    /// Where the pointer was loaded from, and what the local then held.
    AccessPath Source;
    AccessPath Value;
    /// The real locks held at the load, with where each was taken.
    std::vector<std::pair<AccessPath, SourceLoc>> Locks;
    /// The accesses recorded from the load on (Out.Accesses).
    size_t FirstAccess = 0;
  };

  FunctionScope &S;
  std::vector<Load> Loads;
};

} // namespace extract
} // namespace concur

#endif // CONCUR_FACTS_TAKENOBJECTS_H
