// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c11 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A shutdown handshake through a plain volatile flag: main sets Stop = 1,
// the server leaves its loop, tears down and sets Stop = 2, and main waits
// for that. volatile orders nothing in C++, so the flag races (warnings),
// and so does what only the handshake orders: reported as remarks, the
// consequence of the flag's race, which making the flag atomic orders.
// What the server does inside its loop is not ordered by the handshake at
// all: it runs before the flag is seen. A do-while wait is such a loop too.

#include <pthread.h>
#include <unistd.h>

struct Server {
  volatile int Stop;
  volatile int Ready;
  int Sockets;
  int Served;
  int Config;
};

struct Server S;

void *serve(void *Arg) {
  do
    sleep(1);
  while (!S.Ready);
  int Port = S.Config;
  while (S.Stop == 0)
    S.Served = S.Served + 1;
  // CHECK: volatile-handshake.c:[[@LINE-1]]:7: warning: 'Server::Served' is written by thread 'serve' without a lock and read by thread 'main' without a lock
  S.Sockets = Port;
  // CHECK: volatile-handshake.c:[[@LINE-1]]:5: remark: 'Server::Sockets' is written by thread 'serve' without a lock and read by thread 'main' without a lock ({{.*}}); ordered only by the handshake on volatile 'Server::Stop', which orders nothing in C++ (make the flag atomic)
  S.Stop = 2;
  // CHECK: volatile-handshake.c:[[@LINE-1]]:5: warning: 'Server::Stop' is written by thread 'serve' without a lock and read by thread 'main' without a lock ({{.*}}); volatile does not synchronize threads [
  // CHECK: volatile-handshake.c:[[@LINE-2]]:5: remark: 'Server::Stop' is written by thread 'serve' without a lock and written by thread 'main' without a lock ({{.*}}); volatile does not synchronize threads; ordered only by the handshake on volatile 'Server::Stop'
  return 0;
}

int main(void) {
  pthread_t T;
  S.Sockets = 3;
  pthread_create(&T, 0, serve, 0);
  S.Config = 8080;
  // CHECK: volatile-handshake.c:[[@LINE-1]]:5: remark: 'Server::Config' is written by thread 'main' without a lock and read by thread 'serve' without a lock ({{.*}}); ordered only by the handshake on volatile 'Server::Ready'
  S.Ready = 1;
  // CHECK: volatile-handshake.c:[[@LINE-1]]:5: warning: 'Server::Ready' is written by thread 'main' without a lock and read by thread 'serve' without a lock ({{.*}}); volatile does not synchronize threads [
  int Seen = S.Served;
  S.Stop = 1;
  // CHECK: volatile-handshake.c:[[@LINE-1]]:5: warning: 'Server::Stop' is written by thread 'main' without a lock and read by thread 'serve' without a lock ({{.*}}volatile-handshake.c:[[@LINE-21]]:12); volatile does not synchronize threads [
  while (S.Stop != 2)
    sleep(1);
  int Left = S.Sockets;
  pthread_join(T, 0);
  return Seen + Left;
}
// CHECK: concur: 1 file analysed
