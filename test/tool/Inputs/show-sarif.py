"""Prints a SARIF log as flat lines for FileCheck."""
import json
import sys

with open(sys.argv[1]) as f:
    log = json.load(f)
print("version", log["version"])
run = log["runs"][0]
print("tool", run["tool"]["driver"]["name"])
for rule in run["tool"]["driver"]["rules"]:
    print("rule", rule["id"])
for r in run["results"]:
    loc = r["locations"][0]["physicalLocation"]
    print("result", r["ruleId"], r["level"], "%s:%d:%d" % (
        loc["artifactLocation"]["uri"], loc["region"]["startLine"],
        loc["region"]["startColumn"]))
    for rel in r.get("relatedLocations", []):
        p = rel["physicalLocation"]
        print("  related", "%s:%d:%d" % (p["artifactLocation"]["uri"],
              p["region"]["startLine"], p["region"]["startColumn"]),
              rel.get("message", {}).get("text", ""))
inv = run["invocations"][0]
print("execution successful:", inv["executionSuccessful"])
for n in inv.get("toolExecutionNotifications", []):
    print("notification", n["level"], n["message"]["text"])
