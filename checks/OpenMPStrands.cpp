//===- OpenMPStrands.cpp - Who runs each access of an OpenMP region -------===//

#include "checks/OpenMPStrands.h"
#include "facts/Affine.h"

#include <algorithm>
#include <sstream>

namespace concur {
namespace omp {

std::string displaySymbol(const std::string &S) {
  size_t Bar = S.rfind('|');
  if (Bar != std::string::npos)
    return S.substr(Bar + 1);
  std::string Base = S.substr(S.rfind('/') + 1);
  Base = Base.substr(0, Base.find('@'));
  if (Base == "tid")
    return "omp_get_thread_num()";
  if (Base == "nthreads")
    return "omp_get_num_threads()";
  if (Base == "team")
    return "omp_get_team_num()";
  if (Base == "nteams")
    return "omp_get_num_teams()";
  return Base;
}

std::optional<OpaqueRead> OpaqueRead::parse(const std::string &S) {
  size_t Open = S.find('{'), Close = S.find('}');
  if (S.rfind("o:", 0) != 0 || Open == std::string::npos ||
      Close == std::string::npos || Close < Open)
    return std::nullopt;
  OpaqueRead R;
  R.Root = S.substr(2, Open - 2);
  R.Shown = Close + 2 <= S.size() ? S.substr(Close + 2) : "";
  std::string Inner = S.substr(Open + 1, Close - Open - 1);
  std::vector<std::string> Parts;
  size_t From = 0;
  while (From <= Inner.size() && !Inner.empty()) {
    size_t Semi = Inner.find(';', From);
    Parts.push_back(Inner.substr(From, Semi - From));
    if (Semi == std::string::npos)
      break;
    From = Semi + 1;
  }
  if (Parts.size() % 2)
    return std::nullopt;
  for (size_t I = 0; I < Parts.size(); I += 2)
    R.Indexes.push_back(
        {Parts[I], std::strtoll(Parts[I + 1].c_str(), nullptr, 10)});
  return R;
}

std::string OpaqueRead::symbol() const {
  std::string Inner;
  for (const auto &[Sym, Offset] : Indexes)
    Inner += (Inner.empty() ? "" : ";") + Sym + ";" + std::to_string(Offset);
  return "o:" + Root + "{" + Inner + "}|" + Shown;
}

std::string displayAffine(const OmpAffine &A) {
  return affine::toString(affine::rename(A, displaySymbol));
}

namespace {

/// Accesses one walk records at most: beyond, the region is reported as
/// truncated and what was found is kept.
constexpr size_t MaxAccesses = 40000;
constexpr unsigned MaxInlineDepth = 8;

std::vector<std::string> leavesOf(const std::string &Name) {
  std::vector<std::string> Leaves;
  std::istringstream In(Name);
  std::string W;
  while (In >> W)
    Leaves.push_back(W);
  return Leaves;
}

bool isLoopLeaf(const std::string &L) {
  return L == "for" || L == "distribute" || L == "loop" || L == "simd" ||
         L == "taskloop";
}

struct ResolvedRef {
  std::string RootKey;
  std::string Display;
  std::vector<std::string> Steps;
  std::vector<OmpAffine> Indexes;
  /// The strand whose instance owns the memory (-1: every strand's), and
  /// why the caller shares it (for a place passed as an argument).
  int OwnerDepth = -1;
  std::string Sharing;
};

struct Binding {
  std::optional<ResolvedRef> Place;
  OmpAffine Value;
};

struct Ctx {
  int Id = 0;
  const FunctionFacts *F = nullptr;
  const std::vector<std::vector<int>> *Children = nullptr;
  std::vector<Binding> Params;
  std::optional<ResolvedRef> This;
  bool Root = true;
  bool InsideTeam = false;
  int CallDepth = -1;
  /// Skeleton node -> the strand (path index) its instance runs as.
  std::map<int, int> OwnerDepth;
};

class Walker {
public:
  Walker(const Program &P, RegionWalk &Out) : P(P), Out(Out) {}

  void run(const FunctionFacts &F, int Start) {
    Ctx C;
    C.F = &F;
    C.Children = &childrenOf(F);
    C.Id = NextCtx++;
    CallStack.push_back(F.Id);
    if (Start >= 0) {
      // Loops around the region run in one thread: their counters have
      // one value for the whole region, and their ranges hold.
      for (int Up = F.OpenMP->Nodes[Start].Parent; Up >= 0;
           Up = F.OpenMP->Nodes[Up].Parent)
        if (F.OpenMP->Nodes[Up].Kind == OmpNodeKind::Loop)
          for (const std::string &Sym : counters(C, Up))
            Out.Shared.insert(Sym);
      walkNode(C, Start);
    } else {
      // The whole function as the initial thread, a team of one: what
      // runs beside it is a target task it does not wait for.
      int Id = NextId++;
      Out.Constructs[Id] = {"the initial thread", F.Loc};
      StrandStep S;
      S.Id = Id;
      S.Phase = newPhase();
      S.Tid = "tid@" + std::to_string(Id);
      S.OneThread = true;
      Path.push_back(S);
      walkChildren(C, -1);
      endTeam();
    }
    CallStack.pop_back();
  }

private:
  //===-- Bookkeeping ----------------------------------------------------===//

