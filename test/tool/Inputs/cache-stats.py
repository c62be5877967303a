"""Prints, per report, how many files came from the fact cache."""
import json
import os
import sys

for path in sys.argv[1:]:
    with open(path) as f:
        report = json.load(f)
    name = os.path.splitext(os.path.basename(path))[0]
    print("%s: from cache %d, findings %d" % (
        name, report["summary"]["stats"].get("files_from_cache", -1),
        len(report["findings"])))
