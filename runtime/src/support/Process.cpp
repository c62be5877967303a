//===- Process.cpp - Children that never outlive the profiler -------------===//

#include "support/Process.h"
#include "support/Errors.h"
#include "support/Files.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

namespace concur::runtime {

static std::atomic<int> InterruptSignal{0};
static int InterruptPipe[2] = {-1, -1};

static void onInterrupt(int Signal) {
  int Saved = errno;
  InterruptSignal.store(Signal);
  if (InterruptPipe[1] >= 0) {
    char Byte = 1;
    [[maybe_unused]] ssize_t Ignored = write(InterruptPipe[1], &Byte, 1);
  }
  errno = Saved;
}

void installInterruptHandlers() {
  if (InterruptPipe[0] < 0 && pipe2(InterruptPipe, O_CLOEXEC | O_NONBLOCK) != 0)
    throw RunError(std::string("cannot create a pipe: ") +
                   std::strerror(errno));
  struct sigaction Action {};
  Action.sa_handler = onInterrupt;
  sigemptyset(&Action.sa_mask);
  sigaction(SIGINT, &Action, nullptr);
  sigaction(SIGTERM, &Action, nullptr);
  // A closed terminal (or an SSH session gone) ends a run as Ctrl-C does.
  sigaction(SIGHUP, &Action, nullptr);
  // A reader of our stdout going away must not kill us before we clean up.
  signal(SIGPIPE, SIG_IGN);
}

int pendingInterrupt() { return InterruptSignal.load(); }

int interruptDescriptor() { return InterruptPipe[0]; }

void exitForInterrupt() {
  int Signal = pendingInterrupt();
  removePendingOutputs();
  _exit(128 + (Signal ? Signal : SIGINT));
}

void becomeSubreaper() { prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0); }

void prepareForkedChild(pid_t ExpectedParent) {
  prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
  // The parent may have died between fork and prctl; then nobody would
  // deliver the death signal.
  if (getppid() != ExpectedParent)
    _exit(127);
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  signal(SIGHUP, SIG_DFL);
  signal(SIGPIPE, SIG_DFL);
}

std::string describeWaitStatus(int Status) {
  if (WIFEXITED(Status))
    return "exited with status " + std::to_string(WEXITSTATUS(Status));
  if (WIFSIGNALED(Status))
    return "was killed by signal " + std::to_string(WTERMSIG(Status)) + " (" +
           strsignal(WTERMSIG(Status)) + ")";
  return "stopped with wait status " + std::to_string(Status);
}

bool ChildOutcome::succeeded() const {
  return !TimedOut && !Interrupted && WIFEXITED(WaitStatus) &&
         WEXITSTATUS(WaitStatus) == 0;
}

