// corpus: safe
// pattern: descriptor table helpers in another translation unit that rely
//          on their callers holding the lock
//
// Safe: registerHandle/unregisterHandle (fdtable.cpp) touch globals without
// locking, but every call below is made with g_fd_mutex held.
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
  for (int Fd = 3; Fd < 3003; ++Fd) {
    std::lock_guard<std::mutex> Lock(g_fd_mutex);
    unregisterHandle(Fd);
  }
}

int main() {
  std::thread A(opener), B(closer);
  A.join();
  B.join();
  std::printf("open files=%d\n", g_open_files);
}
