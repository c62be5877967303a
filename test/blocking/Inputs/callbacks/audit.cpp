#include "events.h"
#include <cstdio>
#include <unistd.h>

// Sets the hook: every request is written to an audit file, synchronously.
void install_audit() {
  set_on_request([](int Id) {
    FILE *Log = std::fopen("/tmp/audit.log", "a");
    std::fprintf(Log, "%d\n", Id);
    std::fclose(Log);
  });
}

struct DiskBackend : Backend {
  void store(int Id) override { fsync(Id); }
};
Backend &backend() {
  static DiskBackend B;
  return B;
}
