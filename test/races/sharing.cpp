// RUN: %concur check %s --checks=-*,concur-unsynchronized-shared-state -- -std=c++20 -pthread 2>&1 | FileCheck %s --implicit-check-not="warning:"
// How state reaches a second thread: a lambda's [&] capture, `this`,
// std::ref, a pthread argument, a thread started in a loop.

#include <mutex>
#include <pthread.h>
#include <thread>
#include <vector>

// [&] shares the local; [=] gives the thread its own copy.
void lambda_capture() {
  int Hits = 0;
  std::thread T([&] { Hits++; });
  // CHECK: sharing.cpp:[[@LINE-1]]:23: warning: 'lambda_capture::Hits' is written by thread 'lambda at sharing.cpp:[[@LINE-1]]:17' without a lock and read by thread 'main' without a lock ({{.*}}sharing.cpp:[[@LINE+1]]:14)
  int Seen = Hits;
  T.join();
  int Copy = 0;
  std::thread U([=]() mutable { Copy++; });
  int Mine = Copy;
  U.join();
  (void)Seen;
  (void)Mine;
}

// A member reached through `this` from the thread the object starts.
class Server {
public:
  void start() { Loop = std::thread(&Server::serve, this); }
  void stop() { Loop.join(); }
  int requests() { return Requests; }
  int guarded_requests() {
    std::lock_guard<std::mutex> Guard(Mu);
    return GuardedRequests;
  }

private:
  void serve() {
    Requests++;
    // CHECK: sharing.cpp:[[@LINE-1]]:5: warning: 'Server::Requests' is written by thread 'Server::serve' without a lock and read by thread 'main' without a lock
    std::lock_guard<std::mutex> Guard(Mu);
    GuardedRequests++;
  }
  std::thread Loop;
  std::mutex Mu;
  int Requests = 0;
  int GuardedRequests = 0;
};

void member_field() {
  Server S;
  S.start();
  int A = S.requests();
  int B = S.guarded_requests();
  S.stop();
  (void)A;
  (void)B;
}

// std::ref hands the thread the caller's variable; a plain argument is a copy.
void add_into(long &Total) { Total += 1; }
// CHECK: sharing.cpp:[[@LINE-1]]:30: warning: 'std_ref::Total' is written by thread 'add_into' without a lock and read by thread 'main' without a lock
void std_ref() {
  long Total = 0;
  std::thread T(add_into, std::ref(Total));
  long Seen = Total;
  T.join();
  long Copied = 0;
  std::thread U([](long Value) { Value += 1; }, Copied);
  Copied = 5;
  U.join();
  (void)Seen;
}

// pthread_create with a pointer to a struct.
struct Job {
  int Done;
  int Guarded;
  pthread_mutex_t Mu;
};
void *run_job(void *Arg) {
  Job *J = static_cast<Job *>(Arg);
  J->Done = 1;
  // CHECK: sharing.cpp:[[@LINE-1]]:6: warning: 'Job::Done' is written by thread 'run_job' without a lock and read by thread 'main' without a lock
  pthread_mutex_lock(&J->Mu);
  J->Guarded = 1;
  pthread_mutex_unlock(&J->Mu);
  return nullptr;
}
void pthread_struct() {
  Job J = {0, 0, PTHREAD_MUTEX_INITIALIZER};
  pthread_t Thread;
  pthread_create(&Thread, nullptr, run_job, &J);
  int Seen = J.Done;
  pthread_mutex_lock(&J.Mu);
  int Guarded = J.Guarded;
  pthread_mutex_unlock(&J.Mu);
  pthread_join(Thread, nullptr);
  (void)Seen;
  (void)Guarded;
}

// Threads started in a loop run the same code at the same time.
std::vector<int> g_results;
std::mutex g_results_mu;
void produce() { g_results.push_back(1); }
// CHECK: sharing.cpp:[[@LINE-1]]:18: warning: 'g_results' is written by thread 'produce' without a lock, and 'produce' runs in more than one thread at once
void produce_locked() {
  std::lock_guard<std::mutex> Guard(g_results_mu);
  g_results.push_back(1);
}
void loop_started() {
  std::vector<std::thread> Workers;
  for (int I = 0; I < 4; ++I)
    Workers.emplace_back(produce);
  for (auto &W : Workers)
    W.join();
  std::vector<std::thread> Locked;
  for (int I = 0; I < 4; ++I)
    Locked.emplace_back(produce_locked);
  for (auto &W : Locked)
    W.join();
}

// Each thread writes its own slot (indexes unknown statically): silent.
void own_slots() {
  int Slots[4] = {};
  std::vector<std::thread> Workers;
  for (int I = 0; I < 4; ++I)
    Workers.emplace_back([&Slots, I] { Slots[I] = I; });
  for (auto &W : Workers)
    W.join();
}

int main() {
  lambda_capture();
  member_field();
  std_ref();
  pthread_struct();
  loop_started();
  own_slots();
}
