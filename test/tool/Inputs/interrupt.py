"""Starts a command, waits until a file matching GLOB exists, sends SIGNAL,
and prints how the command ended as a shell would report it.

Usage: interrupt.py SIGNAL GLOB COMMAND [ARGS...]

Prints the command's output (stderr merged), then "exit code: N" (128 + the
signal when the command was killed by one), then "left: PATH" for each file
still matching GLOB. Fails when GLOB never appears within 60 seconds.
"""
import glob
import signal
import subprocess
import sys
import time

signame, pattern, command = sys.argv[1], sys.argv[2], sys.argv[3:]
# lit runs tests with SIGINT ignored, and an ignored signal stays ignored
# across exec; a command started from a terminal has it at its default.
proc = subprocess.Popen(
    command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
deadline = time.time() + 60
while not glob.glob(pattern):
    if proc.poll() is not None or time.time() > deadline:
        proc.kill()
        out = proc.communicate()[0].decode(errors="replace")
        sys.stdout.write(out)
        sys.exit("%s never appeared (command %s)" % (
            pattern, "ended" if proc.returncode is not None else "timed out"))
    time.sleep(0.02)
proc.send_signal(getattr(signal, signame))
try:
    out = proc.communicate(timeout=60)[0]
except subprocess.TimeoutExpired:
    proc.kill()
    sys.exit("the command did not stop after %s" % signame)
sys.stdout.write(out.decode(errors="replace"))
code = proc.returncode
print("exit code: %d" % (128 - code if code < 0 else code))
for left in sorted(glob.glob(pattern)):
    print("left: %s" % left)
