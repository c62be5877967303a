#!/usr/bin/env python3
"""Scores concur-unsynchronized-shared-state on Infer's RacerD C++ tests.

    eval/races/suites/score_racerd.py [--split dev|test|all] [--list]
        [--labels racerd.json] [--build DIR] [--concur PATH] [--keep-report JSON]

racerd.json (next to this script) names the Infer commit, where its tests were
checked out (src_root), how the compile database was made, and one label per
unit: a (file, method) pair, "racy" or "safe", with its split ("dev" or
"test", by a hash of the file name). The tests themselves are never kept in
this repository: check them out at the commit given and make the database as
racerd.json says.

Only the files of the chosen split are analysed: the script writes a compile
database with just those entries (from --build, default
/work/corpora/racerd/build) to a temporary directory and runs concur on it
(eval/concur_report.py's run_concur). Each finding is mapped to the units it
touches: for both of its accesses, the access's function and the thread
(public entry) it was reached from, matched to a unit of the same file by
class and unqualified method name (qualifiers, templates and parameters are
dropped; an access in a lambda, named "lambda at FILE:L:C", goes to the unit
whose definition is the last one at or above line L). A unit is reported
when at least one finding touches it. Printed, per split, twice: with
warnings (and errors) only, and with warnings and remarks:

  TP racy units reported, FP safe units reported, FN racy units not
  reported, TN safe units not reported, precision TP/(TP+FP), recall
  TP/(TP+FN); and the findings that touched no unit.

--list prints the FP and FN units (FP with the messages of the findings
that touched them) and the findings that touched no unit.
"""
import argparse
import json
import os
import re
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", ".."))
from concur_report import other_access, run_concur  # noqa: E402

CHECK = "concur-unsynchronized-shared-state"
LAMBDA = re.compile(r"^lambda at (.+):(\d+):(\d+)$")


def split_qualified(name):
    """'ns::C<T>::m(int)' -> ['ns', 'C', 'm']: top-level '::' parts, with
    template arguments and parameter lists removed."""
    out, depth, cur, i = [], 0, "", 0
    while i < len(name):
        ch = name[i]
        if ch in "<(":
            depth += 1
        elif ch in ">)":
            depth -= 1
        elif depth == 0 and name.startswith("::", i):
            out.append(cur)
            cur = ""
            i += 2
            continue
        elif depth == 0:
            cur += ch
        i += 1
    out.append(cur)
    return [p.strip() for p in out if p.strip()]


def class_method(name):
    parts = split_qualified(name)
    if len(parts) < 2:
        return None
    return parts[-2], parts[-1]


class Suite:
    def __init__(self, units):
        self.units = units
        self.by_key = {}
        self.by_file = {}
        for u in units:
            self.by_key[(u["file"], u["class"], u["method"])] = u
            self.by_file.setdefault(u["file"], []).append(u)

    def units_for(self, file, name):
        """The unit that the function NAME of an access in FILE is, if any."""
        base = os.path.basename(file)
        m = LAMBDA.match(name or "")
        if m:
            line = int(m.group(2))
            above = [u for u in self.by_file.get(base, []) if u["line"] <= line]
            return [max(above, key=lambda u: u["line"])] if above else []
        cm = class_method(name or "")
        if not cm:
            return []
        u = self.by_key.get((base,) + cm)
        return [u] if u else []

    def touched(self, finding):
        accs = finding.get("accesses") or [{"location": finding["location"], "function": None}]
        hit = {}
        for a in accs:
            file = a["location"]["file"]
            for name in (a.get("function"), a.get("thread")):
                for u in self.units_for(file, name):
                    hit[id(u)] = u
        return list(hit.values())


def score(units, reported):
    tp = sum(1 for u in units if u["label"] == "racy" and id(u) in reported)
    fp = sum(1 for u in units if u["label"] == "safe" and id(u) in reported)
    fn = sum(1 for u in units if u["label"] == "racy" and id(u) not in reported)
    tn = sum(1 for u in units if u["label"] == "safe" and id(u) not in reported)
    prec = tp / (tp + fp) if tp + fp else None
    rec = tp / (tp + fn) if tp + fn else None
    return {"TP": tp, "FP": fp, "FN": fn, "TN": tn, "precision": prec, "recall": rec}


