"""Prints a concur JSON report as flat lines for FileCheck."""
import json
import sys

with open(sys.argv[1]) as f:
    r = json.load(f)
print("schema_version", r["schema_version"])
print("tool", r["tool"]["name"])
print("compile_database", r["inputs"]["compile_database"])
print("checks", r["inputs"]["checks"])
for f in r["files"]:
    print("file", f["file"], f["status"], f.get("error", ""))
for f in r["findings"]:
    loc = f["location"]
    print("finding", f["check"], f["severity"], "%s:%d:%d" % (loc["file"], loc["line"], loc["column"]))
    print("  message", f["message"])
    if "coroutine" in f:
        print("  coroutine", f["coroutine"]["name"], f["coroutine"]["id"])
    for key in ("category", "suggestion"):
        if key in f:
            print("  " + key, f[key])
    if "variable" in f:
        print("  variable", f["variable"]["name"], f["variable"]["path"])
    for a in f.get("accesses", []):
        l = a["location"]
        print("  access", a["kind"], "%s:%d:%d" % (l["file"], l["line"], l["column"]),
              "in", a["function"], "on thread", a["thread"], "locks", a["locks"])
    for t in f.get("threads", []):
        s = t["started_at"]
        print("  thread", t["name"], "started at",
              "%s:%d:%d" % (s["file"], s["line"], s["column"]) if s else None)
    for hop in f.get("chain", []):
        l = hop["location"]
        print("  hop", hop["function"]["name"], "%s:%d:%d" % (l["file"], l["line"], l["column"]), "->", hop["callee"])
        if "via" in hop:
            print("    via:", hop["via"])
s = r["summary"]
print("summary analysed=%d failed=%d findings=%s" % (s["files_analysed"], s["files_failed"], s["findings_by_check"]))
