// RUN: %concur check %s --checks=-*,concur-blocking-in-coroutine -- -std=c++20 -I %S/../Inputs 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A call on a file descriptor blocks only if the descriptor can: those
// created or switched non-blocking (SOCK_NONBLOCK, EFD_NONBLOCK, pipe2 and
// fcntl with O_NONBLOCK, ioctl FIONBIO, Asio's non_blocking(true)) return at
// once, wherever the descriptor is kept and copied; close() waits only when
// SO_LINGER asked it to.

#include "coro.h"
#include <asio.hpp>
#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

task nonblocking_socket(char *Buf) {
  int Fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  ::recv(Fd, Buf, 16, 0);
  ::close(Fd);
  co_return;
}

task blocking_socket(char *Buf) {
  int Fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ::recv(Fd, Buf, 16, 0);
  // CHECK: descriptors.cpp:[[@LINE-1]]:3: warning: coroutine 'blocking_socket' blocks: it calls 'recv' (net-io)
  ::close(Fd);
  co_return;
}

task switched_later(char *Buf) {
  int Fd = ::socket(AF_INET, SOCK_STREAM, 0);
  int Flags = ::fcntl(Fd, F_GETFL, 0);
  ::fcntl(Fd, F_SETFL, Flags | O_NONBLOCK);
  ::send(Fd, Buf, 16, 0);
  co_return;
}

task switched_by_ioctl(char *Buf) {
  int Fd = ::socket(AF_INET, SOCK_DGRAM, 0);
  int On = 1;
  ::ioctl(Fd, FIONBIO, &On);
  ::recv(Fd, Buf, 16, 0);
  co_return;
}

// A scheduler's wake-up eventfd, kept in a member, written by a method the
// coroutine calls.
class Scheduler {
public:
  Scheduler() : Wake(::eventfd(0, EFD_NONBLOCK)) {}
  void notify() {
    std::uint64_t One = 1;
    ::write(Wake, &One, sizeof One);
  }

private:
  int Wake;
};

task notify_scheduler(Scheduler &S) {
  S.notify();
  co_return;
}

// A pipe's ends, and a copy of one of them.
task pipe_ends(char *Buf) {
  int Ends[2];
  ::pipe2(Ends, O_NONBLOCK);
  int Writer = Ends[1];
  ::write(Writer, Buf, 1);
  ::read(Ends[0], Buf, 1);
  co_return;
}

// A helper's parameter is the descriptor its callers pass.
void read_some(int Fd, char *Buf) { ::read(Fd, Buf, 8); }
task through_helper(char *Buf) {
  int Fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  read_some(Fd, Buf);
  co_return;
}
void read_file(int Fd, char *Buf) { ::read(Fd, Buf, 8); }
task through_helper_blocking(char *Buf) {
  int Fd = ::open("/etc/hosts", O_RDONLY);
  // CHECK: descriptors.cpp:[[@LINE-1]]:12: warning: coroutine 'through_helper_blocking' blocks: it calls 'open' (file-io)
  read_file(Fd, Buf);
  // CHECK: descriptors.cpp:[[@LINE-1]]:3: warning: coroutine 'through_helper_blocking' blocks: it calls 'read_file', which calls 'read' (file-io)
  co_return;
}

// SO_LINGER: close() waits for the unsent data.
task lingering_close() {
  int Fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  linger L{1, 5};
  ::setsockopt(Fd, SOL_SOCKET, SO_LINGER, &L, sizeof L);
  ::close(Fd);
  // CHECK: descriptors.cpp:[[@LINE-1]]:3: warning: coroutine 'lingering_close' blocks: it calls 'close' (file-io)
  co_return;
}

// Asio: a socket switched to non-blocking mode.
task asio_nonblocking(asio::ip::tcp::socket &Socket, char *Buf) {
  Socket.non_blocking(true);
  Socket.read_some(asio::buffer(Buf, 16));
  co_return;
}
task asio_blocking(asio::ip::tcp::socket &Other, char *Buf) {
  Other.read_some(asio::buffer(Buf, 16));
  // CHECK: descriptors.cpp:[[@LINE-1]]:9: warning: coroutine 'asio_blocking' blocks: it calls 'asio::basic_stream_socket::read_some' (net-io)
  co_return;
}
