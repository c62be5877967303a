// A vendored copy of a few of Asio's classes, included as a project header
// (-I, not -isystem): its internals take a mutex for bookkeeping.
#pragma once
#include <pthread.h>
#include <string>

namespace asio {
namespace detail {
class posix_mutex {
public:
  void lock() { pthread_mutex_lock(&M); }
  void unlock() { pthread_mutex_unlock(&M); }

private:
  pthread_mutex_t M = PTHREAD_MUTEX_INITIALIZER;
};
inline posix_mutex &registry_mutex() {
  static posix_mutex M;
  return M;
}
} // namespace detail

namespace ip {
template <class Protocol> class basic_resolver {
public:
  basic_resolver() {
    detail::registry_mutex().lock(); // O(1) service bookkeeping.
    detail::registry_mutex().unlock();
  }
  int resolve(const std::string &Host, const std::string &Service) {
    return 0;
  }
};
struct tcp {};
} // namespace ip
} // namespace asio

// A vendored library the project's config names as a library's own.
namespace vendor {
inline void flush_cache() {
  pthread_mutex_t M = PTHREAD_MUTEX_INITIALIZER;
  pthread_mutex_lock(&M);
}
} // namespace vendor

// yalantinglibs' logger, which the built-in catalog lists as a library's
// own: a record is queued for a writer thread by default, so its internals'
// file I/O is not the caller's.
#include <stdio.h>
namespace easylog {
inline void write_record(const char *Path) {
  if (FILE *F = fopen(Path, "a"))
    fclose(F);
}
} // namespace easylog
