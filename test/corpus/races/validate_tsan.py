#!/usr/bin/env python3
"""Check every corpus label against ThreadSanitizer.

Driven by validate.sh; see README.md.  For every program of the corpus it
builds one ThreadSanitizer binary and one plain binary into a temporary
directory, runs the TSan binary several times and compares what TSan reports
with the program's labels:

  racy  every run reports at least one data race; every reported access lies
        on a line marked `// RACE` (first stack frame inside the program's own
        files); a race on a global must name a `race:` label. Marked lines
        that no report showed are listed as notes (TSan reports a memory
        location only once per run, so a third marked access of the same
        variable is often never shown).
  safe  no ThreadSanitizer warning of any kind in any run.

Both kinds must also finish: exit status 0 (66 when TSan reported), and the
plain build (no sanitizer, no optimisation) must run in under one second.
Only the Python standard library is used.
"""

import argparse
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from corpus import COMPILE_ARGS as COMPILE, HERE, Program as CorpusProgram
from corpus import discover as discover_programs, read_labels

TSAN_FLAGS = ["-fsanitize=thread", "-g", "-O1"]
TSAN_OPTIONS = "halt_on_error=0 suppress_equal_addresses=0 history_size=7"
ACCESS_RE = re.compile(
    r"^\s+(?:Previous )?(?:[Aa]tomic )?(?:[Rr]ead|[Ww]rite) of size \d+")
FRAME_RE = re.compile(r"^\s+#\d+ .* (/\S+?)(?::(\d+))?(?::\d+)? \(")
GLOBAL_RE = re.compile(r"Location is global '([^']+)'")


class Program(CorpusProgram):
    def __init__(self, name, main, sources):
        super().__init__(name, main, sources)
        self.race_lines = set()  # (realpath, line)
        self.errors = []


def norm(name):
    # TSan prints function-local statics as 'f()::x'; labels say 'f::x'.
    name = re.sub(r"\([^()]*\)( const)?", "", name)
    return name[2:] if name.startswith("::") else name


def discover(corpus):
    programs = discover_programs(corpus, Program)
    for p in programs:
        check_labels(p)
    return programs


def program_files(p):
    if len(p.sources) == 1 and os.path.basename(p.main) != "main.cpp":
        return [p.main]
    d = os.path.dirname(p.main)
    return sorted(
        os.path.join(d, f) for f in os.listdir(d)
        if f.endswith((".cpp", ".h", ".hpp")))


def check_labels(p):
    if p.kind not in ("racy", "safe"):
        p.errors.append("missing or bad '// corpus:' label")
    if p.kind == "racy" and not p.races:
        p.errors.append("racy program without '// race:' label")
    if p.kind == "safe" and p.races:
        p.errors.append("safe program with '// race:' label")
    for path in program_files(p):
        with open(path, encoding="utf-8") as f:
            for no, line in enumerate(f, 1):
                if re.search(r"//\s*RACE\s*$", line):
                    p.race_lines.add((os.path.realpath(path), no))
    if p.kind == "racy" and not p.race_lines:
        p.errors.append("racy program without '// RACE' lines")
    if p.kind == "safe" and p.race_lines:
        p.errors.append("safe program with '// RACE' lines")


def parse_reports(stderr, own_files):
    """Returns (races, other): races is a list of (accesses, global_name)
    with accesses a list of (file, line) or None per access section."""
    races, other = [], []
    blocks = stderr.split("==================")
    for b in blocks:
        m = re.search(r"WARNING: ThreadSanitizer: ([^(\n]+)", b)
        if not m:
            continue
        what = m.group(1).strip()
        if what != "data race":
            other.append(what)
            continue
        accesses = []
        current = None
        in_access = done = False
        for line in b.splitlines():
            if ACCESS_RE.match(line):
                if in_access:
                    accesses.append(current)
                in_access, current, done = True, None, False
                continue
            if in_access:
                if not line.strip():
                    accesses.append(current)
                    in_access = False
                    continue
                fm = FRAME_RE.match(line)
                if fm and current is None and not done:
                    f = os.path.realpath(fm.group(1))
                    if f in own_files:
                        # The first frame in the program's own files decides.
                        # Optimised code sometimes has no line (0) there; such
                        # an access is neither checked nor counted.
                        done = True
                        if fm.group(2) and fm.group(2) != "0":
                            current = (f, int(fm.group(2)))
        if in_access:
            accesses.append(current)
        g = GLOBAL_RE.search(b)
        name = g.group(1) if g else None
        races.append((accesses, None if name == '??' else name))
    return races, other


def run(cmd, env=None, timeout=60):
    t0 = time.monotonic()
    try:
        r = subprocess.run(cmd, env=env, capture_output=True, text=True,
                           timeout=timeout, errors="replace")
        return r.returncode, r.stdout, r.stderr, time.monotonic() - t0
    except subprocess.TimeoutExpired:
        return None, "", "timeout", time.monotonic() - t0


