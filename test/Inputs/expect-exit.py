"""Runs a command and fails unless it exits with the expected code.

Usage: expect-exit.py CODE COMMAND [ARGS...]; the command's stdout and stderr
pass through (stderr merged into stdout, for FileCheck).
"""
import subprocess
import sys

expected = int(sys.argv[1])
proc = subprocess.run(sys.argv[2:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
sys.stdout.write(proc.stdout.decode(errors="replace"))
sys.stdout.write("exit code: %d\n" % proc.returncode)
if proc.returncode != expected:
    sys.stderr.write("expected exit code %d, got %d\n" % (expected, proc.returncode))
    sys.exit(1)