void killAndReapGroup(pid_t Group, pid_t Leader) {
  kill(-Group, SIGKILL);
  if (Leader > 0) {
    while (waitpid(Leader, nullptr, 0) < 0 && errno == EINTR) {
    }
  }
  // Descendants of the leader come back to us (the subreaper) once it dies;
  // those in other groups die of their parent-death signal. We run one child
  // at a time, so reaping until there are no children left reaps them all.
  auto Deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
  while (std::chrono::steady_clock::now() < Deadline) {
    kill(-Group, SIGKILL);
    pid_t Reaped = waitpid(-1, nullptr, WNOHANG);
    if (Reaped < 0 && errno == ECHILD)
      return;
    if (Reaped == 0)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

/// Passes an interrupt on to the child and gives it a moment to clean up
/// its own children, as it would have if the terminal had signalled it.
static void forwardInterrupt(pid_t Pid) {
  kill(Pid, pendingInterrupt() ? pendingInterrupt() : SIGINT);
  auto Deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
  while (std::chrono::steady_clock::now() < Deadline) {
    if (waitpid(Pid, nullptr, WNOHANG) == Pid)
      return;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

ChildOutcome runChild(const std::vector<std::string> &Argv,
                      double TimeoutSeconds,
                      const std::function<void(pid_t)> &OnStart) {
  int Out[2], ExecError[2];
  if (pipe2(Out, O_CLOEXEC) != 0 || pipe2(ExecError, O_CLOEXEC) != 0)
    throw RunError(std::string("cannot create a pipe: ") +
                   std::strerror(errno));
  std::vector<char *> Args;
  for (const std::string &A : Argv)
    Args.push_back(const_cast<char *>(A.c_str()));
  Args.push_back(nullptr);

  pid_t Parent = getpid();
  pid_t Pid = fork();
  if (Pid < 0)
    throw RunError(std::string("cannot fork: ") + std::strerror(errno));
  if (Pid == 0) {
    setpgid(0, 0);
    prepareForkedChild(Parent);
    dup2(Out[1], STDOUT_FILENO);
    execv(Args[0], Args.data());
    int Error = errno;
    [[maybe_unused]] ssize_t Ignored =
        write(ExecError[1], &Error, sizeof Error);
    _exit(127);
  }
  // Both sides set the group so that a kill right after fork reaches it.
  setpgid(Pid, Pid);
  close(Out[1]);
  close(ExecError[1]);
  int Error = 0;
  ssize_t Got = read(ExecError[0], &Error, sizeof Error);
  close(ExecError[0]);
  if (Got == sizeof Error) {
    waitpid(Pid, nullptr, 0);
    close(Out[0]);
    throw UsageError("cannot run '" + Argv[0] + "': " + std::strerror(Error) +
                     "; pass the path of a built profiling binary");
  }
  if (OnStart)
    OnStart(Pid);

  ChildOutcome Outcome;
  auto Deadline = std::chrono::steady_clock::now() +
                  std::chrono::duration<double>(TimeoutSeconds);
  bool Open = true;
  char Buffer[65536];
  while (Open) {
    if (pendingInterrupt()) {
      Outcome.Interrupted = true;
      break;
    }
    auto Left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    Deadline - std::chrono::steady_clock::now())
                    .count();
    if (Left <= 0) {
      Outcome.TimedOut = true;
      break;
    }
    pollfd Fds[2] = {{Out[0], POLLIN, 0}, {interruptDescriptor(), POLLIN, 0}};
    int Ready = poll(Fds, interruptDescriptor() >= 0 ? 2 : 1,
                     static_cast<int>(std::min<long long>(Left, 1000)));
    if (Ready < 0 && errno != EINTR)
      break;
    if (Ready > 0 && (Fds[0].revents & (POLLIN | POLLHUP | POLLERR))) {
      ssize_t N = read(Out[0], Buffer, sizeof Buffer);
      if (N > 0)
        Outcome.Stdout.append(Buffer, static_cast<size_t>(N));
      else if (N == 0 || errno != EINTR)
        Open = false;
    }
  }
  close(Out[0]);
  if (Outcome.Interrupted) {
    forwardInterrupt(Pid);
    killAndReapGroup(Pid, -1);
    return Outcome;
  }
  if (Outcome.TimedOut) {
    killAndReapGroup(Pid, Pid);
    return Outcome;
  }
  // Stdout closed: the child is exiting; it still gets the rest of the
  // timeout to do so.
  while (true) {
    pid_t Done = waitpid(Pid, &Outcome.WaitStatus, WNOHANG);
    if (Done == Pid)
      break;
    if (pendingInterrupt()) {
      Outcome.Interrupted = true;
      forwardInterrupt(Pid);
      killAndReapGroup(Pid, -1);
      return Outcome;
    }
    if (std::chrono::steady_clock::now() >= Deadline) {
      Outcome.TimedOut = true;
      killAndReapGroup(Pid, Pid);
      return Outcome;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  // Whatever the child left in its group must not outlive it either.
  killAndReapGroup(Pid, -1);
  return Outcome;
}

void recordPid(const std::string &Path, pid_t Pid) {
  if (Path.empty())
    return;
  int Fd = open(Path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (Fd < 0)
    return;
  std::string Line = std::to_string(Pid) + "\n";
  [[maybe_unused]] ssize_t Ignored = write(Fd, Line.data(), Line.size());
  close(Fd);
}

} // namespace concur::runtime
