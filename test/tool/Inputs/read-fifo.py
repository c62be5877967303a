"""Runs a command while a thread copies a FIFO into a file, as a reader
waiting on the other end of a pipe would.

Usage: read-fifo.py FIFO OUT COMMAND [ARGS...]; prints the command's output
(stderr merged) and "exit code: N".
"""
import subprocess
import sys
import threading

fifo, out, command = sys.argv[1], sys.argv[2], sys.argv[3:]


def copy():
    with open(fifo, "rb") as src, open(out, "wb") as dst:
        dst.write(src.read())


reader = threading.Thread(target=copy)
reader.start()
proc = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
reader.join(timeout=60)
sys.stdout.write(proc.stdout.decode(errors="replace"))
print("exit code: %d" % proc.returncode)
