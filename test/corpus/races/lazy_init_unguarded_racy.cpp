// corpus: racy
// pattern: lazily built CRC table guarded by a plain bool
// race: g_crc_ready
// race: g_crc_table
//
// Racy: two threads may build the table at once, and a thread that sees
// g_crc_ready == true has no happens-before with the table writes.
#include <cstdint>
#include <cstdio>
#include <thread>

uint32_t g_crc_table[256];
bool g_crc_ready = false;

static void buildTable() {
  for (uint32_t I = 0; I < 256; ++I) {
    uint32_t C = I;
    for (int K = 0; K < 8; ++K)
      C = (C & 1) ? 0xEDB88320u ^ (C >> 1) : C >> 1;
    g_crc_table[I] = C; // RACE
  }
}

static uint32_t crc32(const char *Data, int Len) {
  if (!g_crc_ready) { // RACE
    buildTable();
    g_crc_ready = true; // RACE
  }
  uint32_t C = 0xFFFFFFFFu;
  for (int I = 0; I < Len; ++I)
    C = g_crc_table[(C ^ Data[I]) & 0xFF] ^ (C >> 8); // RACE
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
