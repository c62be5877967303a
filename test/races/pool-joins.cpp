// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not="warning:"
// Tasks handed to a pool are joined by waiting for the pool, whatever
// handle the submit returned, and by a destructor that waits: the pool's
// own (a library's, described by the catalog).

#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <tuple>
#include <vector>

namespace BS {
// Futures of a task split in blocks: waiting for it waits for each.
template <typename T> class multi_future : public std::vector<std::future<T>> {
public:
  void wait() const {
    for (const std::future<T> &Future : *this)
      Future.wait();
  }
};

class thread_pool {
public:
  template <typename F>
  multi_future<void> submit_blocks(int From, int To, F &&Block) {
    return {};
  }
  template <typename F> std::future<void> submit_task(F &&Task) { return {}; }
  template <typename F> void detach_task(F &&Task) {}
  void wait() {}
  ~thread_pool() {}
};
} // namespace BS

// A pool written by the program: the destructor joins its worker, which
// runs the tasks it was given. The destructor of a local is walked where
// its scope ends when it joins a thread: this one is.
class WorkerPool {
public:
  WorkerPool() {
    Worker = std::thread([this] { run(); });
  }
  ~WorkerPool() {
    {
      std::lock_guard<std::mutex> Lock(Mutex);
      Stopping = true;
    }
    Worker.join();
  }
  void add(std::function<void()> Task) {
    std::lock_guard<std::mutex> Lock(Mutex);
    Tasks.push_back(std::move(Task));
  }

private:
  void run() {
    while (true) {
      std::function<void()> Task;
      {
        std::lock_guard<std::mutex> Lock(Mutex);
        if (Stopping)
          return;
        if (Tasks.empty())
          continue;
        Task = std::move(Tasks.back());
        Tasks.pop_back();
      }
      Task();
    }
  }
  std::mutex Mutex;
  bool Stopping = false;
  std::vector<std::function<void()>> Tasks;
  std::thread Worker;
};

int Blocks = 0, BlocksUnwaited = 0, Ignored = 0, Waited = 0, Unwaited = 0,
    ScopedLibrary = 0, ScopedOwn = 0, StillRunning = 0;

int submitIgnored() {
  BS::thread_pool Pool;
  // The future is dropped; Pool.wait() still joins the task.
  std::ignore = Pool.submit_task([] { Ignored = 1; });
  Pool.detach_task([] { Waited = 1; });
  Pool.wait();
  return Ignored + Waited;
}

int blocks() {
  BS::thread_pool Pool;
  Pool.submit_blocks(0, 100, [](int, int) { Blocks = 1; }).wait();
  auto Futures =
      Pool.submit_blocks(0, 100, [](int, int) { BlocksUnwaited = 1; });
  // CHECK: :[[@LINE-1]]:49: warning: 'BlocksUnwaited' is written
  return Blocks + BlocksUnwaited;
}

int notWaited() {
  BS::thread_pool Pool;
  // CHECK: :[[@LINE+1]]:39: warning: 'Unwaited' is written by thread
  std::ignore = Pool.submit_task([] { Unwaited = 1; });
  return Unwaited;
}

int poolInScope() {
  {
    BS::thread_pool Pool;
    Pool.detach_task([] { ScopedLibrary = 1; });
  }
  {
    WorkerPool Pool;
    // The destructor joins the worker at the end of this scope, before
    // main reads ScopedOwn; and that worker has ended before the next
    // pool's starts.
    Pool.add([] { ScopedOwn = 1; });
  }
  return ScopedLibrary + ScopedOwn;
}

int poolStillAlive() {
  WorkerPool Pool;
  // CHECK: :[[@LINE+1]]:17: warning: 'StillRunning' is written by thread {{.*}} and read by thread 'main'
  Pool.add([] { StillRunning = 1; });
  return StillRunning;
}

int main() {
  return submitIgnored() + blocks() + notWaited() + poolInScope() +
         poolStillAlive();
}
