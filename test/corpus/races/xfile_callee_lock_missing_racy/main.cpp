// corpus: racy
// pattern: descriptor table helpers in another translation unit that rely
//          on their callers holding the lock; one caller forgets
// race: g_open_files
// race: g_last_fd
//
// Racy: twin of xfile_callee_under_lock_safe; the closer calls
// unregisterHandle (fdtable.cpp) without g_fd_mutex, so its updates race
// with the opener's locked registerHandle calls.
#include "fdtable.h"
#include <cstdio>
#include <thread>

static void opener() {
  for (int Fd = 3; Fd < 3003; ++Fd) {
    std::lock_guard<std::mutex> Lock(g_fd_mutex);
    registerHandle(Fd);
  }
}

static void closer() {
  for (int Fd = 3; Fd < 3003; ++Fd)
    unregisterHandle(Fd); // bug: g_fd_mutex not held
}

int main() {
  std::thread A(opener), B(closer);
  A.join();
  B.join();
  std::printf("open files=%d\n", g_open_files);
}
