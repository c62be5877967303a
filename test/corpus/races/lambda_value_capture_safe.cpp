// corpus: safe
// pattern: retry loop state captured by value in each worker lambda
//
// Safe: the lambda captures Attempts by value ([=], mutable), so each thread
// mutates its own copy; the local in main is only read.
#include <cstdio>
#include <thread>

static bool tryConnect(int Attempt) { return Attempt % 7 == 6; }

int main() {
  int Attempts = 0;
  int Connected[2] = {0, 0};
  auto Connect = [=](int *Out) mutable {
    for (int I = 0; I < 1000; ++I) {
      ++Attempts;
      if (tryConnect(Attempts))
        ++*Out;
    }
  };
  std::thread A(Connect, &Connected[0]);
  std::thread B(Connect, &Connected[1]);
  A.join();
  B.join();
  std::printf("attempts=%d connected=%d/%d\n", Attempts, Connected[0],
              Connected[1]);
}
