#!/usr/bin/env python3
"""Score concur-unsynchronized-shared-state against the labelled race corpus.

Usage:
  score.py REPORTS_DIR          read REPORTS_DIR/<program>.json
  score.py --concur PATH        run PATH on every program (2 workers) and score

Each report is concur's JSON (`concur check <files> --format=json -o
<program>.json -- -std=c++20 -pthread`). A program's findings are those with
"check": "concur-unsynchronized-shared-state"; each names its state in
"variable": {"name": ...}. Findings are compared by variable name with the
program's `// race:` labels (exact, or after dropping a leading `::`), once
per distinct name:

  TP  a racy program's finding whose name is a label
  FP  a finding in a safe program, or one naming an unlabelled variable
  FN  a label no finding names

Prints a per-program table, the misses and false alarms, and a last line
  precision=<x> recall=<y> programs=<n> racy=<r> safe=<s>
(precision is "n/a" when there are no findings at all). Standard library
only. Exit status is 0 unless the corpus or the reports could not be read.
"""

import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile

from corpus import COMPILE_ARGS, HERE, discover as discover_programs

CHECK = "concur-unsynchronized-shared-state"


def norm(name):
    return name[2:] if name.startswith("::") else name


def discover(corpus):
    programs = discover_programs(corpus)
    for p in programs:
        if p.kind not in ("racy", "safe"):
            sys.exit("score: %s has no valid '// corpus:' label" % p.main)
    return programs


def run_concur(concur, extra, p, out_dir, timeout):
    out = os.path.join(out_dir, p.name + ".json")
    if os.path.exists(out):
        os.remove(out)
    cmd = ([concur, "check"] + p.sources + extra +
           ["--format=json", "-o", out, "--"] + COMPILE_ARGS)
    try:
        r = subprocess.run(cmd, capture_output=True, text=True,
                           timeout=timeout, errors="replace")
        err = r.stderr.strip().splitlines()
        note = "" if os.path.exists(out) else (
            "concur exit %d, no report%s" %
            (r.returncode, ": " + err[-1] if err else ""))
    except subprocess.TimeoutExpired:
        note = "concur timed out after %ds" % timeout
    except OSError as e:
        note = "cannot run concur: %s" % e.strerror
    return note


def load_findings(path):
    """Returns (list of (name, location) for CHECK findings, error)."""
    try:
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
    except FileNotFoundError:
        return [], "no report"
    except (OSError, ValueError) as e:
        return [], "unreadable report: %s" % e
    found = []
    for f in report.get("findings") or []:
        if not isinstance(f, dict) or f.get("check") != CHECK:
            continue
        var = f.get("variable")
        name = var.get("name") if isinstance(var, dict) else None
        loc = f.get("location") or {}
        where = ("%s:%s" % (os.path.basename(str(loc.get("file", "?"))),
                            loc.get("line", "?"))
                 if isinstance(loc, dict) else "?")
        found.append((name if isinstance(name, str) else "<unnamed>", where))
        # One memory location may carry several names (adjacent bit-fields);
        # each names the race it reports.
        for alias in (var.get("aliases") or []) if isinstance(var, dict) else []:
            if isinstance(alias, str):
                found.append((alias, where))
    return found, None


def fmt(x):
    return "n/a" if x is None else "%.3f" % x


def main():
    ap = argparse.ArgumentParser(
        description="Score concur's race check against the labelled corpus.")
    ap.add_argument("reports", nargs="?",
                    help="directory of <program>.json concur reports")
    ap.add_argument("--concur", help="concur binary to run on every program")
    ap.add_argument("--corpus", default=HERE, help="corpus directory")
    ap.add_argument("--out", help="with --concur: keep reports here")
    ap.add_argument("-j", "--jobs", type=int, default=2,
                    help="with --concur: parallel runs (default 2)")
    ap.add_argument("--concur-arg", action="append", default=[],
                    metavar="ARG",
                    help="with --concur: extra concur option before '--' "
                    "(repeatable), e.g. --concur-arg=--checks=...")
    ap.add_argument("--timeout", type=int, default=600,
                    help="with --concur: seconds per program")
    ap.add_argument("--min-precision", type=float,
                    help="exit 1 when precision is below this (a CI gate)")
    ap.add_argument("--min-recall", type=float,
                    help="exit 1 when recall is below this (a CI gate)")
    args = ap.parse_args()
    if bool(args.reports) == bool(args.concur):
        ap.error("give either a reports directory or --concur PATH")

    programs = discover(args.corpus)
    notes = {}
    if args.concur:
        concur = os.path.abspath(args.concur)
        if not os.access(concur, os.X_OK):
            sys.exit("score: %s is not an executable" % args.concur)
        out_dir = args.out or tempfile.mkdtemp(prefix="concur-races-score-")
        os.makedirs(out_dir, exist_ok=True)
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            results = pool.map(
                lambda p: run_concur(concur, args.concur_arg, p, out_dir,
                                   args.timeout),
                programs)
            for p, note in zip(programs, results):
                if note:
                    notes[p.name] = note
        reports = out_dir
    else:
        reports = args.reports
        if not os.path.isdir(reports):
            sys.exit("score: %s is not a directory" % reports)

    tp = fp = fn = 0
    misses, alarms, rows = [], [], []
    for p in programs:
        found, err = load_findings(os.path.join(reports, p.name + ".json"))
        if err and p.name not in notes:
            notes[p.name] = err
        labels = {norm(r) for r in p.races}
        where = {}
        for name, loc in found:
            where.setdefault(norm(name), []).append(loc)
        names = set(where)
        p_tp = len(names & labels) if p.kind == "racy" else 0
        p_fp_names = sorted(names - labels if p.kind == "racy" else names)
        p_fn_names = sorted(labels - names)
        tp += p_tp
        fp += len(p_fp_names)
        fn += len(p_fn_names)
        misses += ["%s: %s" % (p.name, n) for n in p_fn_names]
        alarms += ["%s: %s at %s" % (p.name, n, ", ".join(where[n]))
                   for n in p_fp_names]
        rows.append((p.name, p.kind, len(found), p_tp, len(p_fp_names),
                     len(p_fn_names), notes.get(p.name, "")))

    w = max(len(r[0]) for r in rows) if rows else 7
    print("%-*s  %-5s  %8s  %3s  %3s  %3s" %
          (w, "program", "label", "findings", "TP", "FP", "FN"))
    for name, kind, nf, a, b, c, note in rows:
        print("%-*s  %-5s  %8d  %3d  %3d  %3d%s" %
              (w, name, kind, nf, a, b, c, "  (" + note + ")" if note else ""))
    print()
    print("misses (%d):" % len(misses))
    for m in misses:
        print("  " + m)
    print("false alarms (%d):" % len(alarms))
    for a in alarms:
        print("  " + a)
    missing = sum(1 for n in notes.values() if "report" in n)
    if missing:
        print("warning: %d program(s) had no usable report" % missing)
    if args.concur and not args.out:
        print("reports in %s" % reports)
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    racy = sum(p.kind == "racy" for p in programs)
    print("precision=%s recall=%s programs=%d racy=%d safe=%d" %
          (fmt(precision), fmt(recall), len(programs), racy,
           len(programs) - racy))
    failed = False
    if args.min_precision is not None and (precision is None or
                                           precision < args.min_precision):
        print("score: precision below %.2f" % args.min_precision)
        failed = True
    if args.min_recall is not None and (recall is None or
                                        recall < args.min_recall):
        print("score: recall below %.2f" % args.min_recall)
        failed = True
    if missing:
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