  const std::vector<std::vector<int>> &childrenOf(const FunctionFacts &F) {
    auto It = ChildCache.find(&F);
    if (It != ChildCache.end())
      return It->second;
    std::vector<std::vector<int>> &Kids = ChildCache[&F];
    const auto &Nodes = F.OpenMP->Nodes;
    Kids.resize(Nodes.size() + 1);
    for (size_t I = 0; I < Nodes.size(); ++I) {
      int Parent = Nodes[I].Parent;
      if (Parent >= -1 && Parent < static_cast<int>(Nodes.size()))
        Kids[Parent + 1].push_back(static_cast<int>(I));
    }
    return Kids;
  }
  const std::vector<int> &kids(const Ctx &C, int Node) {
    return (*C.Children)[Node + 1];
  }
  const OmpNode &nodeOf(const Ctx &C, int N) const {
    return C.F->OpenMP->Nodes[N];
  }

  int newPhase() { return Out.Phases++; }
  void overlap(int A, int B) {
    if (A != B)
      Out.Overlap.insert({std::min(A, B), std::max(A, B)});
  }

  /// Does the subtree at Node (with the functions it calls) hold a barrier:
  /// an explicit one, or a worksharing construct without nowait?
  bool barrierIn(const FunctionFacts &F, int Node, unsigned Depth = 0) {
    auto Key = std::make_pair(&F, Node);
    auto It = BarrierCache.find(Key);
    if (It != BarrierCache.end())
      return It->second;
    BarrierCache[Key] = false; // Recursion: none found yet.
    bool Found = false;
    const std::vector<std::vector<int>> &Kids = childrenOf(F);
    std::vector<int> Stack(Kids[Node + 1].begin(), Kids[Node + 1].end());
    while (!Stack.empty() && !Found) {
      int N = Stack.back();
      Stack.pop_back();
      const OmpNode &X = F.OpenMP->Nodes[N];
      if (X.Kind == OmpNodeKind::Standalone && X.Name == "barrier")
        Found = true;
      else if (X.Kind == OmpNodeKind::Directive) {
        std::vector<std::string> L = leavesOf(X.Name);
        bool Team = false, Sharing = false;
        for (const std::string &W : L) {
          Team |= W == "parallel" || W == "teams" || W == "task" ||
                  W == "taskloop" || W == "target";
          Sharing |= W == "for" || W == "sections" || W == "single" ||
                     W == "scope" || W == "workshare" || W == "loop";
        }
        if (Team)
          continue; // Its barriers are another team's (or none).
        if (Sharing && !clause(X, "nowait"))
          Found = true;
      } else if (X.Kind == OmpNodeKind::Call && Depth < MaxInlineDepth) {
        const FunctionFacts *Callee = P.function(X.Callee);
        if (Callee && Callee->OpenMP && barrierIn(*Callee, -1, Depth + 1))
          Found = true;
        continue;
      }
      for (int K : Kids[N + 1])
        Stack.push_back(K);
    }
    return BarrierCache[Key] = Found;
  }

  int team() const {
    for (int I = static_cast<int>(Path.size()) - 1; I >= 0; --I)
      if (Path[I].K == StrandStep::Team)
        return I;
    return -1;
  }

  static const OmpClause *clause(const OmpNode &N, const std::string &Kind) {
    for (const OmpClause &C : N.Clauses)
      if (C.Kind == Kind)
        return &C;
    return nullptr;
  }

  /// if(<modifier>: 0) known at compile time.
  static bool ifFalse(const OmpNode &N, const std::string &Modifier) {
    for (const OmpClause &C : N.Clauses)
      if (C.Kind == "if" && C.Value == 0 &&
          (C.Modifier.empty() || C.Modifier == Modifier))
        return true;
    return false;
  }

  //===-- Symbols --------------------------------------------------------===//

  std::string teamSymbol(const char *Base) {
    int T = team();
    if (T < 0)
      return "";
    if (std::string(Base) == "tid")
      return Path[T].Tid;
    return std::string(Base) + "@" + std::to_string(Path[T].Id);
  }

  OmpAffine rename(const Ctx &C, const OmpAffine &A) {
    return affine::substitute(
        A, [&](const std::string &S) -> std::optional<OmpAffine> {
          if (S == "tid" || S == "team") {
            std::string T = teamSymbol("tid");
            return T.empty() ? affine::constant(0) : affine::symbol(T);
          }
          if (S == "maxthreads") {
            Out.Shared.insert(S);
            return std::nullopt;
          }
          if (S == "nthreads" || S == "nteams") {
            std::string T = teamSymbol("nthreads");
            return T.empty() ? affine::constant(1) : affine::symbol(T);
          }
          std::string Kind = S.substr(0, S.find(':'));
          if (Kind == "o")
            return renameRead(C, S);
          if (Kind == "q" || Kind == "r")
            return renameFact(C, S);
          if (Kind == "g") {
            Out.Shared.insert(S);
            return std::nullopt;
          }
          if (Kind == "p") {
            size_t Index = std::strtoul(S.c_str() + 2, nullptr, 10);
            if (Index < C.Params.size() && C.Params[Index].Value.Known)
              return C.Params[Index].Value;
          }
          std::string Name = "c" + std::to_string(C.Id) + "/" + S;
          if ((Kind == "p" || Kind == "s" || Kind == "u") && !C.InsideTeam)
            Out.Shared.insert(Name);
          return affine::symbol(Name);
        });
  }

