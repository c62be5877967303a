// corpus: safe
// pattern: page descriptor flags set by different threads, one byte each
//
// Safe: twin of bitfield_flags_racy; `dirty` and `pinned` are separate
// bool members, i.e. distinct memory locations, so each thread owns its own
// field and the two never conflict.
#include <cstdio>
#include <memory>
#include <thread>

struct PageInfo {
  bool dirty;
  bool pinned;
  unsigned char age;
};

int main() {
  auto Pages = std::make_unique<PageInfo[]>(64);
  std::thread Writer([&] {
    for (int Round = 0; Round < 200; ++Round)
      for (int P = 0; P < 64; ++P)
        Pages[P].dirty = (Round + P) & 1;
  });
  std::thread Pinner([&] {
    for (int Round = 0; Round < 200; ++Round)
      for (int P = 0; P < 64; ++P)
        Pages[P].pinned = (Round * P) & 1;
  });
  Writer.join();
  Pinner.join();
  int Dirty = 0;
  for (int P = 0; P < 64; ++P)
    Dirty += Pages[P].dirty;
  std::printf("dirty pages=%d\n", Dirty);
}
