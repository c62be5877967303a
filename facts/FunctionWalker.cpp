//===- FunctionWalker.cpp - One function's body reduced to facts ----------===//
//
// Memory model. An access is recorded as a symbolic path (facts/Facts.h)
// when another thread could possibly reach the memory: globals and statics,
// anything reached through `this`, a reference or pointer parameter or a
// dereference, and locals that escape (captured by reference, address taken,
// bound to a non-const reference). Locals that never escape, copies made for
// a lambda, atomics and synchronisation objects are not recorded: no other
// thread can see them, or their own operations are the synchronisation.
//
// Library objects (containers, strings, streams) are not walked into; a call
// of a non-const method counts as a write of the object, a const one as a
// read, and element access (v[i], at, front) as an access to one element.
//
//===----------------------------------------------------------------------===//

#include "facts/FunctionWalker.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/OpenMPKinds.h"

#include <algorithm>

using namespace clang;

namespace concur {
namespace extract {
namespace {

AccessPath thisPath() {
  AccessPath P;
  P.Root = AccessPath::RootKind::This;
  P.RootName = P.Name = "this";
  return P;
}

/// A promise and its future meet on a named channel, not on one object.
AccessPath channelPath(const std::string &Channel) {
  AccessPath P;
  P.Root = AccessPath::RootKind::Global;
  P.RootId = "channel:" + Channel;
  P.RootName = P.Name = Channel;
  return P;
}

void appendStep(AccessPath &P, const std::string &Step) {
  appendPathStep(P.Steps, Step);
}

bool sameObject(const AccessPath &A, const AccessPath &B) {
  return A.Root == B.Root && A.RootId == B.RootId && A.Steps == B.Steps;
}

std::string recordName(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD ? catalogName(RD) : "";
}

bool startsWith(const std::string &S, const char *Prefix) {
  return llvm::StringRef(S).starts_with(Prefix);
}

/// Atomics synchronise by themselves; their operations are sync events.
bool isAtomicType(QualType T) {
  T = T.getNonReferenceType();
  if (T->isAtomicType())
    return true;
  std::string Name = recordName(T);
  return startsWith(Name, "std::atomic") || startsWith(Name, "std::__atomic") ||
         startsWith(Name, "boost::atomic");
}

/// Objects whose methods are the synchronisation itself.
bool isSyncObjectType(QualType T) {
  std::string Name = recordName(T);
  if (Name.empty())
    return false;
  // A library's own lock and thread types, by what they are called: the
  // last part of a class name declared in a system header.
  if (const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl())
    if (RD->getASTContext().getSourceManager().isInSystemHeader(
            RD->getLocation())) {
      std::string Leaf =
          llvm::StringRef(Name.substr(Name.rfind(':') + 1)).lower();
      for (const char *Word :
           {"mutex", "lock", "condition_variable", "semaphore", "latch",
            "barrier", "once_flag", "thread", "future", "promise", "spinlock"})
        if (Leaf.find(Word) != std::string::npos)
          return true;
    }
  static const char *const Prefixes[] = {"std::mutex",
                                         "std::timed_mutex",
                                         "std::recursive_",
                                         "std::shared_mutex",
                                         "std::shared_timed_mutex",
                                         "std::condition_variable",
                                         "std::thread",
                                         "std::jthread",
                                         "std::future",
                                         "std::shared_future",
                                         "std::promise",
                                         "std::packaged_task",
                                         "std::latch",
                                         "std::barrier",
                                         "std::counting_semaphore",
                                         "std::once_flag",
                                         "std::lock_guard",
                                         "std::unique_lock",
                                         "std::scoped_lock",
                                         "std::shared_lock",
                                         "std::stop_token",
                                         "std::stop_source",
                                         "asio::thread_pool",
                                         "asio::io_context",
                                         "boost::asio::thread_pool",
                                         "boost::asio::io_context",
                                         "boost::mutex",
                                         "boost::thread"};
  for (const char *P : Prefixes)
    if (startsWith(Name, P))
      return true;
  return false;
}

bool isSmartPointer(QualType T) {
  std::string Name = recordName(T);
  return Name == "std::shared_ptr" || Name == "std::unique_ptr" ||
         Name == "boost::shared_ptr" || Name == "std::weak_ptr" ||
         Name == "std::__shared_ptr" || Name == "std::__shared_ptr_access";
}

/// The object a smart pointer operation applies to, as written (operator->
/// is declared in a base class, so the argument arrives converted).
const Expr *smartPointerObject(const Expr *E) {
  const Expr *Inner = E->IgnoreParenImpCasts();
  return isSmartPointer(Inner->getType()) ? Inner : nullptr;
}

/// Containers whose operator[] reaches an element without inserting.
bool isElementContainer(const std::string &Name) {
  static const std::set<std::string> Names = {
      "std::vector",       "std::array", "std::deque",
      "std::basic_string", "std::span",  "std::basic_string_view",
      "std::valarray"};
  return Names.count(Name) != 0;
}

/// Containers whose operator[] inserts a missing key: a write.
bool isMapContainer(const std::string &Name) {
  static const std::set<std::string> Names = {
      "std::map", "std::unordered_map", "boost::unordered_map",
      "boost::container::flat_map", "absl::flat_hash_map"};
  return Names.count(Name) != 0;
}

bool isElementAccessor(const std::string &Method) {
  return Method == "operator[]" || Method == "at" || Method == "front" ||
         Method == "back";
}

/// Non-const methods of library classes that do not modify the object
/// (they pick the non-const overload only because the object is not const).
bool isNonMutating(const std::string &Method) {
  static const std::set<std::string> Names = {
      "begin",        "end",         "rbegin",       "rend",
      "cbegin",       "cend",        "crbegin",      "crend",
      "find",         "lower_bound", "upper_bound",  "equal_range",
      "data",         "count",       "contains",     "size",
      "empty",        "length",      "c_str",        "capacity",
      "get",          "operator->",  "operator*",    "operator bool",
      "use_count",    "str",         "get_executor", "max_size",
      "bucket_count", "load_factor", "key_comp",     "value_comp"};
  return Names.count(Method) != 0 || isElementAccessor(Method);
}

/// Library methods that keep a callable for later rather than call it.
bool storesCallable(const std::string &Method) {
  for (const char *Prefix : {"push", "emplace", "insert", "assign", "operator=",
                             "post", "dispatch", "defer", "async_", "set_",
                             "swap", "bind", "connect", "add", "register"})
    if (llvm::StringRef(Method).starts_with(Prefix))
      return true;
  return false;
}

/// Library functions that only pass a reference along.
bool isPassThrough(const std::string &Name) {
  static const std::set<std::string> Names = {
      "std::move",     "std::forward",
      "std::ref",      "std::cref",
      "std::exchange", "std::addressof",
      "std::as_const", "std::move_if_noexcept",
      "std::launder",  "boost::ref",
      "boost::cref"};
  return Names.count(Name) != 0;
}

std::string indexStep(const Expr *Index, const ASTContext &Ctx) {
  if (Index) {
    Expr::EvalResult R;
    if (!Index->isValueDependent() && Index->EvaluateAsInt(R, Ctx))
      return "[" + std::to_string(R.Val.getInt().getExtValue()) + "]";
  }
  return "[]";
}

/// Adjacent bit-fields share one memory location: writing one races with
/// writing its neighbour. The first field of the run names the location.
const FieldDecl *memoryLocationOf(const FieldDecl *Field) {
  if (!Field->isBitField())
    return Field;
  const FieldDecl *First = nullptr;
  for (const FieldDecl *F : Field->getParent()->fields()) {
    if (F == Field)
      return First ? First : Field;
    // A non-bit-field or a zero-width bit-field ends a run.
    if (!F->isBitField() || F->isZeroLengthBitField(F->getASTContext()))
      First = nullptr;
    else if (!First)
      First = F;
  }
  return Field;
}

bool hasCallable(llvm::ArrayRef<const Expr *> Args) {
  for (const Expr *A : Args) {
    std::vector<const FunctionDecl *> Targets;
    callableTargets(A, Targets);
    if (!Targets.empty())
      return true;
  }
  return false;
}

/// A call whose target depends on the dynamic type: a virtual method, not
/// final, called through a pointer or reference without qualification.
bool isVirtualDispatch(const MemberExpr *ME, const CXXMethodDecl *Method,
                       const ASTContext &Ctx) {
  if (!Method || !Method->isVirtual() ||
      !ME->performsVirtualDispatch(Ctx.getLangOpts()))
    return false;
  if (Method->hasAttr<FinalAttr>() || Method->getParent()->hasAttr<FinalAttr>())
    return false;
  // Calling through an object (not a pointer or reference) names its type.
  if (!ME->isArrow())
    if (const auto *DRE =
            dyn_cast<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts()))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (!VD->getType()->isReferenceType())
          return false;
  return true;
}

const VarDecl *referencedVar(const Expr *E) {
  if (!E)
    return nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    return dyn_cast<VarDecl>(DRE->getDecl());
  return nullptr;
}

/// Locals another thread (or a lambda) may reach.
class EscapeFinder : public RecursiveASTVisitor<EscapeFinder> {
public:
  explicit EscapeFinder(std::set<const VarDecl *> &Escaping)
      : Escaping(Escaping) {}

