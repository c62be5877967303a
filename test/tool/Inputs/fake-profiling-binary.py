#!/usr/bin/env python3
"""Stands in for a profiling binary (workloads linked with
concur::workload_main) in the tests of `concur profile`: it answers --list,
and otherwise starts a child that sleeps and sleeps itself, adding the
child's pid to --worker-pid-file, as a cell and its workers would.
With FAKE_LIST_HANGS=1 in the environment its --list never answers."""
import os
import subprocess
import sys
import time

args = sys.argv[1:]
if "--list" in args:
    if os.environ.get("FAKE_LIST_HANGS"):
        time.sleep(3600)
    print('{"workloads": [{"name": "hang", "variants": ["plain"]}]}')
    sys.exit(0)
child = subprocess.Popen(["sleep", "3600"])
if "--worker-pid-file" in args:
    with open(args[args.index("--worker-pid-file") + 1], "a") as f:
        f.write("%d\n" % child.pid)
time.sleep(3600)
