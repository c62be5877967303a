// corpus: safe
// pattern: lambdas capturing a local total by reference in parallel chunks
//
// Safe: twin of lambda_ref_capture_racy; each worker accumulates into its own
// partial sum and main adds the partials only after both joins.
#include <cstdio>
#include <thread>
#include <vector>

int main() {
  std::vector<int> PacketSizes(20000);
  for (size_t I = 0; I < PacketSizes.size(); ++I)
    PacketSizes[I] = static_cast<int>(I % 1500);

  long PartialA = 0, PartialB = 0;
  size_t Half = PacketSizes.size() / 2;
  auto SumRange = [&](size_t Begin, size_t End, long &Out) {
    long Local = 0;
    for (size_t I = Begin; I < End; ++I)
      Local += PacketSizes[I];
    Out = Local;
  };
  std::thread A(SumRange, 0, Half, std::ref(PartialA));
  std::thread B(SumRange, Half, PacketSizes.size(), std::ref(PartialB));
  A.join();
  B.join();
  long total_bytes = PartialA + PartialB;
  std::printf("bytes=%ld\n", total_bytes);
}