  bool VisitLambdaExpr(LambdaExpr *L) {
    for (const LambdaCapture &C : L->captures())
      if (C.capturesVariable() && C.getCaptureKind() == LCK_ByRef)
        if (const auto *VD = dyn_cast<VarDecl>(C.getCapturedVar()))
          Escaping.insert(VD);
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *U) {
    if (U->getOpcode() == UO_AddrOf)
      mark(U->getSubExpr());
    return true;
  }
  bool VisitCallExpr(CallExpr *CE) {
    if (const FunctionDecl *F = CE->getDirectCallee())
      markArgs(F, llvm::ArrayRef(CE->getArgs(), CE->getNumArgs()),
               isa<CXXOperatorCallExpr>(CE) && isa<CXXMethodDecl>(F));
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    markArgs(CE->getConstructor(),
             llvm::ArrayRef(CE->getArgs(), CE->getNumArgs()), false);
    return true;
  }
  bool VisitVarDecl(VarDecl *VD) {
    // A reference bound to a local makes the local reachable through it.
    if (VD->getType()->isReferenceType() && VD->getInit())
      mark(VD->getInit());
    return true;
  }

private:
  void mark(const Expr *E) {
    if (const VarDecl *VD = referencedVar(E))
      if (VD->isLocalVarDeclOrParm())
        Escaping.insert(VD);
  }
  void markArgs(const FunctionDecl *F, llvm::ArrayRef<const Expr *> Args,
                bool SkipObject) {
    unsigned First = SkipObject ? 1 : 0;
    for (unsigned I = First; I < Args.size(); ++I) {
      unsigned P = I - First;
      if (P >= F->getNumParams())
        break;
      QualType T = F->getParamDecl(P)->getType();
      if (T->isReferenceType() && !T.getNonReferenceType().isConstQualified())
        mark(Args[I]);
    }
  }
  std::set<const VarDecl *> &Escaping;
};

/// Locals a function changes after their initialisation, and the counters
/// declared by its for loops.
class ModificationFinder : public RecursiveASTVisitor<ModificationFinder> {
public:
  ModificationFinder(std::set<const VarDecl *> &Modified,
                     std::set<const VarDecl *> &ForCounters)
      : Modified(Modified), ForCounters(ForCounters) {}
  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->isAssignmentOp())
      mark(B->getLHS());
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *U) {
    if (U->isIncrementDecrementOp())
      mark(U->getSubExpr());
    return true;
  }
  bool VisitForStmt(ForStmt *F) {
    if (const auto *Init = dyn_cast_or_null<DeclStmt>(F->getInit()))
      for (const Decl *D : Init->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          ForCounters.insert(VD);
    return true;
  }

private:
  void mark(const Expr *E) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        Modified.insert(VD);
  }
  std::set<const VarDecl *> &Modified;
  std::set<const VarDecl *> &ForCounters;
};

} // namespace

FunctionWalker::FunctionWalker(TranslationUnitFacts &TU, const FunctionDecl *FD,
                               FunctionFacts &Out)
    : TU(TU), FD(FD), Out(Out) {
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    if (MD->getParent()->isLambda()) {
      llvm::DenseMap<const ValueDecl *, FieldDecl *> Captures;
      FieldDecl *ThisCapture = nullptr;
      MD->getParent()->getCaptureFields(Captures, ThisCapture);
      for (const auto &[Var, Field] : Captures)
        if (Field && !Field->getType()->isReferenceType())
          CopyCaptures.insert(Var);
    }
}

void FunctionWalker::run() {
  collectEscapes();
  // Thread Safety Analysis: REQUIRES(mu) means the caller holds mu here.
  for (const auto *A : FD->specific_attrs<RequiresCapabilityAttr>())
    for (const Expr *Arg : A->args())
      if (auto P = pathOf(Arg))
        State.Held.push_back({*P, A->isShared()});
  Scopes.emplace_back();
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten())
        walk(Init->getInit());
  std::vector<HeldLock> Entry = State.Held;
  walk(FD->getBody());
  Scopes.pop_back();
  // What a lock()/unlock() style function leaves behind for its caller.
  for (const HeldLock &L : State.Held)
    if (std::none_of(Entry.begin(), Entry.end(), [&](const HeldLock &E) {
          return sameObject(E.Mutex, L.Mutex);
        }))
      Out.AcquiresOnExit.push_back(L);
}

void FunctionWalker::runRegion(const Stmt *Body,
                               const std::set<const VarDecl *> &Private) {
  InRegion = true;
  RegionPrivate = Private;
  // What the region declares itself is per thread.
  class LocalFinder : public RecursiveASTVisitor<LocalFinder> {
  public:
    explicit LocalFinder(std::set<const VarDecl *> &Out) : Out(Out) {}
    bool VisitVarDecl(VarDecl *VD) {
      Out.insert(VD);
      return true;
    }
    std::set<const VarDecl *> &Out;
  };
  LocalFinder(RegionLocals).TraverseStmt(const_cast<Stmt *>(Body));
  EscapeFinder Finder(Escaping);
  Finder.TraverseStmt(const_cast<Stmt *>(Body));
  ModificationFinder(Modified, ForCounters)
      .TraverseStmt(const_cast<Stmt *>(Body));
  Scopes.emplace_back();
  walk(Body);
  Scopes.pop_back();
}

void FunctionWalker::walkOpenMP(const OMPExecutableDirective *D) {
  // The associated statement, inside however many captured regions the
  // directive (or a combined one, parallel for) wraps it in.
  const Stmt *Body = D->hasAssociatedStmt() ? D->getAssociatedStmt() : nullptr;
  while (const auto *Captured = dyn_cast_or_null<CapturedStmt>(Body))
    Body = Captured->getCapturedStmt();
  if (isOpenMPParallelDirective(D->getDirectiveKind()) && Body) {
    // A team of threads runs the region, joined at its end.
    std::set<const VarDecl *> Private;
    for (const OMPClause *C : D->clauses()) {
      auto AddAll = [&](auto Vars) {
        for (const Expr *E : Vars)
          if (const VarDecl *VD = referencedVar(E))
            Private.insert(VD);
      };
      if (const auto *P = dyn_cast<OMPPrivateClause>(C))
        AddAll(P->varlists());
      else if (const auto *FP = dyn_cast<OMPFirstprivateClause>(C))
        AddAll(FP->varlists());
      else if (const auto *LP = dyn_cast<OMPLastprivateClause>(C))
        AddAll(LP->varlists());
      else if (const auto *R = dyn_cast<OMPReductionClause>(C))
        AddAll(R->varlists());
    }
    if (const auto *Loop = dyn_cast<OMPLoopDirective>(D))
      for (const Expr *Counter : Loop->counters())
        if (const VarDecl *VD = referencedVar(Counter))
          Private.insert(VD);
    SourceLoc Loc = TU.loc(D->getBeginLoc());
    std::string Where = Loc.File.substr(Loc.File.rfind('/') + 1) + ":" +
                        std::to_string(Loc.Line);
    std::string Id = TU.usr(FD) + "@omp:" + Loc.File + ":" +
                     std::to_string(Loc.Line) + ":" +
                     std::to_string(Loc.Column);
    std::string Name = "omp parallel region at " + Where;
    TU.analyseRegion(FD, Body, Id, Name, Loc, Private);
    Spawn Sp;
    Sp.Api = "#pragma omp parallel";
    Sp.Model = "openmp";
    Sp.Loc = Loc;
    Sp.LoopDepth = LoopDepth;
    Sp.EntryIds.push_back(Id);
    Sp.EntryNames.push_back(Name);
    Sp.This = thisPath();
    // The region sees the enclosing function's parameters as they are.
    for (unsigned I = 0; I < FD->getNumParams(); ++I) {
      AccessPath Param;
      Param.Root = AccessPath::RootKind::Param;
      Param.RootId = std::to_string(I);
      Param.RootName = FD->getParamDecl(I)->getNameAsString();
      Param.Name = TU.displayName(FD) + "::" + Param.RootName;
      Sp.Args.push_back(Param);
    }
    AccessPath Team = channelPath("omp:" + Id);
    Sp.Handle = Team;
    Sp.Order = Order++;
    Out.Spawns.push_back(std::move(Sp));
    addJoin(Team, nullptr);
    return;
  }
  if (const auto *Critical = dyn_cast<OMPCriticalDirective>(D)) {
    AccessPath Lock = channelPath("omp-critical:" +
                                  Critical->getDirectiveName().getAsString());
    Lock.Name = "omp critical";
    lock({{Lock, false}});
    walk(Body);
    unlock({Lock});
    return;
  }
  if (isa<OMPAtomicDirective>(D)) {
    bool Was = InAtomic;
    InAtomic = true;
    walk(Body);
    InAtomic = Was;
    return;
  }
  walk(Body);
}

void FunctionWalker::collectEscapes() {
  EscapeFinder Finder(Escaping);
  Finder.TraverseStmt(FD->getBody());
  ModificationFinder(Modified, ForCounters).TraverseStmt(FD->getBody());
}

//===-- Flow
//---------------------------------------------------------------===//

FunctionWalker::FlowState FunctionWalker::join(const FlowState &A,
                                               const FlowState &B) {
  FlowState R;
  R.OffLoop = A.OffLoop && B.OffLoop;
  for (const HeldLock &L : A.Held)
    if (std::any_of(B.Held.begin(), B.Held.end(), [&](const HeldLock &M) {
          return M.Shared == L.Shared && sameObject(M.Mutex, L.Mutex);
        }))
      R.Held.push_back(L);
  return R;
}

bool FunctionWalker::fallsThrough(const Stmt *S) {
  if (!S)
    return true;
  if (isa<ReturnStmt, BreakStmt, ContinueStmt, CoreturnStmt, GotoStmt>(S))
    return false;
  if (const auto *C = dyn_cast<CompoundStmt>(S))
    return C->body_empty() || fallsThrough(C->body_back());
  if (const auto *E = dyn_cast<Expr>(S)) {
    E = E->IgnoreImplicit();
    if (isa<CXXThrowExpr>(E))
      return false;
    if (const auto *CE = dyn_cast<CallExpr>(E))
      if (const FunctionDecl *F = CE->getDirectCallee())
        if (F->isNoReturn())
          return false;
  }
  return true;
}

void FunctionWalker::walkChildren(const Stmt *S) {
  for (const Stmt *Child : S->children())
    walk(Child);
}

