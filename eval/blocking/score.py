#!/usr/bin/env python3
"""Scores concur-blocking-in-coroutine on real code against hand labels.

    eval/blocking/score.py LABELS.json --build DIR [--concur PATH] [--src ROOT]
                           [--json OUT] [--list-unlabelled]
                           [--report JSON | --keep-report JSON]

LABELS.json names a codebase (repository, commit), where its source tree was
checked out when it was labelled (`src_root`), and one label per finding
location: {"file": "path/relative/to/src_root", "line": N, "api": "...",
"label": "TP" | "FP", "cause": "why"}. The script runs concur on the
compile database in DIR (the codebase itself is never kept in this
repository: fetch it at the commit given and make the database as the
labels file says), matches each finding by (file, line, api), and prints:

  warnings, remarks, coroutines whose context stayed unknown;
  precision at warning level (labelled TP warnings / labelled warnings);
  remarks labelled TP / labelled remarks;
  findings without a label (their count, or the list with --list-unlabelled).

A TP that concur reports below warning level counts against it: it is
printed as a lost true positive.
"""
import argparse
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from concur_report import run_concur  # noqa: E402

CHECK = "concur-blocking-in-coroutine"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("labels")
    ap.add_argument("--build", required=True, help="directory with compile_commands.json")
    ap.add_argument("--concur", default=os.path.join(os.path.dirname(__file__), "..", "..", "build", "bin", "concur"))
    ap.add_argument("--src", help="source root (default: the labels' src_root)")
    ap.add_argument("--json", help="write the scores here as JSON")
    ap.add_argument("--list-unlabelled", action="store_true")
    ap.add_argument("--config", help="run concur with this .concur.json for every file (a project's adoption config)")
    ap.add_argument("--report", help="score this concur JSON report instead of running concur")
    ap.add_argument("--keep-report", help="keep the report concur wrote here")
    args = ap.parse_args()

    with open(args.labels) as f:
        spec = json.load(f)
    root = os.path.realpath(args.src or spec["src_root"])
    labels = {}
    for l in spec["labels"]:
        labels[(l["file"], l["line"], l["api"])] = l

    if args.report:
        with open(args.report) as f:
            report = json.load(f)
    elif args.keep_report:
        report = run_concur(args.concur, args.build, CHECK, args.keep_report, args.config)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            report = run_concur(args.concur, args.build, CHECK, os.path.join(tmp, "r.json"), args.config)

    def rel(path):
        path = os.path.realpath(path)
        return os.path.relpath(path, root) if path.startswith(root + os.sep) else path

    warnings = remarks = 0
    tp_w = fp_w = tp_r = fp_r = 0
    lost = []
    unlabelled = []
    seen = set()
    for f in report["findings"]:
        if f["check"] != "concur-blocking-in-coroutine" or f.get("kind") != "blocking-call":
            continue
        loc = f["location"]
        key = (rel(loc["file"]), loc["line"], f["api"])
        seen.add(key)
        warn = f["severity"] in ("warning", "error")
        warnings += warn
        remarks += not warn
        label = labels.get(key)
        if not label:
            unlabelled.append((key, f["severity"], f["message"]))
            continue
        if warn:
            tp_w += label["label"] == "TP"
            fp_w += label["label"] == "FP"
        else:
            tp_r += label["label"] == "TP"
            fp_r += label["label"] == "FP"
            if label["label"] == "TP" and label.get("needs") == "warning":
                lost.append(key)
    stale = [k for k in labels if k not in seen]
    stats = report["summary"]["stats"]
    precision = tp_w / (tp_w + fp_w) if tp_w + fp_w else None
    result = {
        "codebase": spec["codebase"], "commit": spec["commit"],
        "warnings": warnings, "remarks": remarks,
        "coroutines_context_unknown": stats.get("coroutines_context_unknown", 0),
        "labelled_warnings": tp_w + fp_w, "tp_warnings": tp_w, "fp_warnings": fp_w,
        "precision_at_warning": precision,
        "labelled_remarks": tp_r + fp_r, "tp_remarks": tp_r,
        "lost_true_positives": len(lost), "unlabelled": len(unlabelled),
        "labels_not_reported": len(stale),
    }
    print("%s @ %s" % (spec["codebase"], spec["commit"][:12]))
    print("warnings=%d remarks=%d coroutines_context_unknown=%d" % (
        warnings, remarks, result["coroutines_context_unknown"]))
    print("precision_at_warning=%s (%d TP, %d FP) remarks: %d TP of %d labelled" % (
        "%.3f" % precision if precision is not None else "n/a", tp_w, fp_w, tp_r, tp_r + fp_r))
    print("lost true positives=%d unlabelled=%d labels no longer reported=%d" % (
        len(lost), len(unlabelled), len(stale)))
    if args.list_unlabelled:
        for key, sev, msg in unlabelled:
            print("  unlabelled %s:%d [%s] %s: %s" % (key[0], key[1], key[2], sev, msg))
        for key in stale:
            print("  not reported %s:%d [%s] (%s)" % (key[0], key[1], key[2], labels[key]["label"]))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
