// RUN: %concur check %s --checks=-*,concur-execution-model -- -std=c++20 -I %S/../Inputs 2>&1 | FileCheck %s --check-prefix=WARN --implicit-check-not="warning:"
// RUN: %concur advise %s -- -std=c++20 -I %S/../Inputs | FileCheck %s --check-prefix=TABLE
// One advised model per task entry, and a warning where the advice points
// at a mistake. Each rule has a case that triggers it and a twin that does not.

#include "coro.h"
#include <cstdio>
#include <cstring>
#include <sys/socket.h>
#include <thread>
#include <vector>

// I/O-bound on sockets: an event loop fits. Started once per connection it
// is a thread per task: warned. Started once: advised, not warned.
long serve_client(int Fd) {
  char Buf[512];
  long Total = 0;
  ssize_t N;
  while ((N = recv(Fd, Buf, sizeof(Buf), 0)) > 0)
    Total += send(Fd, Buf, N, 0);
  return Total;
}
long serve_admin(int Fd) { return serve_client(Fd); }
// TABLE: FUNCTION{{ +}}LOCATION{{ +}}KIND{{ +}}CLASS{{ +}}CPU{{ +}}IO{{ +}}MODEL{{ +}}REASON
// TABLE: serve_client{{ +}}{{.*}}execution-model.cpp:15{{ +}}thread-entry{{ +}}io-bound{{ +}}0.00{{ +}}1.00{{ +}}event-loop{{ +}}I/O-bound on net-io, which have asynchronous APIs (sockets, timers): coroutines on one event loop serve many of these at once instead of a thread each
// TABLE: serve_admin{{ +}}{{.*}}execution-model.cpp:23{{ +}}thread-entry{{ +}}io-bound{{ .*}}event-loop

// I/O through blocking-only file APIs: a thread pool sized for concurrency.
void archive(const char *Path) {
  FILE *F = std::fopen(Path, "ab");
  for (int I = 0; I < 100; ++I)
    std::fputs("line\n", F);
  std::fclose(F);
}
// TABLE: archive{{ +}}{{.*}}execution-model.cpp:[[@LINE-6]]{{ +}}thread-entry{{ +}}io-bound{{ .*}}thread-pool{{ +}}I/O-bound through blocking-only APIs (file-io: 'fclose', 'fopen', 'fputs'): run it on a thread pool sized for the number of concurrent operations, not the number of cores

// CPU-bound and thread-safe: a thread pool sized to the cores.
namespace BS {
class thread_pool {
public:
  template <class F> void detach_task(F &&Task) {}
};
} // namespace BS
long checksum(const unsigned char *Data) {
  long Sum = 0;
  for (int I = 0; I < 1000000; ++I)
    Sum = Sum * 31 + Data[I % 64];
  return Sum;
}
void checksum_job() {
  static unsigned char Data[64];
  checksum(Data);
}
// TABLE: checksum_job{{ +}}{{.*}}execution-model.cpp:[[@LINE-4]]{{ +}}pool-job{{ +}}cpu-bound{{ .*}}thread-pool{{ +}}CPU-bound ({{.*}}, in 'checksum') and safe to share a process: a thread pool sized to the cores (C++ threads run in parallel; there is no GIL)

// CPU-bound but calling strtok, which is not thread-safe: processes.
int count_words(char *Text) {
  int Words = 0;
  for (int Round = 0; Round < 100000; ++Round)
    Words += Text[Round % 32] == ' ';
  for (char *W = std::strtok(Text, " "); W; W = std::strtok(nullptr, " "))
    ++Words;
  return Words;
}
// WARN-DAG: execution-model.cpp:{{[0-9]+}}:{{[0-9]+}}: warning: thread 'count_words' runs CPU-bound work and it calls 'strtok', which is not thread-safe; threads running it at once interfere [concur-execution-model]
// TABLE: count_words{{ +}}{{.*}}execution-model.cpp:[[@LINE-9]]{{ +}}thread-entry{{ +}}cpu-bound{{ .*}}processes{{ +}}CPU-bound ({{.*}}) and it calls 'strtok', which is not thread-safe: run it in worker processes, or make it thread-safe and use a thread pool sized to the cores