/// How many times a loop runs: its constant bound when it has one
/// (for (i = 0; i < 4096; ++i), a range over a fixed array), else a default
/// that stands for "many".
double FunctionWalker::tripsOf(const Stmt *Loop) const {
  constexpr double Unknown = 100;
  auto Constant = [&](const Expr *E) -> std::optional<double> {
    Expr::EvalResult R;
    if (E && !E->isValueDependent() &&
        E->IgnoreParenImpCasts()->EvaluateAsInt(R, TU.Ctx))
      return std::abs(static_cast<double>(R.Val.getInt().getExtValue()));
    return std::nullopt;
  };
  if (const auto *F = dyn_cast<ForStmt>(Loop)) {
    const auto *Cond = dyn_cast_or_null<BinaryOperator>(
        F->getCond() ? F->getCond()->IgnoreParenImpCasts() : nullptr);
    if (Cond && Cond->isComparisonOp()) {
      std::optional<double> Bound = Constant(Cond->getRHS());
      if (!Bound)
        Bound = Constant(Cond->getLHS());
      // The start, when the loop variable is declared with a constant.
      double Start = 0;
      if (const auto *Init = dyn_cast_or_null<DeclStmt>(F->getInit()))
        if (Init->isSingleDecl())
          if (const auto *VD = dyn_cast<VarDecl>(Init->getSingleDecl()))
            if (auto Value = Constant(VD->getInit()))
              Start = *Value;
      if (Bound)
        return std::clamp(std::abs(*Bound - Start), 1.0, 1e9);
    }
    return Unknown;
  }
  // while (n > 0) { --n; } with n starting from a constant: that many.
  const Expr *WhileCond = nullptr;
  if (const auto *W = dyn_cast<WhileStmt>(Loop))
    WhileCond = W->getCond();
  else if (const auto *D = dyn_cast<DoStmt>(Loop))
    WhileCond = D->getCond();
  if (const auto *Cond = dyn_cast_or_null<BinaryOperator>(
          WhileCond ? WhileCond->IgnoreParenImpCasts() : nullptr))
    if (Cond->isComparisonOp())
      for (auto [Var, Limit] : {std::pair(Cond->getLHS(), Cond->getRHS()),
                                std::pair(Cond->getRHS(), Cond->getLHS())})
        if (const auto *VD = referencedVar(Var))
          if (VD->isLocalVarDecl() && VD->getInit())
            if (auto Start = Constant(VD->getInit()))
              if (auto End = Constant(Limit))
                return std::clamp(std::abs(*Start - *End), 1.0, 1e9);
  if (const auto *R = dyn_cast<CXXForRangeStmt>(Loop))
    if (R->getRangeInit())
      if (const auto *Array = TU.Ctx.getAsConstantArrayType(
              R->getRangeInit()->getType().getNonReferenceType()))
        return std::clamp(static_cast<double>(Array->getSize().getZExtValue()),
                          1.0, 1e9);
  return Unknown;
}

void FunctionWalker::walkLoop(const Stmt *Loop, const Stmt *Body,
                              std::initializer_list<const Stmt *> Conditions) {
  bool OffBefore = State.OffLoop;
  double TripsBefore = TripProduct;
  TripProduct = std::min(TripProduct * tripsOf(Loop), 1e12);
  ++Out.Loops;
  ++LoopDepth;
  Out.MaxLoopDepth = std::max(Out.MaxLoopDepth, LoopDepth);
  bool WasCondition = InLoopCondition;
  InLoopCondition = true;
  for (const Stmt *C : Conditions)
    walk(C);
  InLoopCondition = WasCondition;
  walk(Body);
  --LoopDepth;
  TripProduct = TripsBefore;
  // The body may run zero times: a switch inside it is not certain after.
  State.OffLoop = OffBefore;
}

void FunctionWalker::walkIf(const IfStmt *If) {
  // if constexpr: only the branch that is compiled runs.
  if (If->isConstexpr() && !If->getCond()->isValueDependent()) {
    if (std::optional<const Stmt *> Taken = If->getNondiscardedCase(TU.Ctx)) {
      walk(If->getInit());
      walk(*Taken);
      return;
    }
  }
  // Variables of the init-statement (a guard) live until the if ends.
  Scopes.emplace_back();
  walkIfBody(If);
  closeScope();
}

void FunctionWalker::walkIfBody(const IfStmt *If) {
  walk(If->getInit());
  walk(If->getConditionVariableDeclStmt());
  bool WasCondition = InLoopCondition;
  InLoopCondition = false;
  walk(If->getCond());
  InLoopCondition = WasCondition;
  std::optional<TryLock> Try = tryLockIn(If->getCond());

  FlowState Before = State;
  if (Try && !Try->Negated)
    lock(Try->Locks);
  walk(If->getThen());
  FlowState AfterThen = State;
  State = Before;
  if (Try && Try->Negated)
    lock(Try->Locks);
  walk(If->getElse());
  FlowState AfterElse = State;

  bool ThenContinues = fallsThrough(If->getThen());
  bool ElseContinues = !If->getElse() || fallsThrough(If->getElse());
  if (!ThenContinues && ElseContinues)
    State = AfterElse;
  else if (ThenContinues && !ElseContinues)
    State = AfterThen;
  else
    State = join(AfterThen, AfterElse);
}

void FunctionWalker::walkCompound(const CompoundStmt *C) {
  Scopes.emplace_back();
  for (const Stmt *Child : C->body()) {
    if (const auto *E = dyn_cast<Expr>(Child))
      DiscardedCalls.insert(skipWrappers(E));
    walk(Child);
  }
  closeScope();
}

void FunctionWalker::closeScope() {
  // Leaving the scope: guards that still hold unlock, jthreads join.
  std::vector<const VarDecl *> Vars = std::move(Scopes.back());
  Scopes.pop_back();
  for (auto It = Vars.rbegin(); It != Vars.rend(); ++It) {
    const VarDecl *VD = *It;
    auto G = Guards.find(VD);
    if (G != Guards.end()) {
      if (G->second.Held)
        unlock(G->second.Mutexes);
      Guards.erase(G);
      continue;
    }
    if (auto P = varPath(VD)) {
      addJoin(*P, nullptr);
      AccessPath Elements = *P;
      appendStep(Elements, "[]");
      addJoin(Elements, nullptr);
    }
  }
}

void FunctionWalker::walkDecl(const VarDecl *VD) {
  const Expr *Init = VD->getInit();
  if (Init) {
    if (auto P = varPath(VD))
      Handles[skipWrappers(Init)] = *P;
    const VarDecl *Saved = CurrentDecl;
    CurrentDecl = VD;
    walk(Init);
    CurrentDecl = Saved;
    QualType T = VD->getType();
    if (T->isReferenceType()) {
      if (auto P = pathOf(Init))
        ReferenceAliases[VD] = *P;
    } else if (T->isPointerType()) {
      if (auto P = pointerValueOf(Init))
        PointerValues[VD] = *P;
    } else if (isSmartPointer(T) && Init->isGLValue()) {
      if (auto P = pathOf(Init))
        PointerValues[VD] = *P;
    } else if (isSmartPointer(T)) {
      if (const auto *Ctor = dyn_cast<CXXConstructExpr>(skipWrappers(Init)))
        if (Ctor->getNumArgs() == 1)
          if (auto P = pathOf(Ctor->getArg(0)))
            PointerValues[VD] = *P;
    }
  }
  // A jthread (or a container of them) joins when its scope ends.
  std::string Type = recordName(VD->getType());
  bool JoinsAtScopeEnd = Type == "std::jthread";
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          VD->getType()->getAsCXXRecordDecl()))
    for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
      if (Arg.getKind() == TemplateArgument::Type &&
          recordName(Arg.getAsType()) == "std::jthread")
        JoinsAtScopeEnd = true;
  if (JoinsAtScopeEnd && !Scopes.empty() && !VD->hasGlobalStorage())
    Scopes.back().push_back(VD);
}

void FunctionWalker::walkAwait(const Expr *Operand) {
  Out.Awaits += TripProduct;
  const Expr *Inner = skipWrappers(Operand);
  AwaitedCalls.insert(Inner);
  walk(Operand);
  // Everything after an awaited switch runs on the other executor.
  if (PendingAwait == Inner)
    State.OffLoop = true;
  PendingAwait = nullptr;
}

void FunctionWalker::walkAssignment(const Expr *LHS, const Expr *RHS) {
  if (auto P = pathOf(LHS))
    Handles[skipWrappers(RHS)] = *P;
  walk(RHS);
  walk(LHS);
  record(LHS, /*Write=*/true);
  // A local pointer now points where the right-hand side points.
  if (const VarDecl *VD = referencedVar(LHS))
    if (VD->getType()->isPointerType() && !VD->hasGlobalStorage()) {
      if (auto Value = pointerValueOf(RHS))
        PointerValues[VD] = *Value;
      else
        PointerValues.erase(VD);
    }
}

