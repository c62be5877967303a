// corpus: racy
// pattern: page descriptor bit-fields set by different threads
// race: PageInfo::dirty
// race: PageInfo::pinned
//
// Racy: adjacent bit-fields share one memory location, so writing `dirty`
// on one thread and `pinned` on another is a data race even though the
// fields differ.
#include <cstdio>
#include <memory>
#include <thread>

struct PageInfo {
  unsigned dirty : 1;
  unsigned pinned : 1;
  unsigned age : 6;
};

int main() {
  auto Pages = std::make_unique<PageInfo[]>(64);
  std::thread Writer([&] {
    for (int Round = 0; Round < 200; ++Round)
      for (int P = 0; P < 64; ++P)
        Pages[P].dirty = (Round + P) & 1; // RACE
  });
  std::thread Pinner([&] {
    for (int Round = 0; Round < 200; ++Round)
      for (int P = 0; P < 64; ++P)
        Pages[P].pinned = (Round * P) & 1; // RACE
  });
  Writer.join();
  Pinner.join();
  int Dirty = 0;
  for (int P = 0; P < 64; ++P)
    Dirty += Pages[P].dirty;
  std::printf("dirty pages=%d\n", Dirty);
}
