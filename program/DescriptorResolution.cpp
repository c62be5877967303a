//===- DescriptorResolution.cpp - Which calls on descriptors can block ----===//

#include "program/DescriptorResolution.h"

#include <set>

namespace concur {
namespace {

/// Slots of one descriptor, united by copies.
class Descriptor {
public:
  std::string find(const std::string &Slot) {
    std::string Root = Slot;
    while (true) {
      auto It = Parent.find(Root);
      if (It == Parent.end() || It->second == Root)
        break;
      Root = It->second;
    }
    // Path compression, iteratively.
    std::string Walk = Slot;
    while (Walk != Root) {
      std::string Next = Parent[Walk];
      Parent[Walk] = Root;
      Walk = Next;
    }
    return Root;
  }
  void unite(const std::string &A, const std::string &B) {
    std::string RA = find(A), RB = find(B);
    if (RA != RB)
      Parent[RA] = RB;
  }

private:
  std::map<std::string, std::string> Parent;
};

} // namespace

void resolveDescriptors(std::map<std::string, FunctionFacts> &Functions) {
  Descriptor Same;
  for (const auto &[Id, F] : Functions)
    for (const DescriptorFact &D : F.Descriptors)
      if (!D.FromSlot.empty())
        Same.unite(D.Slot, D.FromSlot);
  std::set<std::string> NonBlocking, Lingering;
  for (const auto &[Id, F] : Functions)
    for (const DescriptorFact &D : F.Descriptors) {
      if (D.Sets == DescriptorEffect::NonBlocking)
        NonBlocking.insert(Same.find(D.Slot));
      else if (D.Sets == DescriptorEffect::Lingering)
        Lingering.insert(Same.find(D.Slot));
    }
  if (NonBlocking.empty() && Lingering.empty())
    return;
  for (auto &[Id, F] : Functions)
    for (CallSite &C : F.Calls)
      for (ApiUse &A : C.Apis) {
        if (A.FdSlot.empty())
          continue;
        std::string Root = Same.find(A.FdSlot);
        if (A.FdBlocks == DescriptorBlocking::UnlessNonBlocking &&
            NonBlocking.count(Root))
          A.Blocks = false;
        else if (A.FdBlocks == DescriptorBlocking::IfLingering &&
                 Lingering.count(Root))
          A.Blocks = true;
      }
}

} // namespace concur