void FunctionWalker::walk(const Stmt *S) {
  if (!S)
    return;
  // The static work estimate: arithmetic and memory operations, weighted by
  // how often their loops run.
  if (isa<BinaryOperator, ArraySubscriptExpr>(S) ||
      (isa<UnaryOperator>(S) &&
       cast<UnaryOperator>(S)->getOpcode() != UO_AddrOf))
    Out.Ops += TripProduct;
  if (const auto *Directive = dyn_cast<OMPExecutableDirective>(S)) {
    walkOpenMP(Directive);
    return;
  }
  switch (S->getStmtClass()) {
  case Stmt::LambdaExprClass: {
    // The lambda's body is its own function; only init-captures run here.
    const auto *L = cast<LambdaExpr>(S);
    for (const LambdaCapture &C : L->captures())
      if (C.capturesVariable() && C.getCapturedVar())
        if (const auto *VD = dyn_cast<VarDecl>(C.getCapturedVar()))
          if (VD->isInitCapture())
            walk(VD->getInit());
    return;
  }
  case Stmt::CoroutineBodyStmtClass:
    walk(cast<CoroutineBodyStmt>(S)->getBody());
    return;
  case Stmt::CoawaitExprClass:
    walkAwait(cast<CoawaitExpr>(S)->getOperand());
    return;
  case Stmt::CoyieldExprClass:
    walkAwait(cast<CoyieldExpr>(S)->getOperand());
    return;
  case Stmt::CoreturnStmtClass:
    walk(cast<CoreturnStmt>(S)->getOperand());
    return;
  case Stmt::ReturnStmtClass: {
    const Expr *Value = cast<ReturnStmt>(S)->getRetValue();
    walk(Value);
    QualType Ret = FD->getReturnType();
    if (Value && !Out.Returns) {
      if (Ret->isReferenceType())
        Out.Returns = pathOf(Value);
      else if (Ret->isPointerType())
        Out.Returns = pointerValueOf(Value);
    }
    return;
  }
  case Stmt::UnaryExprOrTypeTraitExprClass:
  case Stmt::CXXNoexceptExprClass:
  case Stmt::RequiresExprClass:
  case Stmt::ConceptSpecializationExprClass:
  case Stmt::CXXTypeidExprClass:
  case Stmt::DependentCoawaitExprClass:
  case Stmt::DeclRefExprClass:
    return; // Unevaluated, dependent, or only an lvalue: nothing runs.
  case Stmt::ForStmtClass: {
    const auto *F = cast<ForStmt>(S);
    Scopes.emplace_back();
    walk(F->getInit());
    walkLoop(F, F->getBody(), {F->getCond(), F->getInc()});
    closeScope();
    return;
  }
  case Stmt::WhileStmtClass: {
    const auto *W = cast<WhileStmt>(S);
    walkLoop(W, W->getBody(),
             {W->getConditionVariableDeclStmt(), W->getCond()});
    return;
  }
  case Stmt::DoStmtClass: {
    const auto *D = cast<DoStmt>(S);
    walkLoop(D, D->getBody(), {D->getCond()});
    return;
  }
  case Stmt::CXXForRangeStmtClass: {
    const auto *F = cast<CXXForRangeStmt>(S);
    walk(F->getInit());
    walk(F->getRangeInit());
    // The loop variable names an element of the range.
    if (const VarDecl *LoopVar = F->getLoopVariable())
      if (auto Range = pathOf(F->getRangeInit())) {
        appendStep(*Range, "[]");
        if (LoopVar->getType()->isReferenceType())
          ReferenceAliases[LoopVar] = *Range;
      }
    // A loop variable that is a copy reads every element.
    if (const VarDecl *LoopVar = F->getLoopVariable())
      if (!LoopVar->getType()->isReferenceType() && F->getRangeInit() &&
          F->getRangeInit()->isGLValue() &&
          !isAtomicType(F->getRangeInit()->getType()))
        if (auto Range = pathOf(F->getRangeInit())) {
          appendStep(*Range, "[]");
          recordPath(*Range, /*Write=*/false, F->getRangeInit());
        }
    walkLoop(F, F->getBody(), {});
    return;
  }
  case Stmt::IfStmtClass:
    walkIf(cast<IfStmt>(S));
    return;
  case Stmt::SwitchStmtClass: {
    const auto *Sw = cast<SwitchStmt>(S);
    Scopes.emplace_back();
    walk(Sw->getInit());
    walk(Sw->getCond());
    FlowState Before = State;
    walk(Sw->getBody());
    State = join(Before, State);
    closeScope();
    return;
  }
  case Stmt::CXXTryStmtClass: {
    const auto *T = cast<CXXTryStmt>(S);
    FlowState Before = State;
    walk(T->getTryBlock());
    FlowState After = State;
    for (unsigned I = 0; I < T->getNumHandlers(); ++I) {
      State = Before;
      walk(T->getHandler(I));
      After = join(After, State);
    }
    State = After;
    return;
  }
  case Stmt::CompoundStmtClass:
    walkCompound(cast<CompoundStmt>(S));
    return;
  case Stmt::DeclStmtClass:
    for (const Decl *D : cast<DeclStmt>(S)->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        walkDecl(VD);
    return;
  case Stmt::BinaryOperatorClass:
  case Stmt::CompoundAssignOperatorClass: {
    const auto *B = cast<BinaryOperator>(S);
    if (B->isAssignmentOp()) {
      walkAssignment(B->getLHS(), B->getRHS());
      return;
    }
    break;
  }
  case Stmt::UnaryOperatorClass: {
    const auto *U = cast<UnaryOperator>(S);
    walkChildren(U);
    if (U->isIncrementDecrementOp())
      record(U->getSubExpr(), /*Write=*/true);
    return;
  }
  case Stmt::ImplicitCastExprClass: {
    const auto *C = cast<ImplicitCastExpr>(S);
    walkChildren(C);
    if (C->getCastKind() == CK_LValueToRValue)
      record(C->getSubExpr(), /*Write=*/false);
    return;
  }
  case Stmt::CXXOperatorCallExprClass:
  case Stmt::CXXMemberCallExprClass: {
    // Where a started thread or future is kept, for matching its join.
    const auto *CE = cast<CallExpr>(S);
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee)
      break;
    std::string Name = Callee->getNameAsString();
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE)) {
      if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2)
        if (auto P = pathOf(OC->getArg(0)))
          Handles[skipWrappers(OC->getArg(1))] = *P;
    } else if (Name == "push_back" || Name == "emplace_back" ||
               Name == "push_front" || Name == "emplace_front" ||
               Name == "insert" || Name == "emplace" || Name == "push") {
      if (auto P = objectOf(
              cast<CXXMemberCallExpr>(CE)->getImplicitObjectArgument())) {
        appendStep(*P, "[]");
        for (const Expr *A : CE->arguments())
          Handles[skipWrappers(A)] = *P;
      }
    }
    break;
  }
  default:
    break;
  }
  walkChildren(S);
  if (const auto *CE = dyn_cast<CallExpr>(S))
    handleCall(CE);
  else if (const auto *Ctor = dyn_cast<CXXConstructExpr>(S))
    handleConstruct(Ctor);
}

//===-- Locks and ordering -----------------------------------------------===//

void FunctionWalker::lock(const std::vector<HeldLock> &Locks) {
  for (const HeldLock &L : Locks)
    State.Held.push_back(L);
}

void FunctionWalker::unlock(const std::vector<AccessPath> &Mutexes) {
  for (const AccessPath &M : Mutexes) {
    auto It =
        std::find_if(State.Held.rbegin(), State.Held.rend(),
                     [&](const HeldLock &L) { return sameObject(L.Mutex, M); });
    if (It != State.Held.rend())
      State.Held.erase(std::next(It).base());
    else if (std::none_of(
                 Out.ReleasesOnExit.begin(), Out.ReleasesOnExit.end(),
                 [&](const AccessPath &R) { return sameObject(R, M); }))
      Out.ReleasesOnExit.push_back(M); // Taken by whoever called us.
  }
}

/// A class the catalog says synchronises internally (a concurrent queue),
/// or one derived from such a class.
bool FunctionWalker::isThreadSafeType(QualType T) {
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD)
    return false;
  auto Known = ThreadSafeTypes.find(RD);
  if (Known != ThreadSafeTypes.end())
    return Known->second;
  CallShape Shape;
  Shape.Names.push_back(catalogName(RD));
  if (RD->hasDefinition())
    RD->forallBases([&](const CXXRecordDecl *Base) {
      Shape.Names.push_back(catalogName(Base));
      return true;
    });
  return ThreadSafeTypes[RD] = TU.Cat.match(Shape, "thread-safe") != nullptr;
}

void FunctionWalker::addGuard(const VarDecl *Var, Guard G, bool Locks) {
  if (Locks) {
    lock(G.locks());
    G.Held = true;
  }
  Guards[Var] = std::move(G);
  if (!Scopes.empty())
    Scopes.back().push_back(Var);
}

void FunctionWalker::addSync(const AccessPath &Object, bool Release) {
  Out.Syncs.push_back({Object, Release, Order++});
}

void FunctionWalker::addJoin(const AccessPath &Handle, const Expr *At) {
  JoinEvent J;
  J.Handle = Handle;
  J.Order = Order++;
  if (At)
    J.Loc = TU.loc(At->getExprLoc());
  Out.Joins.push_back(std::move(J));
}

std::vector<AccessPath>
FunctionWalker::mutexArgs(llvm::ArrayRef<const Expr *> Args) {
  std::vector<AccessPath> Mutexes;
  for (const Expr *A : Args) {
    std::string Type = recordName(A->getType());
    if (Type.empty() || Type == "std::defer_lock_t" ||
        Type == "std::try_to_lock_t" || Type == "std::adopt_lock_t" ||
        startsWith(Type, "std::chrono"))
      continue;
    if (auto P = pathOf(A))
      Mutexes.push_back(*P);
  }
  return Mutexes;
}

std::optional<FunctionWalker::TryLock>
FunctionWalker::tryLockIn(const Expr *Cond) {
  if (!Cond)
    return std::nullopt;
  bool Negated = false;
  const Expr *E = Cond->IgnoreParenImpCasts();
  while (true) {
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && U->getOpcode() == UO_LNot) {
      Negated = !Negated;
      E = U->getSubExpr()->IgnoreParenImpCasts();
      continue;
    }
    // pthread_mutex_trylock(&m) == 0 means success.
    if (const auto *B = dyn_cast<BinaryOperator>(E);
        B && (B->getOpcode() == BO_EQ || B->getOpcode() == BO_NE)) {
      Expr::EvalResult R;
      const Expr *Rhs = B->getRHS()->IgnoreParenImpCasts();
      // "x == 0" is "!x"; "x != 0" is "x".
      if (Rhs->EvaluateAsInt(R, TU.Ctx) && R.Val.getInt() == 0) {
        if (B->getOpcode() == BO_EQ)
          Negated = !Negated;
        E = B->getLHS()->IgnoreParenImpCasts();
        continue;
      }
    }
    break;
  }
  const auto *CE = dyn_cast<CallExpr>(E);
  if (!CE || !CE->getDirectCallee())
    return std::nullopt;
  const FunctionDecl *Callee = CE->getDirectCallee();
  const Expr *Receiver = nullptr;
  std::vector<const Expr *> Args;
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE))
    Receiver = MCE->getImplicitObjectArgument();
  for (const Expr *A : CE->arguments())
    Args.push_back(A);
  CallShape Shape;
  Shape.Names.push_back(catalogName(Callee));
  if (Receiver)
    if (const CXXRecordDecl *RD = recordOf(Receiver->getType()))
      Shape.Names.insert(Shape.Names.begin(),
                         catalogName(RD) + "::" + Callee->getNameAsString());
  ShapeBuilder Builder;
  for (const Expr *A : Args)
    Shape.ArgTokens.push_back(Builder.argTokens(A));
  const CatalogEntry *E2 = TU.Cat.match(Shape, "sync");
  if (!E2)
    return std::nullopt;
  TryLock T;
  // A trylock returning int reports success as zero: "if (trylock(&m))" is
  // the failure branch.
  bool ReturnsInt = Callee->getReturnType()->isIntegerType() &&
                    !Callee->getReturnType()->isBooleanType();
  T.Negated = ReturnsInt ? !Negated : Negated;
  if (E2->Op == "try-lock" || E2->Op == "try-lock-shared") {
    std::optional<AccessPath> Obj;
    if (Receiver)
      Obj = objectOf(Receiver);
    else if (!Args.empty()) {
      Obj = pointerValueOf(Args[0]);
      if (Obj)
        appendStep(*Obj, "*");
    }
    if (!Obj)
      return std::nullopt;
    T.Locks.push_back({*Obj, E2->Op == "try-lock-shared"});
    return T;
  }
  if (E2->Op == "guard-owns") {
    auto G = Guards.find(referencedVar(Receiver));
    if (G == Guards.end())
      return std::nullopt;
    T.Locks = G->second.locks();
    return T;
  }
  return std::nullopt;
}

