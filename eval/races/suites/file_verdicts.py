"""What the scorers of suites with one verdict per program file share: their
command line, getting concur's report, and its findings grouped by the
program file they are in (score_svcomp.py, score_valgrind.py)."""
import argparse
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
from concur_report import run_concur  # noqa: E402

CHECK = "concur-unsynchronized-shared-state"
HERE = os.path.dirname(os.path.abspath(__file__))


# What counts as reported: a warning (or error) only, or any finding of the
# check, remarks included.
VARIANTS = (("warnings", lambda f: f["severity"] in ("warning", "error")),
            ("with_remarks", lambda f: True))


def verdict(race, said):
    """TP, FN, FP or TN for a program that has a race (or not) and that
    concur reported (or not)."""
    return ("TP" if said else "FN") if race else ("FP" if said else "TN")


def ratio(a, b):
    return a / b if b else None


def fmt(x):
    return "%.3f" % x if x is not None else "n/a"


def argument_parser(description, labels_file):
    """The options every such scorer takes; a scorer may add its own."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--labels", default=os.path.join(HERE, labels_file))
    ap.add_argument("--build", help="directory with compile_commands.json (default: the labels' build_dir)")
    ap.add_argument("--src", help="source root (default: the labels' src_root)")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--list", action="store_true", help="list false positives and false negatives")
    ap.add_argument("--report", help="a JSON report of concur made earlier (no run)")
    ap.add_argument("--keep-report", help="keep concur's report here")
    ap.add_argument("--concur", default=os.path.join(HERE, "..", "..", "..", "build", "bin", "concur"))
    ap.add_argument("--json", help="write the scores here as JSON")
    return ap


def load_suite(args):
    """The labels, the source root, the build directory, and the tasks of
    the chosen split."""
    with open(args.labels) as f:
        spec = json.load(f)
    root = os.path.realpath(args.src or spec["src_root"])
    build = args.build or spec["build_dir"]
    tasks = [t for t in spec["tasks"] if args.split == "all" or t["split"] == args.split]
    return spec, root, build, tasks


def load_report(args, build, run_other=None):
    """The report given (--report), or one made now: by run_other when the
    scorer has its own way and returns one, else by one run of concur over
    the whole database (kept where --keep-report says)."""
    if args.report:
        with open(args.report) as f:
            return json.load(f)
    if run_other:
        report = run_other()
        if report is not None:
            return report
    if args.keep_report:
        return run_concur(args.concur, build, CHECK, args.keep_report)
    with tempfile.TemporaryDirectory() as tmp:
        return run_concur(args.concur, build, CHECK, os.path.join(tmp, "r.json"))


def relative_to(root):
    """Paths below root as relative paths, others as they are."""
    def rel(path):
        path = os.path.realpath(path)
        return os.path.relpath(path, root) if path.startswith(root + os.sep) else path
    return rel


def findings_by_file(report, rel):
    """The check's findings per program file, in report order, and how many
    pair two files (their accesses lie in another file than their own
    place): every program has its own main, so these would pair two."""
    by_file = {}
    mixed = 0
    for f in report["findings"]:
        if f["check"] != CHECK:
            continue
        own = rel(f["location"]["file"])
        others = {rel(a["location"]["file"]) for a in f.get("accesses") or []}
        mixed += bool(others - {own})
        by_file.setdefault(own, []).append(f)
    return by_file, mixed
