// RUN: %concur check %s --checks=-*,concur-function-boundness -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="remark:"
// Every function gets a class from a static estimate of its computation
// (loops, their bounds, operations) and its waiting (catalogued I/O).

#include <chrono>
#include <cstdio>
#include <sys/socket.h>
#include <thread>

long count_up() {
  // CHECK: boundness.cpp:[[@LINE-1]]:6: remark: function 'count_up' is cpu-bound (cpu 1.00, io 0.00; ~{{.*}}M ns computing, ~0 ns waiting per call) [concur-function-boundness]
  // CHECK-NEXT: note: 1 loop (nesting 1), ~{{.*}}M operations per call
  long Sum = 0;
  for (long I = 0; I < 100000000; ++I)
    Sum += I * I;
  return Sum;
}

long read_socket(int Fd) {
  // CHECK: boundness.cpp:[[@LINE-1]]:6: remark: function 'read_socket' is io-bound (cpu 0.00, io 1.00;
  // CHECK: note: calls 'recv' (net-io) in a loop at boundness.cpp:[[@LINE+4]]
  char Buf[4096];
  long Total = 0;
  ssize_t N;
  while ((N = recv(Fd, Buf, sizeof(Buf), 0)) > 0)
    Total += N;
  return Total;
}

void copy_file(const char *From, const char *To) {
  // CHECK: boundness.cpp:[[@LINE-1]]:6: remark: function 'copy_file' is io-bound
  FILE *In = std::fopen(From, "rb");
  FILE *Out = std::fopen(To, "wb");
  char Buf[4096];
  size_t N;
  while ((N = std::fread(Buf, 1, sizeof(Buf), In)) > 0)
    std::fwrite(Buf, 1, N, Out);
  std::fclose(In);
  std::fclose(Out);
}

bool g_done;
void poll_status() {
  // CHECK: boundness.cpp:[[@LINE-1]]:6: remark: function 'poll_status' is io-bound
  // CHECK: note: calls 'std::this_thread::sleep_for' (sleep) in a loop
  while (!g_done)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
}

// Compression-like work over a block, written out once at the end.
void compress_and_save(const unsigned char *In, unsigned char *Out, FILE *F) {
  // CHECK: boundness.cpp:[[@LINE-1]]:6: remark: function 'compress_and_save' is mixed
  for (int I = 0; I < 4096; ++I)
    Out[I] = static_cast<unsigned char>((In[I] ^ 0x5a) + (In[I] >> 3));
  std::fwrite(Out, 1, 4096, F);
}

struct Point {
  int X;
  int getX() const { return X; }
  // CHECK: boundness.cpp:[[@LINE-1]]:7: remark: function 'Point::getX' is negligible (cpu 0.00, io 0.00; ~0 ns computing, ~0 ns waiting per call)
};

// Three levels down, the class is the leaf's.
int level3() { return static_cast<int>(count_up()); }
// CHECK: boundness.cpp:[[@LINE-1]]:5: remark: function 'level3' is cpu-bound
int level2() { return level3() + 1; }
// CHECK: boundness.cpp:[[@LINE-1]]:5: remark: function 'level2' is cpu-bound
int level1() { return level2() + 1; }
// CHECK: boundness.cpp:[[@LINE-1]]:5: remark: function 'level1' is cpu-bound
// CHECK-NEXT: note: calls 'level2' (~{{.*}}M ns computing, ~0 ns waiting)

// Waiting for threads it started is not I/O: main here is negligible.
int main() {
  // CHECK: boundness.cpp:[[@LINE-1]]:5: remark: function 'main' is negligible
  std::thread T(count_up);
  T.join();
}