// CPU-bound and writing a global without a lock: processes too (advised;
// not warned, since only one copy runs).
long g_last_result;
void simulate() {
  long X = 1;
  for (int I = 0; I < 10000000; ++I)
    X = X * 6364136223846793005L + 1;
  g_last_result = X;
}
// TABLE: simulate{{ +}}{{.*}}execution-model.cpp:[[@LINE-6]]{{ +}}thread-entry{{ +}}cpu-bound{{ .*}}processes{{ +}}CPU-bound ({{.*}}) and it writes 'g_last_result' without a lock

// Mixed: the split names the callees carrying each part.
long hash_block(const unsigned char *Data) {
  long H = 0;
  for (int I = 0; I < 8192; ++I)
    H = H * 131 + Data[I % 64];
  return H;
}
void upload(int Fd, const unsigned char *Data) {
  long H = hash_block(Data);
  send(Fd, &H, sizeof(H), 0);
}
// TABLE: upload{{ +}}{{.*}}execution-model.cpp:[[@LINE-4]]{{ +}}thread-entry{{ +}}mixed{{ .*}}event-loop{{ +}}mixed ({{.*}}): split it: the I/O in its own calls (net-io) on an event loop, the computation in 'hash_block' handed to a thread pool sized to the cores

// CPU work inside a coroutine starves the loop: warned, offload advised.
task crunch(const unsigned char *Data) {
  long Sum = checksum(Data);
  (void)Sum;
  co_return;
}
// WARN-DAG: execution-model.cpp:[[@LINE-5]]:6: warning: coroutine 'crunch' does CPU-bound work on its event loop ({{.*}}, in 'checksum'); while it computes, no other task on the loop runs [concur-execution-model]
// WARN-DAG: execution-model.cpp:[[@LINE-6]]:6: note: advice for 'crunch': thread-pool: CPU-bound work inside a coroutine
// TABLE: crunch{{ +}}{{.*}}execution-model.cpp:[[@LINE-7]]{{ +}}coroutine{{ +}}cpu-bound{{ .*}}thread-pool

// A coroutine that blocks on a socket: the event loop, with its blocking
// calls named and their asynchronous alternatives.
task fetch(int Fd) {
  char Buf[64];
  recv(Fd, Buf, sizeof(Buf), 0);
  co_return;
}
// TABLE: fetch{{ +}}{{.*}}execution-model.cpp:[[@LINE-5]]{{ +}}coroutine{{ +}}io-bound{{ .*}}event-loop{{ +}}I/O-bound coroutine: keep it on the event loop, but make its blocking calls asynchronous: 'recv' (use asio::ip::tcp::socket::async_read_some / async_receive)

int main() {
  std::vector<std::thread> Clients;
  for (int Fd = 3; Fd < 8; ++Fd)
    Clients.emplace_back(serve_client, Fd);
  // WARN-DAG: execution-model.cpp:[[@LINE-1]]:13: warning: thread 'serve_client' is I/O-bound (net-io) and is started once per task: a thread per connection; coroutines on an event loop would serve them with one thread [concur-execution-model]
  for (auto &C : Clients)
    C.join();
  std::thread Admin(serve_admin, 9);
  Admin.join();
  std::thread A(archive, "log"), W(count_words, nullptr), S(simulate),
      U(upload, 3, nullptr);
  A.join(); W.join(); S.join(); U.join();
  unsigned char Data[64] = {};
  BS::thread_pool Pool;
  Pool.detach_task(checksum_job);
  crunch(Data);
  fetch(3);
}
// Nothing else is reported: the summary counts every diagnostic.
// WARN: concur: 1 file analysed, 0 failed to parse; 3 concur-execution-model
