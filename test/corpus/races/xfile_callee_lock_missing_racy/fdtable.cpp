#include "fdtable.h"

std::mutex g_fd_mutex;
int g_open_files = 0;
static int g_last_fd = -1;

void registerHandle(int Fd) {
  ++g_open_files; // RACE
  g_last_fd = Fd; // RACE
}

void unregisterHandle(int Fd) {
  --g_open_files;      // RACE
  if (g_last_fd == Fd) // RACE
    g_last_fd = -1;    // RACE
}