  /// A read's indexes are renamed like any symbol; a local array's root
  /// becomes this call's.
  std::optional<OmpAffine> renameRead(const Ctx &C, const std::string &S) {
    std::optional<OpaqueRead> R = OpaqueRead::parse(S);
    if (!R)
      return affine::unknown();
    bool Local = R->Root.rfind("L:", 0) == 0;
    if (Local)
      R->Root += "@" + std::to_string(C.Id);
    bool Shared = !Local || !C.InsideTeam;
    for (auto &[Sym, Offset] : R->Indexes) {
      if (Sym.empty())
        continue;
      OmpAffine V = rename(C, affine::symbol(Sym));
      if (!V.Known || V.Terms.size() > 1 ||
          (V.Terms.size() == 1 &&
           (V.Terms[0].second != 1 || V.Terms[0].first.size() != 1)))
        return affine::unknown();
      Sym = V.Terms.empty() ? "" : V.Terms[0].first[0];
      Offset += V.Const;
      Shared &= Sym.empty() || Out.Shared.count(Sym);
    }
    std::string Name = R->symbol();
    if (Shared)
      Out.Shared.insert(Name);
    else if (Local && C.InsideTeam)
      Out.PrivateReads.insert(Name);
    return affine::symbol(Name);
  }

  /// A quotient or remainder: its facts come along, renamed; it is one
  /// value for every strand when everything in them is.
  std::optional<OmpAffine> renameFact(const Ctx &C, const std::string &S) {
    std::string Name = "c" + std::to_string(C.Id) + "/" + S;
    if (Out.Facts.count(Name))
      return affine::symbol(Name);
    std::vector<OmpConstraint> &Facts = Out.Facts[Name];
    std::vector<OmpConstraint> Renamed;
    bool Shared = true;
    for (const auto &[Symbol, List] : C.F->OpenMP->Facts) {
      if (Symbol != S)
        continue;
      for (const OmpConstraint &K : List) {
        OmpConstraint R = K;
        R.Expr = rename(C, K.Expr);
        if (!R.Expr.Known)
          continue;
        for (const std::string &X : affine::symbols(R.Expr))
          Shared &= X == Name || Out.Shared.count(X);
        Renamed.push_back(R);
      }
    }
    Out.Facts[Name] = Renamed;
    (void)Facts;
    if (Shared)
      Out.Shared.insert(Name);
    return affine::symbol(Name);
  }

  OmpCounter renameCounter(const Ctx &C, const OmpCounter &K) {
    OmpCounter R = K;
    R.Lower = rename(C, K.Lower);
    R.Upper = rename(C, K.Upper);
    for (OmpAffine &B : R.MoreLower)
      B = rename(C, B);
    for (OmpAffine &B : R.MoreUpper)
      B = rename(C, B);
    return R;
  }

  /// Registers a loop node's counters; returns their symbols.
  std::vector<std::string> counters(const Ctx &C, int Node) {
    std::vector<std::string> Syms;
    const OmpNode &N = nodeOf(C, Node);
    for (size_t K = 0; K < N.Counters.size(); ++K) {
      std::string Sym = "c" + std::to_string(C.Id) +
                        "/i:" + std::to_string(Node) + "." + std::to_string(K) +
                        "|" + N.Counters[K].Name;
      Out.Ranges[Sym] = renameCounter(C, N.Counters[K]);
      Syms.push_back(Sym);
    }
    return Syms;
  }

  //===-- Places ---------------------------------------------------------===//

  std::optional<ResolvedRef> resolve(const Ctx &C, const OmpRef &R) {
    ResolvedRef Res;
    const AccessPath &Path = R.Path;
    std::vector<OmpAffine> Indexes;
    for (const OmpAffine &I : R.Indexes)
      Indexes.push_back(rename(C, I));
    auto Append = [&](ResolvedRef Base, size_t FromStep, size_t FromIndex) {
      for (size_t S = FromStep; S < Path.Steps.size(); ++S)
        Base.Steps.push_back(Path.Steps[S]);
      for (size_t I = FromIndex; I < Indexes.size(); ++I)
        Base.Indexes.push_back(Indexes[I]);
      return Base;
    };
    switch (Path.Root) {
    case AccessPath::RootKind::Global:
      Res.RootKey = "G:" + Path.RootId;
      Res.Display = Path.RootName;
      return Append(Res, 0, 0);
    case AccessPath::RootKind::Local:
      Res.RootKey = "L:" + Path.RootId + "@" + std::to_string(C.Id);
      Res.Display = Path.RootName;
      // A called function's frame is its caller's strand's.
      Res.OwnerDepth = C.Root ? -1 : C.CallDepth;
      return Append(Res, 0, 0);
    case AccessPath::RootKind::Param: {
      size_t Index = std::strtoul(Path.RootId.c_str(), nullptr, 10);
      if (C.Root) {
        Res.RootKey = "P:" + C.F->Id + ":" + Path.RootId;
        Res.Display = Path.RootName;
        return Append(Res, 0, 0);
      }
      if (Index >= C.Params.size() || !C.Params[Index].Place)
        return std::nullopt;
      ResolvedRef Base = *C.Params[Index].Place;
      // A pointer parameter's pointee: the argument's element, offset.
      if (Path.Steps.size() >= 2 && Path.Steps[0] == "*" &&
          Path.Steps[1] == "[]" && !Indexes.empty()) {
        if (!Base.Steps.empty() && Base.Steps.back() == "[]")
          Base.Indexes.back() = affine::add(Base.Indexes.back(), Indexes[0]);
        else {
          Base.Steps.push_back("[]");
          Base.Indexes.push_back(Indexes[0]);
        }
        return Append(Base, 2, 1);
      }
      return Append(Base, 0, 0);
    }
    case AccessPath::RootKind::This:
      if (C.This)
        return Append(*C.This, 0, 0);
      if (!C.Root)
        return std::nullopt;
      Res.RootKey = "T:" + C.F->Id;
      Res.Display = "this";
      return Append(Res, 0, 0);
    case AccessPath::RootKind::Return:
      return std::nullopt;
    }
    return std::nullopt;
  }

