// corpus: racy
// pattern: pthread_create with a struct argument shared by all workers
// race: Job::sum
//
// Racy: every pthread receives the same Job*, and each adds its slice into
// Job::sum without a mutex.
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
    J->sum += J->Data[I]; // RACE
  return nullptr;
}

int main() {
  static int Data[5000];
  for (int I = 0; I < 5000; ++I)
    Data[I] = I % 10;
  Job Shared{Data, 5000, 0};
  pthread_t Threads[3];
  for (pthread_t &T : Threads)
    pthread_create(&T, nullptr, sumWorker, &Shared);
  for (pthread_t &T : Threads)
    pthread_join(T, nullptr);
  std::printf("sum=%ld\n", Shared.sum);
}
