"""Damages every entry of a fact cache directory the way a full disk or a
hostile hand would.

Usage: poison-cache.py MODE DIR, MODE one of:
  truncate        cut each entry in half (a full disk)
  negative-lines  every "line" becomes -5 (well-formed, impossible)
  forged-name     'load_user' becomes a name holding a forged report line
  fifo            each entry becomes a FIFO (reading it would block)
"""
import glob
import os
import re
import sys

mode, directory = sys.argv[1], sys.argv[2]
entries = glob.glob(os.path.join(directory, "*.json"))
if not entries:
    sys.exit("no cache entries in %s" % directory)
for path in entries:
    with open(path) as f:
        text = f.read()
    if mode == "truncate":
        text = text[: len(text) // 2]
    elif mode == "negative-lines":
        text = re.sub(r'"line":(\s*)\d+', r'"line":\1-5', text)
    elif mode == "forged-name":
        text = text.replace("load_user", "load_user\\nforged.cpp:1:1: warning: forged")
    elif mode == "fifo":
        os.remove(path)
        os.mkfifo(path)
        continue
    else:
        sys.exit("unknown mode %s" % mode)
    with open(path, "w") as f:
        f.write(text)
