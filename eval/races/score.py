#!/usr/bin/env python3
"""Scores concur-unsynchronized-shared-state on real code against hand labels.

    eval/races/score.py LABELS.json (--build DIR | --report JSON) [--concur PATH]
                        [--src ROOT] [--json OUT] [--list-unlabelled]
                        [--list-fp] [--keep-report JSON]

LABELS.json names a codebase (repository, commit), where its source tree was
checked out when it was labelled (`src_root`), how its compile database was
made (`database`), and one label per finding: {"file": "path/relative/to/
src_root", "line": N, "other_file": ..., "other_line": M, "variable": "...",
"severity": "...", "label": "TP" | "FP", "cause": "why"}. (file, line) is the
finding's location (the first access), (other_file, other_line) the other
access of the pair; "column", "other_column" and "variable" only tell apart
findings that share those four. The script runs concur on the compile database in DIR
(or reads a report made earlier with --report; the codebase itself is never
kept in this repository: fetch it at the commit given and make the database
as the labels file says), matches each finding by
(file, line, other_file, other_line), and prints:

  findings, warnings, remarks, and how many were assumed from a class;
  precision at warning level (labelled TP warnings / labelled warnings);
  remarks labelled TP / labelled remarks;
  findings without a label (their count, or the list with --list-unlabelled),
  and labels whose finding is no longer reported.

A codebase with thousands of labels may keep them as a table instead:
"label_columns" names the fields of each row of "labels" (lists, not
objects), and a "cause" that is a number is an index into "causes", the
texts shared by the labels of one group (label_rows).

Only warnings and the first remarks (up to 30 per codebase) were labelled,
so unlabelled remarks are expected; unlabelled warnings are not.
A TP that concur reports below warning level is listed as a lost true
positive when its label says "needs": "warning".
"""
import argparse
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from concur_report import other_access, run_concur  # noqa: E402

CHECK = "concur-unsynchronized-shared-state"


def finding_ident(f, rel):
    """The finding's location (its first access) and the other access of the pair."""
    loc = f["location"]
    other = other_access(f)
    return {"file": rel(loc["file"]), "line": loc["line"], "column": loc.get("column"),
            "other_file": rel(other["file"]), "other_line": other["line"],
            "other_column": other.get("column"), "variable": f["variable"]["name"]}


def key4(x):
    return (x["file"], x["line"], x["other_file"], x["other_line"])


def match(labels, ident):
    """Labels are keyed by (file, line, other_file, other_line). Findings that
    share those four (other fields, or other columns of the same lines) are
    told apart by the label's optional variable, column and other_column."""
    cands = [l for l in labels.get(key4(ident), [])
             if all(l.get(k, ident[k]) == ident[k] for k in ("variable", "column", "other_column"))]
    return cands[0] if len(cands) == 1 else None


