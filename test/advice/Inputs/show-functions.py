"""Prints the schema version and each function's class and CPU score."""
import json
import sys

with open(sys.argv[1]) as f:
    report = json.load(f)
print(report["schema_version"])
for fn in sorted(report["functions"], key=lambda f: f["name"]):
    print(fn["name"], fn["class"], fn["scores"]["cpu"])