  static std::string display(const ResolvedRef &R) {
    std::string S = R.Display;
    size_t Index = 0;
    bool First = true;
    for (const std::string &Step : R.Steps) {
      if (First && S == "this" && Step.front() == '.') {
        S = "this->" + Step.substr(1);
        First = false;
        continue;
      }
      First = false;
      if (Step == "[]") {
        S +=
            "[" +
            (Index < R.Indexes.size() ? displayAffine(R.Indexes[Index]) : "?") +
            "]";
        ++Index;
      } else if (Step != "*") {
        S += Step;
      }
    }
    return S;
  }

  static std::string key(const ResolvedRef &R) {
    std::string K = R.RootKey;
    size_t Index = 0;
    for (const std::string &Step : R.Steps) {
      K += Step;
      if (Step == "[]" && Index < R.Indexes.size())
        K += "(" + affine::toString(R.Indexes[Index++]) + ")";
    }
    return K;
  }

  //===-- Nodes ----------------------------------------------------------===//

  void walkChildren(Ctx &C, int Node) {
    for (int K : kids(C, Node))
      walkNode(C, K);
  }

  void walkNode(Ctx &C, int N) {
    if (Out.Truncated)
      return;
    const OmpNode &Node = nodeOf(C, N);
    switch (Node.Kind) {
    case OmpNodeKind::Directive:
      directive(C, N);
      break;
    case OmpNodeKind::Standalone:
      standalone(C, N);
      break;
    case OmpNodeKind::Loop:
      loop(C, N);
      break;
    case OmpNodeKind::Branch:
      branch(C, N);
      break;
    case OmpNodeKind::Arm:
      walkChildren(C, N);
      break;
    case OmpNodeKind::Access:
      access(C, N);
      break;
    case OmpNodeKind::Call:
      call(C, N);
      break;
    case OmpNodeKind::Lock:
      lock(C, N);
      break;
    }
  }

  void access(Ctx &C, int N) {
    if (Path.empty())
      return; // Sequential code: nothing runs beside it.
    const OmpNode &Node = nodeOf(C, N);
    if (!Node.Ref)
      return;
    std::optional<ResolvedRef> R = resolve(C, *Node.Ref);
    if (!R)
      return;
    if (Out.Accesses.size() >= MaxAccesses) {
      Out.Truncated = true;
      return;
    }
    AccessInstance A;
    A.Loc = Node.Loc;
    A.Function = C.F->Name;
    A.RootKey = R->RootKey;
    A.Display = display(*R);
    A.Steps = R->Steps;
    A.Indexes = R->Indexes;
    A.Write = Node.Write;
    A.Atomic = Node.Atomic;
    A.Event = Node.Name;
    A.Sharing = Node.Sharing;
    if (!R->Sharing.empty() &&
        Node.Ref->Path.Root == AccessPath::RootKind::Param)
      A.Sharing = R->Sharing + " (in '" + C.F->Name + "', through parameter '" +
                  Node.Ref->Path.RootName + "')";
    A.Path = Path;
    A.Locks = Locks;
    if (!Doacross.Base.empty())
      A.Locks.push_back(Doacross);
    A.Conditions = Conds;
    A.Pos = Pos++;
    A.OwnerDepth = Node.Owner >= 0 ? ownerDepth(C, Node.Owner) : R->OwnerDepth;
    // Clause accesses at a construct's end: each thread combines its
    // reduction copy; the thread of the last iteration copies out.
    int T = team();
    if ((A.Event == "reduction" || A.Event == "lastprivate") && T >= 0) {
      A.Path[T].LoopId = -1;
      A.Path[T].Iteration.clear();
      if (A.Event == "lastprivate") {
        OmpConstraint One;
        One.Equal = true;
        std::string Last = "last@" + std::to_string(Constructs.back());
        Out.Shared.insert(Last);
        One.Expr =
            affine::sub(affine::symbol(Path[T].Tid), affine::symbol(Last));
        A.Conditions.push_back(One);
      }
    }
    Out.Accesses.push_back(std::move(A));
  }

  /// The strand an instance of construct node N runs as.
  int ownerDepth(const Ctx &C, int N) const {
    auto It = C.OwnerDepth.find(N);
    return It != C.OwnerDepth.end() ? It->second
                                    : static_cast<int>(Path.size()) - 1;
  }

  /// Two pointer parameters into one array at offsets whose difference is
  /// not a constant (&u[ir[j]] and &u[ir[k]]: levels of a multigrid) are
  /// taken as disjoint sub-arrays, as C code assumes of its arguments:
  /// each gets a root of its own.
  void separateParameters(std::vector<Binding> &Params) {
    for (size_t I = 0; I < Params.size(); ++I)
      for (size_t J = I + 1; J < Params.size(); ++J) {
        std::optional<ResolvedRef> &X = Params[I].Place, &Y = Params[J].Place;
        if (!X || !Y || X->RootKey.rfind(Y->RootKey, 0) != 0 ||
            X->Steps != Y->Steps || X->Indexes.empty() ||
            X->Steps.back() != "[]")
          continue;
        bool SameElsewhere = true;
        for (size_t K = 0; K + 1 < X->Indexes.size(); ++K)
          SameElsewhere &= affine::equal(X->Indexes[K], Y->Indexes[K]);
        OmpAffine D = affine::sub(X->Indexes.back(), Y->Indexes.back());
        if (!SameElsewhere || affine::isConstant(D))
          continue;
        std::string Base = Y->RootKey;
        X->RootKey =
            Base + "#" + std::to_string(NextCtx) + "." + std::to_string(I);
        Y->RootKey =
            Base + "#" + std::to_string(NextCtx) + "." + std::to_string(J);
      }
  }

