// corpus: racy
// pattern: logger re-entrancy guard kept in a plain global instead of a
//          thread_local
// race: g_log_depth
//
// Racy: the depth counter was meant to be per thread; as a plain global it
// is shared and both threads increment/decrement it without a lock.
#include <cstdio>
#include <thread>

int g_log_depth = 0;
static thread_local char t_line[64];

static int formatEntry(int Value) {
  if (g_log_depth > 1) // RACE
    return 0;
  ++g_log_depth; // RACE
  int N = std::snprintf(t_line, sizeof(t_line), "value=%d", Value);
  --g_log_depth; // RACE
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
