"""Runs a command whose standard output is a pipe nobody reads any more, as
in `concur check ... | head -0`, and prints its standard error and
"exit code: N" (128 + the signal when a signal ended it).

Usage: broken-pipe.py [--ignore-sigpipe] COMMAND [ARGS...]; with
--ignore-sigpipe the command starts with SIGPIPE ignored and sees EPIPE.
"""
import signal
import subprocess
import sys

args = sys.argv[1:]
ignore = args[0] == "--ignore-sigpipe"
if ignore:
    args = args[1:]
disposition = signal.SIG_IGN if ignore else signal.SIG_DFL
proc = subprocess.Popen(
    args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    preexec_fn=lambda: signal.signal(signal.SIGPIPE, disposition))
proc.stdout.close()  # The reader is gone before the first write.
err = proc.stderr.read()
code = proc.wait()
sys.stdout.write(err.decode(errors="replace"))
print("exit code: %d" % (128 - code if code < 0 else code))
