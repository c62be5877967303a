//===- Process.h - Children that never outlive the profiler ---------------===//
//
// Every process the profiler starts is killed and reaped before it returns,
// whether the child finished, crashed, ran out of time or the user pressed
// Ctrl-C. Children run in their own process group so that one kill reaches
// their own children too, and the profiler is a child subreaper so that those
// grandchildren come back to it to be reaped.
//
//===----------------------------------------------------------------------===//

#ifndef CONCUR_RUNTIME_SUPPORT_PROCESS_H
#define CONCUR_RUNTIME_SUPPORT_PROCESS_H

#include <sys/types.h>

#include <functional>
#include <string>
#include <vector>

namespace concur::runtime {

/// Catches SIGINT, SIGTERM and SIGHUP into a flag and a self-pipe, so that
/// loops waiting on children wake up, clean up and only then exit.
void installInterruptHandlers();

/// The signal that asked us to stop, or 0.
int pendingInterrupt();

/// A descriptor that becomes readable once an interrupt arrived.
int interruptDescriptor();

/// Leaves after an interrupt the way the shell expects (128 + signal),
/// removing the temporary files of outputs not written yet.
[[noreturn]] void exitForInterrupt();

/// Makes orphaned descendants of this process its own children to reap.
void becomeSubreaper();

/// Called first thing in a forked child: default signal dispositions, and
/// death when the parent dies, so that even a SIGKILLed profiler leaves no
/// worker behind.
void prepareForkedChild(pid_t ExpectedParent);

/// "exited with status 3", "was killed by signal 11 (Segmentation fault)".
std::string describeWaitStatus(int Status);

/// Kills the whole process group Group and reaps everything of it that was
/// reparented here, giving up after a short grace period.
void killAndReapGroup(pid_t Group, pid_t Leader);

struct ChildOutcome {
  int WaitStatus = 0;
  bool TimedOut = false;
  bool Interrupted = false;
  std::string Stdout;
  bool succeeded() const;
};

/// Runs Argv[0] with the arguments, stdout captured and stderr inherited,
/// in a process group of its own; kills it (and its group) after
/// TimeoutSeconds or on interrupt. OnStart sees the child's pid. Throws
/// UsageError when the program cannot be executed at all.
ChildOutcome runChild(const std::vector<std::string> &Argv,
                      double TimeoutSeconds,
                      const std::function<void(pid_t)> &OnStart = {});

/// Appends "pid\n" to Path when Path is not empty; tests use the list to
/// check afterwards that none of those processes still exists.
void recordPid(const std::string &Path, pid_t Pid);

} // namespace concur::runtime

#endif // CONCUR_RUNTIME_SUPPORT_PROCESS_H