//===-- Calls ------------------------------------------------------------===//

CallSite FunctionWalker::makeCall(const Expr *At) {
  CallSite C;
  C.Loc = TU.loc(At->getExprLoc());
  C.LoopDepth = LoopDepth;
  C.Trips = TripProduct;
  C.OffLoop = State.OffLoop;
  C.Order = Order++;
  C.Locks = State.Held;
  CallOrders[skipWrappers(At)] = C.Order;
  return C;
}

void FunctionWalker::addCallbacks(llvm::ArrayRef<const Expr *> Args) {
  for (const Expr *A : Args) {
    std::vector<const FunctionDecl *> Targets;
    callableTargets(A, Targets);
    for (const FunctionDecl *Target : Targets) {
      if (TU.inSystemHeader(Target->getLocation()))
        continue;
      CallSite C = makeCall(A);
      C.Kind = CallKind::Callback;
      C.CalleeId = TU.usr(Target);
      C.CalleeName = TU.displayName(Target);
      if (const auto *MD = dyn_cast<CXXMethodDecl>(Target))
        if (MD->getParent()->isLambda())
          C.This = thisPath();
      Out.Calls.push_back(std::move(C));
    }
  }
}

std::optional<AccessPath> FunctionWalker::bindOne(const Expr *Arg,
                                                  QualType ParamType) {
  if (!Arg)
    return std::nullopt;
  // std::ref(x) hands over x itself.
  if (const auto *CE = dyn_cast<CallExpr>(skipWrappers(Arg)))
    if (const FunctionDecl *F = CE->getDirectCallee()) {
      std::string Name = catalogName(F);
      if ((Name == "std::ref" || Name == "std::cref" || Name == "boost::ref") &&
          CE->getNumArgs() == 1)
        return pathOf(CE->getArg(0));
    }
  if (!ParamType.isNull() && ParamType->isReferenceType())
    return pathOf(Arg);
  QualType T = Arg->getType();
  if (T->isPointerType())
    return pointerValueOf(Arg);
  if (isSmartPointer(T))
    return pointerValueOf(Arg);
  return std::nullopt;
}

void FunctionWalker::bindArguments(
    const FunctionDecl *Callee, llvm::ArrayRef<const Expr *> Args,
    std::vector<std::optional<AccessPath>> &Out) {
  for (unsigned I = 0; I < Callee->getNumParams() && I < Args.size(); ++I)
    Out.push_back(bindOne(Args[I], Callee->getParamDecl(I)->getType()));
}

std::optional<AccessPath> FunctionWalker::handleFor(const Expr *SpawnExpr) {
  auto It = Handles.find(skipWrappers(SpawnExpr));
  if (It == Handles.end())
    return std::nullopt;
  return It->second;
}

void FunctionWalker::handleSpawn(const CatalogEntry &E, const Expr *Call,
                                 const Expr *Receiver,
                                 llvm::ArrayRef<const Expr *> Args) {
  Spawn Sp;
  Sp.Api = E.Names.front();
  Sp.Model = E.Model;
  Sp.Loc = TU.loc(Call->getExprLoc());
  Sp.LoopDepth = LoopDepth;

  // The callable, and the arguments it will be called with after it.
  int CallableIndex = -1;
  std::vector<const FunctionDecl *> Targets;
  for (unsigned I = 0; I < Args.size(); ++I) {
    if (!E.CallableArgs.empty() &&
        std::find(E.CallableArgs.begin(), E.CallableArgs.end(), I) ==
            E.CallableArgs.end())
      continue;
    std::vector<const FunctionDecl *> Found;
    callableTargets(Args[I], Found);
    if (Found.empty())
      continue;
    if (CallableIndex < 0)
      CallableIndex = static_cast<int>(I);
    Targets.insert(Targets.end(), Found.begin(), Found.end());
  }
  for (const FunctionDecl *T : Targets) {
    Sp.EntryIds.push_back(TU.usr(T));
    Sp.EntryNames.push_back(TU.displayName(T));
  }

  if (!Targets.empty()) {
    const FunctionDecl *Target = Targets.front();
    std::vector<const Expr *> Rest;
    if (Sp.Api == "pthread_create" || Sp.Api == "thrd_create") {
      // pthread_create(&t, attr, fn, arg): fn(arg).
      if (Args.size() > 3)
        Rest.push_back(Args[3]);
      else if (Sp.Api == "thrd_create" && Args.size() > 2)
        Rest.push_back(Args[2]);
    } else {
      for (unsigned I = CallableIndex + 1; I < Args.size(); ++I)
        Rest.push_back(Args[I]);
    }
    const auto *Method = dyn_cast<CXXMethodDecl>(Target);
    if (Method && Method->getParent()->isLambda()) {
      Sp.This = thisPath();
    } else if (Method && !Method->isStatic() && !Rest.empty()) {
      // std::thread(&Server::run, this): the object comes first.
      const Expr *Object = Rest.front();
      Rest.erase(Rest.begin());
      if (Object->getType()->isPointerType())
        Sp.This = pointerValueOf(Object);
      else
        Sp.This = bindOne(Object, QualType());
      if (Sp.This && !Object->getType()->isPointerType() &&
          !isSmartPointer(Object->getType()))
        appendStep(*Sp.This, "&");
    }
    // Arguments of a new thread are copies unless wrapped in std::ref or
    // pointers: a reference parameter binds to the copy, not the original.
    for (const Expr *A : Rest)
      Sp.Args.push_back(bindOne(A, QualType()));
  }

  Sp.Handle = handleFor(Call);
  if (!Sp.Handle) {
    if ((Sp.Api == "pthread_create" || Sp.Api == "thrd_create") &&
        !Args.empty()) {
      Sp.Handle = pointerValueOf(Args[0]);
      if (Sp.Handle)
        appendStep(*Sp.Handle, "*");
    } else if (Receiver) {
      Sp.Handle = objectOf(Receiver);
    } else if ((Sp.Model == "pool" || Sp.Model == "executor") &&
               !Args.empty()) {
      Sp.Handle = pathOf(Args[0]);
    }
  }
  Sp.Order = Order++;
  Out.Spawns.push_back(std::move(Sp));
}

bool FunctionWalker::handleSync(const CatalogEntry &E, const Expr *Call,
                                const Expr *Receiver,
                                llvm::ArrayRef<const Expr *> Args) {
  std::optional<AccessPath> Object;
  if (!E.Channel.empty()) {
    Object = channelPath(E.Channel);
  } else if (Receiver) {
    Object = objectOf(Receiver);
  } else if (!Args.empty()) {
    if (Args[0]->getType()->isPointerType()) {
      Object = pointerValueOf(Args[0]);
      if (Object)
        appendStep(*Object, "*");
    } else {
      Object = pathOf(Args[0]);
    }
  }
  const std::string &Op = E.Op;
  if (Op == "lock" || Op == "lock-shared") {
    if (Object)
      lock({{*Object, Op == "lock-shared"}});
  } else if (Op == "unlock" || Op == "unlock-shared") {
    if (Object)
      unlock({*Object});
  } else if (Op == "lock-all") {
    // std::lock(a, b) takes mutexes, or deferred guards that then own them.
    std::vector<const Expr *> Mutexes;
    for (const Expr *A : Args) {
      auto G = Guards.find(referencedVar(A));
      if (G == Guards.end()) {
        Mutexes.push_back(A);
      } else if (!G->second.Held) {
        lock(G->second.locks());
        G->second.Held = true;
      }
    }
    std::vector<HeldLock> Locks;
    for (const AccessPath &M : mutexArgs(Mutexes))
      Locks.push_back({M, false});
    lock(Locks);
  } else if (Op == "guard" || Op == "guard-shared" || Op == "guard-deferred") {
    if (CurrentDecl && CurrentDecl->getInit() &&
        skipWrappers(CurrentDecl->getInit()) == skipWrappers(Call)) {
      Guard G;
      G.Mutexes = mutexArgs(Args);
      G.Shared = Op == "guard-shared" ||
                 recordName(CurrentDecl->getType()) == "std::shared_lock";
      addGuard(CurrentDecl, std::move(G), Op != "guard-deferred");
    }
  } else if (Op == "guard-lock" || Op == "guard-unlock") {
    auto G = Guards.find(referencedVar(Receiver));
    if (G != Guards.end()) {
      if (Op == "guard-lock" && !G->second.Held) {
        lock(G->second.locks());
        G->second.Held = true;
      } else if (Op == "guard-unlock" && G->second.Held) {
        unlock(G->second.Mutexes);
        G->second.Held = false;
      }
    }
  } else if (Op == "release") {
    if (Object)
      addSync(*Object, true);
  } else if (Op == "acquire") {
    if (Object)
      addSync(*Object, false);
  } else if (Op == "release-acquire") {
    if (Object) {
      addSync(*Object, false);
      addSync(*Object, true);
    }
  } else if (Op == "test-and-set") {
    // while (flag.test_and_set()) {} is a spin lock.
    if (Object) {
      if (InLoopCondition) {
        lock({{*Object, false}});
      } else {
        addSync(*Object, false);
        addSync(*Object, true);
      }
    }
  } else if (Op == "clear") {
    if (Object) {
      bool Held = std::any_of(
          State.Held.begin(), State.Held.end(),
          [&](const HeldLock &L) { return sameObject(L.Mutex, *Object); });
      if (Held)
        unlock({*Object});
      else
        addSync(*Object, true);
    }
  } else if (Op == "join") {
    // pthread_join(t, ...) takes the handle by value.
    std::optional<AccessPath> Handle =
        Receiver ? objectOf(Receiver)
                 : (Args.empty() ? std::nullopt
                                 : pathOf(Args[0]->IgnoreParenImpCasts()));
    if (Handle)
      addJoin(*Handle, Call);
  } else if (Op == "runs-executor") {
    if (Object)
      Out.ExecutorRuns.push_back(*Object);
  } else if (Op == "with-lock") {
    // with_lock_guard(m, f, args...): f runs here with m locked.
    if (!Args.empty())
      if (auto Mutex = pathOf(Args[0])) {
        lock({{*Mutex, false}});
        addCallbacks(Args.drop_front());
        unlock({*Mutex});
      }
  } else if (Op == "once") {
    // std::call_once(flag, f, args...): f runs here, at most once. (Old
    // Boost takes the function first: boost::call_once(f, flag).)
    if (Args.size() >= 2) {
      std::vector<const FunctionDecl *> Targets;
      callableTargets(Args[1], Targets);
      size_t FlagIndex = 0;
      if (Targets.empty()) {
        callableTargets(Args[0], Targets);
        FlagIndex = 1;
      }
      for (const FunctionDecl *T : Targets) {
        CallSite C = makeCall(Call);
        C.CalleeId = TU.usr(T);
        C.CalleeName = TU.displayName(T);
        C.OnceFlag = pathOf(Args[FlagIndex]);
        if (const auto *MD = dyn_cast<CXXMethodDecl>(T))
          if (MD->getParent()->isLambda())
            C.This = thisPath();
        bindArguments(T, Args.drop_front(2), C.Args);
        Out.Calls.push_back(std::move(C));
      }
    }
  }
  return true;
}

