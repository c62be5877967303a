// corpus: safe
// pattern: hand-rolled spinlock on std::atomic_flag guarding a queue length
//
// Safe: test_and_set(acquire) / clear(release) make the spinlock a real lock,
// so every g_queue_len access is ordered.
#include <atomic>
#include <cstdio>
#include <thread>

class SpinLock {
public:
  void lock() {
    while (Flag.test_and_set(std::memory_order_acquire))
      std::this_thread::yield();
  }
  void unlock() { Flag.clear(std::memory_order_release); }

private:
  std::atomic_flag Flag = ATOMIC_FLAG_INIT;
};

SpinLock g_queue_lock;
int g_queue_len = 0;

static void producer() {
  for (int I = 0; I < 3000; ++I) {
    g_queue_lock.lock();
    ++g_queue_len;
    g_queue_lock.unlock();
  }
}

static void consumer() {
  for (int Taken = 0; Taken < 3000;) {
    g_queue_lock.lock();
    if (g_queue_len > 0) {
      --g_queue_len;
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
