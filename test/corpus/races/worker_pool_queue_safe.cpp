// corpus: safe
// pattern: worker pool with a mutex + condition variable job queue
//
// Safe: twin of worker_pool_queue_racy; every access to jobs_ and closed_
// holds Mutex_, and workers sleep on the condition variable.
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

class JobQueue {
public:
  void push(int Job) {
    {
      std::lock_guard<std::mutex> Lock(Mutex_);
      jobs_.push_back(Job);
    }
    NotEmpty_.notify_one();
  }
  void close() {
    {
      std::lock_guard<std::mutex> Lock(Mutex_);
      closed_ = true;
    }
    NotEmpty_.notify_all();
  }
  bool pop(int &Job) {
    std::unique_lock<std::mutex> Lock(Mutex_);
    NotEmpty_.wait(Lock, [this] { return closed_ || !jobs_.empty(); });
    if (jobs_.empty())
      return false;
    Job = jobs_.front();
    jobs_.pop_front();
    return true;
  }

private:
  std::mutex Mutex_;
  std::condition_variable NotEmpty_;
  std::deque<int> jobs_;
  bool closed_ = false;
};

int main() {
  JobQueue Queue;
  long Processed[3] = {0, 0, 0};
  std::vector<std::thread> Pool;
  for (int W = 0; W < 3; ++W)
    Pool.emplace_back([&Queue, &Processed, W] {
      int Job;
      while (Queue.pop(Job))
        Processed[W] += Job;
    });
  for (int Job = 1; Job <= 2000; ++Job)
    Queue.push(Job);
  Queue.close();
  for (std::thread &T : Pool)
    T.join();
  std::printf("processed=%ld\n", Processed[0] + Processed[1] + Processed[2]);
}