bool FunctionWalker::handleCatalogued(const FunctionDecl *Callee,
                                      const CallShape &Shape, const Expr *Call,
                                      const Expr *Receiver,
                                      llvm::ArrayRef<const Expr *> Args) {
  std::vector<const CatalogEntry *> Entries = TU.Cat.matchAll(Shape);
  if (Entries.empty())
    return false;
  const Expr *Self = skipWrappers(Call);
  bool Awaited = AwaitedCalls.count(Self) != 0;
  bool Discarded = DiscardedCalls.count(Self) != 0;

  // An executor switch only means something when awaited; a discarded one
  // is the missing co_await that leaves the rest on the original loop.
  if (Out.IsCoroutine && (Awaited || Discarded) && !hasCallable(Args)) {
    for (const CatalogEntry *E : Entries) {
      if (E->Kind != "executor-switch" && E->Kind != "executor-bounce")
        continue;
      ExecutorSwitch Sw;
      Sw.Api = E->Names.front();
      Sw.Loc = TU.loc(Call->getExprLoc());
      Sw.Awaited = Awaited;
      Sw.Moves = E->Kind == "executor-switch";
      Out.Switches.push_back(Sw);
      if (Awaited && Sw.Moves)
        PendingAwait = Self;
      return true;
    }
  }

  for (const CatalogEntry *E : Entries)
    if (E->Kind == "spawn") {
      handleSpawn(*E, Call, Receiver, Args);
      // A handler posted to an io_context runs on the threads that run it,
      // which for a coroutine is its own loop: keep it as a call there too.
      if (E->Model == "executor") {
        size_t First = Out.Calls.size();
        addCallbacks(Args);
        for (size_t I = First; I < Out.Calls.size(); ++I)
          Out.Calls[I].PostedTo = Out.Spawns.back().Handle;
      }
      return true; // Work handed to another thread is not called here.
    }

  bool Described = false;
  for (const CatalogEntry *E : Entries)
    if (E->Kind == "sync")
      Described |= handleSync(*E, Call, Receiver, Args);

  std::vector<ApiUse> Uses;
  for (const CatalogEntry *E : Entries) {
    if (E->Kind != "blocking" && E->Kind != "cpu-heavy" &&
        E->Kind != "mt-unsafe")
      continue;
    ApiUse U;
    U.Name = E->Names.front();
    for (const std::string &N : Shape.Names)
      if (std::find(E->Names.begin(), E->Names.end(), N) != E->Names.end()) {
        U.Name = N;
        break;
      }
    U.Kind = E->Kind;
    U.Category = E->Category;
    U.Blocks = E->Blocks;
    U.Severity = severityName(TU.Cat.severityOf(*E));
    U.Alternative = E->Alternative;
    Uses.push_back(std::move(U));
  }
  if (!Uses.empty()) {
    CallSite C = makeCall(Call);
    C.CalleeName = Uses.front().Name;
    C.CalleeId = Callee ? TU.usr(Callee) : "";
    C.Apis = std::move(Uses);
    Out.Calls.push_back(std::move(C));
    Described = true;
  }
  return Described;
}

void FunctionWalker::handleLibraryMethod(const CXXMethodDecl *M,
                                         const Expr *Receiver,
                                         llvm::ArrayRef<const Expr *> Args) {
  if (!Receiver)
    return;
  QualType ObjectType = Receiver->getType();
  if (ObjectType->isPointerType())
    ObjectType = ObjectType->getPointeeType();
  if (isAtomicType(ObjectType) || isSyncObjectType(ObjectType) ||
      isThreadSafeType(ObjectType))
    return;
  std::string Method = M->getNameAsString();
  if (isa<CXXConversionDecl>(M))
    Method = "operator bool";
  std::string Class = catalogName(M->getParent());
  bool Inserts = Method == "operator[]" && isMapContainer(Class);
  bool Write = Inserts || !(M->isConst() || isNonMutating(Method));
  if (auto Obj = objectOf(Receiver))
    recordPath(*Obj, Write, Receiver);
  handleLibraryArgs(M, Args, 0);
}

void FunctionWalker::handleLibraryArgs(const FunctionDecl *Callee,
                                       llvm::ArrayRef<const Expr *> Args,
                                       unsigned FirstParam) {
  if (isPassThrough(catalogName(Callee)))
    return;
  for (unsigned I = 0; I < Args.size(); ++I) {
    unsigned P = I + FirstParam;
    if (P >= Callee->getNumParams())
      break;
    QualType T = Callee->getParamDecl(P)->getType();
    if (!T->isReferenceType() || !Args[I]->isGLValue())
      continue;
    QualType Referent = T.getNonReferenceType();
    if (isAtomicType(Args[I]->getType()) ||
        isSyncObjectType(Args[I]->getType()))
      continue;
    // Forwarding references (T&&) of templates are taken as reads.
    bool Write = !Referent.isConstQualified() && T->isLValueReferenceType();
    record(Args[I], Write);
  }
}

void FunctionWalker::handleCall(const CallExpr *CE) {
  const FunctionDecl *Callee = CE->getDirectCallee();
  if (!Callee) {
    if (isa<CXXPseudoDestructorExpr>(CE->getCallee()->IgnoreParens()))
      return;
    CallSite C = makeCall(CE);
    C.Kind = CallKind::Indirect;
    if (const auto *DRE =
            dyn_cast<DeclRefExpr>(CE->getCallee()->IgnoreParenImpCasts()))
      C.CalleeName = DRE->getDecl()->getNameAsString();
    else
      C.CalleeName = "function pointer";
    Out.Calls.push_back(std::move(C));
    return;
  }
  std::string Name = catalogName(Callee);
  // Compiler builtins do nothing a check cares about, except the atomic
  // ones; library functions clang also knows as builtins (fopen, printf)
  // still go to the catalog.
  if (unsigned ID = Callee->getBuiltinID())
    if (!TU.Ctx.BuiltinInfo.isPredefinedLibFunction(ID) &&
        !startsWith(Name, "__atomic") && !startsWith(Name, "__sync"))
      return;

  // Explicit arguments, and the object for member calls.
  std::vector<const Expr *> Args;
  const Expr *Receiver = nullptr;
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  bool IsMember = Method && !Method->isStatic();
  unsigned First = 0;
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE)) {
    Receiver = MCE->getImplicitObjectArgument();
  } else if (isa<CXXOperatorCallExpr>(CE) && IsMember && CE->getNumArgs() > 0) {
    Receiver = CE->getArg(0);
    First = 1;
  }
  for (unsigned I = First; I < CE->getNumArgs(); ++I)
    Args.push_back(CE->getArg(I));

  bool System = TU.inSystemHeader(Callee->getLocation());
  CallShape Shape;
  ShapeBuilder Builder;
  if (IsMember) {
    if (const CXXRecordDecl *RD =
            Receiver ? recordOf(Receiver->getType()) : nullptr) {
      std::string ViaReceiver =
          catalogName(RD) + "::" + Callee->getNameAsString();
      if (ViaReceiver != Name)
        Shape.Names.push_back(ViaReceiver);
    }
    Builder.addReceiver(Receiver, Shape);
  } else if (!Args.empty()) {
    Builder.addReceiver(Args.front(), Shape);
  }
  Shape.Names.push_back(Name);
  for (const Expr *A : Args)
    Shape.ArgTokens.push_back(Builder.argTokens(A));
  Shape.UserGlobalFunction =
      !System && !Callee->isExternC() &&
      Callee->getDeclContext()->getRedeclContext()->isTranslationUnit();

  // threads.emplace_back(fn, args...) starts a std::thread in place.
  if (IsMember && Receiver &&
      (Callee->getName() == "emplace_back" || Callee->getName() == "emplace" ||
       Callee->getName() == "emplace_front"))
    if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
            recordOf(Receiver->getType())))
      for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
        if (Arg.getKind() == TemplateArgument::Type) {
          std::string Element = recordName(Arg.getAsType());
          if (Element != "std::thread" && Element != "std::jthread")
            continue;
          CallShape ThreadShape;
          ThreadShape.Names.push_back(
              Element + "::" + Element.substr(Element.rfind(':') + 1));
          if (const CatalogEntry *E = TU.Cat.match(ThreadShape, "spawn")) {
            if (auto P = objectOf(Receiver)) {
              appendStep(*P, "[]");
              Handles[skipWrappers(CE)] = *P;
            }
            handleSpawn(*E, CE, nullptr, Args);
            return;
          }
        }

  // Library code we cannot see may call the callables it is given, here
  // and before it waits (a condition variable's predicate runs first).
  // User code we can see shows its own calls.
  const CatalogEntry *Sync = TU.Cat.match(Shape, "sync");
  bool CallsItself = Sync && (Sync->Op == "once" || Sync->Op == "with-lock");
  if (System && !TU.Cat.match(Shape, "spawn") && !isPassThrough(Name) &&
      !CallsItself && !storesCallable(Callee->getNameAsString()))
    addCallbacks(Args);

  // __atomic_fetch_add(&x, ...): an atomic access of x.
  if (startsWith(Name, "__atomic") || startsWith(Name, "__sync"))
    if (!Args.empty())
      if (auto Target = pointerValueOf(Args[0])) {
        appendStep(*Target, "*");
        recordPath(*Target, /*Write=*/Name.find("load") == std::string::npos,
                   CE, {}, /*Atomic=*/true);
      }

  bool Catalogued = handleCatalogued(Callee, Shape, CE, Receiver, Args);

  // Thread Safety Analysis: ACQUIRE()/RELEASE() on a method of a mutex
  // wrapper locks or unlocks the object itself.
  if (Receiver && !System) {
    for (const auto *A : Callee->specific_attrs<AcquireCapabilityAttr>())
      if (A->args_size() == 0)
        if (auto Obj = objectOf(Receiver))
          lock({{*Obj, A->isShared()}});
    for (const auto *A : Callee->specific_attrs<ReleaseCapabilityAttr>())
      if (A->args_size() == 0)
        if (auto Obj = objectOf(Receiver))
          unlock({*Obj});
  }

  if (System) {
    if (!Catalogued) {
      // std::function and friends: the target is whatever was stored.
      if (IsMember && Callee->getOverloadedOperator() == OO_Call) {
        CallSite C = makeCall(CE);
        C.Kind = CallKind::Indirect;
        C.CalleeName = Name;
        Out.Calls.push_back(std::move(C));
      }
    }
    bool IsSync = TU.Cat.match(Shape, "sync") != nullptr;
    if (!IsSync) {
      if (IsMember)
        handleLibraryMethod(Method, Receiver, Args);
      else
        handleLibraryArgs(Callee, Args, 0);
    }
    return;
  }
  if (Catalogued)
    return; // A user-configured API: its entry says what it does.

  // a = b on a struct calls its implicit operator=, which has no body to
  // walk: it writes the left side and reads the right.
  if (Method && (Method->isImplicit() || Method->isDefaulted()) &&
      Method->isOverloadedOperator() && Receiver) {
    if (auto Obj = objectOf(Receiver))
      recordPath(*Obj, /*Write=*/true, Receiver);
    for (const Expr *A : Args)
      if (A->isGLValue())
        record(A, /*Write=*/false);
    return;
  }

  CallSite C = makeCall(CE);
  C.CalleeId = TU.usr(Callee);
  C.CalleeName = TU.displayName(Callee);
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE))
    if (const auto *ME = dyn_cast<MemberExpr>(MCE->getCallee()->IgnoreParens()))
      if (isVirtualDispatch(ME, Method, TU.Ctx))
        C.Kind = CallKind::Virtual;
  if (IsMember && Method->getParent()->isLambda()) {
    // A lambda's `this` is its creator's.
    C.This = thisPath();
  } else if (IsMember && Receiver) {
    if (Receiver->getType()->isPointerType()) {
      C.This = pointerValueOf(Receiver);
    } else if (auto Obj = pathOf(Receiver)) {
      appendStep(*Obj, "&");
      C.This = Obj;
    }
  }
  bindArguments(Callee, Args, C.Args);
  Out.Calls.push_back(std::move(C));
}

