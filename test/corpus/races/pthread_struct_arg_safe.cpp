// corpus: safe
// pattern: pthread_create with a struct argument per worker
//
// Safe: twin of pthread_struct_arg_racy; each pthread gets its own Job, and
// main reads the sums only after pthread_join.
#include <cstdio>
#include <pthread.h>

struct Job {
  const int *Data;
  int Size;
  long sum;
};

static void *sumWorker(void *Arg) {
  Job *J = static_cast<Job *>(Arg);
  for (int I = 0; I < J->Size; ++I)
    J->sum += J->Data[I];
  return nullptr;
}

int main() {
  static int Data[5000];
  for (int I = 0; I < 5000; ++I)
    Data[I] = I % 10;
  Job Jobs[3];
  pthread_t Threads[3];
  for (int T = 0; T < 3; ++T) {
    Jobs[T] = Job{Data, 5000, 0};
    pthread_create(&Threads[T], nullptr, sumWorker, &Jobs[T]);
  }
  long Total = 0;
  for (int T = 0; T < 3; ++T) {
    pthread_join(Threads[T], nullptr);
    Total += Jobs[T].sum;
  }
  std::printf("sum=%ld\n", Total);
}