  void call(Ctx &C, int N) {
    const OmpNode &Node = nodeOf(C, N);
    const FunctionFacts *Callee = P.function(Node.Callee);
    if (!Callee || !Callee->OpenMP || CallStack.size() > MaxInlineDepth ||
        std::count(CallStack.begin(), CallStack.end(), Callee->Id))
      return;
    Ctx Inner;
    Inner.Id = NextCtx++;
    Inner.F = Callee;
    Inner.Children = &childrenOf(*Callee);
    Inner.Root = false;
    Inner.InsideTeam = !Path.empty();
    Inner.CallDepth = static_cast<int>(Path.size()) - 1;
    for (const OmpArg &A : Node.Args) {
      Binding B;
      if (A.Place)
        B.Place = resolve(C, *A.Place);
      if (B.Place && A.Owner >= 0)
        B.Place->OwnerDepth = ownerDepth(C, A.Owner);
      if (B.Place && B.Place->Sharing.empty())
        B.Place->Sharing = A.Sharing;
      B.Value = rename(C, A.Value);
      Inner.Params.push_back(std::move(B));
    }
    separateParameters(Inner.Params);
    std::set<std::string> &Inputs =
        Out.CallInputs["c" + std::to_string(Inner.Id) + "/"];
    for (const Binding &B : Inner.Params)
      for (const std::string &S : affine::symbols(B.Value))
        Inputs.insert(S);
    if (Node.Ref)
      Inner.This = resolve(C, *Node.Ref);
    CallStack.push_back(Callee->Id);
    walkChildren(Inner, -1);
    CallStack.pop_back();
  }

  void lock(Ctx &C, int N) {
    const OmpNode &Node = nodeOf(C, N);
    if (!Node.Ref)
      return;
    std::optional<ResolvedRef> R = resolve(C, *Node.Ref);
    if (!R)
      return;
    HeldLockRef L;
    L.Base = R->RootKey;
    for (const std::string &S : R->Steps)
      L.Base += S;
    L.Indexes = R->Indexes;
    L.Display = display(*R);
    if (Node.Name == "unset") {
      for (auto It = Locks.begin(); It != Locks.end(); ++It)
        if (It->Base == L.Base && It->Display == L.Display) {
          Locks.erase(It);
          break;
        }
      return;
    }
    Locks.push_back(std::move(L));
  }

  static std::vector<HeldLockRef> intersect(const std::vector<HeldLockRef> &A,
                                            const std::vector<HeldLockRef> &B) {
    std::vector<HeldLockRef> R;
    for (const HeldLockRef &L : A)
      for (const HeldLockRef &M : B)
        if (L.Base == M.Base && L.Display == M.Display) {
          R.push_back(L);
          break;
        }
    return R;
  }

  void loop(Ctx &C, int N) {
    std::vector<std::string> Syms = counters(C, N);
    int T = team();
    std::vector<HeldLockRef> LocksBefore = Locks;
    LoopFrames.push_back({Pos, Path.size(), Syms, {}});
    if (T >= 0 && barrierIn(*C.F, N)) {
      // Barriers inside: the body's first segment runs with what precedes
      // the loop and with the last segment of the iteration before; the
      // last one also with what follows the loop.
      int Id = NextLoop++;
      RegionWalk::BarrierLoop &L = Out.Loops[Id];
      int Entry = Path[T].Phase;
      L.First = newPhase();
      overlap(L.First, Entry);
      if (!Syms.empty()) {
        L.Counter = Syms[0];
        L.Step = nodeOf(C, N).Counters[0].Step;
      }
      Path[T].Phase = L.First;
      Path[T].Loops.push_back(Id);
      walkChildren(C, N);
      Path[T].Loops.pop_back();
      RegionWalk::BarrierLoop &Done = Out.Loops[Id];
      Done.Last = Path[T].Phase;
      overlap(Done.Last, Done.First);
      Path[T].Phase = newPhase();
      overlap(Path[T].Phase, Done.Last);
    } else {
      walkChildren(C, N);
    }
    closeLoop();
    Locks = intersect(LocksBefore, Locks);
  }

  void closeLoop() {
    for (int Task : LoopFrames.back().Tasks)
      Out.Tasks[Task].LoopEnd = Pos;
    ++Pos;
    LoopFrames.pop_back();
  }

  void branch(Ctx &C, int N) {
    int T = team();
    int Before = T >= 0 ? Path[T].Phase : -1;
    bool Barriers = T >= 0 && barrierIn(*C.F, N);
    std::vector<HeldLockRef> LocksBefore = Locks;
    std::vector<std::vector<HeldLockRef>> Ends;
    std::vector<int> Phases;
    // A branch on known values: its symbols, to tell whether all threads
    // take one arm.
    int Id = -1;
    const OmpNode &Node = nodeOf(C, N);
    if (T >= 0 && !Node.Operands.empty()) {
      std::set<std::string> Symbols;
      bool Known = true;
      for (const OmpAffine &O : Node.Operands) {
        OmpAffine R = rename(C, O);
        Known &= R.Known;
        for (const std::string &S : affine::symbols(R))
          Symbols.insert(S);
      }
      if (Known) {
        Id = NextBranch++;
        Out.Branches[Id] = Symbols;
      }
    }
    int ArmIndex = 0;
    for (int Arm : kids(C, N)) {
      Locks = LocksBefore;
      if (Barriers) {
        // Each arm's first segment runs with what precedes the branch;
        // the arm's later segments do not.
        Path[T].Phase = newPhase();
        overlap(Path[T].Phase, Before);
      } else if (T >= 0) {
        Path[T].Phase = Before;
      }
      if (Id >= 0)
        Path[T].Arms.push_back({Id, ArmIndex++});
      size_t Depth = Conds.size();
      for (const OmpConstraint &K : nodeOf(C, Arm).Conditions) {
        OmpConstraint R = K;
        R.Expr = rename(C, K.Expr);
        if (R.Expr.Known)
          Conds.push_back(R);
      }
      walkChildren(C, Arm);
      if (Id >= 0)
        Path[T].Arms.pop_back();
      Conds.resize(Depth);
      Ends.push_back(Locks);
      if (T >= 0)
        Phases.push_back(Path[T].Phase);
    }
    if (Ends.size() < 2)
      Ends.push_back(LocksBefore);
    Locks = Ends[0];
    for (size_t I = 1; I < Ends.size(); ++I)
      Locks = intersect(Locks, Ends[I]);
    if (Barriers) {
      // Every thread takes the same arm (a barrier must be met by all or
      // none): what follows runs with the end of whichever arm was taken.
      int After = newPhase();
      for (int Q : Phases)
        overlap(After, Q);
      // An arm without barriers (or none taken) joins what precedes the
      // branch with what follows it.
      bool Through = Phases.size() < 2 || !barrierIn(*C.F, kids(C, N)[0]) ||
                     !barrierIn(*C.F, kids(C, N).back());
      if (Through)
        overlap(After, Before);
      Path[T].Phase = After;
    } else if (T >= 0) {
      Path[T].Phase = Before;
    }
  }

