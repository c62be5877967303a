// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="warning:"
// Locks, flow-sensitively: shared and unique locks, explicit lock/unlock,
// try_lock, locks held by a caller, and a lock() method of the user's own.

#include <atomic>
#include <mutex>
#include <shared_mutex>
#include <thread>

// Readers under shared_lock, the writer under unique_lock: ordered.
std::shared_mutex g_table_mu;
int g_table;
void table_reader() {
  std::shared_lock<std::shared_mutex> Lock(g_table_mu);
  int Value = g_table;
  (void)Value;
}
void table_writer() {
  std::unique_lock<std::shared_mutex> Lock(g_table_mu);
  g_table++;
}
// A writer under a shared lock races with the readers.
std::shared_mutex g_cache_mu;
int g_cache;
void cache_reader() {
  std::shared_lock<std::shared_mutex> Lock(g_cache_mu);
  int Value = g_cache;
  (void)Value;
}
void cache_sloppy_writer() {
  std::shared_lock<std::shared_mutex> Lock(g_cache_mu);
  g_cache++;
  // CHECK: locks.cpp:[[@LINE-1]]:3: warning: 'g_cache' is written by thread 'cache_sloppy_writer' holding 'g_cache_mu' (shared) and read by thread 'cache_reader' holding 'g_cache_mu' (shared)
}

// Explicit lock()/unlock(): what follows unlock() is unprotected.
std::mutex g_mu;
int g_count;
void manual() {
  g_mu.lock();
  g_count++;
  g_mu.unlock();
  int After = g_count;
  // CHECK: locks.cpp:[[@LINE-3]]:3: warning: 'g_count' is written by thread 'manual' holding 'g_mu' and read by another thread 'manual' without a lock ({{.*}}locks.cpp:[[@LINE-1]]:15)
  (void)After;
}
// unique_lock unlocked early, and deferred: the same rules.
int g_deferred;
void deferred() {
  std::unique_lock<std::mutex> Lock(g_mu, std::defer_lock);
  Lock.lock();
  g_deferred++;
  Lock.unlock();
}

// try_lock: protected only on the success path.
int g_try;
void try_success() {
  if (g_mu.try_lock()) {
    g_try++;
    g_mu.unlock();
  }
}
int g_fallback;
void try_fallback() {
  if (!g_mu.try_lock()) {
    g_fallback++;
    // CHECK: locks.cpp:[[@LINE-1]]:5: warning: 'g_fallback' is written by thread 'try_fallback' without a lock and written by another thread 'try_fallback'
    return;
  }
  g_mu.unlock();
}

// A callee touching the global while its caller holds the lock: safe; the
// same callee from a caller that forgot the lock: a race.
int g_stats;
void record_stat() { g_stats++; }
// CHECK: locks.cpp:[[@LINE-1]]:22: warning: 'g_stats' is written by thread 'careless' without a lock and written by thread 'careful' holding 'g_mu'
void careful() {
  std::lock_guard<std::mutex> Guard(g_mu);
  record_stat();
}
void careless() { record_stat(); }
void careful_only() {
  std::lock_guard<std::mutex> Guard(g_mu);
  record_stat();
}

// A spin lock of the user's own: lock() leaves the flag held.
class SpinLock {
public:
  void lock() {
    while (Flag.test_and_set(std::memory_order_acquire)) {
    }
  }
  void unlock() { Flag.clear(std::memory_order_release); }

private:
  std::atomic_flag Flag = ATOMIC_FLAG_INIT;
};
SpinLock g_spin;
int g_spun;
void spin_bump() {
  g_spin.lock();
  g_spun++;
  g_spin.unlock();
}

int main() {
  {
    std::thread A(table_reader), B(table_writer), C(table_reader);
    A.join(); B.join(); C.join();
  }
  {
    std::thread A(cache_reader), B(cache_sloppy_writer);
    A.join(); B.join();
  }
  {
    std::thread A(manual), B(manual), C(deferred), D(deferred);
    A.join(); B.join(); C.join(); D.join();
  }
  {
    std::thread A(try_success), B(try_success), C(try_fallback), D(try_fallback);
    A.join(); B.join(); C.join(); D.join();
  }
  {
    std::thread A(careful), B(careless);
    A.join(); B.join();
  }
  {
    std::thread A(careful_only), B(careful_only);
    A.join(); B.join();
  }
  {
    std::thread A(spin_bump), B(spin_bump);
    A.join(); B.join();
  }
}
