//===- CallModel.h - What a call does, as facts
//----------------------------===//
//
// Models: every call and construction the walk meets. A call of the
// program's own code becomes a call site with its arguments bound as paths
// (so the whole-program stage can follow `this` and parameters into the
// callee). A call the catalog describes becomes what the catalog says: a
// blocking, CPU-heavy or not-thread-safe API use, a spawn of work on other
// threads (with the entry functions, their arguments and the handle that is
// later joined), an executor switch of a coroutine, or a synchronisation
// (SyncCalls.cpp). A call into other library code is an access of the
// object it is called on (a write unless const or non-mutating) and of the
// arguments it takes by reference, and may call the callables it is given
// (an algorithm does; a method of a library object keeps them). A call
// through a function pointer or a callable wrapper is an indirect call with
// the slot it goes through; a virtual call is marked for the class
// hierarchy. Callables passed to parameters of callable type are stored.
//
// Does not model: what library code does beyond its catalogue entry.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_FACTS_CALLMODEL_H
#define CONCUR_FACTS_CALLMODEL_H

#include "facts/AccessRecorder.h"
#include "facts/CallableFlow.h"
#include "facts/Descriptors.h"
#include "facts/FunctionScope.h"

#include "clang/AST/ExprCXX.h"

#include <optional>

namespace concur {
namespace extract {

/// A condition that takes locks when it is true (or false, Negated).
struct TryLock {
  std::vector<HeldLock> Locks;
  /// Threads joined when the call succeeded (a try-join).
  std::vector<AccessPath> Joined;
  bool Negated = false;
};

/// A condition that is true when an object's result is there.
struct ReadyTest {
  AccessPath Object;
  bool Negated = false;
};

/// The kept ids that the owner tests in Body compare with the current
/// thread's (facts/ThreadAffinity.cpp).
/// Is E the current thread's id (pthread_self(), a function every return
/// of which gives it)?
bool isCurrentThreadIdValue(const clang::Expr *E, TranslationUnitFacts &TU);

void findKeptIdReads(const clang::Stmt *Body, TranslationUnitFacts &TU,
                     std::set<const clang::Expr *> &Out);

class CallModel {
public:
  CallModel(FunctionScope &S, AccessRecorder &Recorder, CallableFlow &Flow,
            Descriptors &Fds)
      : S(S), Recorder(Recorder), Flow(Flow), Fds(Fds) {}

  void handleCall(const clang::CallExpr *CE);
  void handleConstruct(const clang::CXXConstructExpr *CE);

  /// A trylock (or a guard's owns_lock) as a branch condition.
  std::optional<TryLock> tryLockIn(const clang::Expr *Cond);
  /// A test of a spawn's status (pthread_create's int) as a branch
  /// condition: "?startfailed" is held on the edge where it failed.
  std::optional<TryLock> startFailureIn(const clang::Expr *E, bool Negated);
  /// The order of the spawn each status-returning start call made.
  const std::map<const clang::Expr *, unsigned> &spawnOrders() const {
    return SpawnOrders;
  }
  /// A test of whether a pointer to a mutex is null, as a branch condition.
  std::optional<TryLock> mutexAbsentIn(const clang::Expr *E, bool Negated);
  /// `if (ops->on_done)`: held where the callable slot was found set.
  std::optional<TryLock> callableSetIn(const clang::Expr *E, bool Negated);
  /// A test that the current thread is the one whose id an object keeps,
  /// as a branch condition (facts/ThreadAffinity.cpp).
  std::optional<TryLock> ownerTestIn(const clang::Expr *E, bool Negated);
  /// After a call to a method that only asserts that the current thread
  /// owns its object: the code holds the object's owner mark.
  void handleOwnerAssertion(const clang::FunctionDecl *Callee,
                            const clang::Expr *Receiver);
  /// A readiness test (f.is_ready()) as a branch condition.
  std::optional<ReadyTest> readinessIn(const clang::Expr *Cond);