  //===-- Synchronisation ------------------------------------------------===//

  void sync(TaskInstance &Task, const SourceLoc &Loc, const std::string &By) {
    if (Task.Sync == UINT_MAX) {
      Task.Sync = Pos;
      Task.SyncLoc = Loc;
      Task.SyncBy = By;
    }
  }

  void barrier(const SourceLoc &Loc, const std::string &By) {
    int T = team();
    if (T < 0)
      return;
    Path[T].Phase = newPhase();
    for (TaskInstance &Task : Out.Tasks)
      if (Task.Depth > static_cast<size_t>(T) &&
          TaskTeam[Task.Id] == Path[T].Id)
        sync(Task, Loc, By);
    ++Pos;
  }

  void taskwait(const SourceLoc &Loc) {
    int Creator = Path.empty() ? -1 : Path.back().Id;
    for (TaskInstance &Task : Out.Tasks)
      if (Task.Depth == Path.size() && TaskCreator[Task.Id] == Creator)
        sync(Task, Loc, "the taskwait");
    ++Pos;
  }

  void standalone(Ctx &C, int N) {
    const OmpNode &Node = nodeOf(C, N);
    if (Node.Name == "barrier") {
      barrier(Node.Loc, "the barrier");
    } else if (Node.Name == "taskwait") {
      taskwait(Node.Loc);
    } else if (Node.Name == "ordered") {
      // Doacross: between depend(sink) and depend(source) the iteration
      // waits for the ones it names.
      for (const OmpClause &K : Node.Clauses)
        if (K.Kind == "depend" || K.Kind == "doacross") {
          int T = team();
          if (K.Modifier == "sink" && T >= 0) {
            Doacross.Base = "ordered:" + std::to_string(Path[T].LoopId);
            Doacross.Display = "ordered depend(sink)";
          } else if (K.Modifier == "source") {
            Doacross = HeldLockRef();
          }
        }
    }
  }

  //===-- Constructs -----------------------------------------------------===//

  void directive(Ctx &C, int N) {
    const OmpNode &Node = nodeOf(C, N);
    int Id = NextId++;
    Out.Constructs[Id] = {Node.Name, Node.Loc};
    Constructs.push_back(Id);
    std::vector<std::string> Leaves = leavesOf(Node.Name);
    construct(C, N, Id, Leaves, 0, false);
    Constructs.pop_back();
  }

  void ownedHere(Ctx &C, int N) {
    C.OwnerDepth[N] = static_cast<int>(Path.size()) - 1;
  }

