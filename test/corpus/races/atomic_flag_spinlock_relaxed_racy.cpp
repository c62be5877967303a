// corpus: racy
// pattern: hand-rolled spinlock on std::atomic_flag with relaxed ordering
// race: g_queue_len
//
// Racy: twin of atomic_flag_spinlock_safe; with memory_order_relaxed the
// flag gives mutual exclusion of the flag only, no happens-before, so the
// protected g_queue_len accesses race.
#include <atomic>
#include <cstdio>
#include <thread>

class SpinLock {
public:
  void lock() {
    while (Flag.test_and_set(std::memory_order_relaxed))
      std::this_thread::yield();
  }
  void unlock() { Flag.clear(std::memory_order_relaxed); }

private:
  std::atomic_flag Flag = ATOMIC_FLAG_INIT;
};

SpinLock g_queue_lock;
int g_queue_len = 0;

static void producer() {
  for (int I = 0; I < 3000; ++I) {
    g_queue_lock.lock();
    ++g_queue_len; // RACE
    g_queue_lock.unlock();
  }
}

static void consumer() {
  for (int Taken = 0; Taken < 3000;) {
    g_queue_lock.lock();
    if (g_queue_len > 0) { // RACE
      --g_queue_len;       // RACE
      ++Taken;
    }
    g_queue_lock.unlock();
  }
}

int main() {
  std::thread P(producer), C(consumer);
  P.join();
  C.join();
  std::printf("left=%d\n", g_queue_len);
}
