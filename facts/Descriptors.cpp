//===- Descriptors.cpp - File descriptors that cannot block ---------------===//

#include "facts/Descriptors.h"

#include <vector>

using namespace clang;

namespace concur {
namespace extract {

bool Descriptors::argumentIs(const Expr *Arg, long long Value) const {
  Expr::EvalResult R;
  return !Arg->isValueDependent() && Arg->EvaluateAsInt(R, S.TU.Ctx) &&
         R.Val.getInt().getExtValue() == Value;
}

/// flags | O_NONBLOCK, SOCK_STREAM | SOCK_NONBLOCK: some constant part of an
/// or-ed flags expression has the bit.
bool Descriptors::hasFlag(const Expr *Flags, long long Flag) const {
  std::vector<const Expr *> Work = {Flags};
  while (!Work.empty()) {
    const Expr *E = Work.back()->IgnoreParenImpCasts();
    Work.pop_back();
    Expr::EvalResult R;
    if (!E->isValueDependent() && E->EvaluateAsInt(R, S.TU.Ctx)) {
      if (R.Val.getInt().getExtValue() & Flag)
        return true;
      continue;
    }
    if (const auto *B = dyn_cast<BinaryOperator>(E);
        B && (B->getOpcode() == BO_Or || B->getOpcode() == BO_OrAssign)) {
      Work.push_back(B->getLHS());
      Work.push_back(B->getRHS());
    }
  }
  return false;
}

void Descriptors::handle(const CatalogEntry &E, const Expr *Call,
                         const Expr *Receiver,
                         llvm::ArrayRef<const Expr *> Args) {
  for (const auto &[Index, Value] : E.When)
    if (Index >= Args.size() || !argumentIs(Args[Index], Value))
      return;
  if (E.FlagsArg &&
      (*E.FlagsArg >= Args.size() || !hasFlag(Args[*E.FlagsArg], E.Flag)))
    return;
  std::optional<Slot> Target;
  if (!E.DescriptorArg) {
    // The descriptor is what the call returns: where it is kept.
    const Expr *Self = S.skip(Call);
    if (const VarDecl *Var = S.Lexical.initialises(Self))
      Target = Flow.varSlot(Var);
    else if (const Expr *LHS = S.Lexical.assignedTo(Self))
      Target = Flow.slotOf(LHS);
    else if (const FieldDecl *Member = S.Lexical.initialisesMember(Self))
      Target = Flow.fieldSlot(Member);
  } else if (*E.DescriptorArg < 0) {
    if (Receiver)
      Target = Flow.slotOf(Receiver);
  } else if (static_cast<unsigned>(*E.DescriptorArg) < Args.size()) {
    Target = Flow.slotOf(Args[*E.DescriptorArg]);
  }
  if (!Target)
    return;
  if (E.Elements)
    Target = CallableFlow::elements(*Target);
  DescriptorFact Fact;
  Fact.Slot = Target->Id;
  Fact.Sets = E.Sets;
  Fact.Loc = S.TU.loc(Call->getExprLoc());
  S.Out.Descriptors.push_back(std::move(Fact));
}

std::string Descriptors::slotOfCall(const CatalogEntry &E, const Expr *Receiver,
                                    llvm::ArrayRef<const Expr *> Args) {
  if (!E.FdArg)
    return "";
  // "receiver": the object of a member call, or the first argument of a
  // free function on it (std::getline(in, line)).
  const Expr *Fd = *E.FdArg < 0 ? (Receiver       ? Receiver
                                   : Args.empty() ? nullptr
                                                  : Args.front())
                   : static_cast<unsigned>(*E.FdArg) < Args.size()
                       ? Args[*E.FdArg]
                       : nullptr;
  if (!Fd)
    return "";
  std::optional<Slot> Held = Flow.slotOf(Fd);
  return Held ? Held->Id : "";
}

void Descriptors::memoryFile(const Expr *Call) {
  // std::ifstream In("/proc/self/status"), FILE *F = fopen("/proc/..."):
  // the object (or the handle kept) reads and writes memory.
  const Expr *Self = S.skip(Call);
  std::optional<Slot> Target;
  if (const VarDecl *Var = S.Lexical.initialises(Self))
    Target = Flow.varSlot(Var);
  else if (const Expr *LHS = S.Lexical.assignedTo(Self))
    Target = Flow.slotOf(LHS);
  if (!Target)
    return;
  DescriptorFact Fact;
  Fact.Slot = Target->Id;
  Fact.Sets = DescriptorEffect::NonBlocking;
  Fact.Loc = S.TU.loc(Call->getExprLoc());
  S.Out.Descriptors.push_back(std::move(Fact));
}

void Descriptors::copy(const Slot &Into, const Expr *Value) {
  if (!Value || !Value->getType()->isIntegralOrEnumerationType())
    return;
  std::optional<Slot> From = Flow.slotOf(Value);
  if (!From || From->Id == Into.Id)
    return;
  DescriptorFact Fact;
  Fact.Slot = Into.Id;
  Fact.FromSlot = From->Id;
  Fact.Loc = S.TU.loc(Value->getExprLoc());
  S.Out.Descriptors.push_back(std::move(Fact));
}

} // namespace extract
} // namespace concur
