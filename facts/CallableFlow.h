//===- CallableFlow.h - Where callables are stored and called from --------===//
//
// Models: callables stored into named slots and called through them, for
// the whole-program stage's flow-insensitive resolution of indirect calls.
// A slot is a variable, a parameter, a field (every object of the class
// shares one slot per field), a function's return value, or the elements of
// a container or array held in one of those. A store puts a function (a
// lambda, a function named by address, a functor, what std::bind binds) or
// whatever another slot holds into a slot: an initialisation (aggregates and
// arrays of function pointers included), an assignment, an argument passed
// to a parameter of callable type, a return, an element inserted into a
// container, a range-for variable taking a container's elements.
//
// Coroutine objects (tasks, lazies) flow the same way: a call that makes
// one stores the coroutine into the slot that keeps the object, and
// co_await of a slot's object (or of a container's, through when_all) is a
// call of what the slot holds.
//
// Does not model: the order of stores and calls (a slot holds everything
// ever stored into it), or which object of a class a field belongs to.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_CALLABLEFLOW_H
#define CONCUR_FACTS_CALLABLEFLOW_H

#include "facts/ExtractInternal.h"

#include <optional>
#include <string>

namespace concur {
namespace extract {

struct Slot {
  std::string Id;
  std::string Name; // As the code names it: "on_done_", "handlers[]".
};

class CallableFlow {
public:
  /// Stores are recorded in Stores: a function's, or the file's for the
  /// initialisers of globals.
  CallableFlow(TranslationUnitFacts &TU, std::vector<CallableStore> &Stores)
      : TU(TU), Stores(Stores) {}

  /// The slot a callable-valued expression reads, if it names one.
  std::optional<Slot> slotOf(const clang::Expr *E) const;
  Slot varSlot(const clang::VarDecl *VD) const;
  Slot fieldSlot(const clang::FieldDecl *FD) const;
  Slot paramSlot(const clang::FunctionDecl *F, unsigned Index) const;
  Slot returnSlot(const clang::FunctionDecl *F) const;
  static Slot elements(const Slot &Container);

  /// How a call through a value of this type is described: "std::function",
  /// "function pointer".
  std::string kindOf(clang::QualType T) const;

  /// Value flows into Into: the functions it denotes, or what its own slot
  /// holds. Object: the one object whose field Into is, when known
  /// (CallableStore::Object). Place: the field Into is, of an object the
  /// function names (CallableStore::Place).
  void store(const Slot &Into, const clang::Expr *Value,
             const std::string &Object = "",
             const std::optional<AccessPath> &Place = std::nullopt);
  /// What a callable expression denotes: functions, or a slot's contents.
  CallableArg describe(const clang::Expr *Value, unsigned Index) const;
  /// Into holds whatever From holds (a range-for variable and the elements
  /// of its range).
  void link(const Slot &Into, const Slot &From, const clang::Expr *At,
            const std::optional<AccessPath> &Place = std::nullopt);
  /// Initialises the object in Into; aggregates give each field and
  /// element its own slot. Object: the place of the object initialised,
  /// when it is a global ("G:<usr>"): its fields' stores name their field
  /// of it.
  void storeInit(const Slot &Into, const clang::Expr *Init,
                 const std::string &Object = "");
  /// The place of a variable's object as the race check keys it, its
  /// thread left out ("G:<usr>", or "L:<usr>" for one each frame or thread
  /// has): the Object of storeInit.
  std::string objectPlace(const clang::VarDecl *VD) const;
  /// Could a value of this type hold a callable (or a coroutine object),
  /// directly or in a field or element of an aggregate?
  bool mayHoldCallable(clang::QualType T) const;
  /// Values of this type are followed through slots: erased callables and
  /// coroutine objects.
  bool tracks(clang::QualType T) const;
  /// The calls that made coroutine objects stored into slots so far.
  llvm::ArrayRef<const clang::Expr *> storedCoroutines() const {
    return StoredCoroutines;
  }

private:
  /// The coroutine a call making a coroutine object runs, when Value is
  /// such a call to a coroutine of the program.
  const clang::FunctionDecl *coroutineMadeBy(const clang::Expr *Value) const;

  TranslationUnitFacts &TU;
  std::vector<CallableStore> &Stores;
  std::vector<const clang::Expr *> StoredCoroutines;
};

} // namespace extract
} // namespace concur

#endif // CONCUR_FACTS_CALLABLEFLOW_H
