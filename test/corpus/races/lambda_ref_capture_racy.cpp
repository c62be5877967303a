// corpus: racy
// pattern: lambdas capturing a local total by reference in parallel chunks
// race: main::total_bytes
//
// Racy: both chunk workers add into the same local through a [&] capture,
// without a lock.
#include <cstdio>
#include <thread>
#include <vector>

int main() {
  std::vector<int> PacketSizes(20000);
  for (size_t I = 0; I < PacketSizes.size(); ++I)
    PacketSizes[I] = static_cast<int>(I % 1500);

  long total_bytes = 0;
  size_t Half = PacketSizes.size() / 2;
  auto SumRange = [&](size_t Begin, size_t End) {
    for (size_t I = Begin; I < End; ++I)
      total_bytes += PacketSizes[I]; // RACE
  };
  std::thread A(SumRange, 0, Half);
  std::thread B(SumRange, Half, PacketSizes.size());
  A.join();
  B.join();
  std::printf("bytes=%ld\n", total_bytes);
}
