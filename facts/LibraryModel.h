//===- LibraryModel.h - What library types and functions are --------------===//
//
// Models: the role a library class or function plays for the analysis
// (an atomic, a synchronisation object, a smart pointer, a container, a
// callable wrapper; a function that passes its argument through, binds a
// callable, stores or calls its callable arguments), answered from the
// catalog's type, function and method entries (catalog/apis.json and the
// user's config). A class has a role when it or one of its bases is listed
// by qualified name; nothing is decided by a substring of a name.
//
// Does not model: what calls do to locks, threads or I/O (the call model and
// the catalog's other kinds say that).
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_LIBRARYMODEL_H
#define CONCUR_FACTS_LIBRARYMODEL_H

#include "catalog/Catalog.h"
#include "facts/Facts.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"

#include <map>
#include <vector>

namespace concur {
namespace extract {

class LibraryModel {
public:
  explicit LibraryModel(const Catalog &Cat) : Cat(Cat) {}

  const Catalog &Cat;

  /// The class (of an object, a reference or a pointer) or one of its bases
  /// is listed with the role.
  bool recordHas(const clang::CXXRecordDecl *RD, LibraryRole Role) const;
  bool typeHas(clang::QualType T, LibraryRole Role) const;

  bool isAtomic(clang::QualType T) const;
  /// Mutexes, threads, futures, guards: their methods are synchronisation.
  /// A class with clang's `capability` attribute is one too.
  bool isSyncObject(clang::QualType T) const;
  /// Classes the catalog calls thread-safe (a concurrent queue).
  bool isThreadSafe(clang::QualType T) const;
  /// A global object the catalog calls thread-safe by name (std::cout:
  /// using the standard streams from several threads is no data race).
  bool isThreadSafeGlobal(const AccessPath &P) const;
  bool isSmartPointer(clang::QualType T) const;
  /// A type the catalog says names a thread: a typedef (pthread_t) through
  /// any typedefs of it, or a class.
  bool isThreadHandle(clang::QualType T) const;
  /// Something a call can go through: a function pointer or reference, a
  /// member function pointer, a callable wrapper, a closure or functor.
  bool isCallable(clang::QualType T) const;
  /// A callable whose target is not in its type: a function pointer or
  /// reference, a member function pointer, a callable wrapper. (Calls
  /// through a lambda's or functor's own type are direct in the code that
  /// has that type: only these need the whole program's stores.)
  bool isErasedCallable(clang::QualType T) const;
  /// A coroutine's return object (a task, a lazy): a class with a nested
  /// promise_type, where std::coroutine_traits finds the promise, or one a
  /// specialisation of std::coroutine_traits in the file names (Asio's
  /// awaitable). Made by a call and kept, it runs where what awaits it
  /// later does.
  bool isCoroutineObject(clang::QualType T) const;

  /// Where an executor of this type (or a pointer or smart pointer to one)
  /// runs what it is given; None when the type is no known executor.
  ExecutionContext executorContext(clang::QualType T) const;

  bool functionHas(const clang::FunctionDecl *F, LibraryRole Role) const;
  /// The values F returns given valid arguments, when a known-results
  /// entry lists them; null otherwise.
  const std::vector<long long> *
  knownResults(const clang::FunctionDecl *F) const;
  /// Methods of library classes are listed by their own name.
  bool methodHas(const clang::FunctionDecl *F, LibraryRole Role) const;

  /// Looks through parentheses, casts, temporaries, copies and moves, and
  /// the construction of a callable wrapper from a callable.
  const clang::Expr *skipWrappers(const clang::Expr *E) const;

  /// What a callable argument will run: a lambda's call operator, a function
  /// or member function named by reference, a functor's operator(), through
  /// binders and pass-through functions.
  void callableTargets(const clang::Expr *E,
                       std::vector<const clang::FunctionDecl *> &Out) const;

private:
  mutable std::map<std::pair<const clang::CXXRecordDecl *, LibraryRole>, bool>
      Cache;
  bool findsPromise(const clang::CXXRecordDecl *RD) const;
  mutable std::map<const clang::CXXRecordDecl *, bool> CoroutineObjects;
};

} // namespace extract
} // namespace concur

#endif // CONCUR_FACTS_LIBRARYMODEL_H