def label_rows(spec):
    """The labels as objects, from either form of a labels file."""
    columns = spec.get("label_columns")
    causes = spec.get("causes", [])
    for l in spec["labels"]:
        if columns:
            l = dict(zip(columns, l))
        if isinstance(l.get("cause"), int):
            l["cause"] = causes[l["cause"]]
        yield l


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("labels")
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--build", help="directory with compile_commands.json: run concur on it")
    src.add_argument("--report", help="a JSON report of concur made earlier (no run)")
    ap.add_argument("--concur", default=os.path.join(os.path.dirname(__file__), "..", "..", "build", "bin", "concur"))
    ap.add_argument("--src", help="source root (default: the labels' src_root)")
    ap.add_argument("--json", help="write the scores here as JSON")
    ap.add_argument("--list-unlabelled", action="store_true")
    ap.add_argument("--list-fp", action="store_true", help="list the warnings labelled FP, with their causes")
    ap.add_argument("--keep-report", help="with --build: keep concur's report here")
    args = ap.parse_args()

    with open(args.labels) as f:
        spec = json.load(f)
    root = os.path.realpath(args.src or spec["src_root"])
    labels = {}
    for l in label_rows(spec):
        labels.setdefault(key4(l), []).append(l)

    if args.report:
        with open(args.report) as f:
            report = json.load(f)
    elif args.keep_report:
        report = run_concur(args.concur, args.build, CHECK, args.keep_report)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            report = run_concur(args.concur, args.build, CHECK, os.path.join(tmp, "r.json"))

    def rel(path):
        path = os.path.realpath(path)
        return os.path.relpath(path, root) if path.startswith(root + os.sep) else path

    warnings = remarks = assumed = 0
    tp_w = fp_w = tp_r = fp_r = 0
    lost = []
    unlabelled = []
    seen = set()
    for f in report["findings"]:
        if f["check"] != CHECK:
            continue
        ident = finding_ident(f, rel)
        key = key4(ident)
        warn = f["severity"] in ("warning", "error")
        warnings += warn
        remarks += not warn
        assumed += bool(f.get("assumed_from_class"))
        label = match(labels, ident)
        if label:
            seen.add(id(label))
        if not label:
            unlabelled.append((key, f["severity"], f["message"]))
            continue
        if warn:
            tp_w += label["label"] == "TP"
            fp_w += label["label"] == "FP"
            if args.list_fp and label["label"] == "FP":
                print("  FP %s:%d <-> %s:%d %s: %s" % (key + (label.get("variable", ""), label["cause"][:160])))
        else:
            tp_r += label["label"] == "TP"
            fp_r += label["label"] == "FP"
            if label["label"] == "TP" and label.get("needs") == "warning":
                lost.append(key)
    stale = [l for ls in labels.values() for l in ls if id(l) not in seen]
    stats = report.get("summary", {}).get("stats", {})
    precision = tp_w / (tp_w + fp_w) if tp_w + fp_w else None
    unl_w = sum(1 for _, sev, _ in unlabelled if sev in ("warning", "error"))
    result = {
        "codebase": spec["codebase"], "commit": spec["commit"],
        "findings": warnings + remarks, "warnings": warnings, "remarks": remarks,
        "assumed_from_class": assumed,
        "labelled_warnings": tp_w + fp_w, "tp_warnings": tp_w, "fp_warnings": fp_w,
        "precision_at_warning": precision,
        "labelled_remarks": tp_r + fp_r, "tp_remarks": tp_r,
        "lost_true_positives": len(lost), "unlabelled": len(unlabelled),
        "unlabelled_warnings": unl_w, "labels_not_reported": len(stale),
        "stats": stats,
    }
    print("%s @ %s" % (spec["codebase"], spec["commit"][:12]))
    print("findings=%d warnings=%d remarks=%d assumed_from_class=%d files_analysed=%s" % (
        warnings + remarks, warnings, remarks, assumed,
        report.get("summary", {}).get("files_analysed", "?")))
    print("precision_at_warning=%s (%d TP, %d FP) remarks: %d TP of %d labelled" % (
        "%.3f" % precision if precision is not None else "n/a", tp_w, fp_w, tp_r, tp_r + fp_r))
    print("lost true positives=%d unlabelled=%d (warnings %d) labels no longer reported=%d" % (
        len(lost), len(unlabelled), unl_w, len(stale)))
    # A precision over labelled warnings says nothing of warnings nobody
    # read: say so, with the floor they would set if all were false alarms.
    floor = tp_w / (tp_w + fp_w + unl_w) if tp_w + fp_w + unl_w else None
    result["precision_floor"] = floor
    if unl_w:
        print("NOTE: %d warnings have no label; precision above covers labelled ones only "
              "(%.3f if every unlabelled warning were a false alarm)" % (unl_w, floor))
    if args.list_unlabelled:
        for key, sev, msg in unlabelled:
            print("  unlabelled %s:%d <-> %s:%d %s: %s" % (key[0], key[1], key[2], key[3], sev, msg))
        for l in stale:
            print("  not reported %s:%d <-> %s:%d %s (%s)" % (l["file"], l["line"], l["other_file"], l["other_line"],
                                                           l.get("variable", ""), l["label"]))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
