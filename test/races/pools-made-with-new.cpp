// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++17 2>&1 | FileCheck %s --check-prefix=LOCAL --implicit-check-not="{{warning|remark}}:"
// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++17 -DGLOBAL_POINTER 2>&1 | FileCheck %s --check-prefix=GLOBAL --implicit-check-not="{{warning|remark}}:"
// A pool made with `new` starts its workers in its constructor: the
// constructor runs on the object `new` made, so the workers' `this` is
// the object the caller's pointer points to. The submitter's notify and the
// workers' wait are then on one condition variable: what main wrote before
// it submitted is ordered with the task, what it writes after is not. The
// same through a global pointer that only ever points to that object. (One
// pool per run: any pool's worker may run any task stored into the queues
// of this class.)

#include <condition_variable>
#include <functional>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

class Pool {
public:
  explicit Pool(int N) {
    for (int I = 0; I < N; ++I)
      Workers.emplace_back([this] {
        for (;;) {
          std::function<void()> Task;
          {
            std::unique_lock<std::mutex> Lock(Mutex);
            Ready.wait(Lock, [this] { return !Tasks.empty(); });
            Task = std::move(Tasks.front());
            Tasks.pop();
          }
          Task();
        }
      });
  }
  void submit(std::function<void()> F) {
    {
      std::unique_lock<std::mutex> Lock(Mutex);
      Tasks.emplace(std::move(F));
    }
    Ready.notify_one();
  }

private:
  std::vector<std::thread> Workers;
  std::queue<std::function<void()>> Tasks;
  std::mutex Mutex;
  std::condition_variable Ready;
};

static int Config, Late;

static void task() {
  int Seen = Config + Late;
  (void)Seen;
}

#ifdef GLOBAL_POINTER
static Pool *Global;
#endif

int main() {
#ifdef GLOBAL_POINTER
  Global = new Pool(2);
  Config = 1;
  Global->submit(task);
  Late = 1;
  // GLOBAL: pools-made-with-new.cpp:[[@LINE-1]]:3: warning: 'Late' is written by thread 'main' without a lock and read by thread 'lambda at {{.*}}' without a lock
#else
  Pool *Local = new Pool(2);
  Config = 1;
  Local->submit(task);
  Late = 1;
  // LOCAL: pools-made-with-new.cpp:[[@LINE-1]]:3: warning: 'Late' is written by thread 'main' without a lock and read by thread 'lambda at {{.*}}' without a lock
#endif
  return 0;
}
