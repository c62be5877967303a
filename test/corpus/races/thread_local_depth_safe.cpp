// corpus: safe
// pattern: logger re-entrancy guard kept in a thread_local
//
// Safe: twin of global_instead_of_thread_local_racy; each thread has its own
// t_log_depth, so there is no shared state at all.
#include <cstdio>
#include <thread>

static thread_local int t_log_depth = 0;
static thread_local char t_line[64];

static int formatEntry(int Value) {
  if (t_log_depth > 1)
    return 0;
  ++t_log_depth;
  int N = std::snprintf(t_line, sizeof(t_line), "value=%d", Value);
  --t_log_depth;
  return N;
}

int main() {
  long Chars[2] = {0, 0};
  auto Work = [&](int Id) {
    for (int I = 0; I < 2000; ++I)
      Chars[Id] += formatEntry(I);
  };
  std::thread A(Work, 0), B(Work, 1);
  A.join();
  B.join();
  std::printf("chars=%ld\n", Chars[0] + Chars[1]);
}
