// corpus: safe
// pattern: lazily built lookup table as a function-local static
//
// Safe: initialisation of a function-local static is thread-safe in C++11
// and later ("magic statics"); afterwards the table is only read.
#include <array>
#include <cstdint>
#include <cstdio>
#include <thread>

static const std::array<uint32_t, 256> &crcTable() {
  static const std::array<uint32_t, 256> Table = [] {
    std::array<uint32_t, 256> T{};
    for (uint32_t I = 0; I < 256; ++I) {
      uint32_t C = I;
      for (int K = 0; K < 8; ++K)
        C = (C & 1) ? 0xEDB88320u ^ (C >> 1) : C >> 1;
      T[I] = C;
    }
    return T;
  }();
  return Table;
}

static uint32_t crc32(const char *Data, int Len) {
  const auto &Table = crcTable();
  uint32_t C = 0xFFFFFFFFu;
  for (int I = 0; I < Len; ++I)
    C = Table[(C ^ Data[I]) & 0xFF] ^ (C >> 8);
  return C ^ 0xFFFFFFFFu;
}

int main() {
  uint32_t A = 0, B = 0;
  std::thread T1([&] { A = crc32("hello world", 11); });
  std::thread T2([&] { B = crc32("hello world", 11); });
  T1.join();
  T2.join();
  std::printf("%08x %08x\n", A, B);
}
