"""Writes DIR/compile_commands.json for the given C++ files, as CMake would.

Usage: write-compdb.py DIR FILE... [-- EXTRA FLAGS]
"""
import json
import os
import sys

args = sys.argv[1:]
extra = []
if "--" in args:
    extra = args[args.index("--") + 1:]
    args = args[:args.index("--")]
out_dir, files = args[0], args[1:]
entries = []
for f in files:
    f = os.path.abspath(f)
    flags = ["-std=c++20", "-I" + os.path.dirname(f)] + extra
    entries.append({
        "directory": out_dir,
        "command": " ".join(["/usr/bin/c++"] + flags + ["-c", f, "-o", f + ".o"]),
        "file": f,
    })
with open(os.path.join(out_dir, "compile_commands.json"), "w") as out:
    json.dump(entries, out, indent=2)
