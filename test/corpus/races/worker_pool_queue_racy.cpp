// corpus: racy
// pattern: worker pool whose job queue is "optimised" with an unlocked
//          empty() check before taking the lock
// race: JobQueue::jobs_
//
// Racy: the unlocked jobs_.empty() reads the deque's internals while the
// producer push_back()s and other workers pop_front() under the lock.
#include <atomic>
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

class JobQueue {
public:
  void push(int Job) {
    std::lock_guard<std::mutex> Lock(Mutex_);
    jobs_.push_back(Job); // RACE
  }
  bool tryPop(int &Job) {
    if (jobs_.empty()) // RACE
      return false;
    std::lock_guard<std::mutex> Lock(Mutex_);
    if (jobs_.empty())
      return false;
    Job = jobs_.front();
    jobs_.pop_front(); // RACE
    return true;
  }

private:
  std::mutex Mutex_;
  std::deque<int> jobs_;
};

int main() {
  JobQueue Queue;
  std::atomic<bool> Done{false};
  std::atomic<long> Processed{0};
  std::vector<std::thread> Pool;
  for (int W = 0; W < 3; ++W)
    Pool.emplace_back([&] {
      int Job;
      while (!Done.load() || Queue.tryPop(Job)) {
        if (Queue.tryPop(Job))
          Processed += Job;
        else
          std::this_thread::yield();
      }
    });
  for (int Job = 1; Job <= 2000; ++Job)
    Queue.push(Job);
  Done = true;
  for (std::thread &T : Pool)
    T.join();
  std::printf("processed=%ld\n", Processed.load());
}
