"""Prints each finding of a concur JSON report as 'check fingerprint', and
its project path with --paths; never lines, which unrelated edits change."""
import json
import sys

with open(sys.argv[1]) as f:
    r = json.load(f)
for f in r["findings"]:
    fields = [f["check"], f["fingerprint"]]
    if "--paths" in sys.argv[2:]:
        fields.append(f["project_path"])
    print(*fields)
