"""What the scoring scripts of eval/ share: running concur for one check and
naming a finding's two places.

Imported by eval/blocking/score.py, eval/races/score.py and
eval/openmp/score.py (each puts eval/ on sys.path).
"""
import json
import subprocess
import sys


def run_concur(concur, build, check, out, config=None):
    """Runs one check of concur on the compile database in BUILD (with the
    .concur.json CONFIG for every file, if given), writes the JSON report to
    OUT and returns it; exits on anything but 0 or 1."""
    cmd = [concur, "check", "-p", build, "--checks=-*," + check,
           "-j", "2", "--format=json", "-o", out, "--quiet"]
    if config:
        cmd.append("--config=" + config)
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if proc.returncode not in (0, 1):
        sys.exit("concur failed (exit %d): %s" % (proc.returncode, proc.stderr.strip()))
    with open(out) as f:
        return json.load(f)


def other_access(f):
    """The location of a race finding's other access: of its two accesses,
    the one that is not the finding's own place (the place itself when the
    finding has fewer than two)."""
    loc = f["location"]
    acc = f.get("accesses") or []
    if len(acc) < 2:
        return loc
    a0, a1 = acc[0]["location"], acc[1]["location"]
    same0 = (a0["file"], a0["line"], a0.get("column")) == (loc["file"], loc["line"], loc.get("column"))
    return a1 if same0 else a0
