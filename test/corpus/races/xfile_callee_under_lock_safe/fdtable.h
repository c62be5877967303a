#ifndef FDTABLE_H
#define FDTABLE_H

#include <mutex>

// Process-wide table of open descriptors.
extern std::mutex g_fd_mutex;
extern int g_open_files;

// Both require g_fd_mutex to be held by the caller.
void registerHandle(int Fd);
void unregisterHandle(int Fd);

#endif
