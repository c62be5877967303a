#!/usr/bin/env python3
"""Scores concur-unsynchronized-shared-state on the race programs of Valgrind's
Helgrind and DRD regression tests, one verdict per program file.

    eval/races/suites/score_valgrind.py [--labels valgrind.json] [--build DIR]
        [--src ROOT] [--split dev|test|all] [--list]
        [--report JSON | --keep-report JSON] [--concur PATH] [--json OUT]

The labels (valgrind.json beside this script) name each program's file
relative to `src_root`, its verdict ("race" or "no-race", from the expected
stderr of the .vgtest files that run it, Helgrind's and DRD's: a "Possible
data race" or "Conflicting load/store" report makes it racy), the source
lines those reports name (race_lines), and a fixed split (dev or test, from
the file's path; see the labels' split_rule). Which programs were left out,
and why, is in the labels' programs_excluded.

The corpus is not kept in this repository. To rebuild it:
  1. take helgrind/tests and drd/tests of Valgrind at the labels' commit
     (sourceware's valgrind.git, or its GitHub mirror named in the labels),
     leaving out drd/tests/tsan_unittest.cpp and tsan_thread_wrappers_pthread.h
     (reserved), into `src_root` (/work/corpora/valgrind/src);
  2. write `build_dir`/compile_commands.json with one entry per task, with
     the compiler and flags the labels' `database` gives, and check that each
     entry passes clang -fsyntax-only.

concur runs once over the whole compile database (every program has its own
main; findings never pair accesses of two files, which the printed count of
findings pairing two files confirms). A program counts as reported racy when
concur has a finding of the check in its file:

  warnings: a finding of severity warning (or error) only;
  with remarks: any finding of the check, remarks included.

For the chosen split it prints TP/FP/FN/TN (positive = has a data race),
precision and recall for both variants, and a line-level figure: of the racy
programs, how many have a finding (of the variant) whose place or one of
whose accesses lies on a labelled race line of the program's file. With
--list it prints per tool (the suite folder, helgrind or drd) the counts and
the false positives and false negatives with the first finding's message,
and the racy programs reported only away from their race lines. Programs of
the other split are neither printed nor counted.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from file_verdicts import (VARIANTS, argument_parser,  # noqa: E402
                           findings_by_file, fmt, verdict,
                           load_report, load_suite, ratio, relative_to)


def main():
    args = argument_parser(__doc__.split("\n\n")[0], "valgrind.json").parse_args()
    spec, root, build, tasks = load_suite(args)
    report = load_report(args, build)
    rel = relative_to(root)
    by_file, mixed = findings_by_file(report, rel)

    def lines_named(f, file):
        """The lines of FILE that finding F names: its place and its accesses'."""
        locs = [f["location"]] + [a["location"] for a in f.get("accesses") or []]
        return {l["line"] for l in locs if rel(l["file"]) == file}

    result = {"split": args.split, "tasks": len(tasks), "findings_mixing_files": mixed}
    lists = {}
    for variant, keep in VARIANTS:
        c = {"TP": 0, "FP": 0, "FN": 0, "TN": 0}
        per_tool = {}
        wrong = []
        off_line = []
        line_hits = 0
        for t in tasks:
            fs = [f for f in by_file.get(t["file"], []) if keep(f)]
            said = bool(fs)
            race = t["verdict"] == "race"
            k = verdict(race, said)
            c[k] += 1
            per_tool.setdefault(t["tool"], {"TP": 0, "FP": 0, "FN": 0, "TN": 0})[k] += 1
            if race:
                want = set(t["race_lines"])
                if any(lines_named(f, t["file"]) & want for f in fs):
                    line_hits += 1
                elif said:
                    named = sorted(set().union(*(lines_named(f, t["file"]) for f in fs)))
                    off_line.append((t["file"], t["race_lines"], named))
            if k in ("FP", "FN"):
                first = fs[0] if fs else (by_file.get(t["file"]) or [None])[0]
                msg = ""
                if first:
                    msg = "%s:%d: %s: %s" % (os.path.basename(first["location"]["file"]),
                                             first["location"]["line"], first["severity"], first["message"])
                wrong.append((k, t["file"], msg))
        races = c["TP"] + c["FN"]
        p = ratio(c["TP"], c["TP"] + c["FP"])
        r = ratio(c["TP"], races)
        result[variant] = dict(c, precision=p, recall=r, per_tool=per_tool,
                               race_line_hits=line_hits, race_line_recall=ratio(line_hits, races))
        lists[variant] = (wrong, off_line)

    races = sum(t["verdict"] == "race" for t in tasks)
    print("Valgrind helgrind/drd race programs, split %s: %d programs (%d race, %d no-race); "
          "findings pairing two files: %d" % (args.split, len(tasks), races, len(tasks) - races, mixed))
    for variant in ("warnings", "with_remarks"):
        v = result[variant]
        print("%-13s TP=%d FP=%d FN=%d TN=%d precision=%s recall=%s; race line named in %d/%d racy programs (%s)" % (
            variant + ":", v["TP"], v["FP"], v["FN"], v["TN"], fmt(v["precision"]), fmt(v["recall"]),
            v["race_line_hits"], races, fmt(v["race_line_recall"])))
    if args.list:
        print("per tool (warnings):")
        for tool, c in sorted(result["warnings"]["per_tool"].items()):
            print("  %-10s TP=%d FP=%d FN=%d TN=%d" % (tool, c["TP"], c["FP"], c["FN"], c["TN"]))
        for variant in ("warnings", "with_remarks"):
            wrong, off_line = lists[variant]
            print("wrong at %s:" % variant)
            for k, file, msg in wrong:
                print("  %s %s%s" % (k, file, ("  -- " + msg) if msg else ""))
            print("reported away from the race lines at %s:" % variant)
            for file, want, named in off_line:
                print("  %s race lines %s, findings name %s" % (file, want, named))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
