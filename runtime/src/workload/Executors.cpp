//===- Executors.cpp - Running a workload under one execution model ------===//

#include "workload/Executors.h"
#include "support/Errors.h"
#include "support/Process.h"

#include <asio/co_spawn.hpp>
#include <asio/io_context.hpp>
#include <asio/post.hpp>

#include <poll.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <exception>
#include <mutex>
#include <thread>

namespace concur::runtime {

namespace {
struct ExecutorInfo {
  ExecutorKind Kind;
  const char *Name;
  const char *Model;
};
const ExecutorInfo Executors[] = {
    {ExecutorKind::Sequential, "sequential", "sequential"},
    {ExecutorKind::EventLoop, "event-loop", "event-loop"},
    {ExecutorKind::Threads, "threads", "thread-pool"},
    {ExecutorKind::ThreadsPerTask, "threads-per-task", "thread-pool"},
    {ExecutorKind::Processes, "processes", "processes"},
};
} // namespace

const char *executorName(ExecutorKind Kind) {
  for (const ExecutorInfo &E : Executors)
    if (E.Kind == Kind)
      return E.Name;
  return "?";
}

const char *modelName(ExecutorKind Kind) {
  for (const ExecutorInfo &E : Executors)
    if (E.Kind == Kind)
      return E.Model;
  return "?";
}

std::optional<ExecutorKind> parseExecutorName(const std::string &Name) {
  for (const ExecutorInfo &E : Executors)
    if (Name == E.Name)
      return E.Kind;
  return std::nullopt;
}

const std::vector<ExecutorKind> &allExecutors() {
  static const std::vector<ExecutorKind> All = [] {
    std::vector<ExecutorKind> Kinds;
    for (const ExecutorInfo &E : Executors)
      Kinds.push_back(E.Kind);
    return Kinds;
  }();
  return All;
}

const char *variantFor(const workload::Workload &W, ExecutorKind Kind) {
  if (Kind == ExecutorKind::EventLoop)
    return W.Coroutine ? "coroutine" : "plain";
  return W.Plain ? "plain" : "coroutine";
}

//===----------------------------------------------------------------------===//
// Stall monitor samples
//===----------------------------------------------------------------------===//

StallMonitor::Sample StallMonitor::sample() {
  // One system call per sample: getrusage gives the thread's CPU time and
  // its context switches together (the wall clock is read in user space).
  // Microsecond CPU resolution is plenty against a millisecond threshold.
  timespec Wall;
  clock_gettime(CLOCK_MONOTONIC, &Wall);
  rusage Usage;
  getrusage(RUSAGE_THREAD, &Usage);
  double Cpu = Usage.ru_utime.tv_sec + Usage.ru_stime.tv_sec +
               (Usage.ru_utime.tv_usec + Usage.ru_stime.tv_usec) * 1e-6;
  return {Wall.tv_sec + Wall.tv_nsec * 1e-9, Cpu, Usage.ru_nvcsw,
          Usage.ru_nivcsw};
}

void StallMonitor::record(const Sample &Before, const Sample &After) {
  double Wall = After.Wall - Before.Wall;
  double Cpu = After.Cpu - Before.Cpu;
  bool SleptInKernel = After.Voluntary > Before.Voluntary;
  // Preemption also leaves wall above CPU; it shows as an involuntary
  // switch and is the machine's doing, not the coroutine's.
  bool Preempted = After.Involuntary > Before.Involuntary;
  // "Far above": on a virtual machine the host can stop a vCPU without the
  // guest seeing a switch (steal time), which stretches wall time somewhat;
  // waiting stretches it many times over.
  bool Waited =
      !Preempted && Wall - Cpu > WaitThresholdSeconds && Wall > 2 * Cpu;
  ++Stats.Resumptions;
  if (Wall > Stats.LongestResumptionSeconds)
    Stats.LongestResumptionSeconds = Wall;
  if (SleptInKernel || Waited) {
    ++Stats.BlockedResumptions;
    Stats.BlockedSeconds += Wall;
  }
}

//===----------------------------------------------------------------------===//
// Running one task
//===----------------------------------------------------------------------===//

namespace {

/// Runs a coroutine to completion on a private loop: how a coroutine-only
/// workload is driven by the executors that call plain functions.
void runCoroutineToCompletion(workload::CoroutineFunction Coro) {
  asio::io_context Loop(1);
  std::exception_ptr Failure;
  asio::co_spawn(Loop, Coro(), [&](std::exception_ptr E) { Failure = E; });
  Loop.run();
  if (Failure)
    std::rethrow_exception(Failure);
}

void runTaskBlocking(const workload::Workload &W) {
  if (W.Plain)
    W.Plain();
  else
    runCoroutineToCompletion(W.Coroutine);
}

std::string describeException(std::exception_ptr E) {
  try {
    std::rethrow_exception(E);
  } catch (const std::exception &Ex) {
    return Ex.what();
  } catch (...) {
    return "an exception not derived from std::exception";
  }
}

[[noreturn]] void throwTaskFailure(const CellSpec &Spec, std::exception_ptr E) {
  throw RunError("workload '" + Spec.Work->Name + "' threw under " +
                 executorName(Spec.Kind) + ": " + describeException(E));
}

//===----------------------------------------------------------------------===//
// sequential
//===----------------------------------------------------------------------===//

ExecutionOutcome runSequential(const CellSpec &Spec) {
  ExecutionOutcome Outcome;
  for (unsigned I = 0; I < Spec.Tasks; ++I) {
    try {
      runTaskBlocking(*Spec.Work);
    } catch (...) {
      throwTaskFailure(Spec, std::current_exception());
    }
    ++Outcome.TasksCompleted;
  }
  return Outcome;
}

//===----------------------------------------------------------------------===//
// event-loop
//===----------------------------------------------------------------------===//

template <typename Executor>
void spawnAll(const CellSpec &Spec, const Executor &Ex, unsigned &Completed,
              std::exception_ptr &Failure) {
  const workload::Workload &W = *Spec.Work;
  for (unsigned I = 0; I < Spec.Tasks; ++I) {
    if (W.Coroutine) {
      asio::co_spawn(Ex, W.Coroutine(), [&](std::exception_ptr E) {
        if (E && !Failure)
          Failure = E;
        if (!E)
          ++Completed;
      });
    } else {
      // A plain function on an event loop runs inline, start to finish,
      // holding the loop: exactly what the measurement should show.
      asio::post(Ex, [&] {
        try {
          W.Plain();
          ++Completed;
        } catch (...) {
          if (!Failure)
            Failure = std::current_exception();
        }
      });
    }
  }
}

ExecutionOutcome runEventLoop(const CellSpec &Spec) {
  ExecutionOutcome Outcome;
  std::exception_ptr Failure;
  asio::io_context Loop(1);
  StallMonitor Monitor;
  if (Spec.MonitorStalls)
    spawnAll(Spec, MonitoredExecutor(Loop.get_executor(), &Monitor),
             Outcome.TasksCompleted, Failure);
  else
    spawnAll(Spec, Loop.get_executor(), Outcome.TasksCompleted, Failure);
  Loop.run();
  if (Failure)
    throwTaskFailure(Spec, Failure);
  Outcome.Stall = Monitor.stats();
  return Outcome;
}

//===----------------------------------------------------------------------===//
// threads, threads-per-task
//===----------------------------------------------------------------------===//

ExecutionOutcome runThreads(const CellSpec &Spec) {
  std::atomic<unsigned> NextTask{0};
  std::atomic<unsigned> Completed{0};
  std::mutex FailureLock;
  std::exception_ptr Failure;
  std::vector<std::thread> Pool;
  Pool.reserve(Spec.Workers);
  for (unsigned T = 0; T < Spec.Workers; ++T)
    Pool.emplace_back([&] {
      try {
        pinCallingThread(Spec.Cores);
        // Tasks are claimed one at a time so that a slow task does not
        // leave other threads idle behind a fixed split.
        while (NextTask.fetch_add(1) < Spec.Tasks) {
          runTaskBlocking(*Spec.Work);
          Completed.fetch_add(1);
        }
      } catch (...) {
        std::lock_guard<std::mutex> Lock(FailureLock);
        if (!Failure)
          Failure = std::current_exception();
        NextTask.store(Spec.Tasks);
      }
    });
  for (std::thread &T : Pool)
    T.join();
  if (Failure)
    throwTaskFailure(Spec, Failure);
  ExecutionOutcome Outcome;
  Outcome.TasksCompleted = Completed.load();
  return Outcome;
}

//===----------------------------------------------------------------------===//
// processes
//===----------------------------------------------------------------------===//

struct SharedCounters {
  std::atomic<unsigned> NextTask;
};

[[noreturn]] void workerMain(const CellSpec &Spec, pid_t Parent,
                             SharedCounters *Shared, int ResultFd) {
  prepareForkedChild(Parent);
  std::string Report;
  int Status = 0;
  try {
    pinCallingThread(Spec.Cores);
    unsigned Done = 0;
    while (Shared->NextTask.fetch_add(1) < Spec.Tasks) {
      runTaskBlocking(*Spec.Work);
      ++Done;
    }
    Report = "completed " + std::to_string(Done) + "\n";
  } catch (...) {
    Shared->NextTask.store(Spec.Tasks);
    std::string Message = describeException(std::current_exception());
    for (char &C : Message)
      if (C == '\n')
        C = ' ';
    Report = "threw " + Message + "\n";
    Status = 1;
  }
  size_t Done = 0;
  while (Done < Report.size()) {
    ssize_t N = write(ResultFd, Report.data() + Done, Report.size() - Done);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      break;
    Done += static_cast<size_t>(N);
  }
  // _exit: the worker must not run the parent's atexit handlers or static
  // destructors, nor flush stdio buffers it inherited.
  _exit(Status);
}

struct Worker {
  pid_t Pid = -1;
  int ResultFd = -1;
  std::string Output;
  bool Reaped = false;
  int WaitStatus = 0;
};

void killAndReapWorkers(std::vector<Worker> &Workers) {
  for (Worker &W : Workers)
    if (!W.Reaped && W.Pid > 0)
      kill(W.Pid, SIGKILL);
  for (Worker &W : Workers) {
    if (!W.Reaped && W.Pid > 0) {
      while (waitpid(W.Pid, &W.WaitStatus, 0) < 0 && errno == EINTR) {
      }
      W.Reaped = true;
    }
    if (W.ResultFd >= 0) {
      close(W.ResultFd);
      W.ResultFd = -1;
    }
  }
}

ExecutionOutcome runProcesses(const CellSpec &Spec) {
  void *Memory = mmap(nullptr, sizeof(SharedCounters), PROT_READ | PROT_WRITE,
                      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (Memory == MAP_FAILED)
    throw RunError(std::string("cannot map shared memory: ") +
                   std::strerror(errno));
  auto *Shared = new (Memory) SharedCounters{};
  Shared->NextTask.store(0);
  struct Unmap {
    void *M;
    ~Unmap() { munmap(M, sizeof(SharedCounters)); }
  } UnmapOnExit{Memory};

  std::vector<Worker> Workers(Spec.Workers);
  pid_t Parent = getpid();
  // Anything buffered would otherwise be written once per worker.
  std::fflush(nullptr);
  for (unsigned I = 0; I < Spec.Workers; ++I) {
    int Pipe[2];
    if (pipe2(Pipe, O_CLOEXEC) != 0) {
      killAndReapWorkers(Workers);
      throw RunError(std::string("cannot create a pipe: ") +
                     std::strerror(errno));
    }
    pid_t Pid = fork();
    if (Pid < 0) {
      close(Pipe[0]);
      close(Pipe[1]);
      killAndReapWorkers(Workers);
      throw RunError(std::string("cannot fork a worker: ") +
                     std::strerror(errno));
    }
    if (Pid == 0) {
      close(Pipe[0]);
      for (unsigned J = 0; J < I; ++J)
        close(Workers[J].ResultFd);
      workerMain(Spec, Parent, Shared, Pipe[1]);
    }
    close(Pipe[1]);
    Workers[I].Pid = Pid;
    Workers[I].ResultFd = Pipe[0];
    recordPid(Spec.PidFile, Pid);
  }

  std::string Failure;
  size_t Open = Workers.size();
  while (Open > 0 && Failure.empty()) {
    if (pendingInterrupt()) {
      killAndReapWorkers(Workers);
      exitForInterrupt();
    }
    auto Left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    Spec.Deadline - std::chrono::steady_clock::now())
                    .count();
    if (Left <= 0) {
      Failure = "workload '" + Spec.Work->Name +
                "' did not finish before the timeout under processes; "
                "raise --timeout if it is just slow";
      break;
    }
    std::vector<pollfd> Fds;
    std::vector<Worker *> Owners;
    for (Worker &W : Workers)
      if (W.ResultFd >= 0) {
        Fds.push_back({W.ResultFd, POLLIN, 0});
        Owners.push_back(&W);
      }
    if (interruptDescriptor() >= 0)
      Fds.push_back({interruptDescriptor(), POLLIN, 0});
    int Ready = poll(Fds.data(), Fds.size(),
                     static_cast<int>(std::min<long long>(Left, 1000)));
    if (Ready <= 0)
      continue;
    for (size_t I = 0; I < Owners.size(); ++I) {
      if (!(Fds[I].revents & (POLLIN | POLLHUP | POLLERR)))
        continue;
      Worker &W = *Owners[I];
      char Buffer[4096];
      ssize_t N = read(W.ResultFd, Buffer, sizeof Buffer);
      if (N > 0) {
        W.Output.append(Buffer, static_cast<size_t>(N));
        continue;
      }
      if (N < 0 && errno == EINTR)
        continue;
      close(W.ResultFd);
      W.ResultFd = -1;
      --Open;
      // The pipe closes when the worker exits; reap it now to learn how.
      while (waitpid(W.Pid, &W.WaitStatus, 0) < 0 && errno == EINTR) {
      }
      W.Reaped = true;
      unsigned Index = static_cast<unsigned>(&W - Workers.data());
      std::string Who = "worker " + std::to_string(Index) + " (pid " +
                        std::to_string(W.Pid) + ")";
      if (W.Output.rfind("threw ", 0) == 0) {
        std::string Message = W.Output.substr(6);
        if (!Message.empty() && Message.back() == '\n')
          Message.pop_back();
        Failure = "workload '" + Spec.Work->Name +
                  "' threw under processes in " + Who + ": " + Message;
      } else if (!WIFEXITED(W.WaitStatus) || WEXITSTATUS(W.WaitStatus) != 0 ||
                 W.Output.rfind("completed ", 0) != 0) {
        Failure = "workload '" + Spec.Work->Name +
                  "' crashed under processes: " + Who + " " +
                  describeWaitStatus(W.WaitStatus);
      }
      if (!Failure.empty())
        break;
    }
  }
  killAndReapWorkers(Workers);
  if (!Failure.empty())
    throw RunError(Failure);

  ExecutionOutcome Outcome;
  for (const Worker &W : Workers)
    Outcome.TasksCompleted +=
        static_cast<unsigned>(std::stoul(W.Output.substr(10)));
  return Outcome;
}

} // namespace

ExecutionOutcome execute(const CellSpec &Spec) {
  switch (Spec.Kind) {
  case ExecutorKind::Sequential:
    return runSequential(Spec);
  case ExecutorKind::EventLoop:
    return runEventLoop(Spec);
  case ExecutorKind::Threads:
  case ExecutorKind::ThreadsPerTask:
    return runThreads(Spec);
  case ExecutorKind::Processes:
    return runProcesses(Spec);
  }
  throw RunError("unknown executor");
}

} // namespace concur::runtime