  /// The construct's leaves, outermost first (target teams distribute
  /// parallel for: target, teams, distribute, parallel, for).
  void construct(Ctx &C, int N, int Id, const std::vector<std::string> &Leaves,
                 size_t I, bool LoopDone) {
    const OmpNode &Node = nodeOf(C, N);
    if (I == Leaves.size()) {
      ownedHere(C, N);
      walkChildren(C, N);
      return;
    }
    const std::string &L = Leaves[I];
    bool Nowait = clause(Node, "nowait") != nullptr;
    auto Inner = [&](bool Done) { construct(C, N, Id, Leaves, I + 1, Done); };

    if (L == "critical") {
      HeldLockRef Lock;
      Lock.Base = "critical:" + Node.CriticalName;
      Lock.Display = Node.CriticalName.empty()
                         ? "critical"
                         : "critical(" + Node.CriticalName + ")";
      Locks.push_back(Lock);
      Inner(LoopDone);
      Locks.pop_back();
      return;
    }
    if (L == "ordered" && Leaves.size() == 1) {
      int T = team();
      HeldLockRef Lock;
      Lock.Base = "ordered:" + std::to_string(T >= 0 ? Path[T].LoopId : -1);
      Lock.Display = "ordered";
      Locks.push_back(Lock);
      Inner(LoopDone);
      Locks.pop_back();
      return;
    }
    if (L == "taskgroup") {
      size_t Mark = Out.Tasks.size();
      Inner(LoopDone);
      for (size_t T = Mark; T < Out.Tasks.size(); ++T)
        sync(Out.Tasks[T], Node.Loc, "the end of the taskgroup");
      ++Pos;
      return;
    }
    if (L == "task" || (L == "target" && Nowait)) {
      if (L == "task" && ifFalse(Node, "task")) {
        Inner(LoopDone); // Undeferred: the creator runs it at once.
        return;
      }
      startTask(C, N, Id, L == "task" ? "task" : "target nowait", {}, false);
      Inner(LoopDone);
      endTask();
      return;
    }
    if (L == "parallel" || L == "teams") {
      startTeam(C, N, Id, L);
      Inner(false); // The team's own loop leaf distributes to its threads.
      endTeam();
      return;
    }
    if (L == "master" || L == "masked") {
      int T = team();
      if (T < 0) {
        Inner(LoopDone);
        return;
      }
      const OmpClause *Filter = clause(Node, "filter");
      long long Thread = Filter && Filter->Value >= 0 ? Filter->Value : 0;
      if (Filter && Filter->Value < 0) {
        Inner(LoopDone); // A filter known only at run time.
        return;
      }
      Conds.push_back(threadIs(T, affine::constant(Thread)));
      Inner(LoopDone);
      Conds.pop_back();
      return;
    }
    if (L == "single" || L == "section") {
      int T = team();
      if (T < 0) {
        Inner(LoopDone);
        return;
      }
      std::string One =
          L == "single"
              ? "single@" + std::to_string(Id)
              : "section@" +
                    std::to_string(Sections.empty() ? -1 : Sections.back()) +
                    "." + std::to_string(Id);
      Out.Shared.insert(One);
      Conds.push_back(threadIs(T, affine::symbol(One)));
      Inner(LoopDone);
      Conds.pop_back();
      if (L == "single" && !Nowait)
        endOfWorksharing(Node);
      else if (L == "single")
        Out.NowaitIn[phaseNow()] = Node.Loc;
      return;
    }
    if (L == "sections") {
      Sections.push_back(Id);
      Inner(LoopDone);
      Sections.pop_back();
      if (!Nowait && !isCombinedWithTeam(Leaves, I))
        endOfWorksharing(Node);
      else if (Nowait)
        Out.NowaitIn[phaseNow()] = Node.Loc;
      return;
    }
    if (isLoopLeaf(L)) {
      if (LoopDone) {
        Inner(true);
        return;
      }
      std::vector<std::string> Syms = counters(C, N);
      if (L == "taskloop") {
        startTask(C, N, Id, "taskloop", Syms, true);
        Inner(true);
        endTask();
        if (!clause(Node, "nogroup"))
          for (TaskInstance &T : Out.Tasks)
            if (T.Id == Id)
              sync(T, Node.Loc, "the end of the taskloop");
        ++Pos;
        return;
      }
      int T = team();
      if (L == "simd" && I == 0) {
        // A simd loop in one thread: its lanes run iterations together.
        startTeam(C, N, Id, "simd");
        Path.back().LoopId = Id;
        Path.back().Iteration = Syms;
        if (const OmpClause *S = clause(Node, "safelen"))
          Path.back().Safelen = S->Value;
        LoopFrames.push_back({Pos, Path.size(), Syms, {}});
        Inner(true);
        closeLoop();
        endTeam();
        return;
      }
      if (T < 0) {
        LoopFrames.push_back({Pos, Path.size(), Syms, {}});
        Inner(true);
        closeLoop();
        return;
      }
      StrandStep Saved = Path[T];
      Path[T].LoopId = Id;
      Path[T].Iteration = Syms;
      Path[T].ScheduleKey = scheduleKey(C, N);
      Path[T].RangeKey = rangeKey(C, N);
      if (const OmpClause *S = clause(Node, "safelen"))
        Path[T].Safelen = S->Value;
      LoopFrames.push_back({Pos, Path.size(), Syms, {}});
      Inner(true);
      closeLoop();
      Path[T].LoopId = Saved.LoopId;
      Path[T].Iteration = Saved.Iteration;
      Path[T].ScheduleKey = Saved.ScheduleKey;
      Path[T].RangeKey = Saved.RangeKey;
      Path[T].Safelen = Saved.Safelen;
      bool Barrier =
          (L == "for" || L == "loop") && !isCombinedWithTeam(Leaves, I);
      if (Barrier && !Nowait)
        endOfWorksharing(Node);
      else if (Barrier)
        Out.NowaitIn[phaseNow()] = Node.Loc;
      return;
    }
    if (L == "scope" || L == "workshare") {
      Inner(LoopDone);
      if (!Nowait)
        endOfWorksharing(Node);
      return;
    }
    Inner(LoopDone); // target, data, and the rest: no new strand.
  }

  static bool isCombinedWithTeam(const std::vector<std::string> &Leaves,
                                 size_t I) {
    for (size_t J = 0; J < I; ++J)
      if (Leaves[J] == "parallel")
        return true;
    return false;
  }

  int phaseNow() {
    int T = team();
    return T >= 0 ? Path[T].Phase : 0;
  }

  void endOfWorksharing(const OmpNode &Node) {
    barrier(Node.Loc, "the barrier at the end of '" + Node.Name + "'");
  }

  OmpConstraint threadIs(int T, const OmpAffine &Thread) {
    OmpConstraint K;
    K.Equal = true;
    K.Expr = affine::sub(affine::symbol(Path[T].Tid), Thread);
    return K;
  }

  /// schedule(static[, chunk]) with the loop's ranges: two loops with the
  /// same key give iteration k to the same thread.
  std::string rangeKey(const Ctx &C, int N) {
    std::string K;
    for (const OmpCounter &Cn : nodeOf(C, N).Counters) {
      OmpAffine Lo = rename(C, Cn.Lower), Hi = rename(C, Cn.Upper);
      if (!Lo.Known || !Hi.Known)
        return "";
      K += "|" + affine::toString(Lo) + ".." + affine::toString(Hi) + "/" +
           std::to_string(Cn.Step);
    }
    return K;
  }