def fmt(x):
    return "n/a" if x is None else "%.3f" % x


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--list", action="store_true", help="print the FP and FN units and unmatched findings")
    ap.add_argument("--labels", default=os.path.join(HERE, "racerd.json"))
    ap.add_argument("--build", default="/work/corpora/racerd/build",
                    help="directory holding the suite's compile_commands.json")
    ap.add_argument("--concur", default=os.path.join(HERE, "..", "..", "..", "build", "bin", "concur"))
    ap.add_argument("--keep-report", help="keep concur's JSON report here")
    ap.add_argument("--json", help="write the scores here as JSON")
    args = ap.parse_args()

    with open(args.labels) as f:
        spec = json.load(f)
    splits = ("dev", "test") if args.split == "all" else (args.split,)
    units = [u for u in spec["units"] if u["split"] in splits]
    files = {u["file"] for u in units}
    suite = Suite(units)

    with open(os.path.join(args.build, "compile_commands.json")) as f:
        db = [e for e in json.load(f) if os.path.basename(e["file"]) in files]
    missing = files - {os.path.basename(e["file"]) for e in db}
    if missing:
        sys.exit("not in the compile database: " + ", ".join(sorted(missing)))
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "compile_commands.json"), "w") as f:
            json.dump(db, f, indent=1)
        out = args.keep_report or os.path.join(tmp, "report.json")
        report = run_concur(args.concur, tmp, CHECK, out)

    findings = [f for f in report["findings"] if f["check"] == CHECK]
    # Drop any finding outside the split's files (none expected: only they are analysed).
    findings = [f for f in findings
                if any(os.path.basename(a["location"]["file"]) in files
                       for a in (f.get("accesses") or [{"location": f["location"]}]))]
    rep_w, rep_all = {}, {}
    msgs = {}
    unmatched = []
    n_w = n_r = 0
    for f in findings:
        warn = f["severity"] in ("warning", "error")
        n_w += warn
        n_r += not warn
        hit = suite.touched(f)
        if not hit:
            unmatched.append(f)
        for u in hit:
            rep_all[id(u)] = u
            if warn:
                rep_w[id(u)] = u
            msgs.setdefault(id(u), []).append(f)

    result = {"suite": spec["suite"], "commit": spec["commit"], "split": args.split,
              "files": len(files), "units": len(units),
              "racy_units": sum(u["label"] == "racy" for u in units),
              "findings": len(findings), "warnings": n_w, "remarks": n_r,
              "unmatched_findings": len(unmatched),
              "warnings_only": score(units, rep_w), "warnings_and_remarks": score(units, rep_all)}
    print("%s @ %s, split %s: %d files, %d units (%d racy, %d safe)" % (
        spec["suite"], spec["commit"][:12], args.split, len(files), len(units),
        result["racy_units"], len(units) - result["racy_units"]))
    print("findings=%d warnings=%d remarks=%d touching no unit=%d" % (
        len(findings), n_w, n_r, len(unmatched)))
    for key, title in (("warnings_only", "warnings only       "), ("warnings_and_remarks", "warnings + remarks  ")):
        s = result[key]
        print("%s TP=%d FP=%d FN=%d TN=%d precision=%s recall=%s" % (
            title, s["TP"], s["FP"], s["FN"], s["TN"], fmt(s["precision"]), fmt(s["recall"])))

    if args.list:
        def show(f):
            loc, other = f["location"], other_access(f)
            fn = {(a["location"]["file"], a["location"]["line"]): a.get("function")
                  for a in f.get("accesses") or []}
            where = " <-> ".join("%s:%d %s" % (os.path.basename(l["file"]), l["line"],
                                               fn.get((l["file"], l["line"]), ""))
                                 for l in (loc, other))
            return "      [%s] %s\n        %s" % (f["severity"], where, f["message"])
        for u in units:
            if u["label"] == "safe" and id(u) in rep_all:
                lvl = "warning" if id(u) in rep_w else "remark only"
                print("FP (%s) %s %s:%d" % (lvl, u["file"], u["procedure"], u["line"]))
                for f in msgs[id(u)]:
                    print(show(f))
        for u in units:
            if u["label"] == "racy" and id(u) not in rep_w:
                lvl = "reported as remark only" if id(u) in rep_all else "not reported"
                print("FN (%s) %s %s:%d issues.exp lines %s [%s]" % (
                    lvl, u["file"], u["procedure"], u["line"], u["issues_exp_lines"] or "-", u["label_source"]))
                for f in msgs.get(id(u), []):
                    print(show(f))
        for f in unmatched:
            print("touching no unit:")
            print(show(f))

    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
