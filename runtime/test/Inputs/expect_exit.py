"""Runs a command and checks how it failed: the exit code, a single line on
stderr (which it echoes for FileCheck), no crash and, with --no-file, that a
given output file was not created or touched.

usage: expect_exit.py CODE [--no-file PATH]... -- COMMAND...
"""
import os
import subprocess
import sys


def main():
    args = sys.argv[1:]
    expected = int(args.pop(0))
    untouched = {}
    while args and args[0] == "--no-file":
        path = args[1]
        untouched[path] = open(path, "rb").read() if os.path.exists(path) else None
        args = args[2:]
    if not args or args[0] != "--":
        sys.exit("expect_exit.py: missing -- before the command")
    result = subprocess.run(args[1:], capture_output=True, text=True, timeout=60)
    sys.stdout.write(result.stderr)
    problems = []
    if result.returncode != expected:
        problems.append("exit code %d, expected %d" % (result.returncode, expected))
    lines = result.stderr.splitlines()
    if len(lines) != 1:
        problems.append("%d lines on stderr, expected exactly one" % len(lines))
    if result.stdout:
        problems.append("unexpected stdout: %r" % result.stdout[:200])
    for path, before in untouched.items():
        after = open(path, "rb").read() if os.path.exists(path) else None
        if after != before:
            problems.append("%s was %s" % (path, "created" if before is None else "changed"))
    directory = os.path.dirname(os.path.abspath(args[-1])) if args else "."
    for path in untouched:
        leftovers = [f for f in os.listdir(os.path.dirname(os.path.abspath(path)))
                     if f.startswith(os.path.basename(path) + ".tmp")]
        if leftovers:
            problems.append("temporary files left: %s" % leftovers)
    if problems:
        sys.exit("expect_exit.py: " + "; ".join(problems))


main()
