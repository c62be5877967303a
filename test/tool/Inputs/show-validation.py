"""Prints what the SARIF Multitool's validation log found, one line each:
'error SARIF1005 ...' or 'warning SARIF2005 ...' (its level defaults to
warning), then a closing line, so that FileCheck can forbid errors."""
import json
import sys

with open(sys.argv[1]) as f:
    log = json.load(f)
for run in log["runs"]:
    for r in run.get("results", []):
        msg = r.get("message", {})
        text = msg.get("text") or " ".join(msg.get("arguments", []))
        print(r.get("level", "warning"), r["ruleId"], text)
print("validation done")
