// corpus: safe
// pattern: lazily built CRC table initialised with std::call_once
//
// Safe: twin of lazy_init_unguarded_racy; call_once runs buildTable exactly
// once and every caller returning from call_once happens after it.
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <thread>

uint32_t g_crc_table[256];
std::once_flag g_crc_once;

static void buildTable() {
  for (uint32_t I = 0; I < 256; ++I) {
    uint32_t C = I;
    for (int K = 0; K < 8; ++K)
      C = (C & 1) ? 0xEDB88320u ^ (C >> 1) : C >> 1;
    g_crc_table[I] = C;
  }
}

static uint32_t crc32(const char *Data, int Len) {
  std::call_once(g_crc_once, buildTable);
  uint32_t C = 0xFFFFFFFFu;
  for (int I = 0; I < Len; ++I)
    C = g_crc_table[(C ^ Data[I]) & 0xFF] ^ (C >> 8);
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