def check(p, args, tmp):
    res = {"detected": 0, "covered": set(), "issues": list(p.errors),
           "notes": [], "plain_time": None}
    if p.errors:
        return res
    exe = os.path.join(tmp, p.name)
    rc, _, err, _ = run([args.cxx] + COMPILE + TSAN_FLAGS + p.sources +
                        ["-o", exe + ".tsan"], timeout=300)
    if rc != 0:
        res["issues"].append("TSan build failed: " + err.strip()[:300])
        return res
    if not args.no_plain:
        rc, _, err, _ = run([args.cxx] + COMPILE + p.sources +
                            ["-o", exe + ".plain"], timeout=300)
        if rc != 0:
            res["issues"].append("plain build failed: " + err.strip()[:300])
            return res
        rc, _, err, dt = run([exe + ".plain"], timeout=10)
        res["plain_time"] = dt
        if rc != 0:
            res["issues"].append("plain run exit %s" % rc)
        elif dt >= 1.0:
            res["issues"].append("plain run took %.2fs (limit 1s)" % dt)
    own = {os.path.realpath(f) for f in program_files(p)}
    env = dict(os.environ)
    env["TSAN_OPTIONS"] = (TSAN_OPTIONS + " " +
                           env.get("TSAN_OPTIONS", "")).strip()
    labels = {norm(r) for r in p.races}
    for i in range(args.runs):
        rc, _, err, _ = run([exe + ".tsan"], env=env, timeout=60)
        if rc not in (0, 66):
            res["issues"].append("run %d: exit %s %s" %
                                 (i + 1, rc, err.strip()[-200:]))
            continue
        races, other = parse_reports(err, own)
        for o in sorted(set(other)):
            res["issues"].append("run %d: TSan warning '%s'" % (i + 1, o))
        if races:
            res["detected"] += 1
        if p.kind == "safe":
            for accesses, g in races:
                where = ", ".join("%s:%d" % (os.path.basename(a[0]), a[1])
                                  for a in accesses if a)
                res["issues"].append("run %d: data race at %s%s" %
                                     (i + 1, where or "?",
                                      " on '%s'" % g if g else ""))
            continue
        for accesses, g in races:
            for a in accesses:
                if a is None:
                    continue
                if a in p.race_lines:
                    res["covered"].add(a)
                else:
                    res["issues"].append(
                        "run %d: race at unmarked line %s:%d" %
                        (i + 1, os.path.basename(a[0]), a[1]))
            if g and norm(g) not in labels:
                res["issues"].append("run %d: race on global '%s' not "
                                     "labelled" % (i + 1, g))
    if p.kind == "racy":
        if res["detected"] < args.runs:
            res["issues"].append("TSan reported a race in only %d/%d runs" %
                                 (res["detected"], args.runs))
        if not res["covered"]:
            res["issues"].append("no report resolved to a // RACE line")
        # TSan reports each memory location at most once per run, so with
        # more than two marked lines for one variable some may stay unseen:
        # a note, not a disagreement.
        for f, line in sorted(p.race_lines - res["covered"]):
            res["notes"].append("// RACE line %s:%d not seen in any report" %
                                (os.path.basename(f), line))
    # De-duplicate repeated issues while keeping order.
    seen, uniq = set(), []
    for s in res["issues"]:
        if s not in seen:
            seen.add(s)
            uniq.append(s)
    res["issues"] = uniq
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("programs", nargs="*",
                    help="program names to check (default: all)")
    ap.add_argument("--corpus", default=HERE)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--cxx", default=os.environ.get("CXX_TSAN", "clang++-19"))
    ap.add_argument("--no-plain", action="store_true",
                    help="skip the plain build and its 1 s run-time check")
    ap.add_argument("--keep", action="store_true",
                    help="keep the temporary build directory")
    args = ap.parse_args()
    if shutil.which(args.cxx) is None:
        sys.exit("validate: %s not found" % args.cxx)

    programs = discover(args.corpus)
    if args.programs:
        wanted = set(args.programs)
        programs = [p for p in programs if p.name in wanted]
        missing = wanted - {p.name for p in programs}
        if missing:
            sys.exit("validate: no such program: " + ", ".join(sorted(missing)))
    tmp = tempfile.mkdtemp(prefix="concur-races-")
    try:
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            results = list(pool.map(lambda p: check(p, args, tmp), programs))
    finally:
        if args.keep:
            print("builds kept in", tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    width = max([len(p.name) for p in programs] + [7])
    print("%-*s  %-5s  %-9s  %-7s  %-6s  %s" %
          (width, "program", "label", "tsan", "lines", "plain", "verdict"))
    agree = 0
    for p, r in zip(programs, results):
        tsan = "race %d/%d" % (r["detected"], args.runs)
        lines = ("%d/%d" % (len(r["covered"]), len(p.race_lines))
                 if p.kind == "racy" else "-")
        plain = "%.2fs" % r["plain_time"] if r["plain_time"] else "-"
        ok = not r["issues"]
        agree += ok
        print("%-*s  %-5s  %-9s  %-7s  %-6s  %s" %
              (width, p.name, p.kind or "?", tsan, lines, plain,
               "agree" if ok else "DISAGREE"))
        for s in r["issues"]:
            print("%*s  - %s" % (width, "", s))
        for s in r["notes"]:
            print("%*s  . %s" % (width, "", s))
    racy = sum(p.kind == "racy" for p in programs)
    safe = sum(p.kind == "safe" for p in programs)
    multi = sum(os.path.basename(p.main) == "main.cpp" for p in programs)
    print("agree=%d disagree=%d programs=%d racy=%d safe=%d multi_file=%d "
          "runs=%d" % (agree, len(programs) - agree, len(programs), racy,
                       safe, multi, args.runs))
    return 0 if agree == len(programs) else 1


if __name__ == "__main__":
    sys.exit(main())