  void addJoin(const AccessPath &Handle, const clang::Expr *At);
  /// The program's own destructor of the local VD, run where its scope
  /// ends (CallKind::ScopeEnd).
  void addScopeEndDestructor(const clang::VarDecl *VD,
                             const clang::CXXDestructorDecl *Dtor,
                             const AccessPath &Object);
  /// co_await of coroutine objects kept in Through (a variable, a
  /// container's elements): an indirect call of whatever was stored there.
  void addAwaitThrough(const Slot &Through, const clang::Expr *At);
  /// Calls that made a coroutine object the code then stored (the creating
  /// calls whose results CallableFlow saw kept) are marked so.
  void markStoredCoroutines(llvm::ArrayRef<const clang::Expr *> Made);
  /// A spawn of work: the entry points, arguments and handle of a team of
  /// threads or a thread.
  void addSpawn(Spawn Sp);

private:
  /// "<object>.<fields>?owner": the mark of running on the thread whose id
  /// the object keeps in those fields (Object null: `this`).
  std::optional<AccessPath>
  ownerMarkOf(const clang::Expr *Object,
              llvm::ArrayRef<const clang::FieldDecl *> Fields);
  /// True when the catalog described the call completely.
  bool handleCatalogued(const clang::FunctionDecl *Callee,
                        const CallShape &Shape, const clang::Expr *Call,
                        const clang::Expr *Receiver,
                        llvm::ArrayRef<const clang::Expr *> Args);
  /// The catalog's awaited form of a blocking call made as a statement of
  /// its own in a coroutine whose type has one; empty otherwise.
  std::vector<SourceEdit>
  awaitableRewrite(const CatalogEntry &E, const clang::Expr *Call,
                   llvm::ArrayRef<const clang::Expr *> Args);
  /// Does Arg point to an object allocated by `new` in this execution of
  /// the code that reaches Call: `new T` itself, or a local pointer
  /// initialised so, never assigned again, with no loop between its
  /// declaration and Call?
  bool pointsToFreshAllocation(const clang::Expr *Arg, const clang::Expr *Call);
  bool handedOnBeyondFrame(const clang::VarDecl *VD);
  void handleSpawn(const CatalogEntry &E, const clang::Expr *Call,
                   const clang::Expr *Receiver,
                   llvm::ArrayRef<const clang::Expr *> Args,
                   std::optional<AccessPath> Handle = std::nullopt);
  bool handleInPlaceSpawn(const clang::CallExpr *CE,
                          const clang::Expr *Receiver,
                          llvm::ArrayRef<const clang::Expr *> Args);
  void handleLibraryCall(const clang::FunctionDecl *Callee,
                         const clang::Expr *Receiver,
                         llvm::ArrayRef<const clang::Expr *> Args);
  void handleLibraryArgs(const clang::FunctionDecl *Callee,
                         llvm::ArrayRef<const clang::Expr *> Args);
  void handleIndirect(const clang::CallExpr *CE, const clang::Expr *Through,
                      const clang::FunctionDecl *Operator);
  /// An access, at At, of what Pointer points to.
  void recordPointee(const clang::Expr *Pointer, bool Write,
                     const clang::Expr *At, bool Atomic = false);
  /// A library function that writes or reads what its arguments point to
  /// (memset; memcpy where a project's config says so): an access of those
  /// objects at the call.
  void recordPointeeAccesses(const clang::FunctionDecl *Callee,
                             llvm::ArrayRef<const clang::Expr *> Args);
  void handleUserCall(const clang::CallExpr *CE,
                      const clang::FunctionDecl *Callee,
                      const clang::Expr *Receiver,
                      llvm::ArrayRef<const clang::Expr *> Args);
  bool libraryCallsItsCallables(const clang::FunctionDecl *Callee) const;
  /// A wait that cannot wait: on an object known ready, or with a timeout
  /// of zero.
  bool returnsAtOnce(const CatalogEntry &E, const clang::Expr *Receiver,
                     llvm::ArrayRef<const clang::Expr *> Args);
  void storeLibraryCallables(const clang::FunctionDecl *Callee,
                             const clang::Expr *Receiver,
                             llvm::ArrayRef<const clang::Expr *> Args);
  void addCallbacks(llvm::ArrayRef<const clang::Expr *> Args);
  /// Stores the callables passed to parameters of callable type, and
  /// returns them for the call site.
  std::vector<CallableArg>
  storeArguments(const clang::FunctionDecl *Callee,
                 llvm::ArrayRef<const clang::Expr *> Args);
  /// Copied, when given, tells which arguments are structs passed by value
  /// (bound to the object they copy).
  void bindArguments(const clang::FunctionDecl *Callee,
                     llvm::ArrayRef<const clang::Expr *> Args,
                     std::vector<std::optional<AccessPath>> &Out,
                     std::vector<bool> *Copied = nullptr);
  std::optional<AccessPath> bindOne(const clang::Expr *Arg,
                                    clang::QualType ParamType);
  CallSite makeCall(const clang::Expr *At);
  /// A call site at Loc with the walk's state here (makeCall's, for a call
  /// no expression stands for: a destructor where a scope ends).
  CallSite callHere(SourceLoc Loc);
  /// Where an executor entry (a start or a switch) sends what it runs: its
  /// executor argument's type, its own word, or its receiver's type.
  ExecutionContext contextOf(const CatalogEntry &E, const clang::Expr *Receiver,
                             llvm::ArrayRef<const clang::Expr *> Args,
                             std::optional<AccessPath> *Executor = nullptr);
  /// A call that is (part of) the argument of a start API: co_spawn(io,
  /// coroutine()), sync_wait(coroutine()), coroutine().via(&pool).
  std::optional<StartInfo> startOf(const clang::Expr *Call);
  std::optional<AccessPath> handleFor(const clang::Expr *SpawnExpr);
  CallShape shapeOf(const clang::FunctionDecl *Callee,
                    const clang::Expr *Receiver,
                    llvm::ArrayRef<const clang::Expr *> Args, bool System);