void FunctionWalker::handleConstruct(const CXXConstructExpr *CE) {
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  if (!Ctor)
    return;
  std::vector<const Expr *> Args;
  for (const Expr *A : CE->arguments())
    if (!isa<CXXDefaultArgExpr>(A))
      Args.push_back(A);
  // A copy reads its source; a move writes it.
  if (Ctor->isCopyOrMoveConstructor() && Args.size() == 1 &&
      Args[0]->isGLValue() && !isAtomicType(Args[0]->getType()))
    record(Args[0], Ctor->isMoveConstructor());

  // std::atomic_ref<T>(x): atomic operations on x.
  if (startsWith(catalogName(Ctor->getParent()), "std::atomic_ref") &&
      !Args.empty())
    if (auto Target = pathOf(Args[0]))
      recordPath(*Target, /*Write=*/true, CE, {}, /*Atomic=*/true);

  bool System = TU.inSystemHeader(Ctor->getLocation());
  if (System || !Ctor->isImplicit()) {
    CallShape Shape;
    ShapeBuilder Builder;
    Shape.Names.push_back(catalogName(Ctor));
    for (const Expr *A : Args)
      Shape.ArgTokens.push_back(Builder.argTokens(A));
    if (handleCatalogued(Ctor, Shape, CE, nullptr, Args) || System)
      return;
  }
  if (Ctor->isImplicit() || Ctor->isTrivial())
    return;
  // Thread Safety Analysis: a SCOPED_CAPABILITY guard of the user's own.
  if (CurrentDecl && CurrentDecl->getInit() &&
      skipWrappers(CurrentDecl->getInit()) == skipWrappers(CE))
    for (const auto *A : Ctor->specific_attrs<AcquireCapabilityAttr>()) {
      Guard G;
      G.Mutexes = mutexArgs(Args);
      G.Shared = A->isShared();
      addGuard(CurrentDecl, std::move(G), /*Locks=*/true);
      break;
    }
  CallSite C = makeCall(CE);
  C.CalleeId = TU.usr(Ctor);
  C.CalleeName = TU.displayName(Ctor);
  if (CurrentDecl && CurrentDecl->getInit() &&
      skipWrappers(CurrentDecl->getInit()) == skipWrappers(CE))
    if (auto P = varPath(CurrentDecl)) {
      appendStep(*P, "&");
      C.This = P;
    }
  bindArguments(Ctor, Args, C.Args);
  Out.Calls.push_back(std::move(C));
}

//===-- Paths ------------------------------------------------------------===//

std::optional<AccessPath> FunctionWalker::varPath(const VarDecl *VD) {
  if (!VD || VD->getTSCSpec() != TSCS_unspecified)
    return std::nullopt; // thread_local: every thread has its own.
  AccessPath P;
  P.RootName = VD->getNameAsString();
  if (VD->hasGlobalStorage()) {
    P.Root = AccessPath::RootKind::Global;
    P.RootId = TU.usr(VD);
    if (VD->isStaticLocal()) {
      const auto *Owner =
          dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod());
      P.Name = (Owner ? TU.displayName(Owner) : std::string("?")) +
               "::" + P.RootName;
    } else {
      P.Name = catalogName(VD);
    }
    return P;
  }
  const auto *Owner =
      dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod());
  if (!Owner)
    return std::nullopt;
  std::string OwnerName = TU.displayName(Owner);
  P.Name = OwnerName + "::" + P.RootName;
  if (const auto *Param = dyn_cast<ParmVarDecl>(VD);
      Param && Owner->getCanonicalDecl() == FD->getCanonicalDecl()) {
    P.Root = AccessPath::RootKind::Param;
    P.RootId = std::to_string(Param->getFunctionScopeIndex());
    P.OwnerId = TU.usr(Owner);
    return P;
  }
  P.Root = AccessPath::RootKind::Local;
  P.RootId = TU.usr(VD);
  P.OwnerId = TU.usr(Owner);
  P.ByCopy = CopyCaptures.count(VD) != 0;
  LocalDecls[P.RootId] = VD;
  return P;
}

std::optional<AccessPath> FunctionWalker::objectOf(const Expr *Receiver) {
  if (!Receiver)
    return std::nullopt;
  if (Receiver->getType()->isPointerType()) {
    auto P = pointerValueOf(Receiver);
    if (P)
      appendStep(*P, "*");
    return P;
  }
  return pathOf(Receiver);
}

/// What a call to a function of the program returned: the callee's
/// returned path, bound in the whole-program stage to this call's arguments.
std::optional<AccessPath>
FunctionWalker::returnedBy(const CallExpr *CE, const FunctionDecl *Callee) {
  auto Order = CallOrders.find(skipWrappers(CE));
  if (Order == CallOrders.end())
    return std::nullopt;
  AccessPath P;
  P.Root = AccessPath::RootKind::Return;
  P.RootId = std::to_string(Order->second);
  P.RootName = TU.displayName(Callee) + "()";
  P.Name = P.RootName;
  return P;
}

std::optional<AccessPath> FunctionWalker::pathOf(const Expr *E) {
  if (!E)
    return std::nullopt;
  E = E->IgnoreParens();
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E)) {
    switch (ICE->getCastKind()) {
    case CK_NoOp:
    case CK_DerivedToBase:
    case CK_UncheckedDerivedToBase:
    case CK_BaseToDerived:
    case CK_LValueBitCast:
      return pathOf(ICE->getSubExpr());
    default:
      return std::nullopt;
    }
  }
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E))
    return E->isGLValue() ? pathOf(Cast->getSubExpr()) : std::nullopt;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD)
      return std::nullopt;
    auto Alias = ReferenceAliases.find(VD);
    if (Alias != ReferenceAliases.end())
      return Alias->second;
    return varPath(VD);
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (const auto *Static = dyn_cast<VarDecl>(ME->getMemberDecl()))
      return varPath(Static);
    const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!Field)
      return std::nullopt;
    std::optional<AccessPath> Base;
    if (ME->isArrow()) {
      Base = pointerValueOf(ME->getBase());
      if (Base)
        appendStep(*Base, "*");
    } else {
      Base = pathOf(ME->getBase());
    }
    if (!Base)
      return std::nullopt;
    appendStep(*Base, "." + memoryLocationOf(Field)->getNameAsString());
    const RecordDecl *Parent = Field->getParent();
    if (Parent->getIdentifier())
      Base->Name = catalogName(Parent) + "::" + Field->getNameAsString();
    else
      Base->Name += "." + Field->getNameAsString();
    return Base;
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->getOpcode() != UO_Deref)
      return std::nullopt;
    auto P = pointerValueOf(U->getSubExpr());
    if (P)
      appendStep(*P, "*");
    return P;
  }
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    auto P = pointerValueOf(AS->getBase());
    if (!P)
      return std::nullopt;
    appendStep(*P, "*");
    appendStep(*P, elementStep(AS->getIdx()));
    return P;
  }
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee)
      return std::nullopt;
    const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
    if (TU.inSystemHeader(Callee->getLocation())) {
      std::string Name = catalogName(Callee);
      if (isPassThrough(Name) && CE->getNumArgs() == 1)
        return pathOf(CE->getArg(0));
      if (!Method)
        return std::nullopt;
      const Expr *Receiver = nullptr;
      const Expr *Index = nullptr;
      if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE)) {
        Receiver = MCE->getImplicitObjectArgument();
        if (MCE->getNumArgs() > 0)
          Index = MCE->getArg(0);
      } else if (CE->getNumArgs() > 0) {
        Receiver = CE->getArg(0);
        if (CE->getNumArgs() > 1)
          Index = CE->getArg(1);
      }
      std::string Class = catalogName(Method->getParent());
      std::string MethodName = Callee->getNameAsString();
      if (MethodName == "operator*" && Receiver &&
          smartPointerObject(Receiver)) {
        auto P = pathOf(smartPointerObject(Receiver));
        if (P)
          appendStep(*P, "*");
        return P;
      }
      if (isElementContainer(Class) && isElementAccessor(MethodName)) {
        auto P = objectOf(Receiver);
        if (P)
          appendStep(*P, MethodName == "front"  ? "[0]"
                         : MethodName == "back" ? "[]"
                                                : elementStep(Index));
        return P;
      }
      // std::map::operator[] and friends: an element keyed by something.
      if (MethodName == "operator[]" || MethodName == "at") {
        auto P = objectOf(Receiver);
        if (P)
          appendStep(*P, "[]");
        return P;
      }
      return std::nullopt;
    }
    // A user function returning a reference: what it returns, bound later.
    if (!Callee->getReturnType()->isReferenceType())
      return std::nullopt;
    return returnedBy(CE, Callee);
  }
  return std::nullopt;
}

