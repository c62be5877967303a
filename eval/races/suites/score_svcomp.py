#!/usr/bin/env python3
"""Scores concur-unsynchronized-shared-state on SV-COMP's no-data-race tasks,
one verdict per task file.

    eval/races/suites/score_svcomp.py [--labels svcomp.json] [--build DIR]
        [--src ROOT] [--split dev|test|all] [--list] [--isolate]
        [--report JSON | --keep-report JSON] [--concur PATH] [--json OUT]

The labels (svcomp.json beside this script) name each task's input file
relative to `src_root`, SV-COMP's expected verdict for the property
no-data-race ("race" for expected_verdict false, "no-race" for true), and a
fixed split (dev or test, from the file's path; see the labels' split_rule).
The corpus itself is not kept in this repository: fetch the task files at
the commits the labels give and make the compile database as their
`database` says.

concur runs once over the whole compile database (every task has its own
main; findings never pair accesses of two files, which --isolate can
confirm by running each task in a database of its own). A task counts as
reported racy when concur has a finding of the check in its file:

  warnings: a finding of severity warning (or error) only;
  with remarks: any finding of the check, remarks included.

For the chosen split it prints TP/FP/FN/TN (positive = has a data race),
precision and recall for both variants, and per folder with --list the
false positives and false negatives with the first finding's message.
Tasks of the other split are neither printed nor counted.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from file_verdicts import (CHECK, VARIANTS, argument_parser,  # noqa: E402
                           findings_by_file, fmt, verdict,
                           load_report, load_suite, ratio, relative_to)
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
from concur_report import run_concur  # noqa: E402


def load_db(build):
    with open(os.path.join(build, "compile_commands.json")) as f:
        return json.load(f)


def run_isolated(concur, build, keep):
    """Runs concur on each entry of the database in a database of its own
    (two at a time) and merges the findings into one report."""
    entries = load_db(build)
    tmp = tempfile.mkdtemp(prefix="svcomp-iso-")

    def one(i_e):
        i, e = i_e
        d = os.path.join(tmp, str(i))
        os.makedirs(d)
        with open(os.path.join(d, "compile_commands.json"), "w") as f:
            json.dump([e], f)
        cmd = [concur, "check", "-p", d, "--checks=-*," + CHECK, "-j", "1",
               "--format=json", "-o", os.path.join(d, "r.json"), "--quiet"]
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if p.returncode not in (0, 1):
            sys.exit("concur failed on %s (exit %d): %s" % (e["file"], p.returncode, p.stderr.strip()))
        with open(os.path.join(d, "r.json")) as f:
            return json.load(f)["findings"]

    try:
        with ThreadPoolExecutor(max_workers=2) as ex:
            findings = [f for fs in ex.map(one, enumerate(entries)) for f in fs]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    report = {"findings": findings, "summary": {"files_analysed": len(entries)}}
    if keep:
        with open(keep, "w") as f:
            json.dump(report, f)
    return report


def main():
    ap = argument_parser(__doc__.split("\n\n")[0], "svcomp.json")
    ap.add_argument("--isolate", action="store_true", help="run each task in a compile database of its own")
    args = ap.parse_args()
    spec, root, build, tasks = load_suite(args)
    report = load_report(args, build, lambda: run_isolated(args.concur, build, args.keep_report)
                         if args.isolate else None)
    rel = relative_to(root)
    by_file, mixed = findings_by_file(report, rel)

    result = {"split": args.split, "tasks": len(tasks), "findings_mixing_files": mixed}
    lists = {}
    for variant, keep in VARIANTS:
        c = {"TP": 0, "FP": 0, "FN": 0, "TN": 0}
        per_folder = {}
        wrong = []
        for t in tasks:
            fs = [f for f in by_file.get(t["file"], []) if keep(f)]
            said = bool(fs)
            race = t["verdict"] == "race"
            k = verdict(race, said)
            c[k] += 1
            per_folder.setdefault(t["folder"], {"TP": 0, "FP": 0, "FN": 0, "TN": 0})[k] += 1
            if k in ("FP", "FN"):
                first = fs[0] if fs else (by_file.get(t["file"]) or [None])[0]
                msg = ""
                if first:
                    msg = "%s:%d: %s: %s" % (os.path.basename(first["location"]["file"]),
                                             first["location"]["line"], first["severity"], first["message"])
                wrong.append((k, t["file"], msg))
        p = ratio(c["TP"], c["TP"] + c["FP"])
        r = ratio(c["TP"], c["TP"] + c["FN"])
        result[variant] = dict(c, precision=p, recall=r, per_folder=per_folder)
        lists[variant] = wrong

    races = sum(t["verdict"] == "race" for t in tasks)
    print("SV-COMP no-data-race, split %s: %d tasks (%d race, %d no-race); findings pairing two files: %d" % (
        args.split, len(tasks), races, len(tasks) - races, mixed))
    for variant in ("warnings", "with_remarks"):
        v = result[variant]
        print("%-13s TP=%d FP=%d FN=%d TN=%d precision=%s recall=%s" % (
            variant + ":", v["TP"], v["FP"], v["FN"], v["TN"], fmt(v["precision"]), fmt(v["recall"])))
    if args.list:
        print("per folder (warnings):")
        for folder, c in sorted(result["warnings"]["per_folder"].items()):
            print("  %-24s TP=%d FP=%d FN=%d TN=%d" % (folder, c["TP"], c["FP"], c["FN"], c["TN"]))
        for variant in ("warnings", "with_remarks"):
            print("wrong at %s:" % variant)
            for k, file, msg in lists[variant]:
                print("  %s %s%s" % (k, file, ("  -- " + msg) if msg else ""))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