  std::string scheduleKey(const Ctx &C, int N) {
    const OmpClause *S = clause(nodeOf(C, N), "schedule");
    if (!S || S->Modifier != "static")
      return "";
    std::string Range = rangeKey(C, N);
    return Range.empty() ? "" : "static:" + std::to_string(S->Value) + Range;
  }

  void startTeam(Ctx &C, int N, int Id, const std::string &Kind) {
    const OmpNode &Node = nodeOf(C, N);
    StrandStep S;
    S.K = StrandStep::Team;
    S.Id = Id;
    S.Enter = Pos++;
    S.Phase = newPhase();
    S.Tid = (Kind == "teams"  ? "team@"
             : Kind == "simd" ? "lane@"
                              : "tid@") +
            std::to_string(Id);
    std::string Count = "nthreads@" + std::to_string(Id);
    Out.Shared.insert(Count);
    const OmpClause *NT =
        clause(Node, Kind == "teams" ? "num_teams" : "num_threads");
    S.OneThread = (NT && NT->Value == 1) ||
                  (Kind == "parallel" && ifFalse(Node, "parallel"));
    if (!NT || NT->Value <= 0) {
      // A team has at least one thread and, without num_threads, at most
      // omp_get_max_threads() (of a call that bounds it: AffineForms). A
      // num_threads of unknown value may ask for more; a nested team is
      // bounded by the next level's value, which no symbol names.
      OmpConstraint AtLeast;
      AtLeast.Expr = affine::sub(affine::symbol(Count), affine::constant(1));
      Out.Facts[Count] = {AtLeast};
      if (!NT && Kind == "parallel" && team() < 0) {
        OmpConstraint AtMost;
        AtMost.Expr =
            affine::sub(affine::symbol("maxthreads"), affine::symbol(Count));
        Out.Facts[Count].push_back(AtMost);
        Out.Shared.insert("maxthreads");
      }
    }
    OmpCounter Range;
    Range.Name = S.Tid;
    Range.Lower = affine::constant(0);
    Range.Upper = NT && NT->Value > 0
                      ? affine::constant(NT->Value - 1)
                      : affine::sub(affine::symbol(Count), affine::constant(1));
    Out.Ranges[S.Tid] = Range;
    Path.push_back(S);
  }

  void endTeam() {
    // Every task of the team is complete at the region's end.
    int Id = Path.back().Id;
    for (TaskInstance &Task : Out.Tasks)
      if (TaskTeam[Task.Id] == Id)
        sync(Task, Out.Constructs[Id].Loc, "the end of the region");
    Path.pop_back();
    ++Pos;
  }

  void startTask(Ctx &C, int N, int Id, const std::string &Name,
                 const std::vector<std::string> &Iterations, bool Taskloop) {
    const OmpNode &Node = nodeOf(C, N);
    TaskInstance T;
    T.Id = Id;
    T.Name = Name;
    T.Loc = Node.Loc;
    T.Create = Pos++;
    T.Depth = Path.size();
    T.Taskloop = Taskloop;
    T.Instance = Iterations;
    for (LoopFrame &F : LoopFrames)
      if (F.PathSize == Path.size()) {
        T.Instance.insert(T.Instance.end(), F.Counters.begin(),
                          F.Counters.end());
      }
    if (!LoopFrames.empty() && LoopFrames.back().PathSize == Path.size()) {
      T.InLoop = true;
      T.LoopBegin = LoopFrames.back().Begin;
      LoopFrames.back().Tasks.push_back(static_cast<int>(Out.Tasks.size()));
    }
    for (const OmpClause &K : Node.Clauses)
      if (K.Kind == "depend")
        for (const OmpRef &Item : K.Items)
          if (auto R = resolve(C, Item))
            T.Depends.push_back({K.Modifier, key(*R)});
    int Tm = team();
    TaskTeam[Id] = Tm >= 0 ? Path[Tm].Id : -1;
    TaskCreator[Id] = Path.empty() ? -1 : Path.back().Id;
    T.Creator = TaskCreator[Id];
    StrandStep S;
    S.K = StrandStep::TaskStep;
    S.Id = Id;
    S.Enter = T.Create;
    S.Task = static_cast<int>(Out.Tasks.size());
    Out.Tasks.push_back(std::move(T));
    Path.push_back(S);
  }

  void endTask() {
    Path.pop_back();
    ++Pos;
  }

  struct LoopFrame {
    unsigned Begin;
    size_t PathSize;
    std::vector<std::string> Counters;
    std::vector<int> Tasks;
  };

  const Program &P;
  RegionWalk &Out;
  std::map<const FunctionFacts *, std::vector<std::vector<int>>> ChildCache;
  std::vector<StrandStep> Path;
  std::vector<HeldLockRef> Locks;
  HeldLockRef Doacross;
  std::vector<OmpConstraint> Conds;
  std::vector<LoopFrame> LoopFrames;
  std::vector<int> Sections;
  std::vector<int> Constructs;
  std::map<int, int> TaskTeam, TaskCreator;
  std::vector<std::string> CallStack;
  std::map<std::pair<const FunctionFacts *, int>, bool> BarrierCache;
  unsigned Pos = 1;
  int NextId = 0;
  int NextCtx = 0;
  int NextLoop = 0;
  int NextBranch = 0;
};

} // namespace

RegionWalk walkRegion(const Program &P, const FunctionFacts &Function,
                      int Start) {
  RegionWalk Out;
  Walker(P, Out).run(Function, Start);
  return Out;
}

} // namespace omp
} // namespace concur