std::optional<AccessPath> FunctionWalker::pointerValueOf(const Expr *E) {
  if (!E)
    return std::nullopt;
  E = E->IgnoreParens();
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E)) {
    switch (ICE->getCastKind()) {
    case CK_LValueToRValue:
      return pointerValueOf(ICE->getSubExpr());
    case CK_ArrayToPointerDecay: {
      auto P = pathOf(ICE->getSubExpr());
      if (P)
        appendStep(*P, "&");
      return P;
    }
    case CK_NoOp:
    case CK_BitCast:
    case CK_DerivedToBase:
    case CK_UncheckedDerivedToBase:
    case CK_BaseToDerived:
      return pointerValueOf(ICE->getSubExpr());
    default:
      return std::nullopt;
    }
  }
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E))
    return pointerValueOf(Cast->getSubExpr());
  if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
    return pointerValueOf(M->getSubExpr());
  if (isa<CXXThisExpr>(E))
    return thisPath();
  if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->getOpcode() != UO_AddrOf)
      return std::nullopt;
    auto P = pathOf(U->getSubExpr());
    if (P)
      appendStep(*P, "&");
    return P;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
      auto Value = PointerValues.find(VD);
      if (Value != PointerValues.end())
        return Value->second;
    }
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee)
      return std::nullopt;
    if (TU.inSystemHeader(Callee->getLocation())) {
      // sp.get(), sp.operator->(): the smart pointer's target.
      std::string MethodName = Callee->getNameAsString();
      if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE)) {
        if (MethodName == "get")
          if (const Expr *Ptr =
                  smartPointerObject(MCE->getImplicitObjectArgument()))
            return pathOf(Ptr);
      } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE)) {
        if (OC->getOperator() == OO_Arrow && OC->getNumArgs() == 1)
          if (const Expr *Ptr = smartPointerObject(OC->getArg(0)))
            return pathOf(Ptr);
      }
      return std::nullopt;
    }
    if (!Callee->getReturnType()->isPointerType())
      return std::nullopt;
    return returnedBy(CE, Callee);
  }
  if (E->isGLValue() &&
      (E->getType()->isPointerType() || isSmartPointer(E->getType())))
    return pathOf(E);
  return std::nullopt;
}

/// "[k]" for a constant index; "[@]" for an index made only of what a
/// thread is given (its parameters, its copies of captured variables, and
/// locals computed from them), which copies of one thread's code use for
/// their own slots; "[]" for an index computed from data, which two copies
/// may well share.
std::string FunctionWalker::elementStep(const Expr *Index) {
  std::string Step = indexStep(Index, TU.Ctx);
  if (Step != "[]" || !Index)
    return Step;
  class SlotCheck : public RecursiveASTVisitor<SlotCheck> {
  public:
    SlotCheck(FunctionWalker &W) : W(W) {}
    bool VisitDeclRefExpr(DeclRefExpr *DRE) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      if (!VD || !W.isThreadGiven(VD, Depth))
        Slot = false;
      return Slot;
    }
    bool VisitCallExpr(CallExpr *) { return Slot = false; }
    bool VisitMemberExpr(MemberExpr *) { return Slot = false; }
    bool VisitArraySubscriptExpr(ArraySubscriptExpr *) { return Slot = false; }
    FunctionWalker &W;
    bool Slot = true;
    unsigned Depth = 0;
  } Check(*this);
  Check.TraverseStmt(const_cast<Expr *>(Index));
  return Check.Slot ? "[@]" : "[]";
}

bool FunctionWalker::isThreadGiven(const VarDecl *VD, unsigned Depth) const {
  if (Depth > 4 || VD->hasGlobalStorage())
    return false;
  if (isa<ParmVarDecl>(VD) || CopyCaptures.count(VD))
    return true;
  // A local computed from what the thread was given (an offset, a loop
  // counter that starts there) and not changed by data afterwards.
  if (VD->getParentFunctionOrMethod() == FD && VD->getInit() &&
      (!Modified.count(VD) || ForCounters.count(VD))) {
    bool Given = true;
    class Uses : public RecursiveASTVisitor<Uses> {
    public:
      Uses(const FunctionWalker &W, unsigned Depth, bool &Given)
          : W(W), Depth(Depth), Given(Given) {}
      bool VisitDeclRefExpr(DeclRefExpr *DRE) {
        const auto *Var = dyn_cast<VarDecl>(DRE->getDecl());
        if (!Var || !W.isThreadGiven(Var, Depth + 1))
          Given = false;
        return Given;
      }
      bool VisitCallExpr(CallExpr *) { return Given = false; }
      const FunctionWalker &W;
      unsigned Depth;
      bool &Given;
    } Check(*this, Depth, Given);
    Check.TraverseStmt(const_cast<Expr *>(VD->getInit()));
    return Given;
  }
  return false;
}

bool FunctionWalker::isSharedCandidate(const AccessPath &P) const {
  if (P.isAddress())
    return false;
  bool Dereferences =
      std::find(P.Steps.begin(), P.Steps.end(), "*") != P.Steps.end();
  switch (P.Root) {
  case AccessPath::RootKind::Global:
  case AccessPath::RootKind::This:
  case AccessPath::RootKind::Return:
    return true;
  case AccessPath::RootKind::Param: {
    unsigned Index = std::stoul(P.RootId);
    if (Index < FD->getNumParams() &&
        FD->getParamDecl(Index)->getType()->isReferenceType())
      return true;
    return Dereferences;
  }
  case AccessPath::RootKind::Local: {
    if (Dereferences)
      return true;
    if (P.ByCopy)
      return false;
    auto It = LocalDecls.find(P.RootId);
    if (It == LocalDecls.end())
      return false;
    const VarDecl *VD = It->second;
    // In an OpenMP region, the enclosing function's locals are shared by
    // the team unless private; the region's own are per thread.
    if (InRegion)
      return !RegionLocals.count(VD) && !RegionPrivate.count(VD);
    // Captured by reference from an enclosing function, or escaping here.
    return VD->getParentFunctionOrMethod() != FD || Escaping.count(VD);
  }
  }
  return false;
}

void FunctionWalker::record(const Expr *E, bool Write) {
  if (!E)
    return;
  QualType T = E->getType();
  if (isAtomicType(T) || isSyncObjectType(T) || isThreadSafeType(T))
    return;
  // Reading what nobody may write: a const variable or field (not merely
  // something reached through a const path, like a member in a const method).
  if (!Write) {
    const Expr *Inner = E->IgnoreParenImpCasts();
    const ValueDecl *Declared = nullptr;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Inner))
      Declared = DRE->getDecl();
    else if (const auto *ME = dyn_cast<MemberExpr>(Inner))
      Declared = ME->getMemberDecl();
    if (Declared && Declared->getType().isConstQualified() &&
        !Declared->getType()->isReferenceType())
      return;
  }
  auto P = pathOf(E);
  if (!P)
    return;
  // GUARDED_BY(mu): clang's Thread Safety Analysis already enforces the
  // lock, so the access counts as holding it.
  std::vector<HeldLock> Extra;
  if (const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts()))
    if (const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl()))
      for (const auto *G : Field->specific_attrs<GuardedByAttr>()) {
        const Expr *Arg = G->getArg()->IgnoreParenImpCasts();
        if (const auto *GuardMember = dyn_cast<MemberExpr>(Arg)) {
          AccessPath M = *P;
          if (!M.Steps.empty())
            M.Steps.pop_back();
          M.Steps.push_back("." +
                            GuardMember->getMemberDecl()->getNameAsString());
          Extra.push_back({M, false});
        } else if (const auto *GuardVar = referencedVar(Arg)) {
          if (auto M = varPath(GuardVar))
            Extra.push_back({*M, false});
        }
      }
  recordPath(*P, Write, E, Extra);
}

void FunctionWalker::recordPath(AccessPath P, bool Write, const Expr *At,
                                std::vector<HeldLock> Extra, bool Atomic) {
  if (!isSharedCandidate(P))
    return;
  // Objects the catalog calls thread-safe by name (std::cout: using the
  // standard streams from several threads is no data race).
  if (P.Root == AccessPath::RootKind::Global) {
    CallShape Shape;
    Shape.Names.push_back(P.RootName);
    Shape.Names.push_back(P.Name);
    if (TU.Cat.match(Shape, "thread-safe"))
      return;
  }
  MemoryAccess A;
  A.Path = std::move(P);
  A.Write = Write;
  A.Loc = TU.loc(At->getExprLoc());
  A.Order = Order++;
  A.Locks = State.Held;
  A.Locks.insert(A.Locks.end(), Extra.begin(), Extra.end());
  A.Volatile = At->getType().isVolatileQualified();
  A.Atomic = Atomic || InAtomic;
  Out.Accesses.push_back(std::move(A));
}

} // namespace extract
} // namespace concur
