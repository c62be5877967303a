#!/usr/bin/env python3
"""Scores concur-openmp-race on real OpenMP code against hand labels.

    eval/openmp/score.py [LABELS.json ...] [--report CODEBASE=JSON ...]
                         [--concur PATH] [--src ROOT] [--json OUT]
                         [--list-unlabelled]

With no LABELS, scores every eval/openmp/labels/*.json. Each labels file
names a codebase (repository, commit), where its source tree was checked out
when it was labelled (`src_root`), the compile database concur was run on
(`build`: a directory with compile_commands.json, made by
eval/openmp/make_db.py; `database` says what is in it), its `split` ("dev":
rules were tuned on it; "test": labelled only after the last rule change),
the concur binary used, and one label per finding: {"file": "path relative
to src_root", "line": N, "other_file": ..., "other_line": M, "variable":
"...", "label": "TP" | "FP", "cause": "why"}. (file, line) is the finding's
location (the first access), (other_file, other_line) the other access of
the pair; concur reports one finding per pair of places (lines).

The script runs concur on each database (or reads a report made earlier:
--report NAME=JSON, NAME being the labels' `codebase`; the codebases are
never kept in this repository: fetch them at the commit given and make the
databases with make_db.py), matches findings by (file, line, other_file,
other_line), and prints per codebase: findings, labelled TP and FP,
precision (TP / labelled), findings without a label (listed with
--list-unlabelled) and labels whose finding is no longer reported; then
the totals per split. A TP label with "benign": true is a data race by
OpenMP's rules that common implementations make harmless (every thread
stores one value; two loops relying on the default schedule being static;
NPB LU's flag handshake); the script counts them. Races found by reading that concur does not report
are listed under "missed" in the labels file, and what was read for them
under "recall_notes"; the script prints the count of missed races.
"""
import argparse
import glob
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from concur_report import other_access, run_concur  # noqa: E402

CHECK = "concur-openmp-race"
HERE = os.path.dirname(os.path.abspath(__file__))


def finding_key(f, rel):
    """(file, line, other_file, other_line): the finding's location and the other access."""
    loc, other = f["location"], other_access(f)
    return (rel(loc["file"]), loc["line"], rel(other["file"]), other["line"])


def score(spec, report, src, list_unlabelled):
    root = os.path.realpath(src or spec["src_root"])
    labels = {}
    for l in spec["labels"]:
        labels[(l["file"], l["line"], l["other_file"], l["other_line"])] = l

    def rel(path):
        path = os.path.realpath(path)
        return os.path.relpath(path, root) if path.startswith(root + os.sep) else path

    tp = fp = benign = 0
    unlabelled, seen = [], set()
    for f in report["findings"]:
        if f["check"] != CHECK:
            continue
        key = finding_key(f, rel)
        seen.add(key)
        label = labels.get(key)
        if not label:
            unlabelled.append((key, f["message"]))
            continue
        tp += label["label"] == "TP"
        fp += label["label"] == "FP"
        benign += label["label"] == "TP" and bool(label.get("benign"))
    stale = [k for k in labels if k not in seen]
    findings = len(seen)
    precision = tp / (tp + fp) if tp + fp else None
    missed = spec.get("missed", [])
    print("%s (%s) @ %s" % (spec["codebase"], spec["split"], spec["commit"][:12]))
    print("  findings=%d TP=%d (benign %d) FP=%d precision=%s unlabelled=%d labels_not_reported=%d missed_races=%d" % (
        findings, tp, benign, fp, "%.3f" % precision if precision is not None else "n/a",
        len(unlabelled), len(stale), len(missed)))
    if list_unlabelled:
        for key, msg in unlabelled:
            print("  unlabelled %s:%d <-> %s:%d: %s" % (key[0], key[1], key[2], key[3], msg))
        for key in stale:
            print("  not reported %s:%d <-> %s:%d (%s)" % (key[0], key[1], key[2], key[3], labels[key]["label"]))
    return {"codebase": spec["codebase"], "split": spec["split"], "commit": spec["commit"],
            "findings": findings, "tp": tp, "tp_benign": benign, "fp": fp, "precision": precision,
            "unlabelled": len(unlabelled), "labels_not_reported": len(stale),
            "missed": len(missed), "stats": report.get("summary", {}).get("stats", {})}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("labels", nargs="*")
    ap.add_argument("--report", action="append", default=[],
                    help="CODEBASE=JSON: a report of concur made earlier (no run)")
    ap.add_argument("--concur", default=os.path.join(HERE, "..", "..", "build", "bin", "concur"))
    ap.add_argument("--src", help="source root (default: the labels' src_root; one labels file only)")
    ap.add_argument("--json", help="write the scores here as JSON")
    ap.add_argument("--list-unlabelled", action="store_true")
    args = ap.parse_args()
    files = args.labels or sorted(glob.glob(os.path.join(HERE, "labels", "*.json")))
    reports = dict(r.split("=", 1) for r in args.report)
    results = []
    for path in files:
        with open(path) as f:
            spec = json.load(f)
        if spec["codebase"] in reports:
            with open(reports[spec["codebase"]]) as f:
                report = json.load(f)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                report = run_concur(args.concur, spec["build"], CHECK, os.path.join(tmp, "r.json"))
        results.append(score(spec, report, args.src, args.list_unlabelled))
    for split in ("dev", "test"):
        rs = [r for r in results if r["split"] == split]
        if not rs:
            continue
        tp, fp = sum(r["tp"] for r in rs), sum(r["fp"] for r in rs)
        print("%s: findings=%d TP=%d FP=%d precision=%s" % (
            split, sum(r["findings"] for r in rs), tp, fp,
            "%.3f" % (tp / (tp + fp)) if tp + fp else "n/a"))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
