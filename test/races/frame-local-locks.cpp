// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="{{warning|remark}}:"
// A class is assumed to be used from several threads when it synchronises
// its own state: a mutex or atomic member, or a lock that outlives the
// method taking it. A method that blocks on a mutex and a condition
// variable of its own frame (a future's wait() on a local latch) guards
// nothing another call reaches: its class is a single owner's handle and
// its unlocked members are not reported. A method that locks a mutex the
// object points to still makes the class one meant for threads.

#include <condition_variable>
#include <mutex>

class Handle {
public:
  void wait() {
    std::mutex M;
    std::condition_variable Cv;
    std::unique_lock<std::mutex> Lock(M);
    Cv.wait(Lock, [this] { return Ready; });
  }
  void set(int V) {
    Value = V;
    Ready = true;
  }
  int get() const { return Value; }

private:
  int Value = 0;
  bool Ready = false;
};

class Shared {
public:
  explicit Shared(std::mutex &M) : M(&M) {}
  void add(int V) {
    std::lock_guard<std::mutex> Lock(*M);
    Total += V;
  }
  int total() const { return Total; }
  // CHECK: :[[@LINE-1]]:30: warning: 'Shared::Total' is read in 'Shared::total' without a lock and written in 'Shared::add' holding '{{.*}}'{{.*}}; concurrency assumed: 'Shared' synchronises

private:
  std::mutex *M;
  int Total = 0;
};

int use(std::mutex &M) {
  Handle H;
  H.set(1);
  H.wait();
  Shared S(M);
  S.add(H.get());
  return S.total();
}
// CHECK: concur: 1 file analysed, 0 failed to parse; 1 concur-unsynchronized-shared-state