  // Synchronisation (SyncCalls.cpp).
  /// Is the object Arg points to (or is) a struct or union a library
  /// declares (pthread_mutex_t)?
  bool isLibraryObject(const clang::Expr *Arg) const;
  bool handleSync(const CatalogEntry &E, const clang::Expr *Call,
                  const clang::Expr *Receiver,
                  llvm::ArrayRef<const clang::Expr *> Args);
  void handleCapabilityAttributes(const clang::FunctionDecl *Callee,
                                  const clang::Expr *Receiver);
  void handleScopedCapability(const clang::CXXConstructExpr *CE,
                              llvm::ArrayRef<const clang::Expr *> Args);
  std::vector<AccessPath> mutexArgs(llvm::ArrayRef<const clang::Expr *> Args);
  void addSync(const AccessPath &Object, bool Release);
  /// Locks taken by the call being visited (awaited: an asynchronous
  /// mutex's, which no thread blocks on).
  void lock(std::vector<HeldLock> Locks);
  /// A guard variable moved into the call (std::move(lk)): ownership goes
  /// with it.
  /// Returns whether a guard moved.
  bool moveGuards(llvm::ArrayRef<const clang::Expr *> Args,
                  const clang::VarDecl *Into);
  void unlock(const std::vector<AccessPath> &Mutexes) {
    S.Locks.unlock(Mutexes, S.Out.ReleasesOnExit);
  }

  FunctionScope &S;
  AccessRecorder &Recorder;
  CallableFlow &Flow;
  Descriptors &Fds;
  /// The order of the spawn each status-returning start call made.
  std::map<const clang::Expr *, unsigned> SpawnOrders;
  /// The flags set to constants on every path to the call being handled
  /// (FlowState::Stored): a call may change any of them, so the flow
  /// forgets them, but a start records them first. The function's own
  /// static flags it keeps: no callee can name them (a recursive call
  /// could; that is not modelled).
  std::map<std::string, StoredFlag> FlagsAtCall;
  void takeStoredFlags() {
    FlagsAtCall = S.Locks.Now.Stored;
    for (auto It = S.Locks.Now.Stored.begin(); It != S.Locks.Now.Stored.end();)
      It = S.OwnStaticFlags.count(It->first) ? std::next(It)
                                             : S.Locks.Now.Stored.erase(It);
  }
};

} // namespace extract
} // namespace concur

#endif // CONCUR_FACTS_CALLMODEL_H
