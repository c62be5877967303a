"""Runs a profiler command that starts worker processes, optionally
interrupts it once they are all running, and checks afterwards that none of
the processes it started (their pids are in PID_FILE) still exists, not even
as a zombie.

usage: check_reaped.py PID_FILE EXPECTED_EXIT [--sigint-after N] -- COMMAND...
       check_reaped.py PID_FILE EXPECTED_EXIT [--signal-after SIGNAL N] -- ...
  --sigint-after N          send SIGINT to COMMAND once N pids are recorded
  --signal-after SIGNAL N   the same with another signal (SIGTERM, SIGHUP)
"""
import os
import signal
import subprocess
import sys
import time


def pids_in(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [int(line) for line in f if line.strip()]


def alive(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return None
    return state  # "Z" for a zombie, anything else for a live process


def main():
    args = sys.argv[1:]
    pid_file, expected = args[0], int(args[1])
    args = args[2:]
    sigint_after = None
    signum = signal.SIGINT
    if args[0] == "--sigint-after":
        sigint_after = int(args[1])
        args = args[2:]
    elif args[0] == "--signal-after":
        signum = getattr(signal, args[1])
        sigint_after = int(args[2])
        args = args[3:]
    assert args[0] == "--"
    command = args[1:]
    if os.path.exists(pid_file):
        os.unlink(pid_file)
    start = time.monotonic()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    if sigint_after is not None:
        while len(pids_in(pid_file)) < sigint_after:
            if proc.poll() is not None or time.monotonic() - start > 30:
                sys.exit("check_reaped.py: only %d of %d pids appeared"
                         % (len(pids_in(pid_file)), sigint_after))
            time.sleep(0.01)
        # Let the workers get into their tasks before interrupting.
        time.sleep(0.2)
        proc.send_signal(signum)
    try:
        _, stderr = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        sys.exit("check_reaped.py: the profiler did not exit within 30 s")
    sys.stdout.write(stderr)
    problems = []
    if proc.returncode != expected:
        problems.append("exit code %d, expected %d" % (proc.returncode, expected))
    pids = pids_in(pid_file)
    if not pids:
        problems.append("no pids were recorded")
    # Reaping is the profiler's job, before it exits: anything left now is
    # an orphan or a zombie it abandoned.
    left = [(pid, alive(pid)) for pid in pids if alive(pid) is not None]
    if left:
        problems.append("still present: %s" % left)
    if problems:
        sys.exit("check_reaped.py: " + "; ".join(problems))
    print("reaped %d processes" % len(pids))


main()
